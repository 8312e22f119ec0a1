import { EntityManager } from 'typeorm';
import type { Indicator } from '@backend/indicators/indicator.entity';
import type { MonthCell } from './cells';
import { IndicatorMonth } from './indicator-month.entity';
import { ResponseSpec, responseMonths } from './response-months';
import type { DimensionQuestion, Scope } from './source-queries';

/**
 * A questionnaire-based indicator, its ADS+ questions, and what else its stored values were computed with (the
 * plan's start, time zone and data period, the suppression threshold): when that changes, every month is read and
 * every value written again.
 */
export interface CachedSpec {
  indicator: Indicator;
  dims: DimensionQuestion[];
  dependsOn: unknown[];
}

/** The months read again: every one, none (nothing changed), or from a month on (the values of earlier periods stand). */
export type Changed = 'all' | 'none' | { from: string };

export type Stored = Pick<IndicatorMonth, 'month' | 'sourceVersion' | 'definitionKey' | 'cells'>;

/**
 * The month cells of indicators fed by one questionnaire (one list per spec), reading again only the months whose
 * responses changed since their last computation, in one shared scan. A month's version (the sum of its
 * ResponseChange weights) and its responses are read in the caller's one snapshot, so the versions stored with the
 * cells say exactly what the cells saw: a response committed a moment later moves its month's version and is read
 * at the next recompute. While 500 responses a second arrive at a questionnaire of a million, that is the current
 * month (~30,000 rows) instead of the million. `full` reads every month (the definition changed, or a benchmark's
 * full recompute); so does a first computation. Every indicator read has the months of the scan replaced (the
 * union of what each needed: the others were read in the same snapshot, so are as right).
 */
export async function cachedResponseMonths(
  em: EntityManager,
  questionnaireId: string,
  specs: CachedSpec[],
  full: boolean,
  scope: Scope,
): Promise<{ cells: MonthCell[]; changed: Changed }[]> {
  const versions = new Map(
    (
      await em.query<{ month: string; version: string }[]>(
        `SELECT to_char(month, 'YYYY-MM-DD') AS month, sum(weight)::text AS version
       FROM response_changes WHERE questionnaire_id = $1 GROUP BY month`,
        [questionnaireId],
      )
    ).map((r) => [r.month, r.version]),
  );
  const stored = new Map<string, Stored[]>(specs.map((s) => [s.indicator.id, []]));
  if (!full) {
    const rows: (Stored & { indicatorId: string })[] = await em.query(
      `SELECT indicator_id AS "indicatorId", to_char(month, 'YYYY-MM-DD') AS month, source_version AS "sourceVersion",
              definition_key AS "definitionKey", cells
         FROM indicator_months WHERE indicator_id = ANY($1::uuid[])`,
      [specs.map((s) => s.indicator.id)],
    );
    for (const row of rows) stored.get(row.indicatorId)?.push(row);
  }

  const { plans, reading, range } = planReads(questionnaireId, specs, versions, stored);
  const specsRead = reading.map(({ spec }) => ({ kind: spec.indicator.kind, source: spec.indicator.source, dims: spec.dims }));
  const fresh = reading.length ? await readMonths(em, questionnaireId, specsRead, scope, range) : [];
  const inRange = (month: string) => !range || (month >= range.from && month <= range.to);
  const read = new Map(reading.map((p, i) => [p, fresh[i]]));

  const out: { cells: MonthCell[]; changed: Changed }[] = [];
  for (const p of plans) {
    const cells = read.get(p);
    if (!cells) {
      out.push({ cells: p.own.flatMap((s) => s.cells), changed: 'none' });
      continue;
    }
    await storeMonths(em, p.spec.indicator.id, p.key, range, versions, cells);
    out.push({
      cells: [...p.own.filter((s) => !inRange(s.month)).flatMap((s) => s.cells), ...cells],
      changed: range ? { from: range.from } : 'all',
    });
  }
  return out;
}

/** What one indicator must read again: nothing (an empty list: every month as seen), some months, or all (null). */
export interface ReadPlan {
  spec: CachedSpec;
  key: string;
  own: Stored[];
  stale: string[] | null;
}

/**
 * Which months each indicator must read again, from the questionnaire's month versions and what each stored: all of
 * them for a first computation or another definition, else the months whose version moved. One scan serves them all:
 * `range` spans every month any of them needs (null: every month).
 */
