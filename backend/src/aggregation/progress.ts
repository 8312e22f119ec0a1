import { CUMULATIVE_KINDS, type Direction, type ProgressStatus } from '@repere/contract';

// The statuses and the cumulative kinds are shared with the web app: declared once in @repere/contract.
export { CUMULATIVE_KINDS, type ProgressStatus };

/** How far below the expected line an indicator may be and still be on track, as a share of the planned change. */
export const ON_TRACK_MARGIN = 0.1;
/** Below that, and up to this share, it is at risk; beyond, off track. */
export const AT_RISK_MARGIN = 0.25;

export interface Targets {
  direction: Direction;
  baselineValue: number | null;
  baselineDate: string;
  midtermTarget: number | null;
  midtermDate: string;
  finalTarget: number | null;
  endDate: string;
}

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** The value the plan expects at `at`: the straight line baseline → mid-term target → final target. */
export function expectedAt(t: Targets, at: string): number | null {
  if (t.finalTarget === null) return null;
  const base = t.baselineValue ?? 0;
  const points: [number, number][] = [[day(t.baselineDate), base]];
  if (t.midtermTarget !== null && day(t.midtermDate) > day(t.baselineDate)) points.push([day(t.midtermDate), t.midtermTarget]);
  points.push([day(t.endDate), t.finalTarget]);
  const x = day(at);
  if (x <= points[0][0]) return base;
  for (let i = 1; i < points.length; i += 1) {
    const [x0, y0] = points[i - 1];
    const [x1, y1] = points[i];
    if (x <= x1) return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return t.finalTarget;
}

/** Whether figures as of `at` are the plan's final ones: from its end date on. */
export const isFinal = (t: Pick<Targets, 'endDate'>, at: string): boolean => at >= t.endDate;

/**
 * The status rule (README): no value or no final target → no_data; the final target reached (in the good
 * direction) → achieved; from the end date on, anything else → not_achieved; before it, the shortfall below the
 * expected line, as a share of the whole planned change |final − baseline|: up to 10 % → on_track, up to 25 % →
 * at_risk, more → off_track.
 */
export function statusOf(t: Targets, value: number | null, at: string): ProgressStatus {
  if (value === null || t.finalTarget === null) return 'no_data';
  const sign = t.direction === 'up' ? 1 : -1;
  if (sign * (value - t.finalTarget) >= 0) return 'achieved';
  if (isFinal(t, at)) return 'not_achieved';
  const expected = expectedAt(t, at) ?? t.finalTarget;
  const span = Math.abs(t.finalTarget - (t.baselineValue ?? 0)) || Math.abs(t.finalTarget) || 1;
  const shortfall = (sign * (expected - value)) / span;
  if (shortfall <= ON_TRACK_MARGIN) return 'on_track';
  if (shortfall <= AT_RISK_MARGIN) return 'at_risk';
  return 'off_track';
}
