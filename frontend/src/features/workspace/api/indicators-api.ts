import type {
  Dimension,
  Direction,
  Grain,
  IndicatorKind,
  IndicatorSource,
  IndicatorStatus,
  InstrumentKind,
  ProgressStatus,
} from '@repere/contract';
import { apiRequest, type Paginated } from '@/lib/api-client';

// backend/src/indicators (definitions) and backend/src/aggregation (the values the workers computed).


export interface IndicatorDefinition {
  id: string;
  planId: string;
  objectiveId: string;
  actionId: string | null;
  expectedResultId: string | null;
  name: string;
  unit: string | null;
  kind: IndicatorKind;
  status: IndicatorStatus;
  baselineValue: number | null;
  baselineDate: string | null;
  midtermTarget: number | null;
  finalTarget: number | null;
  direction: Direction;
  grain: Grain;
  dimensions: Dimension[];
  source: IndicatorSource;
  instrumentIds: string[];
}

export type IndicatorBody = Omit<IndicatorDefinition, 'id' | 'planId'>;

/**
 * A period of GET /indicators/{id}/values. Published, a suppressed cell has value and n null; among the true figures
 * (`view=unpublished`, evaluators and admins only) it has them, `suppressed` saying its published figure is hidden.
 */
export interface ValueCell {
  period: string;
  value: number | null;
  n: number | null;
  suppressed: boolean;
  cumulativeValue: number | null;
  cumulativeN: number | null;
  cumulativeSuppressed: boolean;
  notForPublication?: boolean;
}

/** The published figures (everyone), or the true ones (evaluators, admins; never to be published). */
export type FiguresView = 'published' | 'unpublished';

export interface IndicatorProgress {
  id: string;
  name: string;
  kind: IndicatorKind;
  unit: string | null;
  /** Null without any period, or when the period's figure is suppressed (its n is then null too). */
  value: number | null;
  n: number | null;
  period: string | null;
  /** The last day counted in that period, or null. */
  periodEnd: string | null;
  /** The period is not whole: cut by the as-of date or by the plan's data period. */
  partial: boolean;
  status: ProgressStatus;
}

/** What the live value reads of GET /plans/{id}/progress (asked without a date: as of the plan's today). */
export interface PlanProgress {
  planId: string;
  at: string;
  dataPeriod: { from: string; until: string };
  /** How the published figures are protected: 1 to k − 1 people suppressed, counts within ±maxDeviation. */
  disclosure: { k: number; maxDeviation: number };
  indicators: IndicatorProgress[];
}

export interface InstrumentOption {
  id: string;
  kind: InstrumentKind;
  name: string;
  planId: string;
}

export interface ManualValue {
  id: string;
  indicatorId: string;
  date: string;
  value: number;
  evidence: string;
}

export function fetchIndicator(id: string, signal?: AbortSignal): Promise<IndicatorDefinition> {
  return apiRequest<IndicatorDefinition>(`/indicators/${encodeURIComponent(id)}`, { signal });
}

export function createIndicator(body: IndicatorBody): Promise<IndicatorDefinition> {
  return apiRequest<IndicatorDefinition>('/indicators', { method: 'POST', body });
}

export function updateIndicator(id: string, body: Partial<IndicatorBody>): Promise<IndicatorDefinition> {
  return apiRequest<IndicatorDefinition>(`/indicators/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deleteIndicator(id: string): Promise<void> {
  return apiRequest<void>(`/indicators/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function fetchIndicatorValues(id: string, view: FiguresView, signal?: AbortSignal): Promise<ValueCell[]> {
  return apiRequest<ValueCell[]>(`/indicators/${encodeURIComponent(id)}/values`, {
    query: view === 'unpublished' ? { view } : undefined,
    signal,
  });
}

export function fetchPlanProgress(planId: string, signal?: AbortSignal): Promise<PlanProgress> {
  return apiRequest<PlanProgress>(`/plans/${encodeURIComponent(planId)}/progress`, { signal });
}

export function fetchInstruments(planId: string, signal?: AbortSignal): Promise<Paginated<InstrumentOption>> {
  return apiRequest<Paginated<InstrumentOption>>('/instruments', { query: { planId, page: 1, limit: 200 }, signal });
}

export function fetchManualValues(indicatorId: string, signal?: AbortSignal): Promise<Paginated<ManualValue>> {
  return apiRequest<Paginated<ManualValue>>('/manual-values', { query: { indicatorId, page: 1, limit: 50 }, signal });
}

export function createManualValue(body: Omit<ManualValue, 'id'>): Promise<ManualValue> {
  return apiRequest<ManualValue>('/manual-values', { method: 'POST', body });
}
