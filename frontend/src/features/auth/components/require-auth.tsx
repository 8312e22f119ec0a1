import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSessionToken } from '@/features/auth/hooks/use-session';

export interface LoginRedirectState {
  from?: string;
}

/** Staff pages need a session; without one (or once the API answered 401) the user goes to /login. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const token = useSessionToken();
  const location = useLocation();
  if (!token) {
    const state: LoginRedirectState = { from: `${location.pathname}${location.search}${location.hash}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return children;
}
