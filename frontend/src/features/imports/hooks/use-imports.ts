import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { isOneOf, PLAN_WRITERS } from '@repere/contract';
import {
  confirmImport,
  createImport,
  deleteImport,
  fetchImport,
  fetchImports,
  fetchMe,
  fetchPlanOptions,
  fetchQuestionnaireOptions,
  updateImportOptions,
  type ImportDto,
  type ImportOptionsInput,
  type ImportStatus,
  type NewImport,
} from '@/features/imports/api/imports-api';

/** How often an import the workers are busy with is looked at again. */
export const IMPORT_POLL_MS = 500;

export const IMPORTS_PAGE_SIZE = 10;

export const importKeys = {
  all: ['imports'] as const,
  lists: ['imports', 'list'] as const,
  list: (page: number) => ['imports', 'list', page] as const,
  detail: (id: string) => ['imports', 'detail', id] as const,
  plans: ['imports', 'plans'] as const,
  questionnaires: ['imports', 'questionnaires'] as const,
};

/** Keys of the read-only pages (features plans, work-cells, questionnaires) that show what an import created. */
const readPageKeys = [['plans'], ['work-cells'], ['questionnaires'], ['workspace']] as const;

export const isBusy = (status: ImportStatus | undefined): boolean => status === 'analyzing' || status === 'importing';

/** Whether the signed-in user may import; the key is the session's own, so the shell's user is reused. */
export function useCanImport(): { canImport: boolean; pending: boolean } {
  const me = useQuery({ queryKey: ['auth', 'me'], queryFn: ({ signal }) => fetchMe(signal), staleTime: 5 * 60_000 });
  return { canImport: isOneOf(PLAN_WRITERS, me.data?.role), pending: me.isPending };
}

export function useImports(page: number) {
  return useQuery({
    queryKey: importKeys.list(page),
    queryFn: ({ signal }) => fetchImports(page, IMPORTS_PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
    // Imports the workers are busy with move on in the list too, more slowly than on their own page.
    refetchInterval: (query) => (query.state.data?.items.some((item) => isBusy(item.status)) ? 2000 : false),
  });
}

export function useImport(id: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.detail(id),
    queryFn: ({ signal }) => fetchImport(id, signal),
    enabled: id !== '',
    staleTime: 0,
    refetchInterval: (q) => (isBusy(q.state.data?.status) ? IMPORT_POLL_MS : false),
  });

  // Once the workers are done, the pages that show plans, cells and responses must read them again.
  const status = query.data?.status;
  const previous = useRef(status);
  useEffect(() => {
    if (status === 'done' && previous.current !== undefined && previous.current !== 'done') {
      for (const key of readPageKeys) void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: importKeys.lists });
    }
    previous.current = status;
  }, [status, queryClient]);
  return query;
}

export function usePlanOptions() {
  return useQuery({ queryKey: importKeys.plans, queryFn: ({ signal }) => fetchPlanOptions(signal) });
}

export function useQuestionnaireOptions(enabled = true) {
  return useQuery({ queryKey: importKeys.questionnaires, queryFn: ({ signal }) => fetchQuestionnaireOptions(signal), enabled });
}

/** The import the server answers with is put in the cache, so its page opens without a second request. */
function useStore() {
  const queryClient = useQueryClient();
  return (dto: ImportDto): void => {
    queryClient.setQueryData(importKeys.detail(dto.id), dto);
    void queryClient.invalidateQueries({ queryKey: importKeys.lists });
  };
}

export function useCreateImport() {
  const store = useStore();
  return useMutation({ mutationFn: (body: NewImport) => createImport(body), onSuccess: store });
}

export function useUpdateImportOptions(id: string) {
  const store = useStore();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (options: ImportOptionsInput) => updateImportOptions(id, options),
    onSuccess: store,
    // A 409 (confirmed meanwhile, in another tab): the page shows where the import stands now.
    onError: () => void queryClient.invalidateQueries({ queryKey: importKeys.detail(id) }),
  });
}

export function useConfirmImport(id: string) {
  const store = useStore();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => confirmImport(id),
    onSuccess: store,
    onError: () => void queryClient.invalidateQueries({ queryKey: importKeys.detail(id) }),
  });
}

export function useDeleteImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteImport(id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: importKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: importKeys.lists });
    },
  });
}
