import { createHash } from 'node:crypto';
import type { FieldError } from '@backend/common/errors';
import type { Dimension } from '@backend/indicators/indicator-kind';
import { ADS_CATEGORIES } from '@backend/questionnaires/ads-block';
import type { BreakdownCell } from './participation-count.entity';

/**
 * The categories a count may be broken down by: the codes of the ADS+ block's answers, so that counts and
 * questionnaire responses break indicators down alike. Disability is a yes/no question there: `yes`, `no` here.
 */
const codes = (d: Exclude<Dimension, 'disability'>) => ADS_CATEGORIES[d].map((c) => c.code);
export const BREAKDOWN_CATEGORIES: Record<Dimension, readonly string[]> = {
  gender: codes('gender'),
  age_group: codes('age_group'),
  immigration: codes('immigration'),
  language: codes('language'),
  disability: ['yes', 'no'],
};

/**
 * What is wrong with a breakdown: a category its dimension lacks, a cell given twice, or a dimension whose parts
 * add up to more than the total (parts may add up to less: some people were not asked, or did not say).
 */
export function breakdownErrors(total: number, breakdown: readonly BreakdownCell[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const sums = new Map<string, number>();
  breakdown.forEach((cell, i) => {
    const allowed = BREAKDOWN_CATEGORIES[cell.dimension as Dimension];
    if (allowed && !allowed.includes(cell.category)) {
      errors.push({ field: `breakdown.${i}.category`, message: `must be one of ${allowed.join(', ')} for ${cell.dimension}` });
    }
    const key = `${cell.dimension}\u0000${cell.category}`;
    if (seen.has(key)) errors.push({ field: `breakdown.${i}`, message: `${cell.dimension} / ${cell.category} is given twice` });
    seen.add(key);
    sums.set(cell.dimension, (sums.get(cell.dimension) ?? 0) + cell.count);
  });
  for (const [dimension, sum] of sums) {
    if (sum > total) errors.push({ field: `breakdown.${dimension}`, message: `the parts (${sum}) exceed the total (${total})` });
  }
  return errors;
}

export interface CountFields {
  instrumentId: string;
  activity: string;
  date: string;
  total: number;
  breakdown: BreakdownCell[];
}

/** SHA-256 of a count as sent, its breakdown in a fixed order: a retry must carry the same. */
export function countHash(c: CountFields): string {
  const breakdown = [...c.breakdown]
    .map((b) => [b.dimension, b.category, b.count] as const)
    .sort((x, y) => (x[0] + '\u0000' + x[1] < y[0] + '\u0000' + y[1] ? -1 : 1));
  return createHash('sha256')
    .update(JSON.stringify({ instrumentId: c.instrumentId.toLowerCase(), activity: c.activity, date: c.date, total: c.total, breakdown }))
    .digest('hex');
}
