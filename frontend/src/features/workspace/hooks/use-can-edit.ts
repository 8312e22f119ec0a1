import { useQuery } from '@tanstack/react-query';
import { isOneOf, PLAN_WRITERS } from '@repere/contract';
import { fetchMe } from '@/features/workspace/api/plan-api';

/**
 * Whether the signed-in user may change plans, indicators, questionnaires and work cells (the API's PLAN_WRITERS).
 * The key is the session's own (['auth', 'me']): the user the shell already loaded, not a second request.
 */
export function useCanEdit(): { canEdit: boolean; pending: boolean } {
  const me = useQuery({ queryKey: ['auth', 'me'], queryFn: ({ signal }) => fetchMe(signal), staleTime: 5 * 60_000 });
  return {
    canEdit: isOneOf(PLAN_WRITERS, me.data?.role),
    pending: me.isPending,
  };
}
