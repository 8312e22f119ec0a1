import { useTranslation } from 'react-i18next';
import type { FiguresView, ValueCell } from '@/features/dashboard/api/dashboard-api';

/**
 * The evaluators' switch between the published figures (what everyone else sees) and the true ones, and, on the
 * true ones, the banner saying they are not for publication.
 */
export function FiguresViewSwitch({ view, onChange }: { view: FiguresView; onChange: (view: FiguresView) => void }) {
  const { t } = useTranslation();
  return (
    <div className="figures-view">
      <div className="figures-view__choice" role="group" aria-labelledby="figures-view-label" aria-describedby="figures-view-hint">
        <span id="figures-view-label" className="figures-view__label">
          {t('disclosure.trueFigures.label')}
        </span>
        {(['published', 'unpublished'] as const).map((option) => (
          <button
            key={option}
            type="button"
            className={option === 'unpublished' ? 'button button--secondary figures-view__true' : 'button button--secondary'}
            aria-pressed={view === option}
            onClick={() => onChange(option)}
          >
            {t(`disclosure.trueFigures.${option}`)}
          </button>
        ))}
      </div>
      <p id="figures-view-hint" className="muted small figures-view__hint">
        {t('disclosure.trueFigures.hint')}
      </p>
    </div>
  );
}

/** The true current value (evaluators' view): the true series' cell of the period the published value was read from. */
export function trueCurrentOf(cells: ValueCell[] | undefined, period: string | null | undefined, cumulative: boolean) {
  const cell = cells?.find((c) => c.period === period) ?? cells?.at(-1);
  if (!cell) return null;
  return cumulative ? { value: cell.cumulativeValue, n: cell.cumulativeN } : { value: cell.value, n: cell.n };
}
