import { apiRequest, type Paginated } from '@/lib/api-client';
import type {
  AssessmentRating,
  EvaluationAction,
  EvaluationKind,
  EvaluationSnapshot,
  EvaluationState,
  ProgressStatus,
} from '@repere/contract';

// The shapes of backend/src/evaluations (evaluations.service.ts); kinds, states, ratings and the snapshot are the
// contract's (@repere/contract).

/** Who may open, assess and close evaluations, and ask for their reports (the API's EVALUATION_WRITERS). */
export const EVALUATION_WRITERS = ['admin', 'evaluator', 'committee'] as const;

export interface CurrentUser {
  id: string;
  email: string;
  role: string;
}

export interface PlanInfo {
  id: string;
  title: string;
  startDate: string | null;
  midtermDate: string | null;
  endDate: string | null;
  /** The plan's IANA time zone; absent from an API that predates it. */
  timeZone?: string;
}

export interface EvaluationSummary {
  id: string;
  planId: string;
  kind: EvaluationKind;
  cutoff: string;
  state: EvaluationState;
  openedBy: string;
  openedAt: string;
  frozenAt: string | null;
  closedBy: string | null;
  closedAt: string | null;
}

export interface Assessment {
  objectiveId: string;
  rating: AssessmentRating;
  comment: string | null;
  recommendations: string | null;
  updatedBy: string;
  updatedAt: string;
}

export interface HistoryEntry {
  at: string;
  action: EvaluationAction;
  userId: string | null;
  userName: string | null;
  detail: Record<string, string | number | null>;
}

export interface MidtermComparison {
  id: string;
  cutoff: string;
  indicators: Record<string, { value: number | null; n: number | null; status: ProgressStatus }>;
}

export interface EvaluationDetail extends EvaluationSummary {
  snapshot: EvaluationSnapshot | null;
  assessments: Assessment[];
  history: HistoryEntry[];
  /** Only for a final: the mid-term it is compared with, or null when there is none. */
  midterm?: MidtermComparison | null;
}

export interface OpenEvaluation {
  kind: EvaluationKind;
  cutoff: string;
}

export interface AssessmentInput {
  rating: AssessmentRating;
  comment: string | null;
  recommendations: string | null;
}

const evaluationPath = (id: string): string => `/evaluations/${encodeURIComponent(id)}`;
const planPath = (id: string): string => `/plans/${encodeURIComponent(id)}`;

export function fetchCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
  return apiRequest<CurrentUser>('/auth/me', { signal });
}

export function fetchPlan(planId: string, signal?: AbortSignal): Promise<PlanInfo> {
  return apiRequest<PlanInfo>(planPath(planId), { signal });
}

export function fetchEvaluations(planId: string, page: number, limit: number, signal?: AbortSignal): Promise<Paginated<EvaluationSummary>> {
  return apiRequest<Paginated<EvaluationSummary>>(`${planPath(planId)}/evaluations`, { query: { page, limit }, signal });
}

export function fetchEvaluation(id: string, signal?: AbortSignal): Promise<EvaluationDetail> {
  return apiRequest<EvaluationDetail>(evaluationPath(id), { signal });
}

export function openEvaluation(planId: string, body: OpenEvaluation): Promise<EvaluationSummary> {
  return apiRequest<EvaluationSummary>(`${planPath(planId)}/evaluations`, { method: 'POST', body });
}

export function saveAssessment(evaluationId: string, objectiveId: string, body: AssessmentInput): Promise<Assessment> {
  return apiRequest<Assessment>(`${evaluationPath(evaluationId)}/assessments/${encodeURIComponent(objectiveId)}`, { method: 'PUT', body });
}

export function closeEvaluation(id: string): Promise<EvaluationSummary> {
  return apiRequest<EvaluationSummary>(`${evaluationPath(id)}/close`, { method: 'POST' });
}
