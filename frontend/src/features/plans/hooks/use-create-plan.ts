import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createPlan, type NewPlan } from '@/features/plans/api/plans-api';
import { planKeys } from '@/features/plans/hooks/use-plans';

/** Creates a plan and refreshes every list that shows plans (this page's and the workspace's). */
export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPlan) => createPlan(body),
    onSuccess: async () => {
      await Promise.all([planKeys.all, ['workspace']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
