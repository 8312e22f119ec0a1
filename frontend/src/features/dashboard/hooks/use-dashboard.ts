import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { Dimension, Grain } from '@repere/contract';
import {
  fetchIndicator,
  fetchIndicatorValues,
  fetchPlan,
  fetchPlanProgress,
  fetchPlanTree,
  fetchWorkCell,
  fetchWorkCells,
  type FiguresView,
} from '@/features/dashboard/api/dashboard-api';

/**
 * The plan tree and a work cell are cached under the keys the plans and work-cells pages use for the same
 * responses, so that opening the dashboard from those pages costs no second request.
 */
export const dashboardKeys = {
  plan: (id: string) => ['plans', 'detail', id] as const,
  tree: (id: string) => ['plans', 'tree', id] as const,
  // Without an as-of date the API answers as of the plan's today: a key of its own, as that day moves.
  progress: (id: string, at: string | null) => ['dashboard', 'progress', id, at ?? 'today'] as const,
  indicator: (id: string) => ['dashboard', 'indicator', id] as const,
  values: (id: string, grain: Grain, by: Dimension | null, at: string | null, view: FiguresView = 'published') =>
    ['dashboard', 'values', id, grain, by, at ?? 'today', view] as const,
  workCells: ['dashboard', 'work-cells'] as const,
  workCell: (id: string) => ['work-cells', 'detail', id] as const,
};

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: dashboardKeys.plan(id ?? ''),
    queryFn: ({ signal }) => fetchPlan(id ?? '', signal),
    enabled: Boolean(id),
  });
}

export function usePlanTree(id: string) {
  return useQuery({ queryKey: dashboardKeys.tree(id), queryFn: ({ signal }) => fetchPlanTree(id, signal) });
}

/** The plan's figures as of `at`, or as of its today (in its time zone) when `at` is null. */
export function usePlanProgress(id: string | undefined, at: string | null) {
  return useQuery({
    queryKey: dashboardKeys.progress(id ?? '', at),
    queryFn: ({ signal }) => fetchPlanProgress(id ?? '', at, signal),
    enabled: Boolean(id),
    // Moving the date keeps the previous figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

export function useIndicator(id: string) {
  return useQuery({ queryKey: dashboardKeys.indicator(id), queryFn: ({ signal }) => fetchIndicator(id, signal) });
}

/**
 * The indicator's series at `grain`, as of `at` when the page is viewed as of a date: the published figures, or
 * the true ones (`unpublished`, which only evaluators and admins may ask for).
 */
export function useIndicatorValues(
  id: string,
  grain: Grain | undefined,
  at: string | null,
  view: FiguresView = 'published',
  enabled = true,
) {
  return useQuery({
    queryKey: dashboardKeys.values(id, grain ?? 'quarter', null, at, view),
    queryFn: ({ signal }) => fetchIndicatorValues(id, { grain: grain ?? 'quarter', at: at ?? undefined, view }, signal),
    enabled: enabled && Boolean(grain),
  });
}

/** One request per ADS+ dimension of the indicator, all at once. */
export function useIndicatorBreakdowns(
  id: string,
  grain: Grain | undefined,
  dimensions: readonly Dimension[],
  at: string | null,
  view: FiguresView = 'published',
) {
  return useQueries({
    queries: dimensions.map((by) => ({
      queryKey: dashboardKeys.values(id, grain ?? 'quarter', by, at, view),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchIndicatorValues(id, { grain: grain ?? 'quarter', by, at: at ?? undefined, view }, signal),
      enabled: Boolean(grain),
    })),
  });
}

export function useWorkCells() {
  return useQuery({ queryKey: dashboardKeys.workCells, queryFn: ({ signal }) => fetchWorkCells(signal) });
}

export function useWorkCell(id: string) {
  return useQuery({ queryKey: dashboardKeys.workCell(id), queryFn: ({ signal }) => fetchWorkCell(id, signal) });
}
