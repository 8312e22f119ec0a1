import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { appConfig } from '@backend/config/configuration';
import { deploymentTable } from '@backend/disclosure/disclosure';
import { protectCells } from '@backend/disclosure/protect-cells';
import type { Indicator } from '@backend/indicators/indicator.entity';
import { ADS_CATEGORIES } from '@backend/questionnaires/ads-block';
import { dataPeriodOf, Plan } from '@backend/plans/plan.entity';
import { AggregationReads, AggregationRepository } from './aggregation.repository';
import { ComputedCell, MonthCell, TOTAL } from './cells';
import { KIND_RULES, RESPONSE_KINDS } from './kind-rules';
import type { CachedSpec, Changed } from './response-month-cache';
import { rollUp } from './rollup';
import type { ResponseSpec } from './response-months';
import type { Scope } from './source-queries';

/** What live traffic changes: the current month (and the previous one, around the first of the month). */
const RECENT_MONTHS = 2;

interface Inputs {
  questionnaireId: string | null;
  instrumentIds: string[];
}

/** Where an indicator's month cells come from: a questionnaire's responses (read in shared scans) or other rows. */
type Source =
  | { from: 'responses'; questionnaireId: string; spec: ResponseSpec }
  | { from: 'rows'; read: () => Promise<MonthCell[]> }
  | { from: 'nothing' };

/**
 * The categories every period of a breakdown shows: the dimension's ADS+ categories, what stands for no answer (by
 * kind: kind-rules.ts), and any other the data holds. Fixed lists, not only the categories seen so far: the first
 * person ever in a category would otherwise make it appear (rollUp).
 */
