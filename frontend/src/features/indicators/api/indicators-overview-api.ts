import { api, call, type Schemas } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

export type IndicatorOverview = Schemas['IndicatorOverviewDto'];
export type IndicatorOverviewPage = Schemas['IndicatorOverviewPageDto'];
export type OverviewFilters = NonNullable<paths['/api/indicators/overview']['get']['parameters']['query']>;

/** Every indicator of the plans in use, with the figures the plans' dashboards publish today. */
export function fetchIndicatorOverview(query: OverviewFilters, signal?: AbortSignal): Promise<IndicatorOverviewPage> {
  return call(api.GET('/api/indicators/overview', { params: { query }, signal }));
}

export type PlanOption = Pick<Schemas['PlanDto'], 'id' | 'title'>;

/** The plans in use, for the plan filter (the largest page: a region has a handful of plans). */
export async function fetchPlanOptions(signal?: AbortSignal): Promise<PlanOption[]> {
  const page = await call(api.GET('/api/plans', { params: { query: { limit: 200 } }, signal }));
  return page.items.map(({ id, title }) => ({ id, title }));
}
