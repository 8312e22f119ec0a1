import { ComputedCell, TOTAL } from '@backend/aggregation/cells';
import { CUMULATIVE_KINDS, statusOf } from '@backend/aggregation/progress';
import type { Indicator } from '@backend/indicators/indicator.entity';
import type { Plan } from '@backend/plans/plan.entity';
import type { IndicatorSnapshot, SnapshotCategory, SnapshotPeriod } from './evaluation-snapshot';

export type SnapshotPlan = Pick<Plan, 'id' | 'title' | 'startDate' | 'midtermDate' | 'endDate'>;
export type SnapshotIndicator = Pick<Indicator,
  'id' | 'name' | 'kind' | 'unit' | 'grain' | 'direction' | 'dimensions' | 'status' | 'source'
  | 'baselineValue' | 'baselineDate' | 'midtermTarget' | 'finalTarget'>;

const byPeriod = (a: ComputedCell, b: ComputedCell) => a.periodStart.localeCompare(b.periodStart);

function period(cell: ComputedCell): SnapshotPeriod {
  // A hidden cell hides how many people are behind it too (ADS+), not only its value.
  return {
    period: cell.periodStart,
    value: cell.suppressed ? null : cell.value,
    n: cell.suppressed ? null : cell.n,
    suppressed: cell.suppressed,
    cumulativeValue: cell.cumulativeSuppressed ? null : cell.cumulativeValue,
    cumulativeN: cell.cumulativeSuppressed ? null : cell.cumulativeN,
    cumulativeSuppressed: cell.cumulativeSuppressed,
  };
}

/**
 * Each category from the plan's start to the cut-off: the cumulative cells of the dimension's last period, as they
 * were suppressed together in that period's table. Carrying a category forward from an earlier period would publish
 * a figure the suppression never saw beside the others.
 */
function breakdown(cells: ComputedCell[]): SnapshotCategory[] {
  if (cells.length === 0) return [];
  const last = cells.reduce((latest, c) => (c.periodStart > latest ? c.periodStart : latest), cells[0].periodStart);
  return cells
    .filter((c) => c.periodStart === last)
    .sort((a, b) => a.category.localeCompare(b.category))
    .map((c) => ({
      category: c.category,
      value: c.cumulativeSuppressed ? null : c.cumulativeValue,
      n: c.cumulativeSuppressed ? null : c.cumulativeN,
      suppressed: c.cumulativeSuppressed,
    }));
}

/** One indicator as it stood at the cut-off, from its definition now and its cells computed up to the cut-off. */
export function indicatorSnapshot(indicator: SnapshotIndicator, cells: ComputedCell[], plan: SnapshotPlan, cutoff: string): IndicatorSnapshot {
  const own = cells.filter((c) => c.grain === indicator.grain && c.periodStart <= cutoff);
  const series = own.filter((c) => c.dimension === TOTAL).sort(byPeriod);
  const latest = series.at(-1) ?? null;
  const cumulative = CUMULATIVE_KINDS.includes(indicator.kind);
  const shown = latest ? period(latest) : null;
  const value = shown ? (cumulative ? shown.cumulativeValue : shown.value) : null;
  // As the progress endpoint: no period yet is nobody behind the value.
  const n = shown ? (cumulative ? shown.cumulativeN : shown.n) : 0;
  const targets = {
    direction: indicator.direction, baselineValue: indicator.baselineValue, baselineDate: indicator.baselineDate ?? plan.startDate,
    midtermTarget: indicator.midtermTarget, midtermDate: plan.midtermDate, finalTarget: indicator.finalTarget, endDate: plan.endDate,
  };
  return {
    id: indicator.id,
    name: indicator.name,
    kind: indicator.kind,
    unit: indicator.unit,
    grain: indicator.grain,
    direction: indicator.direction,
    dimensions: [...indicator.dimensions],
    definitionStatus: indicator.status,
    source: structuredClone(indicator.source),
    baseline: { value: indicator.baselineValue, date: indicator.baselineDate },
    midtermTarget: indicator.midtermTarget,
    finalTarget: indicator.finalTarget,
    value,
    n,
    period: latest?.periodStart ?? null,
    status: statusOf(targets, value, cutoff),
    series: series.map(period),
    breakdowns: indicator.dimensions.map((dimension) => ({ dimension, cells: breakdown(own.filter((c) => c.dimension === dimension)) })),
  };
}
