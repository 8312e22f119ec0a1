import type { IndicatorKind } from '@backend/indicators/indicator-kind';
import type { CellSums, ComputedCell } from '@backend/aggregation/cells';
import { addKeys, freeDeviation, mixKey, PerturbationTable, protectCount } from './cell-key';

/**
 * The disclosure-control layer: every figure published to roles below evaluator (values, progress, dashboards,
 * evaluations, reports) is read from a cell's `published*` fields, set here and nowhere else (README « Privacy »).
 *
 * Every count of people goes through the cell-key method (cell-key.ts): perturbed by at most ±D, the same people
 * always giving the same figure, and hidden when the perturbed count is under k (or nobody is behind it) — totals as
 * well as breakdowns,
 * so that an indicator whose definition selects a category (`anyOf: ["non_binary"]`) is a breakdown cell like any
 * other. What is derived from counts is derived from the perturbed counts:
 * - a count (responses, participants): the perturbed count, which is also its n;
 * - a share: the perturbed part that gave the answer over the perturbed part that answered (its n), hidden with it;
 * - a mean: the true mean moved by the same method (up to D/2 respondents' worth of the mean, over the respondents),
 *   rounded to one decimal, with its n perturbed — an exact mean beside a perturbed n would give the n back (only one
 *   candidate n makes the sum of whole scores whole);
 * - a ratio: the perturbed count over the perturbed count, or over its constant;
 * - a manual value: as entered (a figure staff typed from a source, not a count of the people who answered).
 */
export function protectCells(kind: IndicatorKind, cells: ComputedCell[], table: PerturbationTable): ComputedCell[] {
  for (const cell of cells) {
    const period = publish(kind, cell.sums!, cell.value, cell.n, table);
    const cumulative = publish(kind, cell.cumulativeSums!, cell.cumulativeValue, cell.cumulativeN, table);
    cell.suppressed = period.hidden;
    cell.publishedValue = period.value;
    cell.publishedN = period.n;
    cell.cumulativeSuppressed = cumulative.hidden;
    cell.publishedCumulativeValue = cumulative.value;
    cell.publishedCumulativeN = cumulative.n;
  }
  return cells;
}

interface Published { value: number | null; n: number | null; hidden: boolean }

const HIDDEN: Published = { value: null, n: null, hidden: true };

/** One figure as published, from its true sums (`value`, `n`: the true figures rollUp computed from them). */
export function publish(kind: IndicatorKind, s: CellSums, value: number | null, n: number, table: PerturbationTable): Published {
  switch (kind) {
    case 'manual':
      return { value, n, hidden: false };
    case 'response_count':
    case 'participation_sum': {
      const count = protectCount(s.num, s.numKey ?? 0, table);
      return count.hidden ? HIDDEN : { value: count.value, n: count.value, hidden: false };
    }
    case 'answer_share': {
      const answered = protectCount(s.den, s.denKey ?? 0, table);
      if (answered.hidden) return HIDDEN;
      const den = answered.value!;
      // Moved even from 0 (an exact 0 % beside a share above 0 a day later would say what the newcomer answered), at a
      // key of both groups of people: an empty group's own key is the same 0 everywhere.
      const gave = Math.min(den, Math.max(0, s.num + freeDeviation(mixKey(addKeys(s.numKey ?? 0, s.denKey ?? 0), 'gave'), table)));
      return { value: den > 0 ? (100 * gave) / den : null, n: den, hidden: false };
    }
    case 'scale_mean': {
      const answered = protectCount(s.den, s.denKey ?? 0, table);
      if (answered.hidden) return HIDDEN;
      if (s.den === 0) return { value: null, n: 0, hidden: false };
      const mean = s.num / s.den;
      const moved = mean * (1 + freeDeviation(mixKey(s.denKey ?? 0, 'mean'), table) / (2 * s.den));
      return { value: Math.round(moved * 10) / 10, n: answered.value, hidden: false };
    }
    case 'ratio': {
      const top = s.numKey === null ? { value: s.num, hidden: false } : protectCount(s.num, s.numKey, table);
      const bottom = s.denKey === null ? { value: s.den, hidden: false } : protectCount(s.den, s.denKey, table);
      if (top.hidden || bottom.hidden) return HIDDEN;
      const published = bottom.value! > 0 ? (100 * top.value!) / bottom.value! : null;
      return { value: published, n: s.numKey === null ? n : top.value, hidden: false };
    }
  }
}
