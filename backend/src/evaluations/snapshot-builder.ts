import type { EvidenceItem } from '@repere/contract';
import type { ComputedCell } from '@backend/aggregation/cells';
import { figuresPlan, indicatorFigures } from '@backend/aggregation/figures';
import type { Indicator } from '@backend/indicators/indicator.entity';
import type { Plan } from '@backend/plans/plan.entity';
import type { IndicatorSnapshot } from './evaluation-snapshot';

export type SnapshotPlan = Pick<Plan, 'id' | 'title' | 'startDate' | 'midtermDate' | 'endDate' | 'timeZone' | 'dataFrom' | 'dataUntil'>;
export type SnapshotIndicator = Pick<
  Indicator,
  | 'id'
  | 'name'
  | 'kind'
  | 'unit'
  | 'grain'
  | 'direction'
  | 'dimensions'
  | 'status'
  | 'source'
  | 'baselineValue'
  | 'baselineDate'
  | 'midtermTarget'
  | 'finalTarget'
>;

/**
 * One indicator as it stood at the cut-off, from its definition now and its cells computed up to the cut-off: its
 * figures are those of the one function the progress endpoint and the dashboards use (indicatorFigures), with the
 * evidence that existed then (indicator-evidence.ts).
 */
export function indicatorSnapshot(
  indicator: SnapshotIndicator,
  cells: ComputedCell[],
  plan: SnapshotPlan,
  cutoff: string,
  evidence: EvidenceItem[] = [],
): IndicatorSnapshot {
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
    ...indicatorFigures(indicator, cells, figuresPlan(plan), cutoff),
    evidence,
  };
}
