import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { LoadingState } from '@/components/query-state';
import { useCurrentUser, useSessionToken } from '@/features/auth/hooks/use-session';

export interface LoginRedirectState {
  from?: string;
}

const ForcedPasswordChangePage = lazy(async () => ({
  default: (await import('@/features/account/components/forced-password-change-page')).ForcedPasswordChangePage,
}));

/**
 * Staff pages need a session; without one (or once the API answered 401) the user goes to /login. An account signed
 * in with a temporary password sees only the forced password change until it is done (the API refuses the rest).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const token = useSessionToken();
  const location = useLocation();
  const user = useCurrentUser();
  if (!token) {
    const state: LoginRedirectState = { from: `${location.pathname}${location.search}${location.hash}` };
    return <Navigate to="/login" replace state={state} />;
  }
  if (user.data?.mustChangePassword) {
    return (
      <Suspense fallback={<LoadingState />}>
        <ForcedPasswordChangePage />
      </Suspense>
    );
  }
  return children;
}
