import { EntityManager } from 'typeorm';
import { GRAINS } from '@backend/indicators/indicator-kind';
import { ComputedCell } from './cells';
import type { Changed } from './response-month-cache';
import { periodOf } from './rollup';

/**
 * Replaces an indicator's stored cells by `cells` (all of them, computed in one snapshot), writing only the periods
 * that can have changed: from the period of the first month read again on (a period's value, its cumulative and its
 * suppression depend only on months up to its end). Under live traffic that is the current month, quarter and year
 * — a few dozen rows, where writing the thousand every time took most of a recompute.
 */
export async function storeValues(em: EntityManager, indicatorId: string, cells: ComputedCell[], changed: Changed): Promise<void> {
  if (changed === 'none') return;
  const from = changed === 'all' ? null : new Map(GRAINS.map((g) => [g, periodOf(changed.from, g)]));
  const written = from ? cells.filter((c) => c.periodStart >= from.get(c.grain)!) : cells;
  if (from) {
    await em.query(
      `DELETE FROM indicator_values WHERE indicator_id = $1
          AND period_start >= CASE grain WHEN 'month' THEN $2::date WHEN 'quarter' THEN $3::date ELSE $4::date END`,
      [indicatorId, from.get('month'), from.get('quarter'), from.get('year')],
    );
  } else {
    await em.query('DELETE FROM indicator_values WHERE indicator_id = $1', [indicatorId]);
  }
  // One statement from one JSON parameter: TypeORM's insert builder spent more time building a thousand rows'
  // parameters than PostgreSQL spent storing them.
  await em.query(
    `INSERT INTO indicator_values (indicator_id, grain, period_start, dimension, category, value, n, cumulative_value, cumulative_n, suppressed,
                                   cumulative_suppressed, published_value, published_n, published_cumulative_value, published_cumulative_n)
     SELECT $1, grain, "periodStart", dimension, category, value, n, "cumulativeValue", "cumulativeN", suppressed, "cumulativeSuppressed",
            "publishedValue", "publishedN", "publishedCumulativeValue", "publishedCumulativeN"
       FROM jsonb_to_recordset($2::jsonb) AS c(grain text, "periodStart" date, dimension text, category text, value float8, n int,
            "cumulativeValue" float8, "cumulativeN" int, suppressed boolean, "cumulativeSuppressed" boolean,
            "publishedValue" float8, "publishedN" int, "publishedCumulativeValue" float8, "publishedCumulativeN" int)`,
    [indicatorId, JSON.stringify(written, (key, value) => (key === 'sums' || key === 'cumulativeSums' ? undefined : value))],
  );
}
