import { createHmac } from 'node:crypto';

/**
 * The cell-key method for counts (Australian Bureau of Statistics' TableBuilder; Destatis and Statistics Austria's
 * `cellKey` and `ptable` R packages, read for this design). protect-cells.ts applies it to every published figure.
 *
 * - Every record (a resident's response; a participation count's row) has a fixed random key in [0, 2^32), drawn by
 *   the database when the record is written (random_record_key(), migration DisclosureControl) and never changed.
 * - A cell's key is the sum of its records' keys modulo 2^32: the same people always give the same cell key, whatever
 *   table, grain or cut-off the cell is part of; it is additive, so month cells roll up to quarters, years and running
 *   totals as their counts do.
 * - The published count is the true count plus a deviation in [−D, D] read from a perturbation table at the cell key:
 *   the same people always get the same published value (asking again gives nothing new), and two tables that differ by
 *   one person differ by that person plus two independent-looking deviations, not by the person alone.
 * - Small-count rule: a perturbed count under k is never published (hidden); so every count under k − D is hidden,
 *   none is published under k, and whether a count near k is shown depends on its key, not on the count alone.
 */

export const KEY_MODULUS = 2 ** 32;

/** A key derived from an id, in [0, 2^32): the first four bytes of HMAC-SHA256(secret, id) (tests' and generators' records). */
export function recordKey(secret: string, id: string): number {
  return createHmac('sha256', secret).update(id).digest().readUInt32BE(0);
}

/** A cell's key from its records' keys (any order): their sum modulo 2^32. */
export function cellKey(recordKeys: Iterable<number>): number {
  let sum = 0;
  for (const key of recordKeys) sum = (sum + key) % KEY_MODULUS;
  return sum;
}

/** Two cells' keys combined, as their records are (a quarter from its months, a running total from its periods). */
export const addKeys = (a: number, b: number): number => (a + b) % KEY_MODULUS;

/** A cell key from SQL's sum of signed 32-bit record keys (a bigint, as text), in [0, 2^32). */
export const keyFromSum = (sum: string | number | null): number => {
  const n = Number(sum ?? 0);
  return ((n % KEY_MODULUS) + KEY_MODULUS) % KEY_MODULUS;
};

/**
 * Another key for the same records, independent-looking from `key`: for a second figure of the same people (a mean's
 * sum beside its count) or for records that are not people (a participation entry counts women and men: one key per
 * category, else their deviations would move together and cancel out between them).
 */
export function mixKey(key: number, salt: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < salt.length; i += 1) h = Math.imul(h ^ salt.charCodeAt(i), 0x01000193);
  let x = (key ^ h) >>> 0;
  // A 32-bit finaliser (murmur3's fmix32): every input bit moves every output bit.
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export interface PerturbationParams {
  /** Counts from 1 to k − 1 are never published (SUPPRESSION_K). */
  k: number;
  /** The largest deviation from the true count, either way. */
  maxDeviation: number;
  /** The deviations' variance for counts far enough from k that every deviation is allowed. */
  variance: number;
}

/** For one true count: the deviations allowed, each with the upper bound of its share of [0, 1). */
type Row = { deviation: number; upper: number }[];

export interface PerturbationTable {
  params: PerturbationParams;
  /** Rows for k, k + 1, … k + D; every larger count uses the last one (all deviations allowed). */
  rows: Row[];
}

/** Weights ∝ exp(−d² / 2σ²) over −D…D, σ found so that their variance is `variance` (it grows with σ). */
function gaussianWeights(maxDeviation: number, variance: number): Map<number, number> {
  const deviations = Array.from({ length: 2 * maxDeviation + 1 }, (_, i) => i - maxDeviation);
  const weightsFor = (sigma: number) => {
    const raw = deviations.map((d) => Math.exp(-(d * d) / (2 * sigma * sigma)));
    const total = raw.reduce((a, b) => a + b, 0);
    return new Map(deviations.map((d, i) => [d, raw[i] / total]));
  };
  const varianceOf = (w: Map<number, number>) => [...w].reduce((v, [d, p]) => v + p * d * d, 0);
  let [lo, hi] = [1e-3, 1e3];
  for (let i = 0; i < 100; i += 1) {
    const mid = (lo + hi) / 2;
    if (varianceOf(weightsFor(mid)) < variance) lo = mid;
    else hi = mid;
  }
  return weightsFor((lo + hi) / 2);
}

/**
 * The perturbation table. Far from k the deviations are symmetric (no bias) with the given variance; near k those that
 * would publish a count under k are left out and the others keep their relative weights, so counts just above k lean
 * upward by a fraction of a person on average (the small-count rule's price; the ABS's tables have the same bias).
 */
export function perturbationTable(params: PerturbationParams): PerturbationTable {
  const { k, maxDeviation, variance } = params;
  if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a whole number ≥ 1');
  if (!Number.isInteger(maxDeviation) || maxDeviation < 1) throw new RangeError('maxDeviation must be a whole number ≥ 1');
  if (!(variance > 0) || variance >= maxDeviation * maxDeviation) throw new RangeError('variance must be in (0, maxDeviation²)');
  const weights = gaussianWeights(maxDeviation, variance);
  const rows: Row[] = [];
  for (let n = k; n <= k + maxDeviation; n += 1) {
    const allowed = [...weights].filter(([d]) => n + d >= k);
    const total = allowed.reduce((s, [, p]) => s + p, 0);
    let upper = 0;
    rows.push(
      allowed.map(([deviation, p], i) => {
        upper = i === allowed.length - 1 ? 1 : upper + p / total;
        return { deviation, upper };
      }),
    );
  }
  return { params, rows };
}

export interface ProtectedCount {
  /** What may be published: null when hidden (the perturbed count under k). */
  value: number | null;
  hidden: boolean;
}

/** The deviation the table gives a count of `count` ≥ k at `key`. */
function deviationAt(count: number, key: number, table: PerturbationTable): number {
  const row = table.rows[Math.min(count - table.params.k, table.params.maxDeviation)];
  const u = key / KEY_MODULUS;
  return (row.find((r) => u < r.upper) ?? row[row.length - 1]).deviation;
}

/**
 * A deviation in [−D, D] without the small-count rule (the table's symmetric row): for a figure that is not itself a
 * published count of a cell — the part of a share that gave an answer, a mean's sum.
 */
export function freeDeviation(key: number, table: PerturbationTable): number {
  return deviationAt(table.params.k + table.params.maxDeviation, key, table);
}

/**
 * The count to publish for a cell of `count` people whose cell key is `key`: the count plus its deviation, hidden when
 * that falls under k. So a hidden figure may be anything from 0 to k − 1 + D people and a published one anything
 * within D of it: an attacker who knows k and D can never use « hidden » as « at least one and at most k − 1 » (with
 * which a hidden total capped its hidden parts, and two figures at opposite ends of ±D pinned a hidden cell between
 * them: issue 13's attacker test). An empty cell is hidden like a small one (k > 1), never published as 0; an empty
 * period has no cell at all.
 */
export function protectCount(count: number, key: number, table: PerturbationTable): ProtectedCount {
  const { k } = table.params;
  if (count === 0) return k > 1 ? { value: null, hidden: true } : { value: 0, hidden: false };
  const published = count + freeDeviation(key, table);
  return published < k ? { value: null, hidden: true } : { value: published, hidden: false };
}
