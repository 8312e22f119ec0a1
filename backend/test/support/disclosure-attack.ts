import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import type { Model } from 'yalps';
import { lastDayOf } from '@backend/aggregation/figures';
import type { PublishedFact, UnknownCount } from '@backend/disclosure/differencing-attack';
import { indicatorsOf, type EvaluationSnapshot } from '@backend/evaluations/evaluation-snapshot';
import type { Grain, IndicatorKind } from '@backend/indicators/indicator-kind';
import { bearer, TestApp } from './test-app';

// Issue 13's proof, the attacker's side: a committee member reads every figure of some indicators (each grain, each
// period and running total, each breakdown, as of any day, on the dashboard and in evaluations) and writes each one as
// a fact about the true counts of the finest cells it is a sum of; disclosure/differencing-attack.ts then tells which
// counts the facts pin.

/**
 * The attacker (disclosure/differencing-attack.ts, as `npm run build:server` builds it, like the processes other e2e
 * tests start) and its solver, loaded by Node itself rather than into Jest's sandbox: there every lookup of a global
 * such as Math goes through the sandbox's global object, and yalps's simplex looks one up at every cell it reads — a
 * hundred times slower, seconds per integer program instead of tens of milliseconds.
 */
const nativeRequire = (runInThisContext('process') as NodeJS.Process).getBuiltinModule('node:module').createRequire(__filename);
const { solve } = nativeRequire('yalps') as typeof import('yalps');
const ATTACKER = join(__dirname, '../../../dist/backend/src/disclosure/differencing-attack.js');
const { determinedCounts, feasibleRange } = ((): typeof import('@backend/disclosure/differencing-attack') => {
  try {
    return nativeRequire(ATTACKER) as typeof import('@backend/disclosure/differencing-attack');
  } catch (err) {
    throw new Error(`The attacker is read from ${ATTACKER}: run npm run build:server first (${(err as Error).message})`, { cause: err });
  }
})();

/** The whole population (a figure not broken down). */
export const TOTAL = '';

/**
 * What a published figure said: a count (perturbed), hidden (0 to k − 1 + D people), absent (no cell: a period without
 * data), or present (a cell listed without its count).
 */
export type Figure = number | 'hidden' | 'absent' | 'present';

/**
 * One published figure: the people of `categories` of `dimension` (everyone: TOTAL, no categories) who answered from
 * `from` to `to` (days in the plan's time zone, both included, within the data period).
 */
export interface Observation {
  label: string;
  dimension: string;
  categories: string[];
  from: string;
  to: string;
  figure: Figure;
}

/** An indicator the attacker reads. Its figure is the count of people behind each cell: a count's value, a share's or a mean's n. */
export interface Measured {
  id: string;
  label: string;
  /** Whom its total counts: everyone, or the people of some categories (a definition with `anyOf` on an ADS+ question). */
  total: { dimension: string; categories: string[] };
  /** The single-choice ADS+ breakdowns read (of an indicator counting everyone). */
  dimensions: string[];
}

/** A period and its running total as the values endpoint and the snapshots publish them. */
interface PublishedPeriod {
  period: string;
  category?: string;
  n: number | null;
  suppressed: boolean;
  cumulativeN: number | null;
  cumulativeSuppressed: boolean;
}

/** An indicator's current figure (dashboard, snapshot): a count's running total, another kind's latest period. */
interface CurrentFigure {
  kind: IndicatorKind;
  n: number | null;
  period: string | null;
  /** Absent from snapshots frozen before it was kept. */
  periodEnd?: string | null;
}

export const addDays = (day: string, days: number): string => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);
const MONTHS: Record<Grain, number> = { month: 1, quarter: 3, year: 12 };

