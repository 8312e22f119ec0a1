import { isOneOf, PLAN_WRITERS, type Role } from '@repere/contract';
import type { User } from '@/features/auth/api/auth-api';
import { useCurrentUser } from '@/features/auth/hooks/use-session';

// What the signed-in user may change, in one place: every « Modifier » link, form and box of the web app asks here,
// and the answers follow the API's own rules (the writer lists of @repere/contract, a partner's own organization and
// work cells), so the web app never offers a change the API would refuse with 403.

type SessionUser = Pick<User, 'role' | 'organizationId'>;

/** Whether a role (a session's, maybe not loaded yet) is in one of the contract's writer lists (PLAN_WRITERS…). */
export function canWrite(role: string | null | undefined, writers: readonly Role[]): boolean {
  return isOneOf(writers, role);
}

/** Admins and evaluators change any organization's record; a partner, its own organization's only. */
export function canEditOrganization(user: SessionUser | undefined, organizationId: string): boolean {
  if (!user) return false;
  if (canWrite(user.role, PLAN_WRITERS)) return true;
  return user.role === 'partner' && user.organizationId !== null && user.organizationId === organizationId;
}

/** Plan writers tick any work cell's steps; a partner, those of the cells its organization is a partner in. */
export function canTickSteps(user: SessionUser | undefined, partnerships: readonly { organizationId: string }[]): boolean {
  if (!user) return false;
  if (canWrite(user.role, PLAN_WRITERS)) return true;
  return user.role === 'partner' && user.organizationId !== null && partnerships.some((p) => p.organizationId === user.organizationId);
}

export interface Can {
  /** The session's user, once loaded. */
  user: User | undefined;
  /** Until the user is loaded nothing is allowed: a page waits (`pending`) rather than flash a link it then removes. */
  pending: boolean;
  /** Whether the user's role is one of `writers`. */
  can: boolean;
}

/** The signed-in user and whether its role is one of `writers` (the contract's PLAN_WRITERS, EVALUATION_WRITERS…). */
export function useCan(writers: readonly Role[] = PLAN_WRITERS): Can {
  const me = useCurrentUser();
  return { user: me.data, pending: me.isPending, can: canWrite(me.data?.role, writers) };
}
