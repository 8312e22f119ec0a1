import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createPartnership,
  createStep,
  createWorkCell,
  deletePartnership,
  deleteStep,
  deleteWorkCell,
  fetchEditableWorkCell,
  fetchObjectiveOptions,
  fetchWorkCellList,
  searchOrganizations,
  updatePartnership,
  updateStep,
  updateWorkCell,
  type PartnershipBody,
  type StepBody,
  type WorkCellBody,
} from '@/features/workspace/api/work-cells-api';
import { readPageKeys, workspaceKeys } from '@/features/workspace/hooks/workspace-keys';

export function useWorkCellList() {
  return useQuery({ queryKey: workspaceKeys.workCells, queryFn: ({ signal }) => fetchWorkCellList(signal) });
}

export function useEditableWorkCell(id: string) {
  return useQuery({ queryKey: workspaceKeys.workCell(id), queryFn: ({ signal }) => fetchEditableWorkCell(id, signal), enabled: id !== '' });
}

export function useObjectiveOptions() {
  return useQuery({ queryKey: workspaceKeys.objectives, queryFn: ({ signal }) => fetchObjectiveOptions(signal) });
}

export function useOrganizationSearch(search: string) {
  return useQuery({
    queryKey: workspaceKeys.organizations(search),
    queryFn: ({ signal }) => searchOrganizations(search, signal),
    placeholderData: keepPreviousData,
  });
}

/** After any write to a cell, its page and the lists that count its steps and partners are read again. */
function useRefresh() {
  const queryClient = useQueryClient();
  return async (cellId: string): Promise<void> => {
    void queryClient.invalidateQueries({ queryKey: readPageKeys.workCells });
    void queryClient.invalidateQueries({ queryKey: workspaceKeys.workCells });
    await queryClient.invalidateQueries({ queryKey: workspaceKeys.workCell(cellId) });
  };
}

export function useSaveWorkCell(id: string | null) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: WorkCellBody) => (id ? updateWorkCell(id, body) : createWorkCell(body)),
    onSuccess: (saved) => refresh(saved.id),
  });
}

export function useDeleteWorkCell() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteWorkCell(id),
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: readPageKeys.workCells });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.workCells });
    },
  });
}

export type StepWrite =
  { kind: 'create'; body: StepBody & { text: string } } | { kind: 'update'; id: string; body: StepBody } | { kind: 'delete'; id: string };

export function useStepWrite(cellId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (write: StepWrite): Promise<unknown> => {
      if (write.kind === 'create') return createStep({ ...write.body, workCellId: cellId });
      if (write.kind === 'update') return updateStep(write.id, write.body);
      return deleteStep(write.id);
    },
    onSettled: () => refresh(cellId),
  });
}

/** Moves a step: each step whose place changed gets its new position. */
export function useStepOrder(cellId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (changes: { id: string; position: number }[]) => {
      for (const change of changes) await updateStep(change.id, { position: change.position });
    },
    onSettled: () => refresh(cellId),
  });
}

export type PartnershipWrite =
  | { kind: 'create'; organizationId: string; body: PartnershipBody }
  | { kind: 'update'; id: string; body: PartnershipBody }
  | { kind: 'delete'; id: string };

export function usePartnershipWrite(cellId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (write: PartnershipWrite): Promise<unknown> => {
      if (write.kind === 'create') return createPartnership({ ...write.body, workCellId: cellId, organizationId: write.organizationId });
      if (write.kind === 'update') return updatePartnership(write.id, write.body);
      return deletePartnership(write.id);
    },
    onSuccess: () => refresh(cellId),
  });
}