/** The first days of the periods of `grain` that hold a day from `from` to `until`. */
function periodsOf(grain: Grain, from: string, until: string): string[] {
  const [y, m] = from.split('-').map(Number);
  const out: string[] = [];
  for (let i = Math.floor((m - 1) / MONTHS[grain]) * MONTHS[grain]; ; i += MONTHS[grain]) {
    const start = new Date(Date.UTC(y, i, 1)).toISOString().slice(0, 10);
    if (start > until) return out;
    out.push(start);
  }
}

/** The figure behind a published n: hidden, or a count (a share's cell of people who all left its question: 0). */
const figureOf = (n: number | null, suppressed: boolean): Figure => (suppressed ? 'hidden' : (n ?? 0));

/**
 * Every figure read, by listing (one response of the API, one part of a snapshot), and the cells each listing would have
 * shown had anyone been behind them: a category without a cell in a period had nobody in it, a fact as good as a 0.
 */
export class ObservationLog {
  private readonly seen: Observation[] = [];
  private readonly listed = new Set<string>();
  private readonly expected: { listing: string; dimension: string; categories: string[] | 'all'; from: string; to: string }[] = [];

  constructor(
    readonly dataFrom: string,
    readonly dataUntil: string,
  ) {}

  add(listing: string, what: string, o: Omit<Observation, 'label'>): void {
    this.seen.push({ label: `${listing} › ${what}`, ...o });
    this.listed.add(this.key(listing, o.dimension, o.categories, o.from, o.to));
  }

  /** `listing` shows a cell for these categories (every category of the dimension: 'all') from `from` to `to` if anyone is in it. */
  expect(listing: string, dimension: string, categories: string[] | 'all', from: string, to: string): void {
    this.expected.push({ listing, dimension, categories, from, to });
  }

  /** The figures read, and a 0 for every expected cell its listing did not show. */
  observations(): Observation[] {
    const categories = new Map<string, Set<string>>();
    for (const o of this.seen) for (const c of o.categories) categories.set(o.dimension, (categories.get(o.dimension) ?? new Set()).add(c));
    const zeros: Observation[] = [];
    for (const e of this.expected) {
      const groups = e.categories === 'all' ? [...(categories.get(e.dimension) ?? [])].map((c) => [c]) : [e.categories];
      for (const cats of groups.filter((c) => !this.listed.has(this.key(e.listing, e.dimension, c, e.from, e.to)))) {
        zeros.push({
          label: `${e.listing} › no cell ${e.from}..${e.to} ${e.dimension || 'total'}:${cats.join('+')}`,
          dimension: e.dimension,
          categories: cats,
          from: e.from,
          to: e.to,
          figure: 'absent',
        });
      }
    }
    return [...this.seen, ...zeros];
  }

  private key(listing: string, dimension: string, categories: string[], from: string, to: string): string {
    return [listing, dimension, [...categories].sort().join('+'), from, to].join('|');
  }
}

/** What a committee member reads, through the API, written to the log as facts about days and categories. */
export class CommitteeReader {
  constructor(
    private readonly t: TestApp,
    private readonly log: ObservationLog,
    private readonly token: string,
  ) {}

