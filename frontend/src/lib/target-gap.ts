import type { TFunction } from 'i18next';
import type { Direction } from '@repere/contract';
import { formatNumber, formatWithUnit } from '@/lib/format';

/** What an indicator reached against its final target, as the dashboards and the evaluations read it. */
export interface TargetReach {
  value: number | null;
  finalTarget: number | null;
  unit: string | null;
  direction: Direction;
}

/**
 * How close an ended indicator came to its final target, in words: « 57,5 % pour une cible de 60 % : à 2,5 points
 * de la cible » / "57.5% against a 60% target: 2.5 points short". A share's gap is in percentage points (not a
 * percentage of the target, which readers would misread); for a « lower is better » indicator the gap is
 * value − target. Null when there is no value or no target to compare.
 */
export function targetGapText(reach: TargetReach, text: { t: TFunction; language: string }): string | null {
  const { t, language } = text;
  if (reach.value === null || reach.finalTarget === null) return null;
  const short = reach.direction === 'down' ? reach.value - reach.finalTarget : reach.finalTarget - reach.value;
  // Rounded as the figures are shown (two decimals), so that a gap too small to write reads as « on target ».
  const gap = Math.round(Math.abs(short) * 100) / 100;
  const values = {
    value: formatWithUnit(reach.value, reach.unit, language),
    target: formatWithUnit(reach.finalTarget, reach.unit, language),
  };
  if (gap === 0) return t('targetGap.onTarget', values);
  const amount =
    reach.unit === '%'
      ? t('targetGap.points', { count: gap, points: formatNumber(gap, language) })
      : formatWithUnit(gap, reach.unit, language);
  return t(short > 0 ? 'targetGap.short' : 'targetGap.beyond', { ...values, gap: amount });
}
