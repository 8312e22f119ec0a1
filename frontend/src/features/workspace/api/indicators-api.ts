import { api, call, type Schemas } from '@/lib/api/client';
import type { operations } from '@/lib/api/schema';

// backend/src/indicators (definitions) and backend/src/aggregation (the values the workers computed).

export type IndicatorDefinition = Schemas['IndicatorDto'];

/** What the form sends: every field a definition has, so a PATCH is the form's whole state too. */
export type IndicatorBody = Required<Omit<Schemas['CreateIndicatorDto'], 'position'>>;

/**
 * A period of GET /indicators/{id}/values. Published, a suppressed cell has value and n null; among the true figures
 * (`view=unpublished`, evaluators and admins only) it has them, `suppressed` saying its published figure is hidden.
 */
export type ValueCell = Schemas['SeriesPointDto'];

/** The published figures (everyone), or the true ones (evaluators, admins; never to be published). */
export type FiguresView = NonNullable<NonNullable<operations['indicatorValues_series']['parameters']['query']>['view']>;

/** One indicator of the plan's progress: `value` null without any period, or when its figure is suppressed. */
export type IndicatorProgress = Schemas['IndicatorProgressDto'];

/** What the live value reads of GET /plans/{id}/progress (asked without a date: as of the plan's today). */
export type PlanProgress = Schemas['PlanProgressDto'];

export type InstrumentOption = Schemas['InstrumentDto'];
export type ManualValue = Schemas['ManualValueDto'];
export type ManualValueBody = Schemas['CreateManualValueDto'];

export function fetchIndicator(id: string, signal?: AbortSignal): Promise<IndicatorDefinition> {
  return call(api.GET('/api/indicators/{id}', { params: { path: { id } }, signal }));
}

export function createIndicator(body: IndicatorBody): Promise<IndicatorDefinition> {
  return call(api.POST('/api/indicators', { body }));
}

export function updateIndicator(id: string, body: Partial<IndicatorBody>): Promise<IndicatorDefinition> {
  return call(api.PATCH('/api/indicators/{id}', { params: { path: { id } }, body }));
}

export async function deleteIndicator(id: string): Promise<void> {
  await call(api.DELETE('/api/indicators/{id}', { params: { path: { id } } }));
}

export function fetchIndicatorValues(id: string, view: FiguresView, signal?: AbortSignal): Promise<ValueCell[]> {
  return call(
    api.GET('/api/indicators/{id}/values', {
      params: { path: { id }, query: view === 'unpublished' ? { view } : undefined },
      signal,
    }),
  );
}

export function fetchPlanProgress(planId: string, signal?: AbortSignal): Promise<PlanProgress> {
  return call(api.GET('/api/plans/{id}/progress', { params: { path: { id: planId } }, signal }));
}

export function fetchInstruments(planId: string, signal?: AbortSignal): Promise<Schemas['InstrumentPageDto']> {
  return call(api.GET('/api/instruments', { params: { query: { planId, page: 1, limit: 200 } }, signal }));
}

export function fetchManualValues(indicatorId: string, signal?: AbortSignal): Promise<Schemas['ManualValuePageDto']> {
  return call(api.GET('/api/manual-values', { params: { query: { indicatorId, page: 1, limit: 50 } }, signal }));
}

export function createManualValue(body: ManualValueBody): Promise<ManualValue> {
  return call(api.POST('/api/manual-values', { body }));
}