  private async get<T>(path: string): Promise<T> {
    const res = await this.t.http().get(path).set(bearer(this.token));
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  /** GET /api/indicators/{id}/values at one grain, in total or by one dimension, as stored or as of a day. */
  async values(m: Measured, grain: Grain, by: string | null, at: string | null): Promise<void> {
    const query = new URLSearchParams({ grain, ...(by ? { by } : {}), ...(at ? { at } : {}) });
    const rows = await this.get<PublishedPeriod[]>(`/api/indicators/${m.id}/values?${query}`);
    this.series(
      `values ${m.label} grain=${grain}${by ? ` by=${by}` : ''}${at ? ` at=${at}` : ''}`,
      m,
      rows,
      by,
      at ?? this.log.dataUntil,
      grain,
    );
  }

  /** The periods of one listing and their running totals; its periods without a row, or without a category, had nobody. */
  private series(listing: string, m: Measured, rows: PublishedPeriod[], by: string | null, asOf: string, grain: Grain): void {
    const until = earlier(asOf, this.log.dataUntil);
    for (const row of rows) {
      const { dimension, categories } = by ? { dimension: by, categories: [row.category!] } : m.total;
      const to = earlier(lastDayOf(row.period, grain), until);
      const what = `${dimension || 'total'}${categories.length ? `:${categories.join('+')}` : ''}`;
      this.log.add(listing, `${row.period} ${what}`, {
        dimension,
        categories,
        from: later(row.period, this.log.dataFrom),
        to,
        figure: figureOf(row.n, row.suppressed),
      });
      this.log.add(listing, `running total to ${row.period} ${what}`, {
        dimension,
        categories,
        from: this.log.dataFrom,
        to,
        figure: figureOf(row.cumulativeN, row.cumulativeSuppressed),
      });
    }
    for (const period of periodsOf(grain, this.log.dataFrom, until)) {
      const [from, to] = [later(period, this.log.dataFrom), earlier(lastDayOf(period, grain), until)];
      if (by) this.log.expect(listing, by, 'all', from, to);
      else this.log.expect(listing, m.total.dimension, m.total.categories, from, to);
    }
  }

  /** GET /api/plans/{id}/progress, today or as of a day: each indicator's value and n; and the layer's k and D. */
  async progress(planId: string, measured: Measured[], at: string | null): Promise<{ k: number; maxDeviation: number }> {
    const body = await this.get<{
      at: string;
      disclosure: { k: number; maxDeviation: number };
      indicators: (CurrentFigure & { id: string })[];
    }>(`/api/plans/${planId}/progress${at ? `?at=${at}` : ''}`);
    for (const m of measured) {
      const i = body.indicators.find((x) => x.id === m.id);
      if (!i) throw new Error(`${m.label} is not on the dashboard`);
      this.current(`progress at=${body.at}`, m, i, body.at);
    }
    return body.disclosure;
  }

  private current(listing: string, m: Measured, i: CurrentFigure, asOf: string): void {
    const { dimension, categories } = m.total;
    if (i.period === null || !i.periodEnd) {
      this.log.add(listing, `${m.label} (no value)`, {
        dimension,
        categories,
        from: this.log.dataFrom,
        to: earlier(asOf, this.log.dataUntil),
        figure: 'absent',
      });
      return;
    }
    const running = i.kind === 'response_count' || i.kind === 'participation_sum';
    this.log.add(listing, `${m.label} value`, {
      dimension,
      categories,
      from: running ? this.log.dataFrom : later(i.period, this.log.dataFrom),
      to: i.periodEnd,
      figure: i.n === null ? 'hidden' : i.n,
    });
  }

  /** An evaluation's snapshot: each indicator's series, value and breakdowns at its cut-off. */
  snapshot(name: string, snapshot: EvaluationSnapshot, measured: Measured[]): void {
    const { cutoff } = snapshot;
    for (const m of measured) {
      const i = indicatorsOf(snapshot).find((x) => x.id === m.id);
      if (!i) throw new Error(`${m.label} is not in evaluation ${name}`);
      const listing = `evaluation ${name} (cut-off ${cutoff}) ${m.label}`;
      this.series(`${listing} series`, m, i.series, null, cutoff, i.grain);
      this.current(listing, m, i, cutoff);
      // Each category's running total to the last period anyone answered in; a category without a cell had nobody in that period.
      const last = i.series.at(-1)?.period;
      for (const { dimension, cells } of i.breakdowns.filter((b) => m.dimensions.includes(b.dimension))) {
        const listed = `${listing} breakdown ${dimension}`;
        if (!last) {
          this.log.expect(listed, dimension, 'all', this.log.dataFrom, earlier(cutoff, this.log.dataUntil));
          continue;
        }
        const [from, to] = [later(last, this.log.dataFrom), earlier(earlier(lastDayOf(last, i.grain), cutoff), this.log.dataUntil)];
        for (const c of cells) {
          this.log.add(`${listed} to ${to}`, c.category, {
            dimension,
            categories: [c.category],
            from: this.log.dataFrom,
            to,
            figure: figureOf(c.n, c.suppressed),
          });
          this.log.add(listed, `${c.category} in ${last}`, { dimension, categories: [c.category], from, to, figure: 'present' });
        }
        this.log.expect(listed, dimension, 'all', from, to);
      }
    }
  }
}

/** A response as the truth knows it: its day in the plan's time zone and its category in each dimension. */
export interface TrueResponse {
  day: string;
  categories: Record<string, string>;
}

/** A count the attacker wants (a hidden figure, a day's newcomers), as the sum of the finest cells it covers. */
export interface Target extends Omit<Observation, 'figure'> {
  terms: string[];
  truth: number;
}

/** A count the attacker pinned. */
export type Finding = Omit<Target, 'terms'> & { determined: number };

export interface AttackSetup {
  k: number;
  maxDeviation: number;
  dataFrom: string;
  dataUntil: string;
  /** Days that start a cell of their own beside the first days of months (the day after a cut-off, the day after that). */
  cuts: string[];
}

export interface System {
  unknowns: UnknownCount[];
  facts: PublishedFact[];
}

/** No count is larger (a safe upper bound: the attacker knows no better). */
const ANY = 100_000;

/**
 * The attacker's linear system. Its unknowns are the true counts of the finest cells the figures are sums of: for each
 * slice of time (a month, or the part of a month before, on and after a cut) the total and each category of each
 * dimension, whose categories add up to the total. A published count p is the fact p − D ≤ sum ≤ p + D (it is the
 * count plus a deviation of at most D, and k or more), a hidden one 0 ≤ sum ≤ k − 1 + D (the count plus its deviation
 * fell under k; empty cells are hidden too), a missing cell sum = 0 (a period without data has no cells).
 */
export class DifferencingAttack {
  readonly slices: { id: string; from: string; to: string }[] = [];
  private readonly categories = new Map<string, string[]>();

