import '@/features/workspace/components/workspace.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ErrorState, LoadingState } from '@/components/query-state';
import { ConfirmDelete } from '@/features/workspace/components/form-fields';
import { IndicatorForm } from '@/features/workspace/components/indicator/indicator-form';
import { LiveValue } from '@/features/workspace/components/indicator/live-value';
import { ManualValues } from '@/features/workspace/components/indicator/manual-values';
import { ReadOnlyNotice } from '@/features/workspace/components/read-only-notice';
import { useCanEdit } from '@/features/workspace/hooks/use-can-edit';
import { useDeleteIndicator, useIndicatorDefinition } from '@/features/workspace/hooks/use-indicator-editor';
import { useEditablePlanTree } from '@/features/workspace/hooks/use-plan-editor';
import { useErrorMessage } from '@/components/query-state';
import { useDocumentTitle } from '@/lib/use-document-title';

function Breadcrumb({ planId }: { planId: string }) {
  const { t } = useTranslation();
  return (
    <p className="breadcrumb">
      <Link to={`/workspace/plans/${planId}`}>
        <span aria-hidden="true">← </span>
        {t('workspace.indicator.backToPlan')}
      </Link>
    </p>
  );
}

/** /workspace/plans/:planId/indicators/new?objectiveId=&actionId= */
export function NewIndicatorPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const tree = useEditablePlanTree(planId);
  const { canEdit, pending } = useCanEdit();
  useDocumentTitle(t('workspace.indicator.newTitle'));

  if (tree.isPending || pending) return <LoadingState />;
  if (tree.isError) return <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;
  return (
    <article className="ws-page">
      <Breadcrumb planId={planId} />
      <header className="page-header">
        <h1>{t('workspace.indicator.newTitle')}</h1>
        <p className="muted">{t('workspace.indicator.intro', { plan: tree.data.title })}</p>
      </header>
      {canEdit ? (
        <IndicatorForm
          tree={tree.data}
          defaults={{ objectiveId: searchParams.get('objectiveId') ?? '', actionId: searchParams.get('actionId') ?? '' }}
          onSaved={() => undefined}
        />
      ) : (
        <ReadOnlyNotice />
      )}
    </article>
  );
}

/** /workspace/indicators/:id: the definition, and below it the value computed from it. */
export function IndicatorEditorPage() {
  const { t } = useTranslation();
  const messageFor = useErrorMessage();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const fromCreate = (location.state as { savedAt?: number } | null)?.savedAt ?? null;
  const [savedAt, setSavedAt] = useState<number | null>(fromCreate);
  const [armed, setArmed] = useState(false);
  const indicator = useIndicatorDefinition(id);
  const planId = indicator.data?.planId ?? '';
  const tree = useEditablePlanTree(planId);
  const remove = useDeleteIndicator(planId);
  const { canEdit, pending } = useCanEdit();
  useDocumentTitle(indicator.data?.name ?? t('workspace.indicator.editTitle'));

  if (indicator.isPending || pending || (planId !== '' && tree.isPending)) return <LoadingState />;
  if (indicator.isError) return <ErrorState error={indicator.error} onRetry={() => void indicator.refetch()} />;
  if (tree.isError) return <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;
  const definition = indicator.data;

  return (
    <article className="ws-page">
      <Breadcrumb planId={definition.planId} />
      <header className="page-header">
        <h1>{definition.name}</h1>
        <p className="muted">{t('workspace.indicator.editIntro')}</p>
      </header>
      <div className="ws-two-columns">
        <div>
          {canEdit && tree.data ? (
            <IndicatorForm
              key={definition.id}
              tree={tree.data}
              indicator={definition}
              defaults={{ objectiveId: definition.objectiveId, actionId: definition.actionId ?? '' }}
              onSaved={(_saved, at) => setSavedAt(at)}
            />
          ) : (
            <ReadOnlyNotice />
          )}
          {definition.kind === 'manual' && canEdit ? <ManualValues indicatorId={definition.id} planId={definition.planId} /> : null}
          {canEdit ? (
            <div className="ws-danger-zone">
              <ConfirmDelete
                archive
                name={definition.name}
                label={t('workspace.indicator.deleteIndicator')}
                pending={remove.isPending}
                armed={armed}
                onArm={setArmed}
                onConfirm={() =>
                  remove.mutate(definition.id, { onSuccess: () => navigate(`/workspace/plans/${definition.planId}`, { replace: true }) })
                }
              />
              {remove.error ? (
                <p className="field__error" role="alert">
                  {messageFor(remove.error)}
                </p>
              ) : null}
            </div>
          ) : null}
        </div>
        {/* The live value alone in its column: it stays in view (sticky) while the form, the values and the archive
            button scroll, which it would otherwise cover. */}
        <div>
          <LiveValue indicator={definition} savedAt={savedAt} trueFigures={canEdit} />
        </div>
      </div>
    </article>
  );
}
