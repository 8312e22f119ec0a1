import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { appConfig } from '@backend/config/configuration';
import { deploymentTable } from '@backend/disclosure/disclosure';
import { protectCells } from '@backend/disclosure/protect-cells';
import type { IndicatorKind } from '@backend/indicators/indicator-kind';
import { Indicator } from '@backend/indicators/indicator.entity';
import { ADS_CATEGORIES } from '@backend/questionnaires/ads-block';
import { dataPeriodOf, Plan } from '@backend/plans/plan.entity';
import { ComputedCell, MonthCell, TOTAL } from './cells';
import { IndicatorComputation } from './indicator-computation.entity';
import { CachedSpec, cachedResponseMonths, Changed, foldResponseChanges } from './response-month-cache';
import { rollUp } from './rollup';
import { ResponseSpec, responseMonths } from './response-months';
import { dimensionQuestions, manualMonths, participationMonths, ratioPartMonths, Scope } from './source-queries';
import { storeValues } from './store-values';

/** The kinds computed from a questionnaire's responses. */
const RESPONSE_KINDS: IndicatorKind[] = ['response_count', 'answer_share', 'scale_mean'];
/** For the source queries' scans: see replaceCells. */
const SCAN_SETTINGS = "SET LOCAL jit = off; SET LOCAL enable_sort = off; SET LOCAL work_mem = '64MB'; SET LOCAL parallel_tuple_cost = 0";
/** What live traffic changes: the current month (and the previous one, around the first of the month). */
const RECENT_MONTHS = 2;

interface Inputs { questionnaireId: string | null; instrumentIds: string[] }

/** Where an indicator's month cells come from: a questionnaire's responses (read in shared scans) or other rows. */
type Source =
  | { from: 'responses'; questionnaireId: string; spec: ResponseSpec }
  | { from: 'rows'; read: () => Promise<MonthCell[]> }
  | { from: 'nothing' };

/**
 * The categories every period of a breakdown shows: the dimension's ADS+ categories, what stands for no answer, and
 * any other the data holds. Fixed lists, not only the categories seen so far: the first person ever in a category
 * would otherwise make it appear (rollUp).
 */