function categoriesOf(indicator: Pick<Indicator, 'kind' | 'dimensions'>, months: MonthCell[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const unanswered = KIND_RULES[indicator.kind].unanswered;
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
 * Turns the raw rows (responses, participation counts, manual values) into an indicator's stored cells: the rules
 * (which indicators, which scope and months, what each kind reads, when stored values are stale); every query is
 * AggregationRepository's. A recompute reads everything in one snapshot and replaces the indicator's cells in one
 * transaction, so running it twice gives the same values and a process killed halfway leaves the previous ones intact.
 */
@Injectable()
export class AggregationService {
  constructor(
    private readonly repository: AggregationRepository,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /** `full`: read every month again, not only those whose responses changed (benchmarks; a definition change does it anyway). */
  async recompute(indicatorId: string, options: { full?: boolean } = {}): Promise<{ cells: number } | null> {
    return (await this.recomputeMany([indicatorId], options)).get(indicatorId) ?? null;
  }

  /**
   * Recomputes several indicators in one transaction; those fed by the same questionnaire share one scan of its
   * responses (a questionnaire's indicators, all stale after an import or an outage, read a million rows once).
   * Two recomputes of one indicator take turns (the repository's advisory locks, held around the transaction).
   * Null for an indicator that no longer exists.
   */
  async recomputeMany(indicatorIds: string[], options: { full?: boolean } = {}): Promise<Map<string, { cells: number } | null>> {
    const ids = [...new Set(indicatorIds)].sort();
    return this.repository.recomputing(ids, (reads) => this.replaceCells(reads, ids, options.full ?? false));
  }

  /**
   * The indicators a recompute of this one should read with: the others its questionnaire feeds, when it has more
   * than the latest months to read (a first computation, an import, an outage): one scan then serves them all, and
   * their own jobs find their months read. Under live traffic (the current month changed) each reads its own few
   * rows: reading for the others too would only multiply the work, every indicator's job coming anyway.
   */
  async withSiblings(indicatorId: string): Promise<string[]> {
    const indicator = await this.repository.indicator(indicatorId);
    if (!indicator || !RESPONSE_KINDS.includes(indicator.kind)) return [indicatorId];
    const { questionnaireId } = await this.inputs(this.repository.reads(), indicator);
    if (!questionnaireId || (await this.monthsToRead(indicatorId, questionnaireId)) <= RECENT_MONTHS) return [indicatorId];
    const fed = await this.repository.ofKinds(await this.indicatorsFedBy({ questionnaireId }), RESPONSE_KINDS);
    return [...new Set([indicatorId, ...fed])];
  }

  /** Months whose responses changed since the indicator read them (all of them when it has read none). */
  private async monthsToRead(indicatorId: string, questionnaireId: string): Promise<number> {
    const { months, read } = await this.repository.monthsSeen(indicatorId, questionnaireId);
    return read === 0 ? Infinity : months;
  }

  /** Reads everything in the transaction's one snapshot and replaces the indicators' cells. */
  private async replaceCells(reads: AggregationReads, ids: string[], full: boolean): Promise<Map<string, { cells: number } | null>> {
    const indicators = await reads.indicators(ids);
    const plans = await reads.plans(indicators.map((i) => i.planId));
    const inputs = new Map<string, Inputs>();
    for (const indicator of indicators) inputs.set(indicator.id, await this.inputs(reads, indicator));
    const months = await this.months(reads, indicators, plans, inputs, full);
    const results = new Map<string, { cells: number } | null>(ids.map((id) => [id, null]));
    for (const indicator of indicators) {
      const { cells: monthCells, changed } = months.get(indicator.id) ?? { cells: [], changed: 'all' };
      const cells = this.cellsFrom(indicator, monthCells, plans.get(indicator.planId)!);
      await reads.storeValues(indicator.id, cells, changed);
      await reads.recordComputation(indicator.id, await this.fingerprint(reads, indicator, inputs.get(indicator.id)!));
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
    return this.repository.inSnapshot(async (reads) => {
      const indicators = await reads.indicators(indicatorIds);
      const plans = await reads.plans(indicators.map((i) => i.planId));
      const months = new Map<string, MonthCell[]>();
      const scans = new Map<string, { questionnaireId: string; scope: Scope; reads: { id: string; spec: ResponseSpec }[] }>();
      for (const indicator of indicators) {
        const scope = scopeOf(plans.get(indicator.planId)!, cutoff);
        const source = await this.sourceOf(reads, indicator, await this.inputs(reads, indicator), scope);
        if (source.from === 'responses') {
          const key = `${source.questionnaireId}|${JSON.stringify(scope)}`;
          const scan = scans.get(key) ?? { questionnaireId: source.questionnaireId, scope, reads: [] };
          scan.reads.push({ id: indicator.id, spec: source.spec });
          scans.set(key, scan);
        } else {
          months.set(indicator.id, source.from === 'rows' ? await source.read() : []);
        }
      }
      for (const scan of scans.values()) {
        const read = await reads.responseMonths(
          scan.questionnaireId,
          scan.reads.map((r) => r.spec),
          scan.scope,
        );
        scan.reads.forEach((r, i) => months.set(r.id, read[i]));
      }
      const out = new Map<string, ComputedCell[]>();
      for (const indicator of indicators) {
        const cells = this.cellsFrom(indicator, months.get(indicator.id) ?? [], plans.get(indicator.planId)!);
        out.set(
          indicator.id,
          cells.filter((c) => c.periodStart <= cutoff),
        );
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

  /** Where an indicator's month cells come from, within `scope`: what its kind reads (kind-rules.ts). */
  private async sourceOf(reads: AggregationReads, indicator: Indicator, inputs: Inputs, scope: Scope): Promise<Source> {
    const rules = KIND_RULES[indicator.kind];
    switch (rules.reads) {
      case 'responses': {
        if (!inputs.questionnaireId) return { from: 'nothing' };
        const dims = await reads.dimensionQuestions(inputs.questionnaireId, indicator.dimensions);
        const spec = { kind: indicator.kind, source: indicator.source, dims };
        return { from: 'responses', questionnaireId: inputs.questionnaireId, spec };
      }
      case 'participation':
        if (!inputs.instrumentIds.length) return { from: 'nothing' };
        return { from: 'rows', read: () => reads.participationMonths(inputs.instrumentIds, indicator.dimensions, scope) };
      case 'manual':
        return { from: 'rows', read: () => reads.manualMonths(indicator.id, scope) };
      case 'ratio':
        return { from: 'rows', read: () => this.ratioMonths(reads, indicator, scope) };
      case 'steps': {
        const { workCellId, phase } = indicator.source;
        if (!workCellId) return { from: 'nothing' };
        return { from: 'rows', read: () => reads.workStepMonths(workCellId, phase ?? null, scope) };
      }
    }
  }

  /** Keeps the log of changed months short (see foldResponseChanges); the reconcile job runs it. */
  foldChanges(): Promise<void> {
    return this.repository.foldChanges();
  }

  /** Indicators whose inputs changed since their last computation (or never computed): what reconcile catches up. */
  async stale(planId?: string): Promise<string[]> {
    const indicators = await this.repository.definitions(planId);
    const seen = await this.repository.fingerprints();
    const reads = this.repository.reads();
    const stale: string[] = [];
    for (const indicator of indicators) {
      const current = await this.fingerprint(reads, indicator, await this.inputs(reads, indicator));
      if (seen.get(indicator.id) !== current) stale.push(indicator.id);
    }
    return stale;
  }

  /** Indicators fed by a questionnaire, by instruments or by a work cell's steps: whom a new response, count or step concerns. */
  indicatorsFedBy(what: { questionnaireId?: string; instrumentId?: string; workCellId?: string }): Promise<string[]> {
    return this.repository.indicatorsFedBy(what);
  }

  /**
   * What an indicator reads: its source's questionnaire and instruments, or else those linked to it (the first
   * linked questionnaire; the linked participation counts and tallies).
   */
  private async inputs(reads: AggregationReads, indicator: Pick<Indicator, 'id' | 'source'>): Promise<Inputs> {
    const linked = await reads.linkedInstruments(indicator.id);
    const questionnaireId = indicator.source.questionnaireId ?? linked.find((l) => l.questionnaireId)?.questionnaireId ?? null;
    const instrumentIds =
      indicator.source.instrumentIds ??
      linked.filter((l) => l.kind === 'participation_count' || l.kind === 'tally').map((l) => l.instrumentId);
    return { questionnaireId, instrumentIds };
  }

  /** Month cells per indicator, and which months changed; those of one questionnaire come from one shared read. */
  private async months(
    reads: AggregationReads,
    indicators: Indicator[],
    plans: Map<string, Plan>,
    inputs: Map<string, Inputs>,
    full: boolean,
  ): Promise<Map<string, { cells: MonthCell[]; changed: Changed }>> {
    const out = new Map<string, { cells: MonthCell[]; changed: Changed }>();
    const byQuestionnaire = new Map<string, { questionnaireId: string; scope: Scope; specs: CachedSpec[] }>();
    for (const indicator of indicators) {
      const plan = plans.get(indicator.planId)!;
      const scope = scopeOf(plan);
      const source = await this.sourceOf(reads, indicator, inputs.get(indicator.id)!, scope);
      if (source.from === 'responses') {
        // Stored month cells were read for this plan's start, zone and data period, and this protection: any other, read again.
        const dependsOn = [plan.startDate, plan.timeZone, scope.from, scope.until, this.app.suppressionK, this.app.disclosureMaxDeviation];
        const key = `${source.questionnaireId}|${JSON.stringify(scope)}`;
        const group = byQuestionnaire.get(key) ?? { questionnaireId: source.questionnaireId, scope, specs: [] };
        group.specs.push({ indicator, dims: source.spec.dims, dependsOn });
        byQuestionnaire.set(key, group);
      } else if (source.from === 'rows') {
        out.set(indicator.id, { cells: await source.read(), changed: 'all' });
      }
    }
    for (const { questionnaireId, scope, specs } of byQuestionnaire.values()) {
      const read = await reads.cachedResponseMonths(questionnaireId, specs, full, scope);
      specs.forEach((spec, i) => out.set(spec.indicator.id, read[i]));
    }
    return out;
  }

  private async ratioMonths(reads: AggregationReads, indicator: Indicator, scope: Scope): Promise<MonthCell[]> {
    const { numerator, denominator } = indicator.source;
    if (!numerator || !denominator) return [];
    // Each side contributes its own months; a period's ratio is the sum of one over the sum of the other.
    // A constant denominator stands for every month that has a numerator (a rate per occasion).
    const top = await reads.ratioPartMonths(numerator, [], scope);
    const bottom = await reads.ratioPartMonths(denominator, [...top.keys()], scope);
    const months = new Set([...top.keys(), ...bottom.keys()]);
    return [...months].map((month) => ({
      month,
      dimension: TOTAL,
      category: TOTAL,
      num: top.get(month)?.value ?? 0,
      den: bottom.get(month)?.value ?? 0,
      n: top.get(month)?.n ?? 0,
      // A constant side is no count of people: published as it is (protectCells).
      numKey: numerator.kind === 'constant' ? null : (top.get(month)?.key ?? 0),
      denKey: denominator.kind === 'constant' ? null : (bottom.get(month)?.key ?? 0),
    }));
  }

  /** What the indicator is computed from, fingerprinted in the caller's snapshot: a different one means stale. */
  private fingerprint(reads: AggregationReads, indicator: Pick<Indicator, 'id' | 'source'>, inputs: Inputs): Promise<string> {
    const { numerator, denominator } = indicator.source;
    return reads.fingerprint({
      indicatorId: indicator.id,
      questionnaireIds: [inputs.questionnaireId, numerator?.questionnaireId, denominator?.questionnaireId].filter(
        (id): id is string => !!id,
      ),
      instrumentIds: [...inputs.instrumentIds, ...(numerator?.instrumentIds ?? []), ...(denominator?.instrumentIds ?? [])],
      ...(indicator.source.workCellId ? { workCellId: indicator.source.workCellId } : {}),
    });
  }

  /** Cells as stored, for tests and the values endpoint's callers. */
  static readonly cellKey = (c: Pick<ComputedCell, 'grain' | 'periodStart' | 'dimension' | 'category'>) =>
    `${c.grain}|${c.periodStart}|${c.dimension}|${c.category}`;
}
