import type { IndicatorKind } from '@backend/indicators/indicator-kind';
import type { CellSums, ComputedCell } from '@backend/aggregation/cells';
import { KIND_RULES } from '@backend/aggregation/kind-rules';
import type { PerturbationTable } from './cell-key';
import type { Published } from './publish-figures';

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
 * Which kind publishes how: aggregation/kind-rules.ts; each way: publish-figures.ts.
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

/** One figure as published, from its true sums (`value`, `n`: the true figures rollUp computed from them). */
export function publish(kind: IndicatorKind, s: CellSums, value: number | null, n: number, table: PerturbationTable): Published {
  return KIND_RULES[kind].publish(s, value, n, table);
}
