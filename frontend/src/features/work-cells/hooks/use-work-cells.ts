import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchWorkCell, fetchWorkCells, setStepDone, type WorkCell } from '@/features/work-cells/api/work-cells-api';

export const WORK_CELLS_PAGE_SIZE = 50;

export const workCellKeys = {
  all: ['work-cells'] as const,
  list: (page: number) => ['work-cells', 'list', page] as const,
  detail: (id: string) => ['work-cells', 'detail', id] as const,
};

export function useWorkCells(page: number) {
  return useQuery({
    queryKey: workCellKeys.list(page),
    queryFn: ({ signal }) => fetchWorkCells(page, WORK_CELLS_PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
  });
}

export function useWorkCell(id: string) {
  return useQuery({
    queryKey: workCellKeys.detail(id),
    queryFn: ({ signal }) => fetchWorkCell(id, signal),
  });
}

/**
 * Ticks or unticks a step of a cell. The box shows the new state at once (one that springs back until the server
 * answers reads as a refusal); a refusal puts the server's state back, and the cell and the lists are read again.
 */
export function useTickStep(cellId: string) {
  const queryClient = useQueryClient();
  const key = workCellKeys.detail(cellId);
  return useMutation({
    mutationFn: ({ stepId, done }: { stepId: string; done: boolean }) => setStepDone(stepId, done),
    onMutate: async ({ stepId, done }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<WorkCell>(key);
      if (before) {
        const steps = before.steps.map((step) => (step.id === stepId ? { ...step, done } : step));
        queryClient.setQueryData<WorkCell>(key, { ...before, steps, stepsDone: steps.filter((step) => step.done).length });
      }
      return { before };
    },
    onError: (_error, _variables, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: workCellKeys.all });
      // The workspace's copy of the cell and its hub's progress (its own keys, features/workspace).
      void queryClient.invalidateQueries({ queryKey: ['workspace'] });
    },
  });
}
