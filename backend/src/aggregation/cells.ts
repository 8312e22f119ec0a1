import type { Grain } from '@backend/indicators/indicator-kind';

/**
 * Sums for one month and one category, as the source queries return them: additive, so they roll up. Each count of
 * people carries its cell key (disclosure/cell-key.ts): the sum, modulo 2^32, of the keys of the records behind it;
 * null where the sum is not a count of people (a manual value, a ratio's constant).
 */
export interface MonthCell {
  month: string;
  dimension: string;
  category: string;
  num: number;
  den: number;
  /** People (respondents, participants) or entries behind the sums. */
  n: number;
  /** The key of the records counted in `num` (for a share: those who gave the answer). */
  numKey: number | null;
  /** The key of the records counted in `den` (for a share or a mean: those who answered). */
  denKey: number | null;
}

/** A period's (or a running total's) sums, as rollUp adds them: what the disclosure layer publishes from. */
export type CellSums = Pick<MonthCell, 'num' | 'den' | 'n' | 'numKey' | 'denKey'>;

/** A computed cell, before it is stored as an IndicatorValue. */
export interface ComputedCell {
  grain: Grain;
  periodStart: string;
  dimension: string;
  category: string;
  /** The true figures: what evaluators see in their workspace, marked not for publication. */
  value: number | null;
  n: number;
  cumulativeValue: number | null;
  cumulativeN: number;
  /** Fewer than k people behind the figure (disclosure/protect-cells.ts): nothing of it is published. */
  suppressed: boolean;
  cumulativeSuppressed: boolean;
  /** What everyone else is shown: the true figures through the disclosure layer (null when suppressed). */
  publishedValue: number | null;
  publishedN: number | null;
  publishedCumulativeValue: number | null;
  publishedCumulativeN: number | null;
  /** Only on freshly computed cells: the sums the published figures are read from. */
  sums?: CellSums;
  cumulativeSums?: CellSums;
}

/** The whole population: the cell every breakdown adds up to. */
export const TOTAL = '';
