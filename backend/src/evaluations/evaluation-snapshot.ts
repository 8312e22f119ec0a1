import type { ProgressStatus } from '@backend/aggregation/progress';
import type { Dimension, Direction, Grain, IndicatorKind, IndicatorStatus } from '@backend/indicators/indicator-kind';
import type { IndicatorSource } from '@backend/indicators/indicator-source';

/**
 * What an evaluation freezes at its cut-off date (DOMAIN.md « Évaluation à mi-parcours / finale »): the plan's tree
 * down to its indicators, each with its definition and targets as they were, and its values computed from the data
 * answered, counted or entered by the cut-off (AggregationService.cellsAt). Stored as it is built; later responses,
 * edits of targets or definitions never change it. Suppressed cells carry no value and no n.
 */
export interface EvaluationSnapshot {
  plan: { id: string; title: string; startDate: string; midtermDate: string; endDate: string };
  cutoff: string;
  frozenAt: string;
  /** The suppression threshold the values were computed with. */
  suppressionK: number;
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

export interface IndicatorSnapshot {
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
  /** The current value at the cut-off, as GET /api/plans/{id}/progress would have given it then. */
  value: number | null;
  n: number | null;
  period: string | null;
  status: ProgressStatus;
  /** Every period of the indicator's grain that starts by the cut-off. */
  series: SnapshotPeriod[];
  /** Per ADS+ dimension: each category from the plan's start to the cut-off (the cumulative cells of the last period). */
  breakdowns: { dimension: Dimension; cells: SnapshotCategory[] }[];
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
