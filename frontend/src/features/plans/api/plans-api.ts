import type {
  Direction,
  Grain,
  IndicatorKind,
  IndicatorStatus,
  InstrumentKind,
  PolicyValue,
  ScheduleKind,
} from '@repere/contract';
import { apiRequest, type Paginated } from '@/lib/api-client';

export interface OrganizationSummary {
  id: string;
  name: string;
  acronym: string | null;
}

export interface PlanSummary {
  id: string;
  title: string;
  description: string | null;
  ownerOrganizationId: string | null;
  ownerOrganization: OrganizationSummary | null;
  startDate: string | null;
  endDate: string | null;
  midtermDate: string | null;
  /** Set when the plan is archived (lists show it only when asked for the archived ones). */
  archivedAt?: string | null;
}

export interface Schedule {
  kind: ScheduleKind;
  date: string | null;
  /** An RRULE, e.g. FREQ=YEARLY;BYMONTH=8. */
  recurrence: string | null;
  /** The words of the original plan: « Annuel – août ». */
  text: string;
}

export interface ExpectedResult {
  id: string;
  text: string;
  position: number;
  actionId: string | null;
}

export interface Indicator {
  id: string;
  name: string;
  unit: string | null;
  kind: IndicatorKind;
  status: IndicatorStatus;
  direction: Direction;
  grain: Grain;
  baselineValue: number | null;
  baselineDate: string | null;
  midtermTarget: number | null;
  finalTarget: number | null;
  dimensions: string[];
  actionId: string | null;
  expectedResultId: string | null;
  instrumentIds: string[];
}

export interface Instrument {
  id: string;
  kind: InstrumentKind;
  name: string;
  description: string | null;
  actionId: string | null;
}

export interface Action {
  id: string;
  position: number;
  description: string;
  schedule: Schedule;
  resources: string | null;
  values: PolicyValue[];
  responsibleOrganizations: OrganizationSummary[];
  expectedResults: ExpectedResult[];
  indicators: Indicator[];
  instruments: Instrument[];
}

export interface Objective {
  id: string;
  code: string;
  title: string;
  position: number;
  parentId: string | null;
  objectives: Objective[];
  actions: Action[];
  expectedResults: ExpectedResult[];
  indicators: Indicator[];
}

export interface Orientation {
  id: string;
  number: number;
  title: string;
  position: number;
  objectives: Objective[];
}

export interface PlanTree extends Omit<PlanSummary, 'ownerOrganizationId'> {
  orientations: Orientation[];
}

/** `archived`: the archived plans only (admins and evaluators). */
export function fetchPlans(page: number, limit: number, signal?: AbortSignal, archived = false): Promise<Paginated<PlanSummary>> {
  return apiRequest<Paginated<PlanSummary>>('/plans', { query: { page, limit, archived: archived || undefined }, signal });
}

export function fetchPlanTree(id: string, signal?: AbortSignal): Promise<PlanTree> {
  return apiRequest<PlanTree>(`/plans/${encodeURIComponent(id)}/tree`, { signal });
}
