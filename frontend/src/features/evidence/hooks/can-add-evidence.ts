import { PLAN_WRITERS } from '@repere/contract';
import type { User } from '@/features/auth/api/auth-api';
import { canWrite } from '@/features/auth/hooks/use-can';

/**
 * Who adds and removes a record's files, as the API decides (backend/src/evidence/evidence-owners.ts): plan writers
 * for any record; a partner for its own organization's (`organizationIds`: the count's recorder, the action's
 * responsible organizations, the work cell's partners). The committee reads.
 */
export function canAddEvidence(
  user: Pick<User, 'role' | 'organizationId'> | undefined,
  organizationIds: readonly (string | null | undefined)[] = [],
): boolean {
  if (!user) return false;
  if (canWrite(user.role, PLAN_WRITERS)) return true;
  return user.role === 'partner' && user.organizationId !== null && organizationIds.includes(user.organizationId);
}
