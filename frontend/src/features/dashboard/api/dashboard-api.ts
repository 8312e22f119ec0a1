import type { Dimension, Grain } from '@repere/contract';
import { api, call, type Schemas } from '@/lib/api/client';
import type { operations } from '@/lib/api/schema';

// What the dashboards read, as openapi.json describes it (lib/api/schema.d.ts, generated).

/**
 * A plan's dates: `timeZone` is its IANA time zone (its days are the days of the people it serves); `dataFrom` and
 * `dataUntil` its data period, null meaning its start and end dates; `archivedAt` set when it is archived.
 */
export type PlanDates = Schemas['PlanDto'];

/** What the dashboards read of an indicator definition, in the tree and from GET /indicators/{id}. */
export type IndicatorDefinition = Schemas['IndicatorDto'];
export type TreeAction = Schemas['ActionNodeDto'];
export type TreeObjective = Schemas['ObjectiveNodeDto'];
export type TreeOrientation = Schemas['OrientationNodeDto'];
export type PlanTree = Schemas['PlanTreeDto'];

/**
 * One indicator of GET /plans/{id}/progress: `suppressed` when the value has 1 to k − 1 people behind it (there is
 * data; it is not published); `period`/`periodEnd` the period the value was read from; `partial` when it is cut by
 * the as-of date or the plan's data period.
 */
export type IndicatorProgress = Schemas['IndicatorProgressDto'];

/** `at`: the as-of date of the figures; `today`: today in the plan's time zone; `ended`: statuses are final. */
export type PlanProgress = Schemas['PlanProgressDto'];

/**
 * The disclosure control every published figure went through (the cell-key method): a count of people is moved by
 * at most `maxDeviation` (D), a figure with 1 to k − 1 people behind it is hidden; manual values are exact.
 */
export type Disclosure = Schemas['DisclosureParamsDto'];

/** Which figures the values endpoint gives: the published ones (everyone), or the true ones (evaluators, admins). */
export type FiguresView = NonNullable<SeriesQuery['view']>;
type SeriesQuery = NonNullable<operations['indicatorValues_series']['parameters']['query']>;

/**
 * One cell of GET /indicators/{id}/values: suppressed cells have value and n null, never 0. In the true figures
 * (`view=unpublished`) every cell has its values, `suppressed` says whether its published figure is hidden, and
 * `notForPublication` is set.
 */
export type ValueCell = Schemas['SeriesPointDto'];

export type WorkCellSummary = Schemas['WorkCellSummaryDto'];
export type WorkCellSummaryPage = Schemas['WorkCellSummaryPageDto'];
export type WorkStep = Schemas['WorkStepDto'];
export type Partnership = Schemas['CellPartnershipDto'];
export type WorkCell = Schemas['WorkCellDto'];

export function fetchPlan(id: string, signal?: AbortSignal): Promise<PlanDates> {
  return call(api.GET('/api/plans/{id}', { params: { path: { id } }, signal }));
}

export function fetchPlanTree(id: string, signal?: AbortSignal): Promise<PlanTree> {
  return call(api.GET('/api/plans/{id}/tree', { params: { path: { id } }, signal }));
}

/** Without `at`, the API answers as of today in the plan's time zone. */
export function fetchPlanProgress(id: string, at: string | null, signal?: AbortSignal): Promise<PlanProgress> {
  return call(api.GET('/api/plans/{id}/progress', { params: { path: { id }, query: { at: at ?? undefined } }, signal }));
}

export function fetchIndicator(id: string, signal?: AbortSignal): Promise<IndicatorDefinition> {
  return call(api.GET('/api/indicators/{id}', { params: { path: { id } }, signal }));
}

export function fetchIndicatorValues(
  id: string,
  params: { grain: Grain; by?: Dimension; at?: string; view?: FiguresView },
  signal?: AbortSignal,
): Promise<ValueCell[]> {
  // `at` cuts the series as of that day: later periods left out, the period holding it counted up to it.
  // The published figures are the API's default: `view` is only sent for the true ones.
  const { view, ...rest } = params;
  return call(
    api.GET('/api/indicators/{id}/values', {
      params: { path: { id }, query: view === 'unpublished' ? { ...rest, view } : rest },
      signal,
    }),
  );
}

export function fetchWorkCells(signal?: AbortSignal): Promise<WorkCellSummaryPage> {
  return call(api.GET('/api/work-cells', { params: { query: { page: 1, limit: 200 } }, signal }));
}

export function fetchWorkCell(id: string, signal?: AbortSignal): Promise<WorkCell> {
  return call(api.GET('/api/work-cells/{id}', { params: { path: { id } }, signal }));
}
