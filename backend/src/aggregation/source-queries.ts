import { EntityManager } from 'typeorm';
import type { Dimension } from '@backend/indicators/indicator-kind';
import type { Indicator } from '@backend/indicators/indicator.entity';
import type { RatioPart } from '@backend/indicators/indicator-source';
import { MonthCell, TOTAL } from './cells';

// Periods are those of the people the plans serve (Montréal, Laval), not of the server.
export const ZONE = 'America/Toronto';

export interface DimensionQuestion { dimension: Dimension; questionId: string; multiple: boolean }

/** The ADS+ questions of a questionnaire, across its versions (a question keeps its id from one to the next). */
export async function dimensionQuestions(em: EntityManager, questionnaireId: string, dimensions: Dimension[]): Promise<DimensionQuestion[]> {
  if (dimensions.length === 0) return [];
  const rows: { dimension: Dimension; id: string; type: string }[] = await em.query(
    `SELECT DISTINCT ON (q->>'dimension') q->>'dimension' AS dimension, q->>'id' AS id, q->>'type' AS type
       FROM questionnaire_versions v, jsonb_array_elements(v.questions) q
      WHERE v.questionnaire_id = $1 AND q->>'dimension' = ANY($2)
      ORDER BY q->>'dimension', v.version DESC`, [questionnaireId, dimensions]);
  return rows.map((r) => ({ dimension: r.dimension, questionId: r.id, multiple: r.type === 'multiple_choice' }));
}

/**
 * What one response adds to a cell, by kind, from its answer to the measured question (`undefined`: not answered,
 * `null`: « prefer not »): `num` summed over `den`, or nothing when a filtered count leaves it out.
 */
function measure(kind: Indicator['kind'], source: { questionId?: string; anyOf?: unknown[] }): (answer: unknown) => { num: number; den: number } | null {
  const anyOf = source.anyOf ?? [];
  const strings = new Set(anyOf.map(String));
  const answered = (a: unknown) => a !== undefined && a !== null;
  // As the questionnaire stores them: a choice, yes/no or number is one value; a multiple choice an array of codes.
  const inSet = (a: unknown) => (Array.isArray(a) ? a.some((x) => strings.has(String(x))) : anyOf.some((v) => v === a));
  switch (kind) {
    case 'answer_share':
      return (a) => ({ num: answered(a) && inSet(a) ? 1 : 0, den: answered(a) ? 1 : 0 });
    case 'scale_mean':
      return (a) => (typeof a === 'number' ? { num: a, den: 1 } : { num: 0, den: 0 });
    default:
      // A response count, of all responses or of those whose answer is in the set.
      return source.questionId ? (a) => (answered(a) && inSet(a) ? { num: 1, den: 1 } : null) : () => ({ num: 1, den: 1 });
  }
}

/** An answer as selected (`(answers->q)::text`): SQL NULL when the key is absent, 'null' for « prefer not ». */
const parsed = (text: string | null): unknown => (text === null ? undefined : JSON.parse(text));

/** Months, as `YYYY-MM-DD` of their first day, from `from` to `to` inclusive; null: all of them. */
export interface MonthRange { from: string; to: string }

/** Parameters bound as they are named: `$n` for each value, in order. */
function binder(): { bind: (value: unknown) => string; params: unknown[] } {
  const params: unknown[] = [];
  return { params, bind: (value) => `$${params.push(value)}` };
}

/** The responses of the range's months (in the plans' time zone), through the (questionnaire_id, answered_at) index. */
const inRange = (range: MonthRange | null, bind: (value: unknown) => string) => range
  ? `AND r.answered_at >= (${bind(range.from)}::timestamp AT TIME ZONE '${ZONE}') AND r.answered_at < ((${bind(range.to)}::date + interval '1 month')::timestamp AT TIME ZONE '${ZONE}')`
  : '';

const MONTH = `date_trunc('month', r.answered_at AT TIME ZONE '${ZONE}')`;

