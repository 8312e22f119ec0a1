import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@backend/users/role';

export const IS_PUBLIC = 'repere:isPublic';
export const ROLES_KEY = 'repere:roles';

/** No account needed (residents' pages, health, login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const BEFORE_PASSWORD_CHANGE = 'repere:beforePasswordChange';

/**
 * Reachable by an account signed in with a temporary password before it is changed (reading oneself, changing
 * it): every other staff route answers 403 password_change_required until then.
 */
export const AllowedBeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE, true);

/** Only these roles may call the route; without it, any signed-in staff member may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The roles that may change a plan and everything in it: declared once in @repere/contract (the web app reads it too). */
export { PLAN_WRITERS } from '@repere/contract';

export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  organizationId: string | null;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
