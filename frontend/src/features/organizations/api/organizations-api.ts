import { apiRequest, type Paginated } from '@/lib/api-client';

export type Network = 'communautaire' | 'institutionnel' | 'philanthropique' | 'concertation_locale' | 'bailleur_de_fonds';

export interface Organization {
  id: string;
  name: string;
  acronym: string | null;
  network: Network | null;
  sector: string | null;
}

export interface OrganizationSearch {
  search: string;
  page: number;
  limit: number;
}

export function fetchOrganizations(
  { search, page, limit }: OrganizationSearch,
  signal?: AbortSignal,
): Promise<Paginated<Organization>> {
  return apiRequest<Paginated<Organization>>('/organizations', { query: { search, page, limit }, signal });
}
