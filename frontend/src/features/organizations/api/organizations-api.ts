import { api, call, type Schemas } from '@/lib/api/client';

/** `archivedAt` is set when the organization is archived: out of the directory, kept where it is named. */
export type Organization = Schemas['OrganizationDto'];
export type OrganizationPage = Schemas['OrganizationPageDto'];

export interface OrganizationSearch {
  search: string;
  page: number;
  limit: number;
  /** The archived organizations only (admins and evaluators). */
  archived?: boolean;
}

export function fetchOrganizations({ search, page, limit, archived }: OrganizationSearch, signal?: AbortSignal): Promise<OrganizationPage> {
  return call(api.GET('/api/organizations', { params: { query: { search, page, limit, archived: archived || undefined } }, signal }));
}
