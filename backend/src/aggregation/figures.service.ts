import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '@backend/common/errors';
import { todayIn } from '@backend/common/time-zone';
import type { Grain } from '@backend/indicators/indicator-kind';
import { Indicator } from '@backend/indicators/indicator.entity';
import { preparedQuery } from '@backend/database/prepared-query';
import { dataPeriodOf, Plan } from '@backend/plans/plan.entity';
import { AggregationService } from './aggregation.service';
import { ComputedCell, TOTAL } from './cells';
import { figuresPlan, IndicatorFigures, indicatorFigures } from './figures';
import { isFinal } from './progress';

/** Which cells a chart reads: one grain and one dimension. */
export interface CellFilter {
  grain: Grain;
  dimension: string;
}

/**
 * Whether cells as of `at` must be computed from the raw rows: a day before today and before the data period's end, or
 * a day some row is dated after (`later`). Otherwise the stored cells are exactly those.
 */
const readsRawRows = (at: string, until: string, today: string, later: boolean): boolean => at < until && (at < today || later);

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

/**
 * Whether plan `p` has a count, a manual value or a response dated after `at` and by the end of its data period: the
 * stored cells hold it, so they are not the cells as of `a.at` (a count entered ahead of its day, a response imported
 * with a later date). Each test is an index range or a plan's few rows.
 */
const laterSql = (at: string) => `(EXISTS (SELECT 1 FROM participation_counts c JOIN instruments ins ON ins.id = c.instrument_id
                      WHERE ins.plan_id = p.id AND c.date > ${at} AND c.date <= p.until)
     OR EXISTS (SELECT 1 FROM indicator_manual_values m JOIN indicators mi ON mi.id = m.indicator_id
                 WHERE mi.plan_id = p.id AND m.date > ${at} AND m.date <= p.until)
     OR EXISTS (SELECT 1 FROM questionnaires q JOIN responses r ON r.questionnaire_id = q.id
                 WHERE q.plan_id = p.id AND r.answered_at >= ((${at} + 1)::timestamp AT TIME ZONE p.time_zone)
                   AND r.answered_at < ((p.until + 1)::timestamp AT TIME ZONE p.time_zone)))`;

/** The plan as `p`, with its today and the last day of its data period. */
const PLAN_CTE = `p AS (SELECT p.*, to_char(now() AT TIME ZONE p.time_zone, 'YYYY-MM-DD') AS today, coalesce(p.data_until, p.end_date) AS until
                          FROM plans p WHERE p.id = $1)`;

/**
 * The plan ($1), its today, the as-of day ($2, or today), whether anything is dated after it, its indicators (not the
 * archived ones) and each one's latest stored total, in one statement.
 */
const PLAN_FIGURES_SQL = `WITH ${PLAN_CTE},
            x AS (SELECT coalesce($2::date, p.today::date) AS at FROM p),
            -- Asked once, and only where it decides (as of today or later, within the data period).
            a AS (SELECT x.at, (x.at >= p.today::date AND x.at < p.until AND ${laterSql('x.at')}) AS later FROM p, x)
       SELECT p.id AS "planId", p.title, p.start_date::text AS "startDate", p.midterm_date::text AS "midtermDate", p.end_date::text AS "endDate",
              p.time_zone AS "timeZone", p.data_from::text AS "dataFrom", p.data_until::text AS "dataUntil", p.today, a.at::text AS at,
              a.later,
              i.id, i.name, i.kind, i.unit, i.status, i.objective_id AS "objectiveId", i.action_id AS "actionId", i.direction, i.grain,
              i.dimensions::text[] AS dimensions, i.baseline_value AS "baselineValue", i.baseline_date::text AS "baselineDate", i.midterm_target AS "midtermTarget",
              i.final_target AS "finalTarget", v.period_start::text AS period, v.value, v.n, v.suppressed, v.cumulative_value, v.cumulative_n, v.cumulative_suppressed,
              v.published_value, v.published_n, v.published_cumulative_value, v.published_cumulative_n
         FROM p CROSS JOIN a
         -- An archived indicator is out of the plan's figures (README « Nothing is erased »): still in its tree and its history.
         LEFT JOIN indicators i ON i.plan_id = p.id AND i.archived_at IS NULL
         LEFT JOIN LATERAL (SELECT * FROM indicator_values v WHERE v.indicator_id = i.id AND v.grain = i.grain::text AND v.dimension = ''
                              AND v.period_start <= a.at ORDER BY v.period_start DESC LIMIT 1) v ON TRUE
        ORDER BY i.position, i.name`;

type PlanRow = {
  planId: string;
  title: string;
  startDate: string;
  midtermDate: string;
  endDate: string;
  timeZone: string;
  dataFrom: string | null;
  dataUntil: string | null;
  today: string;
  at: string;
  later: boolean;
  id: string | null;
  name: string;
  kind: Indicator['kind'];
  unit: string | null;
  status: Indicator['status'];
  objectiveId: string;
  actionId: string | null;
  direction: Indicator['direction'];
  grain: Grain;
  dimensions: Indicator['dimensions'];
  baselineValue: number | null;
  baselineDate: string | null;
  midtermTarget: number | null;
  finalTarget: number | null;
  period: string | null;
  value: number | null;
  n: number | null;
  suppressed: boolean | null;
  cumulative_value: number | null;
  cumulative_n: number | null;
  cumulative_suppressed: boolean | null;
} & Published;

type Published = {
  published_value: number | null;
  published_n: number | null;
  published_cumulative_value: number | null;
  published_cumulative_n: number | null;
};

const publishedOf = (r: Published) => ({
  publishedValue: r.published_value,
  publishedN: r.published_n,
  publishedCumulativeValue: r.published_cumulative_value,
  publishedCumulativeN: r.published_cumulative_n,
});

