import { api, call, type Schemas } from '@/lib/api/client';

export type OrganizationSummary = Schemas['OrganizationRefDto'];
/** `archivedAt` is set when the plan is archived (lists show it only when asked for the archived ones). */
export type PlanSummary = Schemas['PlanDto'];
export type PlanPage = Schemas['PlanPageDto'];
/** `recurrence`: an RRULE, e.g. FREQ=YEARLY;BYMONTH=8; `text`: the words of the original plan, « Annuel – août ». */
export type Schedule = Schemas['ScheduleDto'];
export type ExpectedResult = Schemas['ExpectedResultDto'];
export type Indicator = Schemas['IndicatorDto'];
export type Instrument = Schemas['InstrumentDto'];
export type Action = Schemas['ActionNodeDto'];
export type Objective = Schemas['ObjectiveNodeDto'];
export type Orientation = Schemas['OrientationNodeDto'];
export type PlanTree = Schemas['PlanTreeDto'];

/** `archived`: the archived plans only (admins and evaluators). */
export function fetchPlans(page: number, limit: number, signal?: AbortSignal, archived = false): Promise<PlanPage> {
  return call(api.GET('/api/plans', { params: { query: { page, limit, archived: archived || undefined } }, signal }));
}

export function fetchPlanTree(id: string, signal?: AbortSignal): Promise<PlanTree> {
  return call(api.GET('/api/plans/{id}/tree', { params: { path: { id } }, signal }));
}

export type NewPlan = Schemas['CreatePlanDto'];

/** A plan from scratch: its tree is then built in the editor (/workspace/plans/:id). */
export function createPlan(body: NewPlan): Promise<PlanSummary> {
  return call(api.POST('/api/plans', { body }));
}
