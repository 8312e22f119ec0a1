import type { InstrumentKind, PolicyValue, ScheduleKind } from '@repere/contract';
import { apiRequest, type Paginated } from '@/lib/api-client';

// The evaluator's side of plans: the tree to edit, and the writes of each of its parts
// (backend/src/plans: orientations, objectives, actions, expected results).

export const ROLES_WHO_EDIT = ['admin', 'evaluator'] as const;

export interface SessionUser {
  id: string;
  email: string;
  role: string;
}

/** The signed-in user: who may write plans, indicators, questionnaires and work cells. */
export function fetchMe(signal?: AbortSignal): Promise<SessionUser> {
  return apiRequest<SessionUser>('/auth/me', { signal });
}

export interface Schedule {
  kind: ScheduleKind;
  date: string | null;
  recurrence: string | null;
  text: string;
}

/** What decides which data count in a plan's figures, and in which zone its days are read. */
export interface PlanDataSettings {
  /** IANA time zone, e.g. America/Toronto. */
  timeZone: string;
  /** 'YYYY-MM-DD'; null means the plan's start date. */
  dataFrom: string | null;
  /** 'YYYY-MM-DD'; null means the plan's end date. */
  dataUntil: string | null;
}

export interface PlanOption extends PlanDataSettings {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  midtermDate: string;
}

export interface ExpectedResultNode {
  id: string;
  text: string;
  position: number;
  objectiveId: string;
  actionId: string | null;
}

export interface IndicatorNode {
  id: string;
  name: string;
  kind: string;
  status: string;
  unit: string | null;
  position: number;
  actionId: string | null;
}

export interface InstrumentNode {
  id: string;
  kind: InstrumentKind;
  name: string;
  actionId: string | null;
}

export interface ActionNode {
  id: string;
  objectiveId: string;
  position: number;
  description: string;
  schedule: Schedule;
  resources: string | null;
  values: PolicyValue[];
  expectedResults: ExpectedResultNode[];
  indicators: IndicatorNode[];
}

export interface ObjectiveNode {
  id: string;
  code: string;
  title: string;
  position: number;
  parentId: string | null;
  objectives: ObjectiveNode[];
  actions: ActionNode[];
  expectedResults: ExpectedResultNode[];
  indicators: IndicatorNode[];
}

export interface OrientationNode {
  id: string;
  number: number;
  title: string;
  position: number;
  objectives: ObjectiveNode[];
}

export interface PlanTree extends PlanDataSettings {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  midtermDate: string;
  orientations: OrientationNode[];
  instruments: InstrumentNode[];
}

export function fetchPlanOptions(signal?: AbortSignal): Promise<Paginated<PlanOption>> {
  return apiRequest<Paginated<PlanOption>>('/plans', { query: { page: 1, limit: 200 }, signal });
}

export function fetchPlanTree(planId: string, signal?: AbortSignal): Promise<PlanTree> {
  return apiRequest<PlanTree>(`/plans/${encodeURIComponent(planId)}/tree`, { signal });
}

/** PATCH /plans/{id} with the data period and time zone only: the rest of the plan is left as it is. */
export function updatePlanDataSettings(planId: string, body: PlanDataSettings): Promise<unknown> {
  return apiRequest<unknown>(`/plans/${encodeURIComponent(planId)}`, { method: 'PATCH', body });
}

export interface OrientationBody {
  planId?: string;
  number?: number;
  title?: string;
  position?: number;
}

export interface ObjectiveBody {
  orientationId?: string;
  parentId?: string | null;
  code?: string;
  title?: string;
  position?: number;
}

export interface ActionBody {
  objectiveId?: string;
  description?: string;
  schedule?: { kind: ScheduleKind; date?: string | null; recurrence?: string | null; text: string };
  resources?: string | null;
  values?: PolicyValue[];
  position?: number;
}

export interface ExpectedResultBody {
  objectiveId?: string;
  actionId?: string | null;
  text?: string;
  position?: number;
}

/** The four parts of a plan share one shape of endpoints. */
export type PlanPart = 'orientations' | 'objectives' | 'actions' | 'expected-results';

export function createPart<T>(part: PlanPart, body: object): Promise<T> {
  return apiRequest<T>(`/${part}`, { method: 'POST', body });
}

export function updatePart<T>(part: PlanPart, id: string, body: object): Promise<T> {
  return apiRequest<T>(`/${part}/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deletePart(part: PlanPart, id: string): Promise<void> {
  return apiRequest<void>(`/${part}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
