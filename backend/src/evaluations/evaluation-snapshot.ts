import type { FigureCategory, FigurePeriod, IndicatorFigures } from '@backend/aggregation/figures';
import type { Dimension, Direction, Grain, IndicatorKind, IndicatorStatus } from '@backend/indicators/indicator-kind';
import type { IndicatorSource } from '@backend/indicators/indicator-source';

/**
 * What an evaluation freezes at its cut-off date (DOMAIN.md « Évaluation à mi-parcours / finale »): the plan's tree
 * down to its indicators, each with its definition and targets as they were, and its values computed from the data
 * answered, counted or entered by the cut-off (AggregationService.cellsAt). Stored as it is built; later responses,
 * edits of targets or definitions never change it. Suppressed cells carry no value and no n.
 */
export interface EvaluationSnapshot {
  plan: { id: string; title: string; startDate: string; midtermDate: string; endDate: string; timeZone: string };
  /** The days whose data count (the plan's period unless an evaluator widened it). */
  dataPeriod: { from: string; until: string };
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

export interface IndicatorSnapshot extends IndicatorFigures {
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
}

/**
 * Older snapshots lack `periodEnd` and `partial` (frozen before they existed): read them as whole periods; and
 * `suppressed` (before the disclosure layer hid totals): read it as false.
 */
export type SnapshotPeriod = FigurePeriod;
export type SnapshotCategory = FigureCategory;

/** Every indicator of a snapshot, in reading order. */
export const indicatorsOf = (snapshot: EvaluationSnapshot): IndicatorSnapshot[] =>
  snapshot.orientations.flatMap((o) => o.objectives.flatMap((objective) => objective.indicators));
