import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Dimension, IndicatorKind } from '@backend/indicators/indicator-kind';
import type { RatioPart } from '@backend/indicators/indicator-source';
import { Indicator } from '@backend/indicators/indicator.entity';
import { Plan } from '@backend/plans/plan.entity';
import type { ComputedCell, MonthCell } from './cells';
import { IndicatorComputation } from './indicator-computation.entity';
import { CachedSpec, cachedResponseMonths, Changed, foldResponseChanges } from './response-month-cache';
import { ResponseSpec, responseMonths } from './response-months';
import {
  DimensionQuestion,
  dimensionQuestions,
  manualMonths,
  participationMonths,
  ratioPartMonths,
  Scope,
  workStepMonths,
} from './source-queries';
import { storeValues } from './store-values';

/**
 * For the source queries' scans. They are one scan and a hash aggregate of a few thousand groups. The planner, which
 * cannot know how many distinct answers a JSON key holds, expects a million groups: it sorts them on disk instead
 * (twice the time), does not let parallel workers aggregate their share (it thinks they would pass up a million rows;
 * they pass up a few thousand: 1.3 -> 0.9 s over a million responses), and JIT-compiles for 1.1-1.5 s, more than
 * running the query takes (bench:aggregate's profile).
 */
const SCAN_SETTINGS = "SET LOCAL jit = off; SET LOCAL enable_sort = off; SET LOCAL work_mem = '64MB'; SET LOCAL parallel_tuple_cost = 0";

/** An instrument linked to an indicator, and the questionnaire it is, if any. */
export interface LinkedInstrument {
  instrumentId: string;
  kind: string;
  questionnaireId: string | null;
}

/** What an indicator's fingerprint covers: its own rows, and those of the questionnaires, instruments or work cell it reads. */
export interface FingerprintInputs {
  indicatorId: string;
  questionnaireIds: string[];
  instrumentIds: string[];
  workCellId?: string | null;
}

/**
 * The aggregation's reads and writes within one snapshot (a recompute's or a cut-off's transaction, or none): every
 * query AggregationService's rules need, and nothing else. The source queries themselves (source-queries.ts,
 * response-months.ts and answer-rows.ts, response-month-cache.ts, store-values.ts) are tuned (bench/README.md): kept
 * as they are, called from here only.
 */
export class AggregationReads {
  constructor(private readonly em: EntityManager) {}

  indicators(ids: string[]): Promise<Indicator[]> {
    return this.em.findBy(Indicator, { id: In(ids) });
  }

  async plans(planIds: string[]): Promise<Map<string, Plan>> {
    return new Map((await this.em.findBy(Plan, { id: In([...new Set(planIds)]) })).map((p) => [p.id, p]));
  }

  async linkedInstruments(indicatorId: string): Promise<LinkedInstrument[]> {
    const rows: { instrument_id: string; kind: string; questionnaire_id: string | null }[] = await this.em.query(
      `SELECT ii.instrument_id, ins.kind, q.id AS questionnaire_id FROM indicator_instruments ii
         JOIN instruments ins ON ins.id = ii.instrument_id LEFT JOIN questionnaires q ON q.instrument_id = ins.id
        WHERE ii.indicator_id = $1`,
      [indicatorId],
    );
    return rows.map((r) => ({ instrumentId: r.instrument_id, kind: r.kind, questionnaireId: r.questionnaire_id }));
  }

  dimensionQuestions(questionnaireId: string, dimensions: Dimension[]): Promise<DimensionQuestion[]> {
    return dimensionQuestions(this.em, questionnaireId, dimensions);
  }

  responseMonths(questionnaireId: string, specs: ResponseSpec[], scope: Scope): Promise<MonthCell[][]> {
    return responseMonths(this.em, questionnaireId, specs, scope);
  }

  /** Reads only the months whose responses changed, and stores the months read (response-month-cache.ts). */
  cachedResponseMonths(
    questionnaireId: string,
    specs: CachedSpec[],
    full: boolean,
    scope: Scope,
  ): Promise<{ cells: MonthCell[]; changed: Changed }[]> {
    return cachedResponseMonths(this.em, questionnaireId, specs, full, scope);
  }

