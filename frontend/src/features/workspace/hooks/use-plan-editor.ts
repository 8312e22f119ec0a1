import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createPart,
  deletePart,
  fetchPlanOptions,
  fetchPlanTree,
  updatePart,
  updatePlanDataSettings,
  type PlanDataSettings,
  type PlanPart,
} from '@/features/workspace/api/plan-api';
import { readPageKeys, workspaceKeys } from '@/features/workspace/hooks/workspace-keys';

export function usePlanOptions() {
  return useQuery({ queryKey: workspaceKeys.plans, queryFn: ({ signal }) => fetchPlanOptions(signal) });
}

export function useEditablePlanTree(planId: string) {
  return useQuery({
    queryKey: workspaceKeys.tree(planId),
    queryFn: ({ signal }) => fetchPlanTree(planId, signal),
    enabled: planId !== '',
  });
}

export type PlanWrite =
  | { kind: 'create'; part: PlanPart; body: object }
  | { kind: 'update'; part: PlanPart; id: string; body: object }
  | { kind: 'delete'; part: PlanPart; id: string };

/** One write to a part of the plan; the tree is read again before the write counts as done. */
export function usePlanWrite(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (write: PlanWrite): Promise<unknown> => {
      if (write.kind === 'create') return createPart(write.part, write.body);
      if (write.kind === 'update') return updatePart(write.part, write.id, write.body);
      return deletePart(write.part, write.id);
    },
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: readPageKeys.plans });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.tree(planId) });
    },
  });
}

/** Saves the plan's data period and time zone; every page that shows its figures reads them again. */
export function usePlanDataSettingsWrite(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanDataSettings) => updatePlanDataSettings(planId, body),
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: readPageKeys.plans });
      void queryClient.invalidateQueries({ queryKey: readPageKeys.dashboard });
      void queryClient.invalidateQueries({ queryKey: readPageKeys.evaluations });
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.plans });
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.progress(planId) });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.tree(planId) });
    },
  });
}

export interface PositionChange {
  part: PlanPart;
  id: string;
  position: number;
}

/**
 * Moves an item among its siblings: every sibling whose place changed gets its new position (siblings created
 * without one all share 0, so swapping two numbers would not be enough).
 */
export function useReorder(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: PositionChange[]) => {
      for (const change of changes) await updatePart(change.part, change.id, { position: change.position });
    },
    onSettled: async () => {
      void queryClient.invalidateQueries({ queryKey: readPageKeys.plans });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.tree(planId) });
    },
  });
}

/** The position changes that move `items[index]` by `delta` places. */
export function moveChanges<T extends { id: string; position: number }>(
  part: PlanPart,
  items: readonly T[],
  index: number,
  delta: -1 | 1,
): PositionChange[] {
  const target = index + delta;
  if (target < 0 || target >= items.length) return [];
  const order = [...items];
  const [moved] = order.splice(index, 1);
  if (!moved) return [];
  order.splice(target, 0, moved);
  return order.flatMap((item, position) => (item.position === position ? [] : [{ part, id: item.id, position }]));
}
