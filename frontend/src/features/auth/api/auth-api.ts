import { anonymousApi, api, call, type Schemas } from '@/lib/api/client';
import { getDeviceToken, setDeviceToken } from '@/lib/device-token';

export type User = Schemas['UserDto'];
export type LoginRequest = Omit<Schemas['LoginDto'], 'deviceToken'>;
/** `deviceToken` is sent back with this account's next sign-in from this browser (lib/device-token.ts). */
export type LoginResponse = Schemas['SessionDto'];
export type ChangePasswordRequest = Schemas['ChangePasswordDto'];
export type PasswordChanged = Schemas['PasswordChangedDto'];
export type Invitation = Schemas['InvitationDto'];

export async function login(body: LoginRequest): Promise<LoginResponse> {
  const deviceToken = getDeviceToken(body.email);
  const reply = await call(anonymousApi.POST('/api/auth/login', { body: deviceToken ? { ...body, deviceToken } : body }));
  if (reply.deviceToken) setDeviceToken(body.email, reply.deviceToken);
  return reply;
}

/** One's own change: the answer's token replaces this session's (every other session of the user ends). */
export function changePassword(body: ChangePasswordRequest): Promise<PasswordChanged> {
  return call(api.POST('/api/auth/password', { body }));
}

export function fetchCurrentUser(signal?: AbortSignal): Promise<User> {
  return call(api.GET('/api/auth/me', { signal }));
}

/** Whom an invitation link is for, while it works (410 once used or expired). */
export function fetchInvitation(token: string, signal?: AbortSignal): Promise<Invitation> {
  return call(anonymousApi.GET('/api/auth/invitations/{token}', { params: { path: { token } }, signal }));
}

/** The person chooses their password through the link; the answer signs them in. */
export function acceptInvitation(token: string, password: string): Promise<PasswordChanged> {
  return call(anonymousApi.POST('/api/auth/invitations/{token}', { params: { path: { token } }, body: { password } }));
}
