import { TrafficResult } from './traffic';

export const median = (xs: number[]): number => percentile(xs, 50);

/** Nearest-rank percentile; NaN for an empty list. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const n = (v: number, d = 0): string =>
  Number.isFinite(v) ? v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : '—';

export const ms = (v: number): string => (Number.isFinite(v) ? (v >= 10_000 ? `${n(v / 1000, 1)} s` : `${n(v)} ms`) : '—');

export interface Freshness {
  seen: number[];
  unseen: number;
  /** Times the served count changed while we watched, and the gaps between changes (ms). */
  changes: number;
  gaps: number[];
}

/**
 * For the k-th acknowledged response: the first poll that ended after its 201 and showed a count ≥ base + k.
 * Both the acks and the polls are in time order and the count only grows, so one pass does it.
 */
export function freshness(r: TrafficResult, baseCount: number): Freshness {
  const polls = r.polls.filter((p) => p.count !== null) as { t: number; count: number }[];
  const seen: number[] = [];
  let j = 0;
  r.acks.forEach((ackAt, i) => {
    while (j < polls.length && (polls[j].t < ackAt || polls[j].count < baseCount + i + 1)) j += 1;
    if (j < polls.length) seen.push(polls[j].t - ackAt);
  });
  const changeTimes: number[] = [];
  for (let i = 1; i < polls.length; i++) if (polls[i].count !== polls[i - 1].count) changeTimes.push(polls[i].t);
  return {
    seen,
    unseen: r.acks.length - seen.length,
    changes: changeTimes.length,
    gaps: changeTimes.slice(1).map((t, i) => t - changeTimes[i]),
  };
}
