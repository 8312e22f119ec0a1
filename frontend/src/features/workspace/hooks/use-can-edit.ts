import { PLAN_WRITERS } from '@repere/contract';
import { useCan } from '@/features/auth/hooks/use-can';

/**
 * Whether the signed-in user may change plans, indicators, questionnaires and work cells (the API's PLAN_WRITERS),
 * asked of the web app's one rule (features/auth/hooks/use-can.ts).
 */
export function useCanEdit(): { canEdit: boolean; pending: boolean } {
  const { can, pending } = useCan(PLAN_WRITERS);
  return { canEdit: can, pending };
}