type StoredCell = {
  indicator_id: string;
  grain: Grain;
  period: string;
  dimension: string;
  category: string;
  value: number | null;
  n: number;
  suppressed: boolean;
  cumulative_value: number | null;
  cumulative_n: number;
  cumulative_suppressed: boolean;
} & Published;

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
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly aggregation: AggregationService,
  ) {}

  async planFigures(planId: string, at?: string): Promise<PlanFigures> {
    // One query for the plan, its « today », whether anything is dated after the as-of day, its indicators and each
    // one's latest stored total: the committee's dashboards poll this while responses stream in.
    const rows = await preparedQuery<PlanRow>(this.db, 'repere-plan-figures', PLAN_FIGURES_SQL, [planId, at ?? null]);
    if (rows.length === 0) throw notFound('Plan', planId);
    const head = rows[0];
    const plan = Object.assign(new Plan(), {
      id: head.planId,
      title: head.title,
      startDate: head.startDate,
      midtermDate: head.midtermDate,
      endDate: head.endDate,
      timeZone: head.timeZone,
      dataFrom: head.dataFrom,
      dataUntil: head.dataUntil,
    });
    const asOf = head.at;
    const indicators = rows
      .filter((r) => r.id !== null)
      .map((r) =>
        Object.assign(new Indicator(), {
          id: r.id,
          planId,
          name: r.name,
          kind: r.kind,
          unit: r.unit,
          status: r.status,
          objectiveId: r.objectiveId,
          actionId: r.actionId,
          direction: r.direction,
          grain: r.grain,
          dimensions: r.dimensions,
          baselineValue: r.baselineValue,
          baselineDate: r.baselineDate,
          midtermTarget: r.midtermTarget,
          finalTarget: r.finalTarget,
        }),
      );
    // As of a past day, every cell computed up to it (indicatorFigures reads the indicator's grain and breakdowns from
    // them); otherwise each indicator's latest stored total, read with the plan.
    const cells = readsRawRows(asOf, dataPeriodOf(plan).until, head.today, head.later)
      ? await this.aggregation.cellsAt(
          indicators.map((i) => i.id),
          asOf,
        )
      : new Map(
          rows
            .filter((r) => r.id !== null)
            .map((r) => [
              r.id!,
              r.period === null
                ? []
                : [
                    {
                      grain: r.grain,
                      periodStart: r.period,
                      dimension: TOTAL,
                      category: TOTAL,
                      value: r.value,
                      n: r.n ?? 0,
                      suppressed: r.suppressed ?? false,
                      cumulativeValue: r.cumulative_value,
                      cumulativeN: r.cumulative_n ?? 0,
                      cumulativeSuppressed: r.cumulative_suppressed ?? false,
                      ...publishedOf(r),
                    },
                  ],
            ]),
        );
    const frame = figuresPlan(plan);
    return {
      plan,
      at: asOf,
      today: head.today,
      ended: isFinal(plan, asOf),
      dataPeriod: frame.dataPeriod,
      indicators: indicators.map((indicator) => ({
        indicator,
        figures: indicatorFigures(indicator, cells.get(indicator.id) ?? [], frame, asOf),
      })),
    };
  }

  /** Whether the plan has a response, count or manual value dated after `at` and by its data period's end. */
  private async hasDataAfter(plan: Plan, at: string): Promise<boolean> {
    const [{ later }]: { later: boolean }[] = await this.db.query(`WITH ${PLAN_CTE} SELECT ${laterSql('$2::date')} AS later FROM p`, [
      plan.id,
      at,
    ]);
    return later;
  }

  /** The indicators' cells of one grain and dimension as of `at` (periods starting after it left out). */
  async cellsAsOf(plan: Plan, indicatorIds: string[], at: string, filter: CellFilter): Promise<Map<string, ComputedCell[]>> {
    if (indicatorIds.length === 0) return new Map();
    const until = dataPeriodOf(plan).until;
    const today = todayIn(plan.timeZone);
    // Rows dated after `at` are asked about only where they decide.
    const later = at >= today && at < until ? await this.hasDataAfter(plan, at) : false;
    if (readsRawRows(at, until, today, later)) {
      const computed = await this.aggregation.cellsAt(indicatorIds, at);
      return new Map(
        [...computed].map(([id, cells]) => [id, cells.filter((c) => c.grain === filter.grain && c.dimension === filter.dimension)]),
      );
    }
    const rows: StoredCell[] = await this.db.query(
      `SELECT v.indicator_id, v.grain, v.period_start::text AS period, v.dimension, v.category, v.value, v.n, v.suppressed,
              v.cumulative_value, v.cumulative_n, v.cumulative_suppressed,
              v.published_value, v.published_n, v.published_cumulative_value, v.published_cumulative_n
         FROM indicator_values v
        WHERE v.indicator_id = ANY($1::uuid[]) AND v.grain = $3 AND v.dimension = $4 AND v.period_start <= $2
        ORDER BY v.period_start, v.category`,
      [indicatorIds, at, filter.grain, filter.dimension],
    );
    const out = new Map<string, ComputedCell[]>(indicatorIds.map((id) => [id, []]));
    for (const r of rows) {
      out.get(r.indicator_id)?.push({
        grain: r.grain,
        periodStart: r.period,
        dimension: r.dimension,
        category: r.category,
        value: r.value,
        n: r.n,
        cumulativeValue: r.cumulative_value,
        cumulativeN: r.cumulative_n,
        suppressed: r.suppressed,
        cumulativeSuppressed: r.cumulative_suppressed,
        ...publishedOf(r),
      });
    }
    return out;
  }
}
