import { apiRequest, type Paginated } from '@/lib/api-client';
import type { ProgressStatus } from '@/lib/charts';

// The shapes of backend/src/evaluations (evaluations.service.ts, evaluation-snapshot.ts), as the web app reads them.

export const EVALUATION_KINDS = ['midterm', 'final'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export type EvaluationState = 'freezing' | 'open' | 'closed';

export const ASSESSMENT_RATINGS = ['achieved', 'on_track', 'at_risk', 'not_achieved'] as const;
export type AssessmentRating = (typeof ASSESSMENT_RATINGS)[number];

export type EvaluationAction = 'opened' | 'frozen' | 'assessed' | 'closed';

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

export interface SnapshotPeriod {
  period: string;
  value: number | null;
  n: number | null;
  suppressed: boolean;
  cumulativeValue: number | null;
  cumulativeN: number | null;
  cumulativeSuppressed: boolean;
}

export interface SnapshotCategory {
  category: string;
  value: number | null;
  n: number | null;
  suppressed: boolean;
}

export interface IndicatorSnapshot {
  id: string;
  name: string;
  kind: string;
  unit: string | null;
  grain: 'month' | 'quarter' | 'year';
  direction: 'up' | 'down';
  dimensions: string[];
  baseline: { value: number | null; date: string | null };
  midtermTarget: number | null;
  finalTarget: number | null;
  value: number | null;
  n: number | null;
  period: string | null;
  /** The last day counted in that period; absent from snapshots frozen before it was kept. */
  periodEnd?: string | null;
  /** The period is not whole (cut by the cut-off or the data period); absent from older snapshots: not partial. */
  partial?: boolean;
  status: ProgressStatus;
  series: SnapshotPeriod[];
  breakdowns: { dimension: string; cells: SnapshotCategory[] }[];
}

export interface ObjectiveSnapshot {
  id: string;
  code: string;
  title: string;
  indicators: IndicatorSnapshot[];
}

export interface OrientationSnapshot {
  id: string;
  number: number;
  title: string;
  objectives: ObjectiveSnapshot[];
}

export interface EvaluationSnapshot {
  /** `timeZone` is absent from snapshots frozen before plans had one. */
  plan: { id: string; title: string; startDate: string; midtermDate: string; endDate: string; timeZone?: string };
  cutoff: string;
  frozenAt: string;
  /** The days the frozen figures count; absent from older snapshots. */
  dataPeriod?: { from: string; until: string };
  /** k: the disclosure control's threshold the figures were published with (counts from 1 to k − 1 suppressed). */
  suppressionK: number;
  /** D: the most a published count differs from the true one; absent from snapshots frozen before the cell-key method. */
  maxDeviation?: number;
  orientations: OrientationSnapshot[];
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
