import { api, call, type Schemas } from '@/lib/api/client';

// The shapes of backend/src/evaluations, as openapi.json describes them (lib/api/schema.d.ts, generated).

export type CurrentUser = Schemas['UserDto'];

/** The plan's dates and IANA time zone, as the evaluation pages read them. */
export type PlanInfo = Pick<Schemas['PlanDto'], 'id' | 'title' | 'startDate' | 'midtermDate' | 'endDate' | 'timeZone'>;
export type EvaluationSummary = Schemas['EvaluationSummaryDto'];
export type EvaluationSummaryPage = Schemas['EvaluationSummaryPageDto'];
export type Assessment = Schemas['AssessmentViewDto'];
export type HistoryEntry = Schemas['HistoryEntryDto'];
export type MidtermComparison = Schemas['MidtermComparisonDto'];
/** The frozen snapshot as stored: a snapshot frozen before a field existed lacks it (the API marks it optional). */
export type EvaluationSnapshot = Schemas['EvaluationSnapshotDto'];
export type ObjectiveSnapshot = Schemas['ObjectiveSnapshotDto'];
export type IndicatorSnapshot = Schemas['IndicatorSnapshotDto'];
/** `midterm`: only for a final, the mid-term it is compared with, or null when there is none. */
export type EvaluationDetail = Schemas['EvaluationDetailDto'];
export type OpenEvaluation = Schemas['CreateEvaluationDto'];
export type AssessmentInput = Schemas['AssessmentDto'];

export function fetchCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
  return call(api.GET('/api/auth/me', { signal }));
}

export function fetchPlan(planId: string, signal?: AbortSignal): Promise<PlanInfo> {
  return call(api.GET('/api/plans/{id}', { params: { path: { id: planId } }, signal }));
}

export function fetchEvaluations(planId: string, page: number, limit: number, signal?: AbortSignal): Promise<EvaluationSummaryPage> {
  return call(api.GET('/api/plans/{id}/evaluations', { params: { path: { id: planId }, query: { page, limit } }, signal }));
}

export function fetchEvaluation(id: string, signal?: AbortSignal): Promise<EvaluationDetail> {
  return call(api.GET('/api/evaluations/{id}', { params: { path: { id } }, signal }));
}

export function openEvaluation(planId: string, body: OpenEvaluation): Promise<EvaluationSummary> {
  return call(api.POST('/api/plans/{id}/evaluations', { params: { path: { id: planId } }, body }));
}

export function saveAssessment(evaluationId: string, objectiveId: string, body: AssessmentInput): Promise<Assessment> {
  return call(api.PUT('/api/evaluations/{id}/assessments/{objectiveId}', { params: { path: { id: evaluationId, objectiveId } }, body }));
}

export function closeEvaluation(id: string): Promise<EvaluationSummary> {
  return call(api.POST('/api/evaluations/{id}/close', { params: { path: { id } } }));
}
