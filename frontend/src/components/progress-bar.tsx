import { useId } from 'react';

interface ProgressBarProps {
  value: number;
  max: number;
  /** The visible text, also the bar's accessible name: « 6 / 8 étapes réalisées ». */
  label: string;
}

export function ProgressBar({ value, max, label }: ProgressBarProps) {
  const labelId = useId();
  const safeMax = Math.max(max, 0);
  const safeValue = Math.min(Math.max(value, 0), safeMax);
  const percent = safeMax === 0 ? 0 : Math.round((safeValue / safeMax) * 100);
  return (
    <div className="progress">
      <span id={labelId} className="progress__label">
        {label}
      </span>
      <div
        className="progress__track"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={safeMax}
        aria-valuenow={safeValue}
        aria-valuetext={label}
      >
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