/**
 * Month cells of a questionnaire-based indicator. One scan and one hash aggregate count the responses per month ×
 * answer to the measured question × answer to every single-choice ADS+ question (a few thousand groups at most);
 * the total, each breakdown and each kind's sums are taken from those counts here. The database only extracts one
 * value per question and counts: that is the floor's work (bench:aggregate), where computing the measures in SQL,
 * or GROUPING SETS (a sort per set), cost about twice as much. A multiple-choice breakdown (languages) takes a scan of
 * its own, a respondent in each of their categories.
 */
export async function responseMonths(
  em: EntityManager, kind: Indicator['kind'], questionnaireId: string,
  source: { questionId?: string; anyOf?: unknown[] }, dims: DimensionQuestion[], range: MonthRange | null = null,
): Promise<MonthCell[]> {
  const weigh = measure(kind, source);
  const measured = kind !== 'response_count' || !!source.questionId;
  const single = dims.filter((d) => !d.multiple);
  const q = binder();
  const answer = measured ? `r.answers->${q.bind(source.questionId)}::text` : 'NULL::jsonb';
  // A breakdown's answer as text (c), and whether a missing text is « prefer not » (a JSON null) rather than no answer
  // (n): text groups hash in parallel where jsonb ones did not (EXPLAIN over a million rows), and `?` is only asked
  // of the few rows without a text.
  const keys = [`${MONTH} AS month`, `(${answer})::text AS a`, ...single.map((d, i) => {
    const key = q.bind(d.questionId);
    return `r.answers->>${key}::text AS c${i}, (r.answers->>${key}::text IS NULL AND r.answers ? ${key}::text) AS n${i}`;
  })];
  const where = `r.questionnaire_id = ${q.bind(questionnaireId)} ${inRange(range, q.bind)}`;
  const rows: ({ month: string; a: string | null; rows: number } & Record<string, string | number | boolean | null>)[] = await em.query(
    `SELECT to_char(month, 'YYYY-MM-DD') AS month, a ${single.map((_, i) => `, c${i}, n${i}`).join('')}, count(*)::int AS rows
       FROM (SELECT ${keys.join(', ')} FROM responses r WHERE ${where}) x
      GROUP BY ${['month', 'a', ...single.map((_, i) => `c${i}, n${i}`)].join(', ')}`, q.params);

  const sums = new Map<string, MonthCell>();
  const add = (month: string, dimension: string, cat: string, num: number, den: number, n: number) => {
    const key = `${month}|${dimension}|${cat}`;
    const cell = sums.get(key);
    if (cell) {
      cell.num += num;
      cell.den += den;
      cell.n += n;
    } else {
      sums.set(key, { month, dimension, category: cat, num, den, n });
    }
  };
  const contribution = (a: string | null, count: number) => {
    const w = weigh(measured ? parsed(a) : undefined);
    // n: the people behind the value — every response counted, or those who answered the measured question.
    return w && { num: w.num * count, den: w.den * count, n: kind === 'response_count' ? count : w.den * count };
  };
  for (const row of rows) {
    const c = contribution(row.a, row.rows);
    if (!c) continue;
    add(row.month, TOTAL, TOTAL, c.num, c.den, c.n);
    single.forEach((d, i) => {
      const text = row[`c${i}`] as string | null;
      add(row.month, d.dimension, text ?? (row[`n${i}`] ? 'prefer_not' : 'not_answered'), c.num, c.den, c.n);
    });
  }
  for (const d of dims.filter((x) => x.multiple)) {
    const m = binder();
    const multiAnswer = measured ? `r.answers->${m.bind(source.questionId)}::text` : 'NULL::jsonb';
    const multi: { month: string; a: string | null; answer: string | null; rows: number }[] = await em.query(
      `SELECT to_char(month, 'YYYY-MM-DD') AS month, a::text AS a, answer::text AS answer, count(*)::int AS rows
         FROM (SELECT ${MONTH} AS month, ${multiAnswer} AS a, r.answers->${m.bind(d.questionId)}::text AS answer
                 FROM responses r WHERE r.questionnaire_id = ${m.bind(questionnaireId)} ${inRange(range, m.bind)}) x
        GROUP BY month, a, answer`, m.params);
    for (const row of multi) {
      const c = contribution(row.a, row.rows);
      if (!c) continue;
      // A respondent in each of their categories.
      const answer = parsed(row.answer);
      const cats = answer === undefined ? ['not_answered'] : !Array.isArray(answer) ? ['prefer_not'] : answer.length === 0 ? ['none'] : [...new Set(answer.map(String))];
      for (const cat of cats) add(row.month, d.dimension, cat, c.num, c.den, c.n);
    }
  }
  return [...sums.values()];
}

