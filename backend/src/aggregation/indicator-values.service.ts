import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalidField, notFound } from '@backend/common/errors';
import { Indicator } from '@backend/indicators/indicator.entity';
import { TOTAL } from './cells';
import { ProgressQueryDto, ValuesQueryDto } from './dto/values-query.dto';
import { CUMULATIVE_KINDS, statusOf } from './progress';


interface ValueRow {
  period: string; category: string; value: number | null; n: number; suppressed: boolean;
  cumulative_value: number | null; cumulative_n: number; cumulative_suppressed: boolean;
}

/** Reads the values the workers computed: no aggregation happens in the request path. */
@Injectable()
export class IndicatorValuesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async values(indicatorId: string, q: ValuesQueryDto) {
    const indicator = await this.db.manager.findOneBy(Indicator, { id: indicatorId });
    if (!indicator) throw notFound('Indicator', indicatorId);
    if (q.by && !indicator.dimensions.includes(q.by)) throw invalidField('by', `the indicator is not broken down by ${q.by}`);
    const rows: ValueRow[] = await this.db.query(
      `SELECT period_start::text AS period, category, value, n, suppressed, cumulative_value, cumulative_n, cumulative_suppressed
         FROM indicator_values
        WHERE indicator_id = $1 AND grain = $2 AND dimension = $3 AND period_start >= $4 AND period_start <= $5
        ORDER BY period_start, category`,
      [indicatorId, q.grain ?? indicator.grain, q.by ?? TOTAL, q.from ?? '0001-01-01', q.to ?? '9999-12-31']);
    // A suppressed cell shows neither its value nor how many people are behind it.
    return rows.map((r) => ({
      period: r.period,
      ...(q.by ? { category: r.category } : {}),
      value: r.suppressed ? null : r.value,
      n: r.suppressed ? null : r.n,
      suppressed: r.suppressed,
      cumulativeValue: r.cumulative_suppressed ? null : r.cumulative_value,
      cumulativeN: r.cumulative_suppressed ? null : r.cumulative_n,
      cumulativeSuppressed: r.cumulative_suppressed,
    }));
  }

  async progress(planId: string, q: ProgressQueryDto) {
    const at = q.at ?? new Date().toISOString().slice(0, 10);
    // One query for the plan and its indicators (a row with a null id: a plan without any): the committee's
    // dashboards poll this while responses stream in.
    const rows: (Indicator & { period: string | null; value: number | null; n: number | null; cumulative_value: number | null; cumulative_n: number | null }
      & { planStart: string; planMidterm: string; planEnd: string })[] = await this.db.query(
        `SELECT p.start_date::text AS "planStart", p.midterm_date::text AS "planMidterm", p.end_date::text AS "planEnd",
                i.id, i.name, i.kind, i.unit, i.status, i.objective_id AS "objectiveId", i.action_id AS "actionId", i.direction, i.grain,
                i.baseline_value AS "baselineValue", i.baseline_date::text AS "baselineDate", i.midterm_target AS "midtermTarget",
                i.final_target AS "finalTarget", v.period_start::text AS period, v.value, v.n, v.cumulative_value, v.cumulative_n
           FROM plans p
           LEFT JOIN indicators i ON i.plan_id = p.id
           LEFT JOIN LATERAL (SELECT * FROM indicator_values v WHERE v.indicator_id = i.id AND v.grain = i.grain::text AND v.dimension = ''
                                AND v.period_start <= $2 ORDER BY v.period_start DESC LIMIT 1) v ON TRUE
          WHERE p.id = $1 ORDER BY i.position, i.name`, [planId, at]);
    if (rows.length === 0) throw notFound('Plan', planId);
    const plan = { startDate: rows[0].planStart, midtermDate: rows[0].planMidterm, endDate: rows[0].planEnd };
    const indicators = rows.filter((r) => r.id !== null);
    return {
      planId, at,
      indicators: indicators.map((r) => {
        const cumulative = CUMULATIVE_KINDS.includes(r.kind);
        const value = r.period === null ? null : cumulative ? r.cumulative_value : r.value;
        const targets = {
          direction: r.direction, baselineValue: r.baselineValue, baselineDate: r.baselineDate ?? plan.startDate,
          midtermTarget: r.midtermTarget, midtermDate: plan.midtermDate, finalTarget: r.finalTarget, endDate: plan.endDate,
        };
        return {
          id: r.id, name: r.name, kind: r.kind, unit: r.unit, definitionStatus: r.status, objectiveId: r.objectiveId, actionId: r.actionId,
          direction: r.direction, baseline: { value: r.baselineValue, date: r.baselineDate }, midtermTarget: r.midtermTarget,
          finalTarget: r.finalTarget, value, n: r.period === null ? 0 : cumulative ? r.cumulative_n : r.n, period: r.period,
          status: statusOf(targets, value, at),
        };
      }),
    };
  }
}
