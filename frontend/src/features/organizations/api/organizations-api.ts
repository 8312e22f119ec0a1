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

/** The fields of an organization's record one may change (UpdateOrganizationDto). */
export type OrganizationChanges = Schemas['UpdateOrganizationDto'];

export function fetchOrganization(id: string, signal?: AbortSignal): Promise<Organization> {
  return call(api.GET('/api/organizations/{id}', { params: { path: { id } }, signal }));
}

/** Admins and evaluators change any record; a partner its own organization's (another's answers 403). */
export function updateOrganization(id: string, body: OrganizationChanges): Promise<Organization> {
  return call(api.PATCH('/api/organizations/{id}', { params: { path: { id } }, body }));
}
