import type { Grain } from '@backend/indicators/indicator-kind';

/** Sums for one month and one category, as the source queries return them: additive, so they roll up. */
export interface MonthCell {
  month: string;
  dimension: string;
  category: string;
  num: number;
  den: number;
  /** People (respondents, participants) or entries behind the sums. */
  n: number;
}

/** A computed cell, before it is stored as an IndicatorValue. */
export interface ComputedCell {
  grain: Grain;
  periodStart: string;
  dimension: string;
  category: string;
  value: number | null;
  n: number;
  cumulativeValue: number | null;
  cumulativeN: number;
  suppressed: boolean;
  cumulativeSuppressed: boolean;
}

/** The whole population: the cell every breakdown adds up to. */
export const TOTAL = '';