/**
 * Month cells of participation counts: the totals, and per dimension each category plus what the
 * breakdown left unrecorded, so that every table adds up to its total (and suppression can protect it).
 */
export async function participationMonths(em: EntityManager, instrumentIds: string[], dimensions: Dimension[]): Promise<MonthCell[]> {
  const rows: { month: string; dimension: string; category: string; people: number; entries: number }[] = await em.query(
    `WITH c AS (SELECT id, to_char(date_trunc('month', date), 'YYYY-MM-DD') AS month, total, breakdown
                  FROM participation_counts WHERE instrument_id = ANY($1))
     SELECT month, '' AS dimension, '' AS category, sum(total)::float8 AS people, count(*)::int AS entries FROM c GROUP BY 1
     UNION ALL
     SELECT c.month, d.dimension, coalesce(b->>'category', 'not_recorded'), sum(coalesce((b->>'count')::int, 0))::float8, count(*)::int
       FROM c CROSS JOIN unnest($2::text[]) d(dimension)
       CROSS JOIN LATERAL (
         SELECT x AS b FROM jsonb_array_elements(c.breakdown) x WHERE x->>'dimension' = d.dimension
         UNION ALL
         SELECT jsonb_build_object('category', 'not_recorded', 'count',
                  c.total - coalesce((SELECT sum((y->>'count')::int) FROM jsonb_array_elements(c.breakdown) y WHERE y->>'dimension' = d.dimension), 0))
       ) parts
      WHERE coalesce((b->>'count')::int, 0) > 0
      GROUP BY 1, 2, 3`, [instrumentIds, dimensions]);
  return rows.map((r) => ({ month: r.month, dimension: r.dimension, category: r.category, num: r.people, den: r.entries, n: r.people }));
}

export async function manualMonths(em: EntityManager, indicatorId: string): Promise<MonthCell[]> {
  const rows: { month: string; num: number; entries: number }[] = await em.query(
    `SELECT to_char(date_trunc('month', date), 'YYYY-MM-DD') AS month, sum(value)::float8 AS num, count(*)::int AS entries
       FROM indicator_manual_values WHERE indicator_id = $1 GROUP BY 1`, [indicatorId]);
  return rows.map((r) => ({ month: r.month, dimension: TOTAL, category: TOTAL, num: r.num, den: r.entries, n: r.entries }));
}

/** One side of a ratio, as month totals: its num is what the ratio divides. */
export async function ratioPartMonths(em: EntityManager, part: RatioPart, months: string[]): Promise<Map<string, { value: number; n: number }>> {
  const out = new Map<string, { value: number; n: number }>();
  if (part.kind === 'constant') {
    for (const month of months) out.set(month, { value: part.value ?? 0, n: 0 });
    return out;
  }
  const cells = part.kind === 'participation_sum'
    ? await participationMonths(em, part.instrumentIds ?? [], [])
    : await responseMonths(em, 'response_count', part.questionnaireId ?? '', {}, []);
  for (const c of cells) if (c.dimension === TOTAL) out.set(c.month, { value: c.num, n: c.n });
  return out;
}
