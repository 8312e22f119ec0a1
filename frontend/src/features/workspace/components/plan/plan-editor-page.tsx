import '@/features/workspace/components/workspace.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorState, LoadingState } from '@/components/query-state';
import { ReadOnlyNotice } from '@/features/workspace/components/read-only-notice';
import { OrientationForm } from '@/features/workspace/components/plan/part-forms';
import { PlanDataSettingsSection } from '@/features/workspace/components/plan/plan-data-settings';
import { AddToggle, nextPositionOf, OrientationEditor } from '@/features/workspace/components/plan/tree-editors';
import { useCanEdit } from '@/features/workspace/hooks/use-can-edit';
import { useEditablePlanTree } from '@/features/workspace/hooks/use-plan-editor';
import { useDocumentTitle } from '@/lib/use-document-title';

/** The plan tree, editable in place: orientations → objectives (and sub-objectives) → actions, with their results. */
export function PlanEditorPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const tree = useEditablePlanTree(planId);
  const { canEdit, pending } = useCanEdit();
  useDocumentTitle(tree.data ? t('workspace.plan.pageTitle', { title: tree.data.title }) : t('workspace.title'));

  if (tree.isPending || pending) return <LoadingState />;
  if (tree.isError) return <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;
  const plan = tree.data;
  const orientations = plan.orientations;
  const nextNumber = orientations.reduce((max, orientation) => Math.max(max, orientation.number + 1), 1);

  return (
    <article className="ws-page">
      <p className="breadcrumb">
        <Link to="/workspace">
          <span aria-hidden="true">← </span>
          {t('workspace.backToWorkspace')}
        </Link>
        {' · '}
        <Link to={`/plans/${plan.id}`}>{t('workspace.plan.readView')}</Link>
        {canEdit ? (
          <>
            {' · '}
            <Link to={`/workspace/questionnaires/new?planId=${plan.id}`}>{t('workspace.hub.newQuestionnaire')}</Link>
          </>
        ) : null}
      </p>
      <header className="page-header">
        <h1>{t('workspace.plan.pageTitle', { title: plan.title })}</h1>
        <p className="muted">{t('workspace.plan.intro')}</p>
      </header>

      {!canEdit ? <ReadOnlyNotice /> : null}
      <PlanDataSettingsSection plan={plan} canEdit={canEdit} />
      {!canEdit ? null : (
        <>
          {orientations.length === 0 ? <p className="empty">{t('workspace.plan.empty')}</p> : null}
          {orientations.map((orientation, index) => (
            <OrientationEditor key={orientation.id} planId={plan.id} orientations={orientations} index={index} />
          ))}
          <AddToggle label={t('workspace.plan.addOrientation')}>
            {(close) => (
              <OrientationForm
                planId={plan.id}
                nextNumber={nextNumber}
                nextPosition={nextPositionOf(orientations)}
                onDone={close}
                onCancel={close}
              />
            )}
          </AddToggle>
        </>
      )}
    </article>
  );
}
