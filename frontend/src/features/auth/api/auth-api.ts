import type { Role } from '@repere/contract';
import { apiRequest } from '@/lib/api-client';
import { getDeviceToken, setDeviceToken } from '@/lib/device-token';

export interface User {
  id: string;
  email: string;
  role: Role;
  organizationId: string | null;
  displayName: string | null;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  user: User;
  /** Sent back with this account's next sign-in from this browser (lib/device-token.ts). */
  deviceToken?: string;
}

export function login(body: LoginRequest): Promise<LoginResponse> {
  const deviceToken = getDeviceToken(body.email);
  return apiRequest<LoginResponse>('/auth/login', {
    method: 'POST',
    body: deviceToken ? { ...body, deviceToken } : body,
    authenticated: false,
  }).then((reply) => {
    if (reply.deviceToken) setDeviceToken(body.email, reply.deviceToken);
    return reply;
  });
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** One's own change: the answer's token replaces this session's (every other session of the user ends). */
export function changePassword(body: ChangePasswordRequest): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/password', { method: 'POST', body });
}

export function fetchCurrentUser(signal?: AbortSignal): Promise<User> {
  return apiRequest<User>('/auth/me', { signal });
}
