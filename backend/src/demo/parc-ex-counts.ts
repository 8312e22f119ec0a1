import type { BreakdownCell } from '@backend/participation/participation-count.entity';
import type { DemoCount } from './demo-counts';
import { seededRandom } from './demo-rng';

/** A tally kept over the plan's months: one entry a month (or a quarter), somewhere in a range. */
export interface CountSeries {
  /** First and last month, YYYY-MM. */
  readonly from: string;
  readonly until: string;
  readonly everyMonths: 1 | 3;
  readonly min: number;
  readonly max: number;
  /** People counted: broken down by gender and age group, as at the Welcome Day's door. */
  readonly people: boolean;
  readonly seed: number;
}

const GENDER: [string, number][] = [
  ['woman', 0.54],
  ['man', 0.41],
  ['non_binary', 0.02],
];

const AGE: [string, number][] = [
  ['18_24', 0.14],
  ['25_34', 0.26],
  ['35_44', 0.24],
  ['45_54', 0.16],
  ['55_64', 0.1],
  ['65_plus', 0.07],
];

// Rounded shares: the rest of a total is people who did not say, as on a count sheet.
const breakdownOf = (total: number): BreakdownCell[] => [
  ...GENDER.map(([category, share]) => ({ dimension: 'gender', category, count: Math.floor(total * share) })),
  ...AGE.map(([category, share]) => ({ dimension: 'age_group', category, count: Math.floor(total * share) })),
];

/** The series' entries, dated the 15th: the same on every machine. */
export function generateCounts(series: CountSeries): DemoCount[] {
  const random = seededRandom(series.seed);
  const out: DemoCount[] = [];
  let [year, month] = series.from.split('-').map(Number);
  const [lastYear, lastMonth] = series.until.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    const total = series.min + Math.floor(random() * (series.max - series.min + 1));
    out.push({ date: `${year}-${String(month).padStart(2, '0')}-15`, total, breakdown: series.people ? breakdownOf(total) : [] });
    month += series.everyMonths;
    if (month > 12) [year, month] = [year + 1, month - 12];
  }
  return out;
}
