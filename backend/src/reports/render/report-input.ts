import type { FigurePeriod } from '@backend/aggregation/figures';
import type { AssessmentRating, EvaluationKind } from '@backend/evaluations/evaluation-kind';
import type { EvaluationSnapshot } from '@backend/evaluations/evaluation-snapshot';
import type { ScheduleKind } from '@backend/plans/schedule-kind';

// What the renderers are drawn from: plain objects, loaded by ReportsRenderService (or built by a test). The
// renderers never touch the database, so a report is the same file for the same input.

export const REPORT_LANGUAGES = ['fr', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ObjectiveAssessment {
  objectiveId: string;
  rating: AssessmentRating;
  comment: string | null;
  recommendations: string | null;
}

/** The mid-term evaluation's figures, set beside the final ones (baseline → mid-term → final). */
export interface MidtermFigures {
  cutoff: string;
  /** By indicator id: the value the mid-term snapshot froze (absent: the indicator did not exist then). */
  values: Record<string, { value: number | null; n: number | null }>;
}

export interface EvaluationReportInput {
  kind: EvaluationKind;
  language: ReportLanguage;
  snapshot: EvaluationSnapshot;
  assessments: ObjectiveAssessment[];
  midterm?: MidtermFigures | null;
  /** When the report was made (its footer and the PDF's dates): given, so that the same input gives the same file. */
  generatedAt: Date;
}

export interface ActivityAction {
  description: string;
  scheduleKind: ScheduleKind;
  scheduleDate: string | null;
  scheduleText: string;
  resources: string | null;
}

export interface ActivityObjective {
  code: string;
  title: string;
  actions: ActivityAction[];
}

export interface ActivityWorkStep {
  workCell: string;
  objectiveCode: string | null;
  text: string;
  phase: string | null;
  date: string;
}

export interface ActivityParticipation {
  instrument: string;
  activity: string;
  /** How many counts were recorded for it in the year. */
  counts: number;
  /** The people counted, as published (disclosure layer): null when from 1 to k − 1. */
  total: number | null;
}

/** An indicator's figure for the year (grain 'year', the whole population), as every surface publishes it. */
export interface ActivityIndicator extends Omit<FigurePeriod, 'period'> {
  objectiveCode: string;
  name: string;
  unit: string | null;
  finalTarget: number | null;
}

export interface ActivityReportInput {
  language: ReportLanguage;
  year: number;
  plan: { title: string; startDate: string; endDate: string };
  orientations: { number: number; title: string; objectives: ActivityObjective[] }[];
  workSteps: ActivityWorkStep[];
  participation: ActivityParticipation[];
  /** Every activity of the year together, published as one count (not the sum of the published ones). */
  participationTotal: { counts: number; total: number | null };
  indicators: ActivityIndicator[];
  generatedAt: Date;
}
