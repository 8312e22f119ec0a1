import { GRAINS, Grain, IndicatorKind } from '@backend/indicators/indicator-kind';
import { addKeys } from '@backend/disclosure/cell-key';
import { CellSums, ComputedCell, MonthCell, TOTAL } from './cells';
import { KIND_RULES } from './kind-rules';

/** The first day of the period a month belongs to. */
export function periodOf(month: string, grain: Grain): string {
  const [y, m] = month.split('-').map(Number);
  // A day too (the data period's first, which may fall mid-month): its month starts on the 1st.
  if (grain === 'month') return `${month.slice(0, 7)}-01`;
  if (grain === 'year') return `${y}-01-01`;
  const q = Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(q).padStart(2, '0')}-01`;
}

/** What the sums mean for each kind of indicator (kind-rules.ts). */
export function valueOf(kind: IndicatorKind, num: number, den: number): number | null {
  return KIND_RULES[kind].value(num, den);
}

const empty = (): CellSums => ({ num: 0, den: 0, n: 0, numKey: null, denKey: null });

/** Keys add as their records do; a side without records of people keeps none. */
const plusKey = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : addKeys(a, b));

function add(into: CellSums, c: CellSums, stock = false): void {
  into.num += c.num;
  into.den = stock ? Math.max(into.den, c.den) : into.den + c.den;
  into.n = stock ? Math.max(into.n, c.n) : into.n + c.n;
  into.numKey = plusKey(into.numKey, c.numKey);
  into.denKey = plusKey(into.denKey, c.denKey);
}

/**
 * Month cells → cells at every grain, with the cumulative figures since `since` (the plan's start): the sums
 * are additive (counts and cell keys alike), so quarters and years are sums of months and cumulative figures are
 * running sums. The published figures are left for the disclosure layer (protectCells).
 *
 * `categories`: per dimension, every category a period that has data shows, empty or not. A category with no one in
 * a period is a cell like the others (hidden like a small one), not a missing row: otherwise a cell appearing from one
 * day to the next, hidden or not, would tell which category the day's newcomer is in.
 */
export function rollUp(
  kind: IndicatorKind,
  months: MonthCell[],
  since: string,
  categories: ReadonlyMap<string, readonly string[]> = new Map(),
): ComputedCell[] {
  const out: ComputedCell[] = [];
  const stock = KIND_RULES[kind].stock ?? false;
  for (const grain of GRAINS) {
    const byKey = new Map<string, CellSums & { periodStart: string; dimension: string; category: string }>();
    for (const m of months) {
      const periodStart = periodOf(m.month, grain);
      const key = `${m.dimension}|${m.category}|${periodStart}`;
      const acc = byKey.get(key) ?? { periodStart, dimension: m.dimension, category: m.category, ...empty() };
      add(acc, m, stock);
      byKey.set(key, acc);
    }
    const periods = new Set(months.filter((m) => m.dimension === TOTAL).map((m) => periodOf(m.month, grain)));
    for (const [dimension, list] of categories) {
      for (const periodStart of periods) {
        for (const category of list) {
          const key = `${dimension}|${category}|${periodStart}`;
          if (!byKey.has(key)) byKey.set(key, { periodStart, dimension, category, ...empty() });
        }
      }
    }
    const sorted = [...byKey.values()].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
    const running = new Map<string, CellSums>();
    const start = periodOf(since, grain);
    for (const c of sorted) {
      const series = `${c.dimension}|${c.category}`;
      const r = running.get(series) ?? empty();
      if (c.periodStart >= start) {
        add(r, c, stock);
        running.set(series, r);
      }
      out.push({
        grain,
        periodStart: c.periodStart,
        dimension: c.dimension,
        category: c.category,
        value: valueOf(kind, c.num, c.den),
        n: c.n,
        cumulativeValue: valueOf(kind, r.num, r.den),
        cumulativeN: r.n,
        suppressed: false,
        cumulativeSuppressed: false,
        publishedValue: null,
        publishedN: null,
        publishedCumulativeValue: null,
        publishedCumulativeN: null,
        sums: { num: c.num, den: c.den, n: c.n, numKey: c.numKey, denKey: c.denKey },
        cumulativeSums: { ...r },
      });
    }
  }
  return out;
}
