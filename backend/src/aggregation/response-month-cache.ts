import { EntityManager } from 'typeorm';
import type { Indicator } from '@backend/indicators/indicator.entity';
import type { MonthCell } from './cells';
import { IndicatorMonth } from './indicator-month.entity';
import { DimensionQuestion, MonthRange, responseMonths } from './source-queries';

/**
 * The month cells of a questionnaire-based indicator, reading again only the months whose responses changed since
 * the last computation. A month's version (the sum of its ResponseChange weights) and its responses are read in the
 * caller's one snapshot, so the versions stored with the cells say exactly what the cells saw: a response committed
 * a moment later moves its month's version and is read at the next recompute. While 500 responses a second arrive
 * at a questionnaire of a million, that is the current month (~30,000 rows) instead of the million.
 * `full` reads every month (the definition changed, or a benchmark's full recompute); so does a first computation.
 */
export async function cachedResponseMonths(
  em: EntityManager, indicator: Indicator, questionnaireId: string, dims: DimensionQuestion[], full: boolean,
): Promise<MonthCell[]> {
  const definitionKey = JSON.stringify([indicator.kind, indicator.source.questionId ?? null, indicator.source.anyOf ?? null, questionnaireId, dims]);
  const versions = new Map((await em.query<{ month: string; version: string }[]>(
    `SELECT to_char(month, 'YYYY-MM-DD') AS month, sum(weight)::text AS version
       FROM response_changes WHERE questionnaire_id = $1 GROUP BY month`, [questionnaireId])).map((r) => [r.month, r.version]));
  const stored: Pick<IndicatorMonth, 'month' | 'sourceVersion' | 'definitionKey' | 'cells'>[] = full ? [] : await em.query(
    `SELECT to_char(month, 'YYYY-MM-DD') AS month, source_version AS "sourceVersion", definition_key AS "definitionKey", cells
       FROM indicator_months WHERE indicator_id = $1`, [indicator.id]);
  const usable = stored.length > 0 && stored.every((s) => s.definitionKey === definitionKey);

  let range: MonthRange | null = null;
  if (usable) {
    const seen = new Map(stored.map((s) => [s.month, s.sourceVersion]));
    const stale = [...versions].filter(([month, version]) => seen.get(month) !== version).map(([month]) => month).sort();
    if (stale.length === 0) return stored.flatMap((s) => s.cells);
    range = { from: stale[0], to: stale[stale.length - 1] };
  }
  const fresh = await responseMonths(em, indicator.kind, questionnaireId, indicator.source, dims, range);

  // The months read are replaced, with the version each was read at; the others are kept as they were.
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
    await em.query('DELETE FROM indicator_months WHERE indicator_id = $1 AND month BETWEEN $2 AND $3', [indicator.id, range.from, range.to]);
  } else {
    await em.delete(IndicatorMonth, { indicatorId: indicator.id });
  }
  await em.query(
    `INSERT INTO indicator_months (indicator_id, month, source_version, definition_key, cells)
     SELECT $1, month, "sourceVersion", $2, cells FROM jsonb_to_recordset($3::jsonb) AS r(month date, "sourceVersion" bigint, cells jsonb)`,
    [indicator.id, definitionKey, JSON.stringify(rows.map(({ month, sourceVersion, cells }) => ({ month, sourceVersion, cells })))]);
  const kept = stored.filter((s) => !inRange(s.month)).flatMap((s) => s.cells);
  return [...kept, ...fresh];
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
     SELECT questionnaire_id, month, sum(weight) FROM folded GROUP BY 1, 2`);
}
