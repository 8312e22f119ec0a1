import { isRealDate, type EvaluationKind } from '@repere/contract';
import type { PlanInfo } from '@/features/evaluations/api/evaluations-api';

// The API's rules for a cut-off (POST /api/plans/{id}/evaluations), applied before sending: a real date, not after
// today in the plan's time zone, not before the plan's start.

export type CutoffErrorKey = 'required' | 'invalid' | 'future' | 'beforeStart';

export interface CutoffError {
  key: CutoffErrorKey;
  values?: Record<string, string>;
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
