import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import {
  acceptInvitation,
  changePassword,
  fetchCurrentUser,
  login,
  type ChangePasswordRequest,
  type LoginRequest,
  type User,
} from '@/features/auth/api/auth-api';
import { clearSessionToken, getSessionToken, setSessionToken, subscribeSessionToken } from '@/lib/session-token';

export const currentUserKey = ['auth', 'me'] as const;

export function useSessionToken(): string | null {
  return useSyncExternalStore(subscribeSessionToken, getSessionToken, () => null);
}

export function useCurrentUser() {
  const token = useSessionToken();
  return useQuery<User>({
    queryKey: currentUserKey,
    queryFn: ({ signal }) => fetchCurrentUser(signal),
    enabled: token !== null,
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => login(credentials),
    onSuccess: ({ accessToken, user }) => {
      // Whatever a previous user had loaded must not leak into this session.
      queryClient.clear();
      queryClient.setQueryData(currentUserKey, user);
      setSessionToken(accessToken);
    },
  });
}

/** The password chosen through an invitation link: the person is then signed in, as by the login form. */
export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => acceptInvitation(token, password),
    onSuccess: ({ accessToken, user }) => {
      queryClient.clear();
      queryClient.setQueryData(currentUserKey, user);
      setSessionToken(accessToken);
    },
  });
}

/** One's own password change; the session goes on with the token the answer carries. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => changePassword(body),
    onSuccess: ({ accessToken, user }) => {
      queryClient.setQueryData(currentUserKey, user);
      setSessionToken(accessToken);
    },
  });
}

export function useSignOut(): () => void {
  const queryClient = useQueryClient();
  return () => {
    clearSessionToken();
    queryClient.clear();
  };
}
