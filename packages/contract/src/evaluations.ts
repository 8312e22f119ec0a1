import type { Dimension, Direction, Grain, IndicatorKind, IndicatorSource, IndicatorStatus } from './indicators';
import type { ProgressStatus } from './progress';
import type { EvidenceMediaType, EvidenceOwnerKind } from './evidence';

/** « Évaluation à mi-parcours / finale » (DOMAIN.md). */
export const EVALUATION_KINDS = ['midterm', 'final'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

/**
 * `freezing` until the workers have stored its snapshot, then `open` for the committee's assessment, then `closed`
 * (read-only for good).
 */
export const EVALUATION_STATES = ['freezing', 'open', 'closed'] as const;
export type EvaluationState = (typeof EVALUATION_STATES)[number];

/** The committee's rating of an objective (UI: atteint, en bonne voie, à risque, non atteint). */
export const ASSESSMENT_RATINGS = ['achieved', 'on_track', 'at_risk', 'not_achieved'] as const;
export type AssessmentRating = (typeof ASSESSMENT_RATINGS)[number];

export const EVALUATION_ACTIONS = ['opened', 'frozen', 'assessed', 'closed'] as const;
export type EvaluationAction = (typeof EVALUATION_ACTIONS)[number];

/**
 * One period of an indicator's series. A suppressed cell hides how many people are behind it too (ADS+), not only
 * its value. Snapshots frozen before the disclosure layer hid totals lack `suppressed`: read it as false.
 */
export interface FigurePeriod {
  period: string;
  value: number | null;
  n: number | null;
  suppressed: boolean;
  cumulativeValue: number | null;
  cumulativeN: number | null;
  cumulativeSuppressed: boolean;
}

export interface FigureCategory {
  category: string;
  value: number | null;
  n: number | null;
  suppressed: boolean;
}

/** An indicator's figures as of a date (GET /api/plans/{id}/progress, dashboards, snapshots, reports). */
export interface IndicatorFigures {
  /** The current value: cumulative since the plan's start for counts (CUMULATIVE_KINDS), the latest period's otherwise. */
  value: number | null;
  n: number | null;
  /** The value has 1 to k − 1 people behind it: hidden by the disclosure layer (there is data, it is not published). */
  suppressed: boolean;
  /** The first day of the period the value was read from, null without any. */
  period: string | null;
  /**
   * The last day counted in that period: its end, or the as-of date, or the data period's end, whichever comes first.
   * Snapshots frozen before it was kept lack it (and `partial`): read them as whole periods.
   */
  periodEnd: string | null;
  /** The period is not whole: cut by the as-of date or by the data period (« 2022, jusqu'au 29 sept. »). */
  partial: boolean;
  status: ProgressStatus;
  /** Every period of the indicator's grain that starts by the as-of date. */
  series: FigurePeriod[];
  /** Per ADS+ dimension: each category from the plan's start to the as-of date (the cumulative cells of the last period). */
  breakdowns: { dimension: Dimension; cells: FigureCategory[] }[];
}

/**
 * What an evaluation freezes at its cut-off date (DOMAIN.md « Évaluation à mi-parcours / finale »): the plan's tree
 * down to its indicators, each with its definition and targets as they were, and its values computed from the data
 * answered, counted or entered by the cut-off. Stored as it is built; later responses, edits of targets or definitions
 * never change it. Suppressed cells carry no value and no n. Snapshots frozen before a field existed lack it (the
 * plan's `timeZone`, `dataPeriod`, `maxDeviation`, an indicator's `periodEnd` and `partial`): readers allow for that.
 */
export interface EvaluationSnapshot {
  /** `timeZone`: absent from snapshots frozen before plans had one (no migration rewrote them). */
  plan: { id: string; title: string; startDate: string; midtermDate: string; endDate: string; timeZone?: string };
  /** The days whose data count (the plan's period unless an evaluator widened it); absent from older snapshots. */
  dataPeriod?: { from: string; until: string };
  cutoff: string;
  frozenAt: string;
  /** k: the disclosure layer's threshold the values were published with (counts from 1 to k − 1 hidden). */
  suppressionK: number;
  /** D: the most a published count differs from the true one (absent from snapshots frozen before the cell-key method). */
  maxDeviation?: number;
  orientations: OrientationSnapshot[];
}

export interface OrientationSnapshot {
  id: string;
  number: number;
  title: string;
  objectives: ObjectiveSnapshot[];
}

export interface ObjectiveSnapshot {
  id: string;
  code: string;
  title: string;
  indicators: IndicatorSnapshot[];
}

/** `periodEnd` and `partial` are absent from snapshots frozen before they were kept: read them as whole periods. */
export interface IndicatorSnapshot
  extends Omit<IndicatorFigures, 'periodEnd' | 'partial'>, Partial<Pick<IndicatorFigures, 'periodEnd' | 'partial'>> {
  id: string;
  name: string;
  kind: IndicatorKind;
  unit: string | null;
  grain: Grain;
  direction: Direction;
  dimensions: Dimension[];
  definitionStatus: IndicatorStatus;
  source: IndicatorSource;
  baseline: { value: number | null; date: string | null };
  midtermTarget: number | null;
  finalTarget: number | null;
  /**
   * The files behind its figure that existed at the cut-off, by date: kept as they were listed, a file removed since
   * stays named (and downloadable). Absent from snapshots frozen before evidence existed.
   */
  evidence?: EvidenceItem[];
}

/** A file behind an indicator's figure (GET /api/indicators/{id}/evidence, evaluation snapshots); `url` serves it. */
export interface EvidenceItem {
  id: string;
  title: string;
  /** The date of what it shows (a meeting's, an event's). */
  date: string;
  mediaType: EvidenceMediaType;
  /** What it is attached to: one of the indicator's manual values, counts, instruments, steps, or its action. */
  ownerKind: EvidenceOwnerKind;
  url: string;
}

export type SnapshotPeriod = FigurePeriod;
export type SnapshotCategory = FigureCategory;

/** Every indicator of a snapshot, in reading order. */
export const indicatorsOf = (snapshot: EvaluationSnapshot): IndicatorSnapshot[] =>
  snapshot.orientations.flatMap((o) => o.objectives.flatMap((objective) => objective.indicators));
