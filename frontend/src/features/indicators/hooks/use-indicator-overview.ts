import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchIndicatorOverview, fetchPlanOptions, type OverviewFilters } from '@/features/indicators/api/indicators-overview-api';

export const OVERVIEW_PAGE_SIZE = 50;

/** Under ['dashboard']: refreshed with the dashboards' figures (a restore, a recompute). */
export const overviewKeys = {
  list: (filters: OverviewFilters) => ['dashboard', 'indicator-overview', filters] as const,
  plans: ['plans', 'options'] as const,
};

export function useIndicatorOverview(filters: OverviewFilters) {
  return useQuery({
    queryKey: overviewKeys.list(filters),
    queryFn: ({ signal }) => fetchIndicatorOverview(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePlanOptions() {
  return useQuery({ queryKey: overviewKeys.plans, queryFn: ({ signal }) => fetchPlanOptions(signal) });
}
