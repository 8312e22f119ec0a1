import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  createIndicator,
  createManualValue,
  deleteIndicator,
  fetchIndicator,
  fetchIndicatorValues,
  fetchManualValues,
  fetchPlanProgress,
  updateIndicator,
  type FiguresView,
  type IndicatorBody,
  type ManualValueBody,
} from '@/features/workspace/api/indicators-api';
import { fetchQuestionnaire, fetchQuestionnaires } from '@/features/workspace/api/questionnaires-api';
import { readPageKeys, workspaceKeys } from '@/features/workspace/hooks/workspace-keys';

/** How often the page asks whether the workers have computed the value yet. */
export const VALUE_POLL_MS = 1000;
/** After a save the previous value may still be shown for a moment: polling goes on this long, then stops. */
export const RECOMPUTE_WINDOW_MS = 20_000;
/** How long an indicator without any value is polled before the page stops asking. */
export const NO_VALUE_WINDOW_MS = 60_000;

export function useIndicatorDefinition(id: string) {
  return useQuery({ queryKey: workspaceKeys.indicator(id), queryFn: ({ signal }) => fetchIndicator(id, signal), enabled: id !== '' });
}

export function usePlanQuestionnaires(planId: string) {
  return useQuery({
    queryKey: workspaceKeys.questionnaires(planId),
    queryFn: ({ signal }) => fetchQuestionnaires(planId, signal),
    enabled: planId !== '',
  });
}

/** The questionnaire's working copy: its questions and their choices, to pick what an indicator counts. */
export function useQuestionnaireDetail(id: string) {
  return useQuery({
    queryKey: workspaceKeys.questionnaire(id),
    queryFn: ({ signal }) => fetchQuestionnaire(id, signal),
    enabled: id !== '',
  });
}

/**
 * The values the workers computed, polled while none exists yet or while a save is recent (the recompute runs
 * in the worker process, a moment after the API answered). A definition that finds nothing to count stops
 * being polled after a minute; the page then offers to look again. `view`: the published series, or the true one
 * (evaluators and admins).
 */
export function useLiveValues(indicatorId: string, planId: string, savedAt: number | null, view: FiguresView = 'published') {
  const [openedAt] = useState(() => Date.now());
  const polling = (hasValue: boolean): number | false => {
    const now = Date.now();
    if (savedAt !== null && now - savedAt < RECOMPUTE_WINDOW_MS) return VALUE_POLL_MS;
    return !hasValue && now - (savedAt ?? openedAt) < NO_VALUE_WINDOW_MS ? VALUE_POLL_MS : false;
  };
  const values = useQuery({
    // Under the indicator's values key, which saves invalidate, one entry per view.
    queryKey: [...workspaceKeys.values(indicatorId), view],
    queryFn: ({ signal }) => fetchIndicatorValues(indicatorId, view, signal),
    refetchInterval: (query) => polling((query.state.data?.length ?? 0) > 0),
    staleTime: 0,
  });
  const progress = useQuery({
    queryKey: workspaceKeys.progress(planId),
    queryFn: ({ signal }) => fetchPlanProgress(planId, signal),
    enabled: planId !== '',
    refetchInterval: (query) => {
      const own = query.state.data?.indicators.find((indicator) => indicator.id === indicatorId);
      // A suppressed value (a period, but no value) is computed all the same.
      return polling(own !== undefined && (own.value !== null || own.period !== null));
    },
    staleTime: 0,
  });
  return { values, progress };
}

export function useSaveIndicator(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IndicatorBody) => (id ? updateIndicator(id, body) : createIndicator(body)),
    onSuccess: async (saved) => {
      queryClient.setQueryData(workspaceKeys.indicator(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: readPageKeys.plans });
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.values(saved.id) });
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.progress(saved.planId) });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.tree(saved.planId) });
    },
  });
}

export function useDeleteIndicator(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteIndicator(id),
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: readPageKeys.plans });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.tree(planId) });
    },
  });
}

export function useManualValues(indicatorId: string, enabled: boolean) {
  return useQuery({
    queryKey: workspaceKeys.manualValues(indicatorId),
    queryFn: ({ signal }) => fetchManualValues(indicatorId, signal),
    enabled,
  });
}

export function useAddManualValue(indicatorId: string, planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ManualValueBody) => createManualValue(body),
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.values(indicatorId) });
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.progress(planId) });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.manualValues(indicatorId) });
    },
  });
}
