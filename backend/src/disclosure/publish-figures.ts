import type { CellSums } from '@backend/aggregation/cells';
import { addKeys, freeDeviation, mixKey, PerturbationTable, protectCount } from './cell-key';

/**
 * How each kind of figure is published from its true sums (protect-cells.ts says why; aggregation/kind-rules.ts
 * says which kind publishes how). `value`, `n`: the true figures rollUp computed from the sums.
 */
export interface Published {
  value: number | null;
  n: number | null;
  hidden: boolean;
}

export type Publisher = (s: CellSums, value: number | null, n: number, table: PerturbationTable) => Published;

const HIDDEN: Published = { value: null, n: null, hidden: true };

/** A manual value: as entered (a figure staff typed from a source, not a count of the people who answered). */
export const publishAsEntered: Publisher = (_s, value, n) => ({ value, n, hidden: false });

/** A count of people: the perturbed count, which is also its n. */
export const publishCount: Publisher = (s, _value, _n, table) => {
  const count = protectCount(s.num, s.numKey ?? 0, table);
  return count.hidden ? HIDDEN : { value: count.value, n: count.value, hidden: false };
};

/** A share: the perturbed part that gave the answer over the perturbed part that answered (its n), hidden with it. */
export const publishShare: Publisher = (s, _value, _n, table) => {
  const answered = protectCount(s.den, s.denKey ?? 0, table);
  if (answered.hidden) return HIDDEN;
  const den = answered.value!;
  // Moved even from 0 (an exact 0 % beside a share above 0 a day later would say what the newcomer answered), at a
  // key of both groups of people: an empty group's own key is the same 0 everywhere.
  const gave = Math.min(den, Math.max(0, s.num + freeDeviation(mixKey(addKeys(s.numKey ?? 0, s.denKey ?? 0), 'gave'), table)));
  return { value: den > 0 ? (100 * gave) / den : null, n: den, hidden: false };
};

/**
 * A mean: the true mean moved by the same method (up to D/2 respondents' worth of the mean, over the respondents),
 * rounded to one decimal, with its n perturbed.
 */
export const publishMean: Publisher = (s, _value, _n, table) => {
  const answered = protectCount(s.den, s.denKey ?? 0, table);
  if (answered.hidden) return HIDDEN;
  if (s.den === 0) return { value: null, n: 0, hidden: false };
  const mean = s.num / s.den;
  const moved = mean * (1 + freeDeviation(mixKey(s.denKey ?? 0, 'mean'), table) / (2 * s.den));
  return { value: Math.round(moved * 10) / 10, n: answered.value, hidden: false };
};

/** A ratio: the perturbed count over the perturbed count, or over its constant (a side without a key). */
export const publishRatio: Publisher = (s, _value, n, table) => {
  const top = s.numKey === null ? { value: s.num, hidden: false } : protectCount(s.num, s.numKey, table);
  const bottom = s.denKey === null ? { value: s.den, hidden: false } : protectCount(s.den, s.denKey, table);
  if (top.hidden || bottom.hidden) return HIDDEN;
  const published = bottom.value! > 0 ? (100 * top.value!) / bottom.value! : null;
  return { value: published, n: s.numKey === null ? n : top.value, hidden: false };
};