  participationMonths(instrumentIds: string[], dimensions: Dimension[], scope: Scope): Promise<MonthCell[]> {
    return participationMonths(this.em, instrumentIds, dimensions, scope);
  }

  manualMonths(indicatorId: string, scope: Scope): Promise<MonthCell[]> {
    return manualMonths(this.em, indicatorId, scope);
  }

  ratioPartMonths(part: RatioPart, months: string[], scope: Scope): Promise<Map<string, { value: number; n: number; key: number }>> {
    return ratioPartMonths(this.em, part, months, scope);
  }

  workStepMonths(workCellId: string, phase: string | null, scope: Scope): Promise<MonthCell[]> {
    return workStepMonths(this.em, workCellId, phase, scope);
  }

  storeValues(indicatorId: string, cells: ComputedCell[], changed: Changed): Promise<void> {
    return storeValues(this.em, indicatorId, cells, changed);
  }

  /** Counts and newest times of everything the indicator is computed from, in this snapshot. */
  async fingerprint({ indicatorId, questionnaireIds, instrumentIds, workCellId = null }: FingerprintInputs): Promise<string> {
    const [row]: { f: string }[] = await this.em.query(
      `SELECT concat_ws('|',
         (SELECT updated_at::text FROM indicators WHERE id = $1),
         (SELECT concat_ws(',', p.start_date, p.time_zone, p.data_from, p.data_until) FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE i.id = $1),
         (SELECT coalesce(sum(weight), 0)::text FROM response_changes WHERE questionnaire_id = ANY($2::uuid[])),
         (SELECT string_agg(id || '@' || updated_at::text, ',' ORDER BY id) FROM questionnaires WHERE id = ANY($2::uuid[])),
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM participation_counts WHERE instrument_id = ANY($3::uuid[])),
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM indicator_manual_values WHERE indicator_id = $1),
         (SELECT string_agg(instrument_id::text, ',' ORDER BY instrument_id) FROM indicator_instruments WHERE indicator_id = $1),
         -- Null (so left out, and other kinds' fingerprints unchanged) unless the indicator reads a work cell's steps;
         -- a removed step lowers the count, any change moves the newest time.
         (SELECT 'steps ' || count(*) || ':' || coalesce(max(updated_at)::text, '') FROM work_steps
           WHERE $4::uuid IS NOT NULL AND work_cell_id = $4::uuid HAVING $4::uuid IS NOT NULL)) AS f`,
      [indicatorId, questionnaireIds, instrumentIds, workCellId],
    );
    return row.f;
  }

  async recordComputation(indicatorId: string, inputsFingerprint: string): Promise<void> {
    await this.em.upsert(IndicatorComputation, { indicatorId, computedAt: new Date(), inputsFingerprint }, ['indicatorId']);
  }
}

