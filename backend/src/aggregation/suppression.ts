import { ComputedCell, TOTAL } from './cells';

/**
 * No published figure may single out a person (ADS+). In each table — one grain, one period, one
 * dimension — a category with fewer than k people is suppressed (primary). If that leaves a single
 * suppressed cell beside a published total, it could be recovered as total − others, so the smallest other
 * non-empty cell is suppressed with it (complementary). Cumulative figures are treated the same way, and a
 * cumulative cell is also hidden when its period cell is hidden but the previous cumulative is not, since
 * their difference would give the hidden period back.
 */
export function suppress(cells: ComputedCell[], k: number): ComputedCell[] {
  const tables = new Map<string, ComputedCell[]>();
  for (const cell of cells) {
    if (cell.dimension === TOTAL) continue;
    const key = `${cell.grain}|${cell.periodStart}|${cell.dimension}`;
    tables.set(key, [...(tables.get(key) ?? []), cell]);
  }
  for (const table of tables.values()) {
    protect(table, (c) => c.n, (c) => c.suppressed, (c) => { c.suppressed = true; }, k);
  }
  // The previous period's cumulative cell of each series, by grain, dimension and category.
  const series = new Map<string, ComputedCell[]>();
  for (const cell of cells) {
    if (cell.dimension === TOTAL) continue;
    const key = `${cell.grain}|${cell.dimension}|${cell.category}`;
    series.set(key, [...(series.get(key) ?? []), cell]);
  }
  for (const list of series.values()) {
    list.sort((a, b) => a.periodStart.localeCompare(b.periodStart));
    list.forEach((cell, i) => {
      const previous = list[i - 1];
      if (cell.suppressed && cell.n > 0 && previous && !previous.cumulativeSuppressed) cell.cumulativeSuppressed = true;
    });
  }
  for (const table of tables.values()) {
    protect(table, (c) => c.cumulativeN, (c) => c.cumulativeSuppressed, (c) => { c.cumulativeSuppressed = true; }, k);
  }
  return cells;
}

function protect(
  table: ComputedCell[], n: (c: ComputedCell) => number, hidden: (c: ComputedCell) => boolean,
  hide: (c: ComputedCell) => void, k: number,
): void {
  for (const cell of table) if (n(cell) > 0 && n(cell) < k) hide(cell);
  const hiddenCells = table.filter((c) => hidden(c) && n(c) > 0);
  if (hiddenCells.length !== 1) return;
  // Ties go to the first category by name: which cell hides the other must not depend on the order the cells came
  // in (an incremental recompute lists its months in another order than a full one, for the same figures).
  const next = table.filter((c) => !hidden(c) && n(c) > 0).sort((a, b) => n(a) - n(b) || a.category.localeCompare(b.category))[0];
  if (next) hide(next);
}
