import { isRealDate } from '@repere/contract';
import {
  BREAKDOWN_DIMENSIONS,
  DIMENSION_ORDER,
  type BreakdownDimension,
  type CreateParticipationCount,
} from '@/features/participation/api/participation-api';

/** The form as typed: numbers stay text until they are checked. */
export interface CountForm {
  instrumentId: string;
  activity: string;
  date: string;
  total: string;
  breakdown: Record<BreakdownDimension, Record<string, string>>;
}

export type CountField = 'instrumentId' | 'activity' | 'date' | 'total' | 'breakdown' | `breakdown.${BreakdownDimension}`;

/** What is wrong, as i18n keys with their values, so the messages follow a change of language. */
export type CountErrors = Partial<Record<CountField, { key: string; values?: Record<string, string | number> }>>;

// The API's rules for a count (POST /api/participation-counts), applied before sending.
export const ACTIVITY_MAX_LENGTH = 300;
export const TOTAL_MAX = 10_000_000;
const WHOLE = /^\d+$/;

export function emptyBreakdown(): CountForm['breakdown'] {
  const breakdown = {} as CountForm['breakdown'];
  for (const dimension of DIMENSION_ORDER) breakdown[dimension] = {};
  return breakdown;
}

/** The sum of a dimension's parts; NaN when one of them is not a whole number. */
export function dimensionSum(form: CountForm, dimension: BreakdownDimension): number {
  let sum = 0;
  for (const value of Object.values(form.breakdown[dimension])) {
    const trimmed = value.trim();
    if (trimmed === '') continue;
    if (!WHOLE.test(trimmed)) return Number.NaN;
    sum += Number(trimmed);
  }
  return sum;
}

export function validateCount(form: CountForm): CountErrors {
  const errors: CountErrors = {};
  if (!form.instrumentId) errors.instrumentId = { key: 'participation.errors.instrument' };
  const activity = form.activity.trim();
  if (!activity) errors.activity = { key: 'participation.errors.activity' };
  else if (activity.length > ACTIVITY_MAX_LENGTH) {
    errors.activity = { key: 'participation.errors.activityLength', values: { max: ACTIVITY_MAX_LENGTH } };
  }
  if (!form.date) errors.date = { key: 'participation.errors.date' };
  else if (!isRealDate(form.date)) errors.date = { key: 'participation.errors.dateInvalid' };

  const totalText = form.total.trim();
  const total = WHOLE.test(totalText) ? Number(totalText) : Number.NaN;
  if (!totalText) errors.total = { key: 'participation.errors.total' };
  else if (!Number.isInteger(total) || total > TOTAL_MAX) {
    errors.total = { key: 'participation.errors.totalInvalid', values: { max: TOTAL_MAX } };
  }

  for (const dimension of DIMENSION_ORDER) {
    const sum = dimensionSum(form, dimension);
    if (Number.isNaN(sum)) errors[`breakdown.${dimension}`] = { key: 'participation.errors.part' };
    else if (sum > TOTAL_MAX) errors[`breakdown.${dimension}`] = { key: 'participation.errors.totalInvalid', values: { max: TOTAL_MAX } };
    else if (Number.isInteger(total) && sum > total) {
      // Each dimension splits the same people: its parts may not add up to more than the total.
      errors[`breakdown.${dimension}`] = { key: 'participation.errors.partsExceed', values: { sum, total } };
    }
  }
  return errors;
}

export function toRequest(form: CountForm): CreateParticipationCount {
  const breakdown: CreateParticipationCount['breakdown'] = [];
  for (const dimension of DIMENSION_ORDER) {
    for (const category of BREAKDOWN_DIMENSIONS[dimension]) {
      const value = form.breakdown[dimension][category]?.trim();
      if (value) breakdown.push({ dimension, category, count: Number(value) });
    }
  }
  return {
    instrumentId: form.instrumentId,
    activity: form.activity.trim(),
    date: form.date,
    total: Number(form.total.trim()),
    breakdown,
  };
}

/**
 * Where an API field error belongs in the form: `breakdown.gender`, or `breakdown.1.count` / `breakdown[1]`
 * (the second cell sent), land on their dimension.
 */
export function fieldFor(apiField: string, sent?: CreateParticipationCount): CountField | null {
  if (apiField === 'instrumentId' || apiField === 'activity' || apiField === 'date' || apiField === 'total') {
    return apiField;
  }
  if (!apiField.startsWith('breakdown')) return null;
  const named = DIMENSION_ORDER.find((name) => apiField.includes(name));
  if (named) return `breakdown.${named}`;
  const index = /^breakdown(?:\.|\[)(\d+)/.exec(apiField)?.[1];
  const cell = index === undefined ? undefined : sent?.breakdown?.[Number(index)];
  const dimension = DIMENSION_ORDER.find((name) => name === cell?.dimension);
  return dimension ? `breakdown.${dimension}` : 'breakdown';
}
