import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { appConfig } from '@backend/config/configuration';
import { Indicator } from '@backend/indicators/indicator.entity';
import { Plan } from '@backend/plans/plan.entity';
import { ComputedCell, MonthCell, TOTAL } from './cells';
import { IndicatorComputation } from './indicator-computation.entity';
import { IndicatorValue } from './indicator-value.entity';
import { cachedResponseMonths, foldResponseChanges } from './response-month-cache';
import { rollUp } from './rollup';
import { dimensionQuestions, manualMonths, participationMonths, ratioPartMonths } from './source-queries';
import { suppress } from './suppression';

interface Inputs { questionnaireId: string | null; instrumentIds: string[] }

/**
 * Turns the raw rows (responses, participation counts, manual values) into an indicator's stored cells.
 * A recompute reads everything in one snapshot and replaces the indicator's cells in one transaction, so
 * running it twice gives the same values and a process killed halfway leaves the previous ones intact.
 */
@Injectable()
export class AggregationService {
  private readonly logger = new Logger(AggregationService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /** `full`: read every month again, not only those whose responses changed (benchmarks; a definition change does it anyway). */
  async recompute(indicatorId: string, options: { full?: boolean } = {}): Promise<{ cells: number } | null> {
    // Two recomputes of one indicator take turns, and the lock comes BEFORE the transaction: REPEATABLE READ takes
    // its snapshot at the first statement, so behind a lock taken inside it the second one would read the rows from
    // before the first one's commit and fail (40001 on its DELETE, 23505 on its INSERT). A session lock also ends
    // with the session of a killed process.
    const runner = this.db.createQueryRunner();
    try {
      await runner.query('SELECT pg_advisory_lock(hashtextextended($1, 7))', [indicatorId]);
      try {
        return await runner.manager.transaction('REPEATABLE READ', (em) => this.replaceCells(em, indicatorId, options.full ?? false));
      } finally {
        // Fails only on a lost connection, which the pool discards, and the session's lock with it.
        await runner.query('SELECT pg_advisory_unlock(hashtextextended($1, 7))', [indicatorId]).catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }

  /** Reads everything in the transaction's one snapshot and replaces the indicator's cells. */
  private async replaceCells(em: EntityManager, indicatorId: string, full: boolean): Promise<{ cells: number } | null> {
    // The source queries are one scan and a hash aggregate of a few thousand groups. The planner, which cannot know
    // how many distinct answers a JSON key holds, expects a million groups: it sorts them on disk instead (twice the
    // time), does not let parallel workers aggregate their share (it thinks they would pass up a million rows; they
    // pass up a few thousand: 1.3 -> 0.9 s over a million responses), and JIT-compiles for 1.1-1.5 s, more than
    // running the query takes (bench:aggregate's profile).
    await em.query("SET LOCAL jit = off; SET LOCAL enable_sort = off; SET LOCAL work_mem = '64MB'; SET LOCAL parallel_tuple_cost = 0");
    const indicator = await em.findOneBy(Indicator, { id: indicatorId });
    if (!indicator) return null;
    const plan = await em.findOneByOrFail(Plan, { id: indicator.planId });
    const inputs = await this.inputs(em, indicator);
    const months = await this.months(em, indicator, inputs, full);
    const cells = rollUp(indicator.kind, months, plan.startDate);
    if (indicator.kind !== 'manual') suppress(cells, this.app.suppressionK);
    await em.delete(IndicatorValue, { indicatorId });
    // One statement from one JSON parameter: TypeORM's insert builder spent more time building a thousand rows'
    // parameters than PostgreSQL spent storing them (a recompute runs several times a second under live traffic).
    await em.query(
      `INSERT INTO indicator_values (indicator_id, grain, period_start, dimension, category, value, n, cumulative_value, cumulative_n, suppressed, cumulative_suppressed)
       SELECT $1, grain, "periodStart", dimension, category, value, n, "cumulativeValue", "cumulativeN", suppressed, "cumulativeSuppressed"
         FROM jsonb_to_recordset($2::jsonb) AS c(grain text, "periodStart" date, dimension text, category text, value float8, n int,
              "cumulativeValue" float8, "cumulativeN" int, suppressed boolean, "cumulativeSuppressed" boolean)`,
      [indicatorId, JSON.stringify(cells)]);
    await em.upsert(IndicatorComputation, {
      indicatorId, computedAt: new Date(), inputsFingerprint: await this.fingerprint(em, indicator, inputs),
    }, ['indicatorId']);
    return { cells: cells.length };
  }

  /** Keeps the log of changed months short (see foldResponseChanges); the reconcile job runs it. */
  foldChanges(): Promise<void> {
    return foldResponseChanges(this.db.manager);
  }

  /** Indicators whose inputs changed since their last computation (or never computed): what reconcile catches up. */
  async stale(planId?: string): Promise<string[]> {
    const indicators = await this.db.manager.find(Indicator, {
      select: { id: true, kind: true, source: true, updatedAt: true }, where: planId ? { planId } : {},
    });
    const seen = new Map((await this.db.manager.find(IndicatorComputation)).map((c) => [c.indicatorId, c.inputsFingerprint]));
    const stale: string[] = [];
    for (const indicator of indicators) {
      const em = this.db.manager;
      const current = await this.fingerprint(em, indicator, await this.inputs(em, indicator));
      if (seen.get(indicator.id) !== current) stale.push(indicator.id);
    }
    return stale;
  }

  /** Indicators fed by a questionnaire or by instruments: whom a new response or count concerns. */
  async indicatorsFedBy(what: { questionnaireId?: string; instrumentId?: string }): Promise<string[]> {
    const rows: { id: string }[] = what.questionnaireId
      ? await this.db.query(
        `SELECT i.id FROM indicators i WHERE i.source->>'questionnaireId' = $1
          UNION SELECT ii.indicator_id FROM indicator_instruments ii JOIN questionnaires q ON q.instrument_id = ii.instrument_id WHERE q.id = $1::uuid
          UNION SELECT i.id FROM indicators i WHERE i.source->'numerator'->>'questionnaireId' = $1 OR i.source->'denominator'->>'questionnaireId' = $1`,
        [what.questionnaireId])
      : await this.db.query(
        `SELECT i.id FROM indicators i WHERE i.source->'instrumentIds' ? $1
            OR i.source->'numerator'->'instrumentIds' ? $1 OR i.source->'denominator'->'instrumentIds' ? $1
          UNION SELECT ii.indicator_id FROM indicator_instruments ii WHERE ii.instrument_id = $1::uuid`,
        [what.instrumentId]);
    return rows.map((r) => r.id);
  }

  private async inputs(em: EntityManager, indicator: Pick<Indicator, 'id' | 'source'>): Promise<Inputs> {
    const linked: { instrument_id: string; kind: string; questionnaire_id: string | null }[] = await em.query(
      `SELECT ii.instrument_id, ins.kind, q.id AS questionnaire_id FROM indicator_instruments ii
         JOIN instruments ins ON ins.id = ii.instrument_id LEFT JOIN questionnaires q ON q.instrument_id = ins.id
        WHERE ii.indicator_id = $1`, [indicator.id]);
    const questionnaireId = indicator.source.questionnaireId ?? linked.find((l) => l.questionnaire_id)?.questionnaire_id ?? null;
    const instrumentIds = indicator.source.instrumentIds
      ?? linked.filter((l) => l.kind === 'participation_count' || l.kind === 'tally').map((l) => l.instrument_id);
    return { questionnaireId, instrumentIds };
  }

  private async months(em: EntityManager, indicator: Indicator, inputs: Inputs, full: boolean): Promise<MonthCell[]> {
    switch (indicator.kind) {
      case 'response_count':
      case 'answer_share':
      case 'scale_mean': {
        if (!inputs.questionnaireId) return [];
        const dims = await dimensionQuestions(em, inputs.questionnaireId, indicator.dimensions);
        return cachedResponseMonths(em, indicator, inputs.questionnaireId, dims, full);
      }
      case 'participation_sum':
        return inputs.instrumentIds.length ? participationMonths(em, inputs.instrumentIds, indicator.dimensions) : [];
      case 'manual':
        return manualMonths(em, indicator.id);
      case 'ratio':
        return this.ratioMonths(em, indicator);
    }
  }

  private async ratioMonths(em: EntityManager, indicator: Indicator): Promise<MonthCell[]> {
    const { numerator, denominator } = indicator.source;
    if (!numerator || !denominator) return [];
    // Each side contributes its own months; a period's ratio is the sum of one over the sum of the other.
    // A constant denominator stands for every month that has a numerator (a rate per occasion).
    const top = await ratioPartMonths(em, numerator, []);
    const bottom = await ratioPartMonths(em, denominator, [...top.keys()]);
    const months = new Set([...top.keys(), ...bottom.keys()]);
    return [...months].map((month) => ({
      month, dimension: TOTAL, category: TOTAL, num: top.get(month)?.value ?? 0, den: bottom.get(month)?.value ?? 0, n: top.get(month)?.n ?? 0,
    }));
  }

  /** Counts and newest times of everything the indicator is computed from, in the caller's snapshot. */
  private async fingerprint(em: EntityManager, indicator: Pick<Indicator, 'id' | 'source'>, inputs: Inputs): Promise<string> {
    const questionnaires = [inputs.questionnaireId, indicator.source.numerator?.questionnaireId, indicator.source.denominator?.questionnaireId].filter(Boolean);
    const instruments = [...inputs.instrumentIds, ...(indicator.source.numerator?.instrumentIds ?? []), ...(indicator.source.denominator?.instrumentIds ?? [])];
    const [row]: { f: string }[] = await em.query(
      `SELECT concat_ws('|',
         (SELECT updated_at::text FROM indicators WHERE id = $1),
         (SELECT coalesce(sum(weight), 0)::text FROM response_changes WHERE questionnaire_id = ANY($2::uuid[])),
         (SELECT string_agg(id || '@' || updated_at::text, ',' ORDER BY id) FROM questionnaires WHERE id = ANY($2::uuid[])),
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM participation_counts WHERE instrument_id = ANY($3::uuid[])),
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM indicator_manual_values WHERE indicator_id = $1),
         (SELECT string_agg(instrument_id::text, ',' ORDER BY instrument_id) FROM indicator_instruments WHERE indicator_id = $1)) AS f`,
      [indicator.id, questionnaires, instruments]);
    return row.f;
  }

  /** Cells as stored, for tests and the values endpoint's callers. */
  static readonly cellKey = (c: Pick<ComputedCell, 'grain' | 'periodStart' | 'dimension' | 'category'>) =>
    `${c.grain}|${c.periodStart}|${c.dimension}|${c.category}`;
}