function categoriesOf(indicator: Pick<Indicator, 'kind' | 'dimensions'>, months: MonthCell[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const unanswered = indicator.kind === 'participation_sum' ? ['not_recorded'] : ['prefer_not', 'not_answered'];
  for (const dimension of indicator.dimensions) {
    const list = new Set([...(ADS_CATEGORIES[dimension] ?? []).map((c) => c.code), ...unanswered]);
    for (const m of months) if (m.dimension === dimension) list.add(m.category);
    out.set(dimension, [...list]);
  }
  return out;
}

/**
 * What a plan's figures read: the days of its data period (Plan.dataFrom/dataUntil, its own period by default), in its
 * time zone, up to `until` when that comes first (a cut-off).
 */
function scopeOf(plan: Pick<Plan, 'timeZone' | 'startDate' | 'endDate' | 'dataFrom' | 'dataUntil'>, until?: string): Scope {
  const period = dataPeriodOf(plan);
  return { zone: plan.timeZone, from: period.from, until: until !== undefined && until < period.until ? until : period.until };
}

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
    return (await this.recomputeMany([indicatorId], options)).get(indicatorId) ?? null;
  }

  /**
   * Recomputes several indicators in one transaction; those fed by the same questionnaire share one scan of its
   * responses (a questionnaire's indicators, all stale after an import or an outage, read a million rows once).
   * Null for an indicator that no longer exists.
   */
  async recomputeMany(indicatorIds: string[], options: { full?: boolean } = {}): Promise<Map<string, { cells: number } | null>> {
    // Two recomputes of one indicator take turns, and the locks come BEFORE the transaction: REPEATABLE READ takes
    // its snapshot at the first statement, so behind a lock taken inside it the second one would read the rows from
    // before the first one's commit and fail (40001 on its DELETE, 23505 on its INSERT). Session locks also end
    // with the session of a killed process; taken in one order (sorted ids), two batches cannot deadlock.
    const ids = [...new Set(indicatorIds)].sort();
    const runner = this.db.createQueryRunner();
    try {
      for (const id of ids) await runner.query('SELECT pg_advisory_lock(hashtextextended($1, 7))', [id]);
      // At debug level, when the locks are held and before they are let go: two such spans of one indicator never
      // overlap, in any process (the scale-out test reads these lines to check it).
      this.logger.debug(`recompute of ${ids.join(',')} begins`);
      try {
        return await runner.manager.transaction('REPEATABLE READ', (em) => this.replaceCells(em, ids, options.full ?? false));
      } finally {
        this.logger.debug(`recompute of ${ids.join(',')} ends`);
        // Fails only on a lost connection, which the pool discards, and the session's locks with it.
        await runner.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * The indicators a recompute of this one should read with: the others its questionnaire feeds, when it has more
   * than the latest months to read (a first computation, an import, an outage): one scan then serves them all, and
   * their own jobs find their months read. Under live traffic (the current month changed) each reads its own few
   * rows: reading for the others too would only multiply the work, every indicator's job coming anyway.
   */
  async withSiblings(indicatorId: string): Promise<string[]> {
    const indicator = await this.db.manager.findOneBy(Indicator, { id: indicatorId });
    if (!indicator || !RESPONSE_KINDS.includes(indicator.kind)) return [indicatorId];
    const { questionnaireId } = await this.inputs(this.db.manager, indicator);
    if (!questionnaireId || await this.monthsToRead(indicatorId, questionnaireId) <= RECENT_MONTHS) return [indicatorId];
    const fed = await this.db.manager.find(Indicator, {
      select: { id: true }, where: { id: In(await this.indicatorsFedBy({ questionnaireId })), kind: In(RESPONSE_KINDS) },
    });
    return [...new Set([indicatorId, ...fed.map((i) => i.id)])];
  }

  /** Months whose responses changed since the indicator read them (all of them when it has read none). */
  private async monthsToRead(indicatorId: string, questionnaireId: string): Promise<number> {
    const [{ months, read }]: { months: number; read: number }[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE m.source_version IS DISTINCT FROM c.version)::int AS months, count(m.month)::int AS read
         FROM (SELECT month, sum(weight) AS version FROM response_changes WHERE questionnaire_id = $2 GROUP BY month) c
         LEFT JOIN indicator_months m ON m.indicator_id = $1 AND m.month = c.month`, [indicatorId, questionnaireId]);
    return read === 0 ? Infinity : months;
  }

  /** Reads everything in the transaction's one snapshot and replaces the indicators' cells. */
  private async replaceCells(em: EntityManager, ids: string[], full: boolean): Promise<Map<string, { cells: number } | null>> {
    // The source queries are one scan and a hash aggregate of a few thousand groups. The planner, which cannot know
    // how many distinct answers a JSON key holds, expects a million groups: it sorts them on disk instead (twice the
    // time), does not let parallel workers aggregate their share (it thinks they would pass up a million rows; they
    // pass up a few thousand: 1.3 -> 0.9 s over a million responses), and JIT-compiles for 1.1-1.5 s, more than
    // running the query takes (bench:aggregate's profile).
    await em.query(SCAN_SETTINGS);
    const indicators = await em.findBy(Indicator, { id: In(ids) });
    const plans = await this.plansOf(em, indicators);
    const inputs = new Map<string, Inputs>();
    for (const indicator of indicators) inputs.set(indicator.id, await this.inputs(em, indicator));
    const months = await this.months(em, indicators, plans, inputs, full);
    const results = new Map<string, { cells: number } | null>(ids.map((id) => [id, null]));
    for (const indicator of indicators) {
      const { cells: monthCells, changed } = months.get(indicator.id) ?? { cells: [], changed: 'all' };
      const cells = this.cellsFrom(indicator, monthCells, plans.get(indicator.planId)!);
      await storeValues(em, indicator.id, cells, changed);
      await em.upsert(IndicatorComputation, {
        indicatorId: indicator.id, computedAt: new Date(), inputsFingerprint: await this.fingerprint(em, indicator, inputs.get(indicator.id)!),
      }, ['indicatorId']);
      results.set(indicator.id, { cells: cells.length });
    }
    return results;
  }

  /**
   * The indicators' cells as they stood at a cut-off date: computed from the rows answered, counted or entered on or
   * before it, within their plan's data period (in one snapshot, nothing stored), periods starting after it left out.
   * What an evaluation freezes, and what the progress endpoint reads for a past date. Indicators of one questionnaire
   * share its scans.
   */
  async cellsAt(indicatorIds: string[], cutoff: string): Promise<Map<string, ComputedCell[]>> {
    return this.db.transaction('REPEATABLE READ', async (em) => {
      await em.query(SCAN_SETTINGS);
      const indicators = await em.findBy(Indicator, { id: In(indicatorIds) });
      const plans = await this.plansOf(em, indicators);
      const months = new Map<string, MonthCell[]>();
      const scans = new Map<string, { questionnaireId: string; scope: Scope; reads: { id: string; spec: ResponseSpec }[] }>();
      for (const indicator of indicators) {
        const scope = scopeOf(plans.get(indicator.planId)!, cutoff);
        const source = await this.sourceOf(em, indicator, await this.inputs(em, indicator), scope);
        if (source.from === 'responses') {
          const key = `${source.questionnaireId}|${JSON.stringify(scope)}`;
          const scan = scans.get(key) ?? { questionnaireId: source.questionnaireId, scope, reads: [] };
          scan.reads.push({ id: indicator.id, spec: source.spec });
          scans.set(key, scan);
        } else {
          months.set(indicator.id, source.from === 'rows' ? await source.read() : []);
        }
      }
      for (const { questionnaireId, scope, reads } of scans.values()) {
        const read = await responseMonths(em, questionnaireId, reads.map((r) => r.spec), scope);
        reads.forEach((r, i) => months.set(r.id, read[i]));
      }
      const out = new Map<string, ComputedCell[]>();
      for (const indicator of indicators) {
        const cells = this.cellsFrom(indicator, months.get(indicator.id) ?? [], plans.get(indicator.planId)!);
        out.set(indicator.id, cells.filter((c) => c.periodStart <= cutoff));
      }
      return out;
    });
  }

  /**
   * Month cells → cells at every grain, with their published figures (the disclosure layer): the same roll-up and
   * the same protection whether stored or read for a cut-off.
   */
  private cellsFrom(indicator: Indicator, months: MonthCell[], plan: Plan): ComputedCell[] {
    const cells = rollUp(indicator.kind, months, dataPeriodOf(plan).from, categoriesOf(indicator, months));
    return protectCells(indicator.kind, cells, deploymentTable(this.app));
  }

  private async plansOf(em: EntityManager, indicators: Indicator[]): Promise<Map<string, Plan>> {
    return new Map((await em.findBy(Plan, { id: In([...new Set(indicators.map((i) => i.planId))]) })).map((p) => [p.id, p]));
  }

  /** The one switch over indicator kinds: where an indicator's month cells come from, within `scope`. */
  private async sourceOf(em: EntityManager, indicator: Indicator, inputs: Inputs, scope: Scope): Promise<Source> {
    switch (indicator.kind) {
      case 'response_count':
      case 'answer_share':
      case 'scale_mean': {
        if (!inputs.questionnaireId) return { from: 'nothing' };
        const dims = await dimensionQuestions(em, inputs.questionnaireId, indicator.dimensions);
        return { from: 'responses', questionnaireId: inputs.questionnaireId, spec: { kind: indicator.kind, source: indicator.source, dims } };
      }
      case 'participation_sum':
        if (!inputs.instrumentIds.length) return { from: 'nothing' };
        return { from: 'rows', read: () => participationMonths(em, inputs.instrumentIds, indicator.dimensions, scope) };
      case 'manual':
        return { from: 'rows', read: () => manualMonths(em, indicator.id, scope) };
      case 'ratio':
        return { from: 'rows', read: () => this.ratioMonths(em, indicator, scope) };
    }
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

  /** Month cells per indicator, and which months changed; those of one questionnaire come from one shared read. */
  private async months(
    em: EntityManager, indicators: Indicator[], plans: Map<string, Plan>, inputs: Map<string, Inputs>, full: boolean,
  ): Promise<Map<string, { cells: MonthCell[]; changed: Changed }>> {
    const out = new Map<string, { cells: MonthCell[]; changed: Changed }>();
    const byQuestionnaire = new Map<string, { scope: Scope; specs: CachedSpec[] }>();
    for (const indicator of indicators) {
      const plan = plans.get(indicator.planId)!;
      const scope = scopeOf(plan);
      const source = await this.sourceOf(em, indicator, inputs.get(indicator.id)!, scope);
      if (source.from === 'responses') {
        // Stored month cells were read for this plan's start, zone and data period, and this protection: any other, read again.
        const dependsOn = [plan.startDate, plan.timeZone, scope.from, scope.until, this.app.suppressionK, this.app.disclosureMaxDeviation];
        const key = `${source.questionnaireId}|${JSON.stringify(scope)}`;
        const group = byQuestionnaire.get(key) ?? { scope, specs: [] };
        group.specs.push({ indicator, dims: source.spec.dims, dependsOn });
        byQuestionnaire.set(key, group);
      } else if (source.from === 'rows') {
        out.set(indicator.id, { cells: await source.read(), changed: 'all' });
      }
    }
    for (const [key, { scope, specs }] of byQuestionnaire) {
      const read = await cachedResponseMonths(em, key.slice(0, key.indexOf('|')), specs, full, scope);
      specs.forEach((spec, i) => out.set(spec.indicator.id, read[i]));
    }
    return out;
  }

  private async ratioMonths(em: EntityManager, indicator: Indicator, scope: Scope): Promise<MonthCell[]> {
    const { numerator, denominator } = indicator.source;
    if (!numerator || !denominator) return [];
    // Each side contributes its own months; a period's ratio is the sum of one over the sum of the other.
    // A constant denominator stands for every month that has a numerator (a rate per occasion).
    const top = await ratioPartMonths(em, numerator, [], scope);
    const bottom = await ratioPartMonths(em, denominator, [...top.keys()], scope);
    const months = new Set([...top.keys(), ...bottom.keys()]);
    return [...months].map((month) => ({
      month, dimension: TOTAL, category: TOTAL, num: top.get(month)?.value ?? 0, den: bottom.get(month)?.value ?? 0, n: top.get(month)?.n ?? 0,
      // A constant side is no count of people: published as it is (protectCells).
      numKey: numerator.kind === 'constant' ? null : top.get(month)?.key ?? 0,
      denKey: denominator.kind === 'constant' ? null : bottom.get(month)?.key ?? 0,
    }));
  }

  /** Counts and newest times of everything the indicator is computed from, in the caller's snapshot. */
  private async fingerprint(em: EntityManager, indicator: Pick<Indicator, 'id' | 'source'>, inputs: Inputs): Promise<string> {
    const questionnaires = [inputs.questionnaireId, indicator.source.numerator?.questionnaireId, indicator.source.denominator?.questionnaireId].filter(Boolean);
    const instruments = [...inputs.instrumentIds, ...(indicator.source.numerator?.instrumentIds ?? []), ...(indicator.source.denominator?.instrumentIds ?? [])];
    const [row]: { f: string }[] = await em.query(
      `SELECT concat_ws('|',
         (SELECT updated_at::text FROM indicators WHERE id = $1),
         (SELECT concat_ws(',', p.start_date, p.time_zone, p.data_from, p.data_until) FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE i.id = $1),
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