export function planReads(
  questionnaireId: string,
  specs: CachedSpec[],
  versions: Map<string, string>,
  stored: Map<string, Stored[]>,
): { plans: ReadPlan[]; reading: ReadPlan[]; range: MonthRange | null } {
  const plans = specs.map((spec): ReadPlan => {
    const key = definitionKey(spec, questionnaireId);
    const own = stored.get(spec.indicator.id) ?? [];
    if (own.length === 0 || own.some((s) => s.definitionKey !== key)) return { spec, key, own, stale: null };
    const seen = new Map(own.map((s) => [s.month, s.sourceVersion]));
    return { spec, key, own, stale: [...versions].filter(([month, version]) => seen.get(month) !== version).map(([month]) => month) };
  });
  const reading = plans.filter((p) => p.stale === null || p.stale.length > 0);
  const range = reading.some((p) => p.stale === null) ? null : monthRange(reading.flatMap((p) => p.stale ?? []));
  return { plans, reading, range };
}

/**
 * Reads the specs' month cells, all of them or only the months in `range` (those whose responses changed). A range is
 * read through the (questionnaire_id, answered_at) indexes, whatever the statistics say: under live traffic it is the
 * current month, and once ANALYZE (autovacuum) has seen a table that so far holds mostly this month's rows, the
 * planner took a (parallel) sequential scan of the whole table for it, twice a second (bench:ingest: 74 sequential
 * scans reading 2.3 M rows in 26 s). In index order a month's rows are also close together in the heap: when the table
 * is nearly all this month the index scan costs somewhat more than the sequential one (~45 against ~30 ms for 60,000
 * rows), but it stays the size of the month, not of the table, as the table grows. A full read keeps its plan.
 */
async function readMonths(
  em: EntityManager,
  questionnaireId: string,
  specs: ResponseSpec[],
  scope: Scope,
  range: MonthRange | null,
): Promise<MonthCell[][]> {
  if (!range) return responseMonths(em, questionnaireId, specs, scope);
  await em.query('SET LOCAL enable_seqscan = off');
  const cells = await responseMonths(em, questionnaireId, specs, { ...scope, months: range });
  // A failure aborts the transaction, and the setting with it.
  await em.query('SET LOCAL enable_seqscan = on');
  return cells;
}

/** What the stored cells were computed for: another definition, or ADS+ questions, means reading every month again. */
export const definitionKey = ({ indicator, dims, dependsOn }: CachedSpec, questionnaireId: string) =>
  JSON.stringify([indicator.kind, indicator.source.questionId ?? null, indicator.source.anyOf ?? null, questionnaireId, dims, dependsOn]);

type MonthRange = NonNullable<Scope['months']>;

function monthRange(months: string[]): MonthRange {
  const sorted = [...months].sort();
  return { from: sorted[0], to: sorted[sorted.length - 1] };
}

/** The months read are replaced, with the version each was read at; the others are kept as they were. */
async function storeMonths(
  em: EntityManager,
  indicatorId: string,
  key: string,
  range: MonthRange | null,
  versions: Map<string, string>,
  fresh: MonthCell[],
): Promise<void> {
  const inRange = (month: string) => !range || (month >= range.from && month <= range.to);
  const byMonth = new Map<string, MonthCell[]>();
  for (const month of versions.keys()) if (inRange(month)) byMonth.set(month, []);
  for (const cell of fresh) {
    const cells = byMonth.get(cell.month);
    if (cells) cells.push(cell);
    else byMonth.set(cell.month, [cell]);
  }
  const rows = [...byMonth].map(([month, cells]) => ({ month, sourceVersion: versions.get(month) ?? '0', cells }));
  if (range) {
    await em.query('DELETE FROM indicator_months WHERE indicator_id = $1 AND month BETWEEN $2 AND $3', [indicatorId, range.from, range.to]);
  } else {
    await em.delete(IndicatorMonth, { indicatorId });
  }
  await em.query(
    `INSERT INTO indicator_months (indicator_id, month, source_version, definition_key, cells)
     SELECT $1, month, "sourceVersion", $2, cells FROM jsonb_to_recordset($3::jsonb) AS r(month date, "sourceVersion" bigint, cells jsonb)`,
    [indicatorId, key, JSON.stringify(rows)],
  );
}

/**
 * Folds each month's ResponseChange entries into one of the same total weight, so the log stays a few rows per
 * month. One statement: a concurrent recompute sees the entries before or after, with the same sums; an entry
 * committed meanwhile is not visible to the DELETE and stays.
 */
export async function foldResponseChanges(em: EntityManager): Promise<void> {
  await em.query(
    `WITH many AS (SELECT questionnaire_id, month FROM response_changes GROUP BY 1, 2 HAVING count(*) > 1),
          folded AS (DELETE FROM response_changes c USING many
                      WHERE c.questionnaire_id = many.questionnaire_id AND c.month = many.month
                  RETURNING c.questionnaire_id, c.month, c.weight)
     INSERT INTO response_changes (questionnaire_id, month, weight)
     SELECT questionnaire_id, month, sum(weight) FROM folded GROUP BY 1, 2`,
  );
}