  constructor(
    readonly setup: AttackSetup,
    readonly observations: Observation[],
  ) {
    const starts = new Set([setup.dataFrom, ...setup.cuts.filter((d) => d > setup.dataFrom && d <= setup.dataUntil)]);
    for (const month of periodsOf('month', setup.dataFrom, setup.dataUntil)) if (month > setup.dataFrom) starts.add(month);
    const sorted = [...starts].sort();
    sorted.forEach((from, i) =>
      this.slices.push({ id: from, from, to: i + 1 < sorted.length ? addDays(sorted[i + 1], -1) : setup.dataUntil }),
    );
    for (const o of observations.filter((x) => x.dimension !== TOTAL)) {
      this.categories.set(o.dimension, [...new Set([...(this.categories.get(o.dimension) ?? []), ...o.categories])].sort());
    }
  }

  private cell(dimension: string, category: string | null, slice: string): string {
    return dimension === TOTAL ? `total|${slice}` : `${dimension}:${category}|${slice}`;
  }

  /** Every cell of the model. */
  private cells(): string[] {
    return this.slices.flatMap((s) => [
      this.cell(TOTAL, null, s.id),
      ...[...this.categories].flatMap(([d, cats]) => cats.map((c) => this.cell(d, c, s.id))),
    ]);
  }

  /** The cells a figure adds up; its days must start and end slices (else a cut is missing from the setup). */
  termsOf(o: Pick<Observation, 'dimension' | 'categories' | 'from' | 'to'>): string[] {
    const inside = this.slices.filter((s) => s.from >= o.from && s.to <= o.to);
    if (inside.length === 0 || inside[0].from !== o.from || inside.at(-1)!.to !== o.to)
      throw new Error(`no slices make up ${o.from}..${o.to}: a cut is missing`);
    if (o.dimension === TOTAL) return inside.map((s) => this.cell(TOTAL, null, s.id));
    return o.categories.flatMap((c) => inside.map((s) => this.cell(o.dimension, c, s.id)));
  }

