import { EntityManager } from 'typeorm';
import type { Dimension } from '@backend/indicators/indicator-kind';
import type { RatioPart } from '@backend/indicators/indicator-source';
import { keyFromSum, mixKey } from '@backend/disclosure/cell-key';
import { MonthCell, TOTAL } from './cells';
import { responseMonths } from './response-months';

export interface DimensionQuestion {
  dimension: Dimension;
  questionId: string;
  multiple: boolean;
}

/** The ADS+ questions of a questionnaire, across its versions (a question keeps its id from one to the next). */
export async function dimensionQuestions(
  em: EntityManager,
  questionnaireId: string,
  dimensions: Dimension[],
): Promise<DimensionQuestion[]> {
  if (dimensions.length === 0) return [];
  const rows: { dimension: Dimension; id: string; type: string }[] = await em.query(
    `SELECT DISTINCT ON (q->>'dimension') q->>'dimension' AS dimension, q->>'id' AS id, q->>'type' AS type
       FROM questionnaire_versions v, jsonb_array_elements(v.questions) q
      WHERE v.questionnaire_id = $1 AND q->>'dimension' = ANY($2)
      ORDER BY q->>'dimension', v.version DESC`,
    [questionnaireId, dimensions],
  );
  return rows.map((r) => ({ dimension: r.dimension, questionId: r.id, multiple: r.type === 'multiple_choice' }));
}

/**
 * What a computation reads: the days from `from` to `until` inclusive, in the plan's time zone (its data period,
 * cut at a cut-off date); for questionnaires, optionally only the months `months.from` to `months.to` (first days),
 * those whose responses changed.
 */
export interface Scope {
  zone: string;
  from: string;
  until: string;
  months?: { from: string; to: string };
}

/**
 * Month cells of participation counts: the totals, and per dimension each category plus what the
 * breakdown left unrecorded, so that every table adds up to its total (and suppression can protect it).
 */
export async function participationMonths(
  em: EntityManager,
  instrumentIds: string[],
  dimensions: Dimension[],
  scope: Scope,
): Promise<MonthCell[]> {
  const rows: { month: string; dimension: string; category: string; people: number; entries: number; key: string }[] = await em.query(
    `WITH c AS (SELECT id, to_char(date_trunc('month', date), 'YYYY-MM-DD') AS month, total, breakdown, record_key
                  FROM participation_counts WHERE instrument_id = ANY($1) AND date BETWEEN $3::date AND $4::date)
     SELECT month, '' AS dimension, '' AS category, sum(total)::float8 AS people, count(*)::int AS entries, sum(record_key)::text AS key
       FROM c GROUP BY 1
     UNION ALL
     SELECT c.month, d.dimension, coalesce(b->>'category', 'not_recorded'), sum(coalesce((b->>'count')::int, 0))::float8, count(*)::int,
            sum(c.record_key)::text
       FROM c CROSS JOIN unnest($2::text[]) d(dimension)
       CROSS JOIN LATERAL (
         SELECT x AS b FROM jsonb_array_elements(c.breakdown) x WHERE x->>'dimension' = d.dimension
         UNION ALL
         SELECT jsonb_build_object('category', 'not_recorded', 'count',
                  c.total - coalesce((SELECT sum((y->>'count')::int) FROM jsonb_array_elements(c.breakdown) y WHERE y->>'dimension' = d.dimension), 0))
       ) parts
      WHERE coalesce((b->>'count')::int, 0) > 0
      GROUP BY 1, 2, 3`,
    [instrumentIds, dimensions, scope.from, scope.until],
  );
  return rows.map((r) => {
    // An entry counts people, it is not one: each of its categories gets a key of its own (cell-key.ts mixKey).
    const key = r.dimension === TOTAL ? keyFromSum(r.key) : mixKey(keyFromSum(r.key), `${r.dimension}|${r.category}`);
    return {
      month: r.month,
      dimension: r.dimension,
      category: r.category,
      num: r.people,
      den: r.entries,
      n: r.people,
      numKey: key,
      denKey: key,
    };
  });
}

export async function manualMonths(em: EntityManager, indicatorId: string, scope: Scope): Promise<MonthCell[]> {
  const rows: { month: string; num: number; entries: number }[] = await em.query(
    `SELECT to_char(date_trunc('month', date), 'YYYY-MM-DD') AS month, sum(value)::float8 AS num, count(*)::int AS entries
       FROM indicator_manual_values WHERE indicator_id = $1 AND date BETWEEN $2::date AND $3::date GROUP BY 1`,
    [indicatorId, scope.from, scope.until],
  );
  return rows.map((r) => ({
    month: r.month,
    dimension: TOTAL,
    category: TOTAL,
    num: r.num,
    den: r.entries,
    n: r.entries,
    numKey: null,
    denKey: null,
  }));
}

/** One side of a ratio, as month totals: its num is what the ratio divides. */
export async function ratioPartMonths(
  em: EntityManager,
  part: RatioPart,
  months: string[],
  scope: Scope,
): Promise<Map<string, { value: number; n: number; key: number }>> {
  const out = new Map<string, { value: number; n: number; key: number }>();
  if (part.kind === 'constant') {
    for (const month of months) out.set(month, { value: part.value ?? 0, n: 0, key: 0 });
    return out;
  }
  const cells =
    part.kind === 'participation_sum'
      ? await participationMonths(em, part.instrumentIds ?? [], [], scope)
      : (await responseMonths(em, part.questionnaireId ?? '', [{ kind: 'response_count', source: {}, dims: [] }], scope))[0];
  for (const c of cells) if (c.dimension === TOTAL) out.set(c.month, { value: c.num, n: c.n, key: c.numKey ?? 0 });
  return out;
}

/**
 * Month cells of a work cell's progress from the days its steps were done (null: not done), within `scope`: each month
 * the steps done in it over all `total` steps (those of today: a step added later counts in every period, as the cell's
 * plan of work stands). The data period's first month also holds the steps done before it began, and is always there,
 * so a cell with nothing done yet reads 0 %; steps done after `scope.until` are left out. A cell without steps has no
 * cells (no share of nothing).
 */
export function stepMonths(doneOn: readonly (string | null)[], total: number, scope: Pick<Scope, 'from' | 'until'>): MonthCell[] {
  if (total === 0) return [];
  const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
  const first = monthOf(scope.from);
  const done = new Map<string, number>([[first, 0]]);
  for (const day of doneOn) {
    if (day === null || day > scope.until) continue;
    const month = day < scope.from ? first : monthOf(day);
    done.set(month, (done.get(month) ?? 0) + 1);
  }
  return [...done].map(([month, num]) => ({
    month,
    dimension: TOTAL,
    category: TOTAL,
    num,
    den: total,
    n: total,
    numKey: null,
    denKey: null,
  }));
}

/** The days a work cell's steps (of one phase, if given) were done: what stepMonths reads. */
export async function workStepMonths(em: EntityManager, workCellId: string, phase: string | null, scope: Scope): Promise<MonthCell[]> {
  const rows: { done_on: string | null }[] = await em.query(
    `SELECT done_on::text AS done_on FROM work_steps WHERE work_cell_id = $1 AND ($2::text IS NULL OR phase = $2)`,
    [workCellId, phase],
  );
  return stepMonths(
    rows.map((r) => r.done_on),
    rows.length,
    scope,
  );
}
