import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '@backend/common/errors';
import { todayIn } from '@backend/common/time-zone';
import type { Grain } from '@backend/indicators/indicator-kind';
import { Indicator } from '@backend/indicators/indicator.entity';
import { dataPeriodOf, Plan } from '@backend/plans/plan.entity';
import { AggregationService } from './aggregation.service';
import { ComputedCell, TOTAL } from './cells';
import { FiguresPlan, IndicatorFigures, indicatorFigures } from './figures';
import { isFinal } from './progress';

/** Which stored cells a reader needs: one grain and dimension (a chart), or each indicator's latest total (progress). */
export type CellFilter = { grain: Grain; dimension: string } | { latestTotal: true };

export interface PlanFigures {
  plan: Plan;
  at: string;
  /** Today in the plan's time zone. */
  today: string;
  /** The figures are the plan's final ones (`at` is on or after its end date). */
  ended: boolean;
  dataPeriod: { from: string; until: string };
  indicators: { indicator: Indicator; figures: IndicatorFigures }[];
}

interface StoredCell {
  indicator_id: string; grain: Grain; period: string; dimension: string; category: string; value: number | null; n: number;
  suppressed: boolean; cumulative_value: number | null; cumulative_n: number; cumulative_suppressed: boolean;
}

/**
 * Cells and figures as of a date, for every surface that publishes them. The stored cells (kept by the workers) hold
 * every row of the plan's data period recorded so far: as of today or later, or of the data period's end or later,
 * they are the cells as of that date, read at the cost of an index lookup (unless a row is dated after it: a count
 * entered ahead of its day, an imported response from a later date). For any earlier date the cells are
 * computed from the raw rows up to it (AggregationService.cellsAt, as an evaluation freezes them): never a whole
 * period's later data shown as of a day inside it.
 */
@Injectable()
export class FiguresService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly aggregation: AggregationService) {}

  async planFigures(planId: string, at?: string): Promise<PlanFigures> {
    const plan = await this.db.manager.findOneBy(Plan, { id: planId });
    if (!plan) throw notFound('Plan', planId);
    const today = todayIn(plan.timeZone);
    const asOf = at ?? today;
    const indicators = await this.db.manager.find(Indicator, { where: { planId }, order: { position: 'ASC', name: 'ASC' } });
    const cells = await this.cellsAsOf(plan, indicators.map((i) => i.id), asOf, { latestTotal: true });
    const frame = framePlan(plan);
    return {
      plan, at: asOf, today, ended: isFinal(plan, asOf), dataPeriod: frame.dataPeriod,
      indicators: indicators.map((indicator) => ({ indicator, figures: indicatorFigures(indicator, cells.get(indicator.id) ?? [], frame, asOf) })),
    };
  }

  /** Whether the plan has a response, count or manual value dated after `at` and by `until`: the stored cells hold it. */
  private async hasDataAfter(plan: Plan, at: string, until: string): Promise<boolean> {
    const [{ later }]: { later: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM participation_counts c JOIN instruments i ON i.id = c.instrument_id
                       WHERE i.plan_id = $1 AND c.date > $2 AND c.date <= $3)
           OR EXISTS (SELECT 1 FROM indicator_manual_values m JOIN indicators i ON i.id = m.indicator_id
                       WHERE i.plan_id = $1 AND m.date > $2 AND m.date <= $3)
           OR EXISTS (SELECT 1 FROM questionnaires q JOIN responses r ON r.questionnaire_id = q.id
                       WHERE q.plan_id = $1 AND r.answered_at >= (($2::date + 1)::timestamp AT TIME ZONE $4)
                         AND r.answered_at < (($3::date + 1)::timestamp AT TIME ZONE $4)) AS later`,
      [plan.id, at, until, plan.timeZone]);
    return later;
  }

  /** The indicators' cells as of `at` (periods starting after it left out), as `filter` asks. */
  async cellsAsOf(plan: Plan, indicatorIds: string[], at: string, filter: CellFilter): Promise<Map<string, ComputedCell[]>> {
    if (indicatorIds.length === 0) return new Map();
    const until = dataPeriodOf(plan).until;
    if (at < until && (at < todayIn(plan.timeZone) || await this.hasDataAfter(plan, at, until))) {
      const computed = await this.aggregation.cellsAt(indicatorIds, at);
      const grainOf = 'latestTotal' in filter
        ? new Map((await this.db.manager.find(Indicator, { select: { id: true, grain: true }, where: indicatorIds.map((id) => ({ id })) })).map((i) => [i.id, i.grain]))
        : null;
      return new Map([...computed].map(([id, cells]) => [id, 'latestTotal' in filter
        ? latestOf(cells.filter((c) => c.grain === grainOf!.get(id) && c.dimension === TOTAL))
        : cells.filter((c) => c.grain === filter.grain && c.dimension === filter.dimension)]));
    }
    const rows: StoredCell[] = 'latestTotal' in filter
      ? await this.db.query(
        `SELECT i.id AS indicator_id, v.grain, v.period_start::text AS period, v.dimension, v.category, v.value, v.n, v.suppressed,
                v.cumulative_value, v.cumulative_n, v.cumulative_suppressed
           FROM indicators i
           JOIN LATERAL (SELECT * FROM indicator_values v WHERE v.indicator_id = i.id AND v.grain = i.grain::text AND v.dimension = ''
                           AND v.period_start <= $2 ORDER BY v.period_start DESC LIMIT 1) v ON TRUE
          WHERE i.id = ANY($1::uuid[])`, [indicatorIds, at])
      : await this.db.query(
        `SELECT v.indicator_id, v.grain, v.period_start::text AS period, v.dimension, v.category, v.value, v.n, v.suppressed,
                v.cumulative_value, v.cumulative_n, v.cumulative_suppressed
           FROM indicator_values v
          WHERE v.indicator_id = ANY($1::uuid[]) AND v.grain = $3 AND v.dimension = $4 AND v.period_start <= $2
          ORDER BY v.period_start, v.category`, [indicatorIds, at, filter.grain, filter.dimension]);
    const out = new Map<string, ComputedCell[]>(indicatorIds.map((id) => [id, []]));
    for (const r of rows) {
      out.get(r.indicator_id)?.push({
        grain: r.grain, periodStart: r.period, dimension: r.dimension, category: r.category, value: r.value, n: r.n,
        cumulativeValue: r.cumulative_value, cumulativeN: r.cumulative_n, suppressed: r.suppressed, cumulativeSuppressed: r.cumulative_suppressed,
      });
    }
    return out;
  }
}

/** The plan's dates as the figures read them. */
export function framePlan(plan: Plan): FiguresPlan {
  return { startDate: plan.startDate, midtermDate: plan.midtermDate, endDate: plan.endDate, dataPeriod: dataPeriodOf(plan) };
}

function latestOf(cells: ComputedCell[]): ComputedCell[] {
  const latest = cells.reduce<ComputedCell | null>((l, c) => (!l || c.periodStart > l.periodStart ? c : l), null);
  return latest ? [latest] : [];
}
