import type { FigureCategory, FigurePeriod, IndicatorFigures } from '@repere/contract';
import type { Dimension, Direction, Grain, IndicatorKind } from '@backend/indicators/indicator-kind';
import { dataPeriodOf, type Plan } from '@backend/plans/plan.entity';
import { ComputedCell, TOTAL } from './cells';
import { CUMULATIVE_KINDS, statusOf } from './progress';

/**
 * An indicator's figures as of a date: the one function behind GET /api/plans/{id}/progress, the dashboards,
 * evaluations' snapshots, their reports and the activity report (README « One truth »). Its cells are the
 * indicator's as they stood at that date (AggregationService.cellsAsOf / cellsAt): what it publishes is read from
 * them here and nowhere else.
 */

/** The plan's dates the figures are read against; `dataPeriod`: the days whose data count (Plan.dataFrom/dataUntil). */
export interface FiguresPlan {
  startDate: string;
  midtermDate: string;
  endDate: string;
  dataPeriod: { from: string; until: string };
}

/** A plan's dates as the figures read them. */
export function figuresPlan(plan: Pick<Plan, 'startDate' | 'midtermDate' | 'endDate' | 'dataFrom' | 'dataUntil'>): FiguresPlan {
  return { startDate: plan.startDate, midtermDate: plan.midtermDate, endDate: plan.endDate, dataPeriod: dataPeriodOf(plan) };
}

/** What of an indicator's definition the figures depend on. */
export interface FiguresDefinition {
  kind: IndicatorKind;
  grain: Grain;
  direction: Direction;
  dimensions: Dimension[];
  baselineValue: number | null;
  baselineDate: string | null;
  midtermTarget: number | null;
  finalTarget: number | null;
}

// A period, a category and an indicator's figures as published: declared once in @repere/contract (snapshots and
// the web app read the same shapes).
export type { FigureCategory, FigurePeriod, IndicatorFigures } from '@repere/contract';

const MONTHS: Record<Grain, number> = { month: 1, quarter: 3, year: 12 };

/** The last day of the period of `grain` that starts on `periodStart`. */
export function lastDayOf(periodStart: string, grain: Grain): string {
  const [y, m] = periodStart.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + MONTHS[grain], 0)).toISOString().slice(0, 10);
}

const min = (...days: string[]) => days.reduce((a, b) => (b < a ? b : a));

/**
 * A cell as it is published, through the disclosure layer (disclosure/protect-cells.ts): perturbed figures, and a
 * suppressed cell without its value or n (the values endpoint, series, snapshots, reports).
 */
export function publishedPeriod(cell: ComputedCell): FigurePeriod {
  return {
    period: cell.periodStart,
    value: cell.suppressed ? null : cell.publishedValue,
    n: cell.suppressed ? null : cell.publishedN,
    suppressed: cell.suppressed,
    cumulativeValue: cell.cumulativeSuppressed ? null : cell.publishedCumulativeValue,
    cumulativeN: cell.cumulativeSuppressed ? null : cell.publishedCumulativeN,
    cumulativeSuppressed: cell.cumulativeSuppressed,
  };
}

/**
 * A cell's true figures, for evaluators' workspace only (`GET /api/indicators/{id}/values?view=unpublished`): never
 * in a dashboard, an evaluation or a report. `suppressed` still says whether the published figure is hidden.
 */
export function unpublishedPeriod(cell: ComputedCell): FigurePeriod {
  return {
    period: cell.periodStart,
    value: cell.value,
    n: cell.n,
    suppressed: cell.suppressed,
    cumulativeValue: cell.cumulativeValue,
    cumulativeN: cell.cumulativeN,
    cumulativeSuppressed: cell.cumulativeSuppressed,
  };
}

/**
 * Each category from the plan's start to the as-of date: the cumulative cells of the dimension's last period, as
 * published (the disclosure layer protected each of them).
 */
function breakdown(cells: ComputedCell[]): FigureCategory[] {
  if (cells.length === 0) return [];
  const last = cells.reduce((latest, c) => (c.periodStart > latest ? c.periodStart : latest), cells[0].periodStart);
  return cells
    .filter((c) => c.periodStart === last)
    .sort((a, b) => a.category.localeCompare(b.category))
    .map((c) => {
      const shown = publishedPeriod(c);
      return { category: c.category, value: shown.cumulativeValue, n: shown.cumulativeN, suppressed: c.cumulativeSuppressed };
    });
}

/** The indicator's figures as of `at`, from its cells as they stood then (cells of other grains are ignored). */
export function indicatorFigures(def: FiguresDefinition, cells: ComputedCell[], plan: FiguresPlan, at: string): IndicatorFigures {
  const own = cells.filter((c) => c.grain === def.grain && c.periodStart <= at);
  const series = own.filter((c) => c.dimension === TOTAL).sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  const latest = series.at(-1) ?? null;
  const cumulative = CUMULATIVE_KINDS.includes(def.kind);
  const shown = latest ? publishedPeriod(latest) : null;
  const value = shown ? (cumulative ? shown.cumulativeValue : shown.value) : null;
  const targets = {
    direction: def.direction,
    baselineValue: def.baselineValue,
    baselineDate: def.baselineDate ?? plan.startDate,
    midtermTarget: def.midtermTarget,
    midtermDate: plan.midtermDate,
    finalTarget: def.finalTarget,
    endDate: plan.endDate,
  };
  let periodEnd: string | null = null;
  let partial = false;
  if (latest) {
    const whole = lastDayOf(latest.periodStart, def.grain);
    periodEnd = min(whole, at, plan.dataPeriod.until);
    partial = periodEnd < whole || plan.dataPeriod.from > latest.periodStart;
  }
  return {
    value,
    // No period yet is nobody behind the value.
    n: shown ? (cumulative ? shown.cumulativeN : shown.n) : 0,
    suppressed: shown ? (cumulative ? shown.cumulativeSuppressed : shown.suppressed) : false,
    period: latest?.periodStart ?? null,
    periodEnd,
    partial,
    status: statusOf(targets, value, at),
    series: series.map(publishedPeriod),
    breakdowns: def.dimensions.map((dimension) => ({ dimension, cells: breakdown(own.filter((c) => c.dimension === dimension)) })),
  };
}
