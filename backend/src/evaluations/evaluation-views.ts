import type { ProgressStatus } from '@backend/aggregation/progress';
import type { EventDetail } from './evaluation-event.entity';
import type { AssessmentRating, EvaluationAction, EvaluationKind, EvaluationState } from './evaluation-kind';
import type { EvaluationSnapshot } from './evaluation-snapshot';
import type { Evaluation } from './evaluation.entity';

// What the evaluations' service answers (the response classes in dto/evaluation.response.ts implement these), and
// what its repository reads for it.

export interface EvaluationSummary {
  id: string;
  planId: string;
  kind: EvaluationKind;
  cutoff: string;
  state: EvaluationState;
  openedBy: string;
  openedAt: Date;
  frozenAt: Date | null;
  closedBy: string | null;
  closedAt: Date | null;
}

export interface AssessmentView {
  /** What the committee's documents are attached to (evidence owner kind `assessment`). */
  id: string;
  objectiveId: string;
  rating: AssessmentRating;
  comment: string | null;
  recommendations: string | null;
  updatedBy: string;
  updatedAt: Date;
}

/** What the audit trail follows of an assessment. */
export type AuditedAssessment = Pick<AssessmentView, 'rating' | 'comment' | 'recommendations'>;

export interface HistoryEntry {
  at: Date;
  action: EvaluationAction;
  userId: string | null;
  userName: string | null;
  detail: EventDetail;
}

/** The mid-term a final is compared with: each indicator's value, n and status at the mid-term's cut-off. */
export interface MidtermComparison {
  id: string;
  cutoff: string;
  indicators: Record<string, { value: number | null; n: number | null; status: ProgressStatus }>;
}

export interface EvaluationDetail extends EvaluationSummary {
  snapshot: EvaluationSnapshot | null;
  assessments: AssessmentView[];
  history: HistoryEntry[];
  midterm?: MidtermComparison | null;
}

/** The columns of a summary: lists and locks read these, never the snapshot (it can be large). */
export const SUMMARY_COLUMNS = {
  id: true,
  planId: true,
  kind: true,
  cutoff: true,
  state: true,
  openedBy: true,
  openedAt: true,
  frozenAt: true,
  closedBy: true,
  closedAt: true,
} as const;

export const summaryOf = (e: EvaluationSummary): EvaluationSummary => ({
  id: e.id,
  planId: e.planId,
  kind: e.kind,
  cutoff: e.cutoff,
  state: e.state,
  openedBy: e.openedBy,
  openedAt: e.openedAt,
  frozenAt: e.frozenAt,
  closedBy: e.closedBy,
  closedAt: e.closedAt,
});

/** An evaluation as the freezer reads it before building its snapshot. */
export type EvaluationToFreeze = Pick<Evaluation, 'id' | 'planId' | 'cutoff' | 'state'>;
