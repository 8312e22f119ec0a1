import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EVALUATION_WRITERS, isOneOf } from '@repere/contract';
import {
  closeEvaluation,
  fetchCurrentUser,
  fetchEvaluation,
  fetchEvaluations,
  fetchPlan,
  openEvaluation,
  saveAssessment,
  type AssessmentInput,
  type OpenEvaluation,
} from '@/features/evaluations/api/evaluations-api';
import { ApiError } from '@/lib/api-client';

export const EVALUATIONS_PAGE_SIZE = 20;

/** How often a page asks again while the workers freeze a snapshot (a freeze takes seconds, not minutes). */
export const FREEZE_POLL_MS = 1500;

export const evaluationKeys = {
  all: ['evaluations'] as const,
  me: ['evaluations', 'me'] as const,
  plan: (planId: string) => ['evaluations', 'plan', planId] as const,
  lists: (planId: string) => ['evaluations', 'list', planId] as const,
  list: (planId: string, page: number) => ['evaluations', 'list', planId, page] as const,
  detail: (id: string) => ['evaluations', 'detail', id] as const,
};

/** Whether the signed-in user may open, assess and close evaluations and ask for their reports; the API decides in the end. */
export function useCanWrite(): boolean {
  const me = useQuery({
    queryKey: evaluationKeys.me,
    queryFn: ({ signal }) => fetchCurrentUser(signal),
    staleTime: 5 * 60_000,
  });
  return isOneOf(EVALUATION_WRITERS, me.data?.role);
}

export function usePlanInfo(planId: string) {
  return useQuery({
    queryKey: evaluationKeys.plan(planId),
    queryFn: ({ signal }) => fetchPlan(planId, signal),
    enabled: planId !== '',
  });
}

export function useEvaluations(planId: string, page: number) {
  return useQuery({
    queryKey: evaluationKeys.list(planId, page),
    queryFn: ({ signal }) => fetchEvaluations(planId, page, EVALUATIONS_PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
    // The list follows an evaluation being frozen until the workers are done with it.
    refetchInterval: (query) => (query.state.data?.items.some((e) => e.state === 'freezing') ? FREEZE_POLL_MS : false),
  });
}

export function useEvaluation(id: string) {
  return useQuery({
    queryKey: evaluationKeys.detail(id),
    queryFn: ({ signal }) => fetchEvaluation(id, signal),
    refetchInterval: (query) => (query.state.data?.state === 'freezing' ? FREEZE_POLL_MS : false),
  });
}

export function useOpenEvaluation(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenEvaluation) => openEvaluation(planId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evaluationKeys.lists(planId) }),
  });
}

export function useSaveAssessment(evaluationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ objectiveId, body }: { objectiveId: string; body: AssessmentInput }) => saveAssessment(evaluationId, objectiveId, body),
    // The assessment and the history's new line come back with the evaluation.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evaluationKeys.detail(evaluationId) }),
    // A 409: closed meanwhile (by someone else): the page turns read-only.
    onError: (error) => {
      if (error instanceof ApiError && error.statusCode === 409)
        void queryClient.invalidateQueries({ queryKey: evaluationKeys.detail(evaluationId) });
    },
  });
}

export function useCloseEvaluation(evaluationId: string, planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => closeEvaluation(evaluationId),
    onSettled: async () => {
      // A 409 (closed meanwhile by someone else) is worth a fresh look too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: evaluationKeys.detail(evaluationId) }),
        queryClient.invalidateQueries({ queryKey: evaluationKeys.lists(planId) }),
      ]);
    },
  });
}
