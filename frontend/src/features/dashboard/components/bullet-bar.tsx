import type { CSSProperties } from 'react';
import type { IndicatorProgress } from '@/features/dashboard/api/dashboard-api';
import { statusStyle } from '@/features/dashboard/components/status-badge';

/** The scale of a bullet bar: from 0 (or below, for negative values) to a little past the largest mark; 0–100 for shares. */
function scaleOf(indicator: IndicatorProgress): { min: number; max: number } {
  const values = [indicator.value, indicator.baseline.value, indicator.midtermTarget, indicator.finalTarget].filter(
    (v): v is number => v !== null && Number.isFinite(v),
  );
  if (indicator.unit === '%' && values.every((v) => v >= 0 && v <= 100)) return { min: 0, max: 100 };
  // A rating scale (1 to 5) has no meaningful zero: start a step below the lowest mark, so that the gap
  // between the value and the targets is visible.
  const min =
    indicator.kind === 'scale_mean' && values.length > 0 ? Math.max(0, Math.floor(Math.min(...values)) - 1) : Math.min(0, ...values);
  const max = Math.max(...values, 0);
  return { min, max: max === min ? min + 1 : max + (max - min) * 0.1 };
}

const at = (value: number, { min, max }: { min: number; max: number }): string =>
  `${(Math.min(Math.max((value - min) / (max - min), 0), 1) * 100).toFixed(2)}%`;

/**
 * The current value as a bar in its status colour, against ticks for the baseline, the mid-term target and
 * the final target. Decorative: the same figures are written beside it.
 */
export function BulletBar({ indicator }: { indicator: IndicatorProgress }) {
  const scale = scaleOf(indicator);
  const marks: { kind: 'baseline' | 'midterm' | 'final'; value: number | null }[] = [
    { kind: 'baseline', value: indicator.baseline.value },
    { kind: 'midterm', value: indicator.midtermTarget },
    { kind: 'final', value: indicator.finalTarget },
  ];
  return (
    <div className="bullet" style={statusStyle(indicator.status)} aria-hidden="true">
      {/* A suppressed value (read from a period, yet absent) is hatched across, never an empty bar that reads as 0. */}
      <div className={indicator.suppressed ? 'bullet__track bullet__track--suppressed' : 'bullet__track'}>
        {indicator.value !== null ? <div className="bullet__fill" style={{ width: at(indicator.value, scale) }} /> : null}
        {marks.map((mark) =>
          mark.value === null ? null : (
            <span
              key={mark.kind}
              className={`bullet__mark bullet__mark--${mark.kind}`}
              style={{ left: at(mark.value, scale) } as CSSProperties}
            />
          ),
        )}
      </div>
    </div>
  );
}
