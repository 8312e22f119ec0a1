import type { EvaluationKind, PlanInfo } from '@/features/evaluations/api/evaluations-api';

// The API's rules for a cut-off (POST /api/plans/{id}/evaluations), applied before sending: a real date, not after
// today in the plan's time zone, not before the plan's start.

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type CutoffErrorKey = 'required' | 'invalid' | 'future' | 'beforeStart';

export interface CutoffError {
  key: CutoffErrorKey;
  values?: Record<string, string>;
}

export function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What is wrong with a cut-off, or null. ISO dates compare as strings. */
export function cutoffError(cutoff: string, planStart: string | null, today: string): CutoffError | null {
  const value = cutoff.trim();
  if (!value) return { key: 'required' };
  if (!isRealDate(value)) return { key: 'invalid' };
  if (value > today) return { key: 'future', values: { today } };
  if (planStart && value < planStart) return { key: 'beforeStart', values: { start: planStart } };
  return null;
}

/**
 * A sensible first cut-off: the plan's mid-term date for a mid-term, its end for a final, today when that day has not
 * come yet. The person changes it at will.
 */
export function suggestedCutoff(kind: EvaluationKind, plan: PlanInfo, today: string): string {
  const planned = kind === 'midterm' ? plan.midtermDate : plan.endDate;
  if (!planned || planned > today) return today;
  return planned;
}
