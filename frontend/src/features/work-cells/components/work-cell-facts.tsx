import { useTranslation } from 'react-i18next';
import { ProgressBar } from '@/components/progress-bar';
import type { WorkCellSummary } from '@/features/work-cells/api/work-cells-api';
import { formatDate } from '@/lib/format';

/** Objective, start and progress: the lines of the fiche synthèse shared by the card and the detail page. */
export function WorkCellFacts({ cell }: { cell: WorkCellSummary }) {
  const { t, i18n } = useTranslation();
  const objectiveText = cell.objectiveText ?? cell.objective?.title ?? null;
  const start = cell.startDateText ?? formatDate(cell.startDate, i18n.resolvedLanguage ?? 'fr');
  return (
    <>
      <dl className="facts facts--stacked">
        {cell.objective || objectiveText ? (
          <div>
            <dt>{t('workCells.objective')}</dt>
            <dd>
              {cell.objective ? <span className="code">{cell.objective.code}</span> : null}
              {cell.objective && objectiveText ? ' ' : null}
              {objectiveText}
            </dd>
          </div>
        ) : null}
        {start ? (
          <div>
            <dt>{t('workCells.startDate')}</dt>
            <dd>{start}</dd>
          </div>
        ) : null}
      </dl>
      <ProgressBar
        value={cell.stepsDone}
        max={cell.stepsTotal}
        label={t('workCells.progress', { done: cell.stepsDone, count: cell.stepsTotal })}
      />
    </>
  );
}