  /** Every cell's true count. */
  truth(responses: TrueResponse[]): Map<string, number> {
    const out = new Map<string, number>(this.cells().map((id) => [id, 0]));
    const count = (id: string) => {
      if (!out.has(id)) throw new Error(`a response falls in ${id}, a category no figure names`);
      out.set(id, out.get(id)! + 1);
    };
    for (const r of responses) {
      const slice = this.slices.find((s) => s.from <= r.day && r.day <= s.to);
      if (!slice) continue;
      count(this.cell(TOTAL, null, slice.id));
      for (const dimension of this.categories.keys()) count(this.cell(dimension, r.categories[dimension], slice.id));
    }
    return out;
  }

  /**
   * The unknowns and facts, from the figures as they were published; or from which cells were hidden, shown or empty
   * alone (`shape`: a shown count says only that it is k or more, whatever the perturbation); or from the same cells
   * published exactly (the true counts, hidden cells still hidden: tables without perturbation), the attacker's check.
   */
  system(as: 'published' | 'shape' | Map<string, number> = 'published'): System {
    const { k, maxDeviation: d } = this.setup;
    const facts: PublishedFact[] = [];
    const sum = (terms: string[]) => terms.map((id) => ({ id, coefficient: 1 }));
    for (const s of this.slices) {
      for (const [dimension, cats] of this.categories) {
        facts.push({
          terms: [...sum(cats.map((c) => this.cell(dimension, c, s.id))), { id: this.cell(TOTAL, null, s.id), coefficient: -1 }],
          min: 0,
          max: 0,
        });
      }
    }
    for (const o of this.observations) {
      const terms = sum(this.termsOf(o));
      if (o.figure === 'absent' || o.figure === 0) facts.push({ terms, min: 0, max: 0 });
      // Every category of a breakdown is listed in every period with data, empty or not: a listed cell says nothing.
      else if (o.figure === 'present') facts.push({ terms, min: 0, max: ANY });
      // Hidden: the count plus its deviation fell under k (an empty cell too), so 0 to k − 1 + D people.
      else if (o.figure === 'hidden') facts.push({ terms, min: 0, max: k - 1 + d });
      // Shown: the count plus its deviation is k or more, so at least k − D people.
      else if (as === 'shape') facts.push({ terms, min: Math.max(0, k - d), max: ANY });
      else if (as === 'published') facts.push({ terms, min: Math.max(0, o.figure - d), max: o.figure + d });
      else {
        const value = terms.reduce((total, t) => total + as.get(t.id)!, 0);
        facts.push({ terms, min: value, max: value });
      }
    }
    return { unknowns: this.cells().map((id) => ({ id, lower: 0, upper: ANY })), facts };
  }

  /** Every hidden figure, one target per set of cells. */
  /** Every hidden figure of 1 to k − 1 people (one per set of cells): the people the layer must not single out. */
  hiddenTargets(truth: Map<string, number>): Target[] {
    const { k } = this.setup;
    const byCells = new Map<string, Target>();
    for (const { figure, ...o } of this.observations.filter((x) => x.figure === 'hidden')) {
      const terms = this.termsOf(o);
      const key = [...terms].sort().join(',');
      if (!byCells.has(key)) byCells.set(key, { ...o, terms, truth: terms.reduce((s, id) => s + truth.get(id)!, 0) });
    }
    return [...byCells.values()].filter((x) => x.truth >= 1 && x.truth < k);
  }

