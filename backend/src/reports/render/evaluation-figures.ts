import { CUMULATIVE_KINDS } from '@backend/aggregation/progress';
import type { IndicatorSnapshot, SnapshotPeriod } from '@backend/evaluations/evaluation-snapshot';
import type { Grain } from '@backend/indicators/indicator-kind';

// How a report reads a snapshot's figures, the same way in the PDF and in the spreadsheets.

/** The last day of the period that starts on `periodStart`. */
export function periodEnd(periodStart: string, grain: Grain): string {
  const [y, m] = periodStart.split('-').map(Number);
  const months = grain === 'year' ? 12 : grain === 'quarter' ? 3 : 1;
  return new Date(Date.UTC(y, m - 1 + months, 0)).toISOString().slice(0, 10);
}

/** The value of a period the chart draws (null when unknown or suppressed: a gap, never a zero). */
export function progressValue(indicator: IndicatorSnapshot, p: SnapshotPeriod): number | null {
  if (CUMULATIVE_KINDS.includes(indicator.kind)) return p.cumulativeSuppressed ? null : p.cumulativeValue;
  return p.suppressed ? null : p.value;
}

/**
 * The chart's points: each period's value over the middle of the days it covers (to its last day, or to the cut-off
 * for the current one), as the web's charts place them: the 2021 value stands over « 2021 », not over « 2022 ».
 */
export function chartPoints(indicator: IndicatorSnapshot, cutoff: string): { date: string; value: number | null }[] {
  return indicator.series.map((p) => {
    const end = periodEnd(p.period, indicator.grain);
    return { date: midDay(p.period, end < cutoff ? end : cutoff), value: progressValue(indicator, p) };
  });
}

/** The day halfway between two days (both included), rounded down. */
export function midDay(from: string, to: string): string {
  const [a, b] = [Date.parse(`${from.slice(0, 10)}T00:00:00Z`), Date.parse(`${to.slice(0, 10)}T00:00:00Z`)];
  const days = Math.floor((b - a) / 86_400_000 / 2);
  return new Date(a + Math.max(0, days) * 86_400_000).toISOString().slice(0, 10);
}

/** Rounds a computed figure for reading (shares and means carry long decimals); counts stay whole. */
export function rounded(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}
