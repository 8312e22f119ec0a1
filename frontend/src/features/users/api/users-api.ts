import { api, call, type Schemas } from '@/lib/api/client';

export type User = Schemas['UserDto'];
export type UserPage = Schemas['UserPageDto'];
/** A created or reset account, with the invitation's token or the temporary password: shown once. */
export type UserWithCredentials = Schemas['UserWithCredentialsDto'];
export type CreateUserRequest = Schemas['CreateUserDto'];
export type UpdateUserRequest = Schemas['UpdateUserDto'];
export type ResetCredentials = Schemas['ResetUserDto']['credentials'];

export function fetchUsers(page: number, limit: number, signal?: AbortSignal): Promise<UserPage> {
  return call(api.GET('/api/users', { params: { query: { page, limit } }, signal }));
}

export function createUser(body: CreateUserRequest): Promise<UserWithCredentials> {
  return call(api.POST('/api/users', { body }));
}

export function updateUser(id: string, body: UpdateUserRequest): Promise<User> {
  return call(api.PATCH('/api/users/{id}', { params: { path: { id } }, body }));
}

export function resetUser(id: string, credentials: ResetCredentials): Promise<UserWithCredentials> {
  return call(api.POST('/api/users/{id}/reset', { params: { path: { id } }, body: { credentials } }));
}

/** The web app's page where an invitation's token is used: the link the admin hands over. */
export const invitationLink = (token: string): string => `${window.location.origin}/invitation/${encodeURIComponent(token)}`;