/** The aggregation's SQL: its snapshots, locks and lookups (AggregationService holds the rules). */
@Injectable()
export class AggregationRepository {
  private readonly logger = new Logger(AggregationRepository.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Runs `work` holding the indicators' advisory locks, in one REPEATABLE READ transaction on the connection that
   * holds them. Two recomputes of one indicator take turns, and the locks come BEFORE the transaction: REPEATABLE
   * READ takes its snapshot at the first statement, so behind a lock taken inside it the second one would read the
   * rows from before the first one's commit and fail (40001 on its DELETE, 23505 on its INSERT). Session locks also
   * end with the session of a killed process; taken in one order (sorted ids), two batches cannot deadlock.
   */
  async recomputing<T>(indicatorIds: string[], work: (reads: AggregationReads) => Promise<T>): Promise<T> {
    const ids = [...new Set(indicatorIds)].sort();
    const runner = this.db.createQueryRunner();
    try {
      for (const id of ids) await runner.query('SELECT pg_advisory_lock(hashtextextended($1, 7))', [id]);
      // At debug level, when the locks are held and before they are let go: two such spans of one indicator never
      // overlap, in any process (the scale-out test reads these lines to check it).
      this.logger.debug(`recompute of ${ids.join(',')} begins`);
      try {
        return await runner.manager.transaction('REPEATABLE READ', async (em) => {
          await em.query(SCAN_SETTINGS);
          return work(new AggregationReads(em));
        });
      } finally {
        this.logger.debug(`recompute of ${ids.join(',')} ends`);
        // Fails only on a lost connection, which the pool discards, and the session's locks with it.
        await runner.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }

  /** Runs `work` in one REPEATABLE READ snapshot that writes nothing (cells at a cut-off). */
  inSnapshot<T>(work: (reads: AggregationReads) => Promise<T>): Promise<T> {
    return this.db.transaction('REPEATABLE READ', async (em) => {
      await em.query(SCAN_SETTINGS);
      return work(new AggregationReads(em));
    });
  }

  /** Reads outside any transaction (each statement its own snapshot): lookups that decide what to recompute. */
  reads(): AggregationReads {
    return new AggregationReads(this.db.manager);
  }

  indicator(id: string): Promise<Indicator | null> {
    return this.db.manager.findOneBy(Indicator, { id });
  }

  /** Those of `ids` whose kind is one of `kinds`. */
  async ofKinds(ids: string[], kinds: IndicatorKind[]): Promise<string[]> {
    return (await this.db.manager.find(Indicator, { select: { id: true }, where: { id: In(ids), kind: In(kinds) } })).map((i) => i.id);
  }

  /** What the staleness check reads of every indicator (of one plan). */
  definitions(planId?: string): Promise<Pick<Indicator, 'id' | 'kind' | 'source' | 'updatedAt'>[]> {
    const select = { id: true, kind: true, source: true, updatedAt: true } as const;
    return this.db.manager.find(Indicator, { select, where: planId ? { planId } : {} });
  }

  /** Each computed indicator's inputs fingerprint at its last computation. */
  async fingerprints(): Promise<Map<string, string>> {
    return new Map((await this.db.manager.find(IndicatorComputation)).map((c) => [c.indicatorId, c.inputsFingerprint]));
  }

  /** For each month of the questionnaire's change log: whether the indicator's stored month read its current version. */
  async monthsSeen(indicatorId: string, questionnaireId: string): Promise<{ months: number; read: number }> {
    const [row]: { months: number; read: number }[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE m.source_version IS DISTINCT FROM c.version)::int AS months, count(m.month)::int AS read
         FROM (SELECT month, sum(weight) AS version FROM response_changes WHERE questionnaire_id = $2 GROUP BY month) c
         LEFT JOIN indicator_months m ON m.indicator_id = $1 AND m.month = c.month`,
      [indicatorId, questionnaireId],
    );
    return row;
  }

  /** Indicators fed by a questionnaire, by instruments or by a work cell's steps: whom a new response, count or step concerns. */
  async indicatorsFedBy(what: { questionnaireId?: string; instrumentId?: string; workCellId?: string }): Promise<string[]> {
    if (what.workCellId) {
      const rows: { id: string }[] = await this.db.query(
        `SELECT id FROM indicators WHERE kind = 'work_steps_done' AND source->>'workCellId' = $1`,
        [what.workCellId],
      );
      return rows.map((r) => r.id);
    }
    const rows: { id: string }[] = what.questionnaireId
      ? await this.db.query(
          `SELECT i.id FROM indicators i WHERE i.source->>'questionnaireId' = $1
          UNION SELECT ii.indicator_id FROM indicator_instruments ii JOIN questionnaires q ON q.instrument_id = ii.instrument_id WHERE q.id = $1::uuid
          UNION SELECT i.id FROM indicators i WHERE i.source->'numerator'->>'questionnaireId' = $1 OR i.source->'denominator'->>'questionnaireId' = $1`,
          [what.questionnaireId],
        )
      : await this.db.query(
          `SELECT i.id FROM indicators i WHERE i.source->'instrumentIds' ? $1
            OR i.source->'numerator'->'instrumentIds' ? $1 OR i.source->'denominator'->'instrumentIds' ? $1
          UNION SELECT ii.indicator_id FROM indicator_instruments ii WHERE ii.instrument_id = $1::uuid`,
          [what.instrumentId],
        );
    return rows.map((r) => r.id);
  }

  /** Keeps the log of changed months short (response-month-cache.ts foldResponseChanges). */
  foldChanges(): Promise<void> {
    return foldResponseChanges(this.db.manager);
  }
}