  /** Those who answered on `day` (a slice of its own): how many, and how many of each category of each dimension. */
  dayTargets(day: string, truth: Map<string, number>): Target[] {
    const groups: [string, string[]][] = [
      [TOTAL, []],
      ...[...this.categories].flatMap(([d, cats]) => cats.map((c): [string, string[]] => [d, [c]])),
    ];
    return groups.map(([dimension, categories]) => {
      const terms = this.termsOf({ dimension, categories, from: day, to: day });
      return {
        label: `answered on ${day}: ${dimension || 'total'}${categories.length ? `:${categories[0]}` : ''}`,
        dimension,
        categories,
        from: day,
        to: day,
        terms,
        truth: terms.reduce((s, id) => s + truth.get(id)!, 0),
      };
    });
  }
}

/** The facts a set of counts breaks: none, when they are the true counts and the figures were read right. */
export function brokenFacts(facts: PublishedFact[], values: Map<string, number>): PublishedFact[] {
  return facts.filter((f) => {
    const sum = f.terms.reduce((s, t) => s + t.coefficient * (values.get(t.id) ?? 0), 0);
    return sum < f.min || sum > f.max;
  });
}

/**
 * What the attacker learns of each target: the counts the facts pin, with the truth beside them. The integer programs
 * are differencing-attack.ts's, on the system the presolve leaves; targets that are the same sum there are asked once.
 */
export function attack(system: System, targets: Target[]): Finding[] {
  const reduced = presolve(system);
  const groups = new Map<string, { id: string; terms: PublishedFact['terms']; constant: number; targets: Target[] }>();
  for (const target of targets) {
    const { terms, constant } = reducedSum(target, reduced.fixed);
    const key = `${termsKey(terms)}|${constant}`;
    const group = groups.get(key) ?? { id: `target#${groups.size}`, terms, constant, targets: [] as Target[] };
    group.targets.push(target);
    groups.set(key, group);
  }
  // Each target an unknown of its own, equal to its sum (unless the presolve pinned it).
  const asked = [...groups.values()].filter((g) => g.terms.length > 0);
  const unknowns = [...reduced.unknowns, ...asked.map((g) => ({ id: g.id, lower: 0, upper: ANY }))];
  const facts = [...reduced.facts, ...asked.map((g) => equalTo(g.id, g.terms, g.constant))];
  // Most targets are shown open by a solution where they differ from the truth (itself a solution); the two integer
  // programs per target of differencing-attack.ts decide the others.
  const open = openTargets(
    unknowns,
    facts,
    asked.map((g) => ({ id: g.id, truth: g.targets[0].truth })),
  );
  const truths = new Map(asked.map((g) => [g.id, g.targets[0].truth]));
  const determined = determinedCounts(
    unknowns,
    facts,
    asked.filter((g) => !open.has(g.id)).map((g) => g.id),
    truths,
  );
  return [...groups.values()].flatMap((g) => {
    const value = g.terms.length === 0 ? g.constant : determined.get(g.id);
    return value === undefined ? [] : g.targets.map(({ terms, ...t }) => ({ ...t, determined: value }));
  });
}

/** The values each target can take given every fact (differencing-attack.ts's feasibleRange, on the presolved system). */
export function rangesOf(system: System, targets: Target[]): { target: Target; min: number; max: number }[] {
  const reduced = presolve(system);
  return targets.map((target) => {
    const { terms, constant } = reducedSum(target, reduced.fixed);
    if (terms.length === 0) return { target, min: constant, max: constant };
    const range = feasibleRange(
      [...reduced.unknowns, { id: 'target', lower: 0, upper: ANY }],
      [...reduced.facts, equalTo('target', terms, constant)],
      'target',
    );
    if (!range) throw new Error('the facts contradict each other: a figure was read wrong');
    return { target, ...range };
  });
}

const termsKey = (terms: PublishedFact['terms']) =>
  terms
    .map((t) => `${t.coefficient}*${t.id}`)
    .sort()
    .join(',');

/** id = Σ terms + constant. */
const equalTo = (id: string, terms: PublishedFact['terms'], constant: number): PublishedFact => ({
  terms: [{ id, coefficient: 1 }, ...terms.map((t) => ({ ...t, coefficient: -t.coefficient }))],
  min: constant,
  max: constant,
});

/** A target's sum with the counts the presolve pinned moved into a constant. */
function reducedSum(target: Target, fixed: Map<string, number>): { terms: PublishedFact['terms']; constant: number } {
  const f = substitute({ terms: target.terms.map((id) => ({ id, coefficient: 1 })), min: 0, max: 0 }, fixed);
  return { terms: f.terms, constant: -f.min };
}

/** A fact with the cells of known counts moved into its bounds. */
function substitute(f: PublishedFact, fixed: Map<string, number>): PublishedFact {
  let shift = 0;
  const terms = f.terms.filter((t) => !fixed.has(t.id) || ((shift += t.coefficient * fixed.get(t.id)!), false));
  return shift === 0 && terms.length === f.terms.length ? f : { terms, min: f.min - shift, max: f.max - shift };
}

/** Facts on the same cells combined: both hold, so their sum lies where their ranges meet. */
function merge(facts: PublishedFact[]): PublishedFact[] {
  const out = new Map<string, PublishedFact>();
  for (const f of facts) {
    const key = termsKey(f.terms);
    const seen = out.get(key);
    out.set(key, seen ? { terms: seen.terms, min: Math.max(seen.min, f.min), max: Math.min(seen.max, f.max) } : f);
  }
  return [...out.values()];
}

/**
 * What the facts give away without an integer program, until nothing more comes: a fact on one cell bounds it; a sum of
 * cells that can be no larger than their lower bounds (nobody in a period: each of its cells 0), or no smaller than
 * their upper bounds, pins them all; a cell whose bounds meet is that count, moved out of every fact. What is left is a
 * hundred or two unknowns and facts instead of thousands. Throws when the facts contradict each other.
 */
function presolve(system: System): { fixed: Map<string, number>; unknowns: UnknownCount[]; facts: PublishedFact[] } {
  const lower = new Map(system.unknowns.map((u) => [u.id, u.lower]));
  const upper = new Map(system.unknowns.map((u) => [u.id, u.upper]));
  const fixed = new Map<string, number>();
  const contradiction = () => new Error('the facts contradict each other: a figure was read wrong');
  let facts = system.facts;
  for (let changed = true; changed;) {
    changed = false;
    const rest: PublishedFact[] = [];
    for (const f of merge(facts.map((x) => substitute(x, fixed)))) {
      if (f.terms.length === 0) {
        if (f.min > 0 || f.max < 0) throw contradiction();
      } else if (f.terms.length === 1) {
        const [{ id, coefficient: c }] = f.terms;
        lower.set(id, Math.max(lower.get(id)!, Math.ceil((c > 0 ? f.min : f.max) / c)));
        upper.set(id, Math.min(upper.get(id)!, Math.floor((c > 0 ? f.max : f.min) / c)));
      } else {
        if (f.terms.every((t) => t.coefficient > 0)) {
          const least = f.terms.reduce((s, t) => s + t.coefficient * lower.get(t.id)!, 0);
          const most = f.terms.reduce((s, t) => s + t.coefficient * upper.get(t.id)!, 0);
          if (f.max < least || f.min > most) throw contradiction();
          if (f.max === least) for (const t of f.terms) upper.set(t.id, lower.get(t.id)!);
          if (f.min === most) for (const t of f.terms) lower.set(t.id, upper.get(t.id)!);
        }
        rest.push(f);
      }
    }
    for (const [id, least] of lower) {
      if (least > upper.get(id)!) throw contradiction();
      if (least === upper.get(id) && !fixed.has(id)) {
        fixed.set(id, least);
        changed = true;
      }
    }
    facts = rest;
  }
  return {
    fixed,
    unknowns: system.unknowns.filter((u) => !fixed.has(u.id)).map((u) => ({ id: u.id, lower: lower.get(u.id)!, upper: upper.get(u.id)! })),
    facts: facts.map((f) => substitute(f, fixed)).filter((f) => f.terms.length > 0),
  };
}

/**
 * The targets some whole-number solution of the facts gives another value than the truth: not determined. Found by
 * pushing all the targets still in question up, then down, until that shows no more.
 */
function openTargets(unknowns: UnknownCount[], facts: PublishedFact[], targets: { id: string; truth: number }[]): Set<string> {
  const open = new Set<string>();
  for (let progress = true; progress;) {
    progress = false;
    for (const direction of ['maximize', 'minimize'] as const) {
      const remaining = targets.filter((t) => !open.has(t.id));
      const values = remaining.length ? solution(unknowns, facts, new Set(remaining.map((t) => t.id)), direction) : null;
      for (const t of remaining.filter((x) => values && values.get(x.id) !== x.truth)) {
        open.add(t.id);
        progress = true;
      }
    }
  }
  return open;
}

/** A whole-number solution of the facts that pushes the sum of `objective` up (down), checked against every fact; null if none found. */
function solution(
  unknowns: UnknownCount[],
  facts: PublishedFact[],
  objective: Set<string>,
  direction: 'maximize' | 'minimize',
): Map<string, number> | null {
  const variables = new Map(unknowns.map((u) => [u.id, new Map([[`bound:${u.id}`, 1]])]));
  for (const id of objective) variables.get(id)!.set('objective', 1);
  facts.forEach((f, i) =>
    f.terms.forEach((t) => variables.get(t.id)!.set(`fact:${i}`, (variables.get(t.id)!.get(`fact:${i}`) ?? 0) + t.coefficient)),
  );
  const constraints = new Map([
    ...unknowns.map((u) => [`bound:${u.id}`, { min: u.lower, max: u.upper }] as const),
    ...facts.map((f, i) => [`fact:${i}`, { min: f.min, max: f.max }] as const),
  ]);
  const model: Model = { direction, objective: 'objective', constraints, variables, integers: true };
  // Any solution will do, the best or not: the branch and bound may stop after a few hundred steps with what it has.
  const result = solve(model, { maxIterations: 300 });
  if (result.status !== 'optimal' && result.status !== 'timedout') return null;
  const values = new Map(unknowns.map((u) => [u.id, 0]));
  for (const [id, value] of result.variables) values.set(String(id), Math.round(value));
  const inBounds = unknowns.every((u) => values.get(u.id)! >= u.lower && values.get(u.id)! <= u.upper);
  return inBounds && brokenFacts(facts, values).length === 0 ? values : null;
}

/** A breakdown's category for a stored answer (`(answers->q)::text`), as the aggregation names it. */
export function categoryOf(answer: string | null): string {
  if (answer === null) return 'not_answered';
  const value: unknown = JSON.parse(answer);
  return value === null ? 'prefer_not' : String(value);
}

/** Every response of a questionnaire, from the database: its day in its plan's time zone, its category in each dimension. */
export async function trueResponses(t: TestApp, questionnaireId: string, questions: Record<string, string>): Promise<TrueResponse[]> {
  const dims = Object.entries(questions);
  const rows = await t.db.query<Record<string, string | null>[]>(
    `SELECT to_char((r.answered_at AT TIME ZONE p.time_zone)::date, 'YYYY-MM-DD') AS day
            ${dims.map((_, i) => `, (response_answers_by_id(r.questionnaire_id, r.version, r.answers)->$${i + 2})::text AS d${i}`).join('')}
       FROM responses r JOIN questionnaires q ON q.id = r.questionnaire_id JOIN plans p ON p.id = q.plan_id
      WHERE r.questionnaire_id = $1`,
    [questionnaireId, ...dims.map(([, id]) => id)],
  );
  return rows.map((r) => ({ day: r.day!, categories: Object.fromEntries(dims.map(([d], i) => [d, categoryOf(r[`d${i}`])])) }));
}
