import { EntityManager } from 'typeorm';
import type { Dimension } from '@backend/indicators/indicator-kind';
import type { Indicator } from '@backend/indicators/indicator.entity';
import type { RatioPart } from '@backend/indicators/indicator-source';
import { MonthCell, TOTAL } from './cells';

// Periods are those of the people the plans serve (Montréal, Laval), not of the server.
const ZONE = 'America/Toronto';
const MONTH = `to_char(date_trunc('month', r.answered_at AT TIME ZONE '${ZONE}'), 'YYYY-MM-DD')`;

interface DimensionQuestion { dimension: Dimension; questionId: string; multiple: boolean }
interface Row { month: string; num: number; den: number; rows: number }

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

/** The measure of each response, by kind: what is summed (num) over what (den). Parameters $2…$4. */
function measure(kind: Indicator['kind']): { num: string; den: string; filter: string } {
  const answered = `(r.answers ? $2 AND jsonb_typeof(r.answers->$2) <> 'null')`;
  const inSet = `(CASE WHEN jsonb_typeof(r.answers->$2) = 'array' THEN (r.answers->$2) ?| $4::text[] ELSE $3::jsonb @> jsonb_build_array(r.answers->$2) END)`;
  switch (kind) {
    case 'answer_share':
      return { num: `CASE WHEN ${answered} AND ${inSet} THEN 1 ELSE 0 END`, den: `CASE WHEN ${answered} THEN 1 ELSE 0 END`, filter: 'TRUE' };
    case 'scale_mean':
      return {
        num: `CASE WHEN jsonb_typeof(r.answers->$2) = 'number' THEN (r.answers->>$2)::float8 ELSE 0 END`,
        den: `CASE WHEN jsonb_typeof(r.answers->$2) = 'number' THEN 1 ELSE 0 END`,
        // Names the set's parameters, unused here, so that every kind binds the same list.
        filter: '($3::jsonb IS NOT NULL AND $4::text[] IS NOT NULL)',
      };
    default:
      // A response count, of all responses or of those whose answer to $2 is in the set.
      return { num: '1', den: '1', filter: `($2::text IS NULL OR (${answered} AND ${inSet}))` };
  }
}

const category = (q: string) =>
  `CASE WHEN NOT (r.answers ? ${q}) THEN 'not_answered' WHEN jsonb_typeof(r.answers->${q}) = 'null' THEN 'prefer_not' ELSE r.answers->>${q} END`;

/**
 * Month cells of a questionnaire-based indicator: the total and each single-choice ADS+ breakdown in ONE scan
 * (GROUPING SETS); a multiple-choice breakdown (languages) in a scan of its own, a respondent in each of
 * their categories.
 */
export async function responseMonths(
  em: EntityManager, kind: Indicator['kind'], questionnaireId: string,
  source: { questionId?: string; anyOf?: unknown[] }, dims: DimensionQuestion[],
): Promise<MonthCell[]> {
  const m = measure(kind);
  const anyOf = source.anyOf ?? [];
  const params = [questionnaireId, source.questionId ?? null, JSON.stringify(anyOf), anyOf.map(String)];
  const single = dims.filter((d) => !d.multiple);
  const cols = single.map((d, i) => `${category(`$${5 + i}`)} AS c${i}`);
  const sets = ['(month)', ...single.map((_, i) => `(month, c${i})`)];
  const rows: (Row & Record<string, string | number | null>)[] = await em.query(
    `SELECT month, ${single.map((_, i) => `c${i}, GROUPING(c${i}) AS g${i},`).join(' ')}
            sum(num)::float8 AS num, sum(den)::float8 AS den, count(*)::int AS rows
       FROM (SELECT ${MONTH} AS month, ${m.num} AS num, ${m.den} AS den ${cols.map((c) => `, ${c}`).join('')}
               FROM responses r WHERE r.questionnaire_id = $1 AND ${m.filter}) x
      GROUP BY GROUPING SETS (${sets.join(', ')})`,
    [...params, ...single.map((d) => d.questionId)]);
  const cells: MonthCell[] = rows.map((row) => {
    const i = single.findIndex((_, j) => Number(row[`g${j}`]) === 0);
    const n = kind === 'response_count' ? row.rows : row.den;
    return i < 0
      ? { month: row.month, dimension: TOTAL, category: TOTAL, num: row.num, den: row.den, n }
      : { month: row.month, dimension: single[i].dimension, category: String(row[`c${i}`]), num: row.num, den: row.den, n };
  });
  for (const d of dims.filter((x) => x.multiple)) {
    const multi: (Row & { category: string })[] = await em.query(
      `SELECT month, cat AS category, sum(num)::float8 AS num, sum(den)::float8 AS den, count(*)::int AS rows
         FROM (SELECT ${MONTH} AS month, ${m.num} AS num, ${m.den} AS den,
                 CASE WHEN NOT (r.answers ? $5) THEN ARRAY['not_answered']
                      WHEN jsonb_typeof(r.answers->$5) <> 'array' THEN ARRAY['prefer_not']
                      WHEN jsonb_array_length(r.answers->$5) = 0 THEN ARRAY['none']
                      ELSE ARRAY(SELECT jsonb_array_elements_text(r.answers->$5)) END AS cats
                 FROM responses r WHERE r.questionnaire_id = $1 AND ${m.filter}) x, unnest(cats) cat
        GROUP BY 1, 2`, [...params, d.questionId]);
    for (const row of multi) {
      cells.push({ month: row.month, dimension: d.dimension, category: row.category, num: row.num, den: row.den, n: kind === 'response_count' ? row.rows : row.den });
    }
  }
  return cells;
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
