import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorState, LoadingState } from '@/components/query-state';
import type { IndicatorDefinition, PlanTree, TreeObjective } from '@/features/dashboard/api/dashboard-api';
import { IndicatorRow, type RowContext } from '@/features/dashboard/components/indicator-row';
import { usePlanProgress, usePlanTree } from '@/features/dashboard/hooks/use-dashboard';
import '@/features/dashboard/components/dashboard.css';

/** The plan's indicators that read this cell's steps (kind work_steps_done), wherever they sit in its tree. */
function indicatorsOfCell(tree: PlanTree, workCellId: string): IndicatorDefinition[] {
  const found: IndicatorDefinition[] = [];
  const visit = (objective: TreeObjective): void => {
    for (const indicator of [...objective.indicators, ...objective.actions.flatMap((action) => action.indicators)])
      if (indicator.kind === 'work_steps_done' && indicator.source.workCellId === workCellId) found.push(indicator);
    objective.objectives.forEach(visit);
  };
  tree.orientations.forEach((orientation) => orientation.objectives.forEach(visit));
  return found;
}

/**
 * The cell's progress as its plan measures it: each indicator of the share of its steps done, as the plan's dashboard
 * shows it (the same row, bullet bar and status, read from the same progress endpoint: one truth).
 */
export function WorkCellIndicators({ planId, workCellId }: { planId: string; workCellId: string }) {
  const { t } = useTranslation();
  const tree = usePlanTree(planId);
  const progress = usePlanProgress(planId, null);
  const own = useMemo(() => (tree.data ? indicatorsOfCell(tree.data, workCellId) : []), [tree.data, workCellId]);
  const context = useMemo<RowContext>(
    () => ({
      grains: new Map(own.map((indicator) => [indicator.id, indicator.grain])),
      at: null,
      ended: progress.data?.ended ?? false,
      dataFrom: progress.data?.dataPeriod.from ?? null,
      k: progress.data?.disclosure.k ?? null,
    }),
    [own, progress.data],
  );

  let body;
  if (tree.isPending || progress.isPending) body = <LoadingState />;
  else if (tree.isError) body = <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;
  else if (progress.isError) body = <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />;
  else {
    const ids = new Set(own.map((indicator) => indicator.id));
    const rows = progress.data.indicators.filter((indicator) => ids.has(indicator.id));
    body =
      rows.length === 0 ? (
        <p className="empty">{t('workStepsIndicator.none')}</p>
      ) : (
        <ul className="dash-indicators">
          {rows.map((indicator) => (
            <IndicatorRow key={indicator.id} indicator={indicator} context={context} />
          ))}
        </ul>
      );
  }
  return (
    <section aria-labelledby="cell-indicators" data-testid="work-cell-indicators">
      <h2 id="cell-indicators">{t('workStepsIndicator.title')}</h2>
      <p className="muted">
        {t('workStepsIndicator.intro')} <Link to={`/plans/${planId}/dashboard`}>{t('workStepsIndicator.dashboardLink')}</Link>
      </p>
      {body}
    </section>
  );
}
