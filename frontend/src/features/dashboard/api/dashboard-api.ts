import type { Dimension, Direction, Grain, IndicatorKind, ProgressStatus } from '@repere/contract';
import { apiRequest, type Paginated } from '@/lib/api-client';

export interface PlanDates {
  id: string;
  title: string;
  startDate: string | null;
  endDate: string | null;
  midtermDate: string | null;
  /** The plan's IANA time zone: its days (today, a response's date) are the days of the people it serves. */
  timeZone: string;
  /** The data period, 'YYYY-MM-DD'; null means the plan's start date / end date. */
  dataFrom: string | null;
  dataUntil: string | null;
  /** Set when the plan is archived: read-only until an admin restores it. */
  archivedAt?: string | null;
}

/** What the dashboards read of an indicator definition, in the tree and from GET /indicators/{id}. */
export interface IndicatorDefinition {
  id: string;
  planId?: string;
  objectiveId?: string;
  actionId: string | null;
  name: string;
  unit: string | null;
  kind: IndicatorKind;
  direction: Direction;
  grain: Grain;
  baselineValue: number | null;
  baselineDate: string | null;
  midtermTarget: number | null;
  finalTarget: number | null;
  dimensions: Dimension[];
  /** Set when the indicator is archived (read by id only): read-only until an admin restores it. */
  archivedAt?: string | null;
}

export interface TreeAction {
  id: string;
  position: number;
  description: string;
  indicators: IndicatorDefinition[];
}

export interface TreeObjective {
  id: string;
  code: string;
  title: string;
  position: number;
  parentId: string | null;
  objectives: TreeObjective[];
  actions: TreeAction[];
  indicators: IndicatorDefinition[];
}

export interface TreeOrientation {
  id: string;
  number: number;
  title: string;
  position: number;
  objectives: TreeObjective[];
}

export interface PlanTree extends PlanDates {
  orientations: TreeOrientation[];
}

/** One indicator of GET /plans/{id}/progress. */
export interface IndicatorProgress {
  id: string;
  name: string;
  kind: IndicatorKind;
  unit: string | null;
  objectiveId: string;
  actionId: string | null;
  direction: Direction;
  baseline: { value: number | null; date: string | null };
  midtermTarget: number | null;
  finalTarget: number | null;
  value: number | null;
  n: number | null;
  /** The value has 1 to k − 1 people behind it: hidden by the disclosure layer (there is data; it is not published). */
  suppressed: boolean;
  definitionStatus: string;
  /** The start of the period the value was read from ('YYYY-MM-DD'), null without any value. */
  period: string | null;
  /** The last day counted in that period, or null. */
  periodEnd: string | null;
  /** The period is not whole: cut by the as-of date or by the plan's data period. */
  partial: boolean;
  status: ProgressStatus;
}

export interface PlanProgress {
  planId: string;
  /** The as-of date of the figures: the one asked for, or the plan's today. */
  at: string;
  /** Today in the plan's time zone: what « today » means on the dashboards, whatever the reader's clock says. */
  today: string;
  timeZone: string;
  /** The as-of date is on or after the plan's end date: statuses are then final (achieved or not achieved). */
  ended: boolean;
  /** The days that count in the plan's figures. */
  dataPeriod: { from: string; until: string };
  /** How published figures are protected: counts of 1 to k − 1 people hidden, the others within ±maxDeviation. */
  disclosure: Disclosure;
  indicators: IndicatorProgress[];
}

/**
 * The disclosure control every published figure went through (the cell-key method): a count of people is moved by
 * at most `maxDeviation` (D), a figure with 1 to k − 1 people behind it is hidden; manual values are exact.
 */
export interface Disclosure {
  k: number;
  maxDeviation: number;
}

/** Which figures the values endpoint gives: the published ones (everyone), or the true ones (evaluators, admins). */
export type FiguresView = 'published' | 'unpublished';

/**
 * One cell of GET /indicators/{id}/values: suppressed cells have value and n null, never 0. In the true figures
 * (`view=unpublished`) every cell has its values, `suppressed` says whether its published figure is hidden, and
 * `notForPublication` is set.
 */
export interface ValueCell {
  period: string;
  category?: string;
  value: number | null;
  n: number | null;
  suppressed: boolean;
  cumulativeValue: number | null;
  cumulativeN: number | null;
  cumulativeSuppressed: boolean;
  notForPublication?: boolean;
}

export interface WorkCellSummary {
  id: string;
  name: string;
  objectiveId: string | null;
  stepsDone: number;
  stepsTotal: number;
  partnerCount: number;
}

export interface WorkStep {
  id: string;
  position: number;
  text: string;
  done: boolean;
  phase: string | null;
  date: string | null;
}

export interface Partnership {
  id: string;
  organization: { id: string; name: string; acronym: string | null } | null;
  network: string | null;
  sector: string | null;
}

export interface WorkCell extends WorkCellSummary {
  startDate: string | null;
  steps: WorkStep[];
  partnerships: Partnership[];
}

const path = (...parts: string[]): string => parts.map((p) => `/${encodeURIComponent(p)}`).join('');

export function fetchPlan(id: string, signal?: AbortSignal): Promise<PlanDates> {
  return apiRequest<PlanDates>(path('plans', id), { signal });
}

export function fetchPlanTree(id: string, signal?: AbortSignal): Promise<PlanTree> {
  return apiRequest<PlanTree>(`${path('plans', id)}/tree`, { signal });
}

/** Without `at`, the API answers as of today in the plan's time zone. */
export function fetchPlanProgress(id: string, at: string | null, signal?: AbortSignal): Promise<PlanProgress> {
  return apiRequest<PlanProgress>(`${path('plans', id)}/progress`, { query: { at }, signal });
}

export function fetchIndicator(id: string, signal?: AbortSignal): Promise<IndicatorDefinition> {
  return apiRequest<IndicatorDefinition>(path('indicators', id), { signal });
}

export function fetchIndicatorValues(
  id: string,
  params: { grain: Grain; by?: Dimension; at?: string; view?: FiguresView },
  signal?: AbortSignal,
): Promise<ValueCell[]> {
  // `at` cuts the series as of that day: later periods left out, the period holding it counted up to it.
  // The published figures are the API's default: `view` is only sent for the true ones.
  const { view, ...rest } = params;
  return apiRequest<ValueCell[]>(`${path('indicators', id)}/values`, {
    query: view === 'unpublished' ? { ...rest, view } : rest,
    signal,
  });
}

export function fetchWorkCells(signal?: AbortSignal): Promise<Paginated<WorkCellSummary>> {
  return apiRequest<Paginated<WorkCellSummary>>('/work-cells', { query: { page: 1, limit: 200 }, signal });
}

export function fetchWorkCell(id: string, signal?: AbortSignal): Promise<WorkCell> {
  return apiRequest<WorkCell>(path('work-cells', id), { signal });
}
