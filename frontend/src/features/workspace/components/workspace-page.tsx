import '@/features/workspace/components/workspace.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorState, LoadingState } from '@/components/query-state';
import { ReadOnlyNotice } from '@/features/workspace/components/read-only-notice';
import { useCanEdit } from '@/features/workspace/hooks/use-can-edit';
import { usePlanOptions } from '@/features/workspace/hooks/use-plan-editor';
import { useAllQuestionnaires } from '@/features/workspace/hooks/use-questionnaire-builder';
import { useWorkCellList } from '@/features/workspace/hooks/use-work-cell-editor';
import { useDocumentTitle } from '@/lib/use-document-title';

/** /workspace: where an evaluator builds plans, indicators, questionnaires and work cells. */
export function WorkspacePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workspace.title'));
  const { canEdit, pending } = useCanEdit();
  const plans = usePlanOptions();
  const questionnaires = useAllQuestionnaires();
  const cells = useWorkCellList();

  if (pending) return <LoadingState />;

  return (
    <article className="ws-page">
      <header className="page-header">
        <h1>{t('workspace.title')}</h1>
        <p className="muted">{t('workspace.intro')}</p>
      </header>
      {!canEdit ? <ReadOnlyNotice /> : null}

      <div className="card-grid ws-hub">
        <section className="card" aria-labelledby="ws-hub-plans">
          <h2 id="ws-hub-plans">{t('workspace.hub.plans')}</h2>
          <p className="muted small">{t('workspace.hub.plansIntro')}</p>
          {plans.isPending ? <LoadingState /> : null}
          {plans.isError ? <ErrorState error={plans.error} onRetry={() => void plans.refetch()} /> : null}
          <ul className="ws-list">
            {(plans.data?.items ?? []).map((plan) => (
              <li key={plan.id} className="ws-list__item">
                <span className="ws-list__text">{plan.title}</span>
                {canEdit ? (
                  <Link
                    className="button button--ghost"
                    to={`/workspace/plans/${plan.id}`}
                    aria-label={t('workspace.hub.editPlan', { title: plan.title })}
                  >
                    {t('workspace.common.edit')}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </section>

        <section className="card" aria-labelledby="ws-hub-questionnaires">
          <h2 id="ws-hub-questionnaires">{t('workspace.hub.questionnaires')}</h2>
          <p className="muted small">{t('workspace.hub.questionnairesIntro')}</p>
          {questionnaires.isPending ? <LoadingState /> : null}
          {questionnaires.isError ? <ErrorState error={questionnaires.error} onRetry={() => void questionnaires.refetch()} /> : null}
          <ul className="ws-list">
            {(questionnaires.data?.items ?? []).map((questionnaire) => (
              <li key={questionnaire.id} className="ws-list__item">
                <span className="ws-list__text">
                  {questionnaire.title} <span className="badge badge--outline">{t(`questionnaires.statuses.${questionnaire.status}`)}</span>{' '}
                  <span className="muted small">{questionnaire.languages.join(', ')}</span>
                </span>
                {canEdit ? (
                  <Link
                    className="button button--ghost"
                    to={`/workspace/questionnaires/${questionnaire.id}`}
                    aria-label={t('workspace.hub.editQuestionnaire', { title: questionnaire.title })}
                  >
                    {t('workspace.common.edit')}
                  </Link>
                ) : null}
                <Link
                  className="button button--ghost"
                  to={`/workspace/questionnaires/${questionnaire.id}/qr`}
                  aria-label={t('workspace.hub.printQr', { title: questionnaire.title })}
                >
                  {t('workspace.hub.qr')}
                </Link>
              </li>
            ))}
          </ul>
          {canEdit ? (
            <Link className="button button--secondary ws-add-button" to="/workspace/questionnaires/new">
              <span aria-hidden="true">+{'\u00a0'}</span>
              {t('workspace.hub.newQuestionnaire')}
            </Link>
          ) : null}
        </section>

        <section className="card" aria-labelledby="ws-hub-cells">
          <h2 id="ws-hub-cells">{t('workspace.hub.workCells')}</h2>
          {cells.isPending ? <LoadingState /> : null}
          {cells.isError ? <ErrorState error={cells.error} onRetry={() => void cells.refetch()} /> : null}
          <ul className="ws-list">
            {(cells.data?.items ?? []).map((cell) => (
              <li key={cell.id} className="ws-list__item">
                <span className="ws-list__text">
                  {cell.name}{' '}
                  <span className="muted small">{t('workspace.hub.cellProgress', { done: cell.stepsDone, total: cell.stepsTotal })}</span>
                </span>
                {canEdit ? (
                  <Link
                    className="button button--ghost"
                    to={`/workspace/work-cells/${cell.id}`}
                    aria-label={t('workspace.hub.editCell', { name: cell.name })}
                  >
                    {t('workspace.common.edit')}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
          {canEdit ? (
            <Link className="button button--secondary ws-add-button" to="/workspace/work-cells/new">
              <span aria-hidden="true">+{'\u00a0'}</span>
              {t('workspace.hub.newWorkCell')}
            </Link>
          ) : null}
        </section>

        <section className="card" aria-labelledby="ws-hub-participation">
          <h2 id="ws-hub-participation">{t('workspace.hub.participation')}</h2>
          <p className="muted small">{t('workspace.hub.participationIntro')}</p>
          <Link className="button button--secondary" to="/participation">
            {t('workspace.hub.participationLink')}
          </Link>
        </section>
      </div>
    </article>
  );
}
