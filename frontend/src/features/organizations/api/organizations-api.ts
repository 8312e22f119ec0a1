import type { Network } from '@repere/contract';
import { apiRequest, type Paginated } from '@/lib/api-client';

export interface Organization {
  id: string;
  name: string;
  acronym: string | null;
  network: Network | null;
  sector: string | null;
  /** Set when the organization is archived: out of the directory, kept where it is named. */
  archivedAt?: string | null;
}

export interface OrganizationSearch {
  search: string;
  page: number;
  limit: number;
  /** The archived organizations only (admins and evaluators). */
  archived?: boolean;
}

export function fetchOrganizations(
  { search, page, limit, archived }: OrganizationSearch,
  signal?: AbortSignal,
): Promise<Paginated<Organization>> {
  return apiRequest<Paginated<Organization>>('/organizations', {
    query: { search, page, limit, archived: archived || undefined },
    signal,
  });
}
