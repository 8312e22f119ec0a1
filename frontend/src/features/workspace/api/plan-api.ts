import { api, call, type Schemas } from '@/lib/api/client';

// The evaluator's side of plans: the tree to edit, and the writes of each of its parts
// (backend/src/plans: orientations, objectives, actions, expected results). The shapes are openapi.json's
// (lib/api/schema.d.ts, generated).

export type SessionUser = Schemas['UserDto'];

/** The signed-in user: who may write plans, indicators, questionnaires and work cells. */
export function fetchMe(signal?: AbortSignal): Promise<SessionUser> {
  return call(api.GET('/api/auth/me', { signal }));
}

export type Schedule = Schemas['ScheduleDto'];

/**
 * What decides which data count in a plan's figures, and in which zone its days are read: `timeZone` (IANA, e.g.
 * America/Toronto), `dataFrom` and `dataUntil` ('YYYY-MM-DD'; null means the plan's start / end date).
 */
export type PlanDataSettings = Required<Pick<Schemas['UpdatePlanDto'], 'timeZone' | 'dataFrom' | 'dataUntil'>>;

export type PlanOption = Schemas['PlanDto'];
export type ExpectedResultNode = Schemas['ExpectedResultDto'];
export type IndicatorNode = Schemas['IndicatorDto'];
export type InstrumentNode = Schemas['InstrumentDto'];
export type ActionNode = Schemas['ActionNodeDto'];
export type ObjectiveNode = Schemas['ObjectiveNodeDto'];
export type OrientationNode = Schemas['OrientationNodeDto'];
export type PlanTree = Schemas['PlanTreeDto'];

export function fetchPlanOptions(signal?: AbortSignal): Promise<Schemas['PlanPageDto']> {
  return call(api.GET('/api/plans', { params: { query: { page: 1, limit: 200 } }, signal }));
}

export function fetchPlanTree(planId: string, signal?: AbortSignal): Promise<PlanTree> {
  return call(api.GET('/api/plans/{id}/tree', { params: { path: { id: planId } }, signal }));
}

/** PATCH /plans/{id} with the data period and time zone only: the rest of the plan is left as it is. */
export function updatePlanDataSettings(planId: string, body: PlanDataSettings): Promise<Schemas['PlanDto']> {
  return call(api.PATCH('/api/plans/{id}', { params: { path: { id: planId } }, body }));
}

// The forms send these for a creation as for a change; the server checks what a creation requires.
export type OrientationBody = Schemas['UpdateOrientationDto'] & Partial<Pick<Schemas['CreateOrientationDto'], 'planId'>>;
export type ObjectiveBody = Schemas['UpdateObjectiveDto'] & Partial<Pick<Schemas['CreateObjectiveDto'], 'orientationId'>>;
export type ActionBody = Schemas['UpdateActionDto'] & Partial<Pick<Schemas['CreateActionDto'], 'objectiveId'>>;
export type ExpectedResultBody = Schemas['UpdateExpectedResultDto'] & Partial<Pick<Schemas['CreateExpectedResultDto'], 'objectiveId'>>;

/** The four parts of a plan share one shape of endpoints. */
export type PlanPart = 'orientations' | 'objectives' | 'actions' | 'expected-results';

// The callers (use-plan-editor.ts) build each part's body in its own form; `object` here is that body, sent as is.
export function createPart(part: PlanPart, body: object): Promise<unknown> {
  switch (part) {
    case 'orientations':
      return call(api.POST('/api/orientations', { body: body as Schemas['CreateOrientationDto'] }));
    case 'objectives':
      return call(api.POST('/api/objectives', { body: body as Schemas['CreateObjectiveDto'] }));
    case 'actions':
      return call(api.POST('/api/actions', { body: body as Schemas['CreateActionDto'] }));
    case 'expected-results':
      return call(api.POST('/api/expected-results', { body: body as Schemas['CreateExpectedResultDto'] }));
  }
}

export function updatePart(part: PlanPart, id: string, body: object): Promise<unknown> {
  const params = { path: { id } };
  switch (part) {
    case 'orientations':
      return call(api.PATCH('/api/orientations/{id}', { params, body: body as OrientationBody }));
    case 'objectives':
      return call(api.PATCH('/api/objectives/{id}', { params, body: body as ObjectiveBody }));
    case 'actions':
      return call(api.PATCH('/api/actions/{id}', { params, body: body as ActionBody }));
    case 'expected-results':
      return call(api.PATCH('/api/expected-results/{id}', { params, body: body as ExpectedResultBody }));
  }
}

export async function deletePart(part: PlanPart, id: string): Promise<void> {
  const params = { path: { id } };
  switch (part) {
    case 'orientations':
      await call(api.DELETE('/api/orientations/{id}', { params }));
      return;
    case 'objectives':
      await call(api.DELETE('/api/objectives/{id}', { params }));
      return;
    case 'actions':
      await call(api.DELETE('/api/actions/{id}', { params }));
      return;
    case 'expected-results':
      await call(api.DELETE('/api/expected-results/{id}', { params }));
      return;
  }
}
