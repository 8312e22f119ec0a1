import '@/features/imports/components/imports.css';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorState, LoadingState, useErrorMessage } from '@/components/query-state';
import type { ImportDto, ImportOptionsInput } from '@/features/imports/api/imports-api';
import { ImportProgressView, ImportStatusBadge, useFileSize } from '@/features/imports/components/import-status';
import { PlanPreviewView } from '@/features/imports/components/plan-preview';
import { ProblemsTable } from '@/features/imports/components/problems-table';
import { ResponsesPreviewView } from '@/features/imports/components/responses-preview';
import { WorkCellPreviewView } from '@/features/imports/components/work-cell-preview';
import {
  isBusy,
  useCanImport,
  useConfirmImport,
  useDeleteImport,
  useImport,
  useUpdateImportOptions,
} from '@/features/imports/hooks/use-imports';
import { ApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';

function Facts({ dto }: { dto: ImportDto }) {
  const { t, i18n } = useTranslation();
  const sizeOf = useFileSize();
  return (
    <dl className="facts">
      <div>
        <dt>{t('imports.facts.kind')}</dt>
        <dd>{t(`imports.kind.${dto.kind}`)}</dd>
      </div>
      <div>
        <dt>{t('imports.facts.status')}</dt>
        <dd>
          <ImportStatusBadge status={dto.status} />
        </dd>
      </div>
      <div>
        <dt>{t('imports.facts.size')}</dt>
        <dd>
          {sizeOf(dto.size)}
          {dto.format ? ` · ${t(`imports.format.${dto.format}`)}` : ''}
        </dd>
      </div>
      <div>
        <dt>{t('imports.facts.created')}</dt>
        <dd>{formatDate(dto.createdAt, i18n.resolvedLanguage ?? 'fr')}</dd>
      </div>
    </dl>
  );
}

/** What the import created, with the way to it. */
function ResultPanel({ dto }: { dto: ImportDto }) {
  const { t } = useTranslation();
  const headingId = useId();
  const result = dto.result;
  let link: { to: string; label: string } | null = null;
  if (dto.kind === 'plan' && result?.planId) link = { to: `/plans/${result.planId}`, label: t('imports.done.viewPlan') };
  if (dto.kind === 'work-cell' && result?.workCellId)
    link = { to: `/work-cells/${result.workCellId}`, label: t('imports.done.viewWorkCell') };
  if (dto.kind === 'responses' && dto.options.questionnaireId) {
    link = { to: `/questionnaires/${dto.options.questionnaireId}`, label: t('imports.done.viewQuestionnaire') };
  }
  return (
    <section className="import-panel import-result" aria-labelledby={headingId} role="status">
      <h2 id={headingId}>{t('imports.done.heading')}</h2>
      {result && dto.kind === 'responses' ? (
        <ul className="import-counts">
          <li>{t('imports.done.created', { count: result.created })}</li>
          <li>{t('imports.done.skipped', { count: result.skipped })}</li>
        </ul>
      ) : (
        <p>{t(`imports.done.body.${dto.kind}`)}</p>
      )}
      <p className="import-actions">
        {link ? (
          <Link className="button button--primary" to={link.to}>
            {link.label}
          </Link>
        ) : null}
        <Link className="button button--ghost" to={`/imports${dto.kind === 'plan' ? '' : `?kind=${dto.kind}`}`}>
          {t('imports.done.another')}
        </Link>
      </p>
    </section>
  );
}

function Preview({
  dto,
  applying,
  onApply,
  onDirtyChange,
}: {
  dto: ImportDto;
  applying: boolean;
  onApply: (options: ImportOptionsInput) => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const editable = dto.status === 'ready' || dto.status === 'invalid';
  const shared = { editable, applying, onApply, onDirtyChange };
  if (dto.kind === 'plan' && dto.preview) return <PlanPreviewView dto={dto} preview={dto.preview} {...shared} />;
  if (dto.kind === 'work-cell' && dto.preview) return <WorkCellPreviewView dto={dto} preview={dto.preview} {...shared} />;
  if (dto.kind === 'responses' && dto.preview) return <ResponsesPreviewView dto={dto} preview={dto.preview} {...shared} />;
  return null;
}

/** Confirm, or cancel: confirming is possible only once the analysis found nothing wrong and the options shown are the ones analysed. */
function Decision({ dto, dirty, applying }: { dto: ImportDto; dirty: boolean; applying: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const messageFor = useErrorMessage();
  const confirm = useConfirmImport(dto.id);
  const remove = useDeleteImport(dto.id);
  const [armed, setArmed] = useState(false);
  const hintId = useId();
  // While new options are on their way, the preview shown is no longer the one that would be imported.
  const canConfirm = dto.status === 'ready' && !dirty && !applying && !confirm.isPending;
  const canCancel = dto.status !== 'importing' && dto.status !== 'done';

  let hint: string | null = null;
  if (dto.status === 'invalid') hint = t('imports.decision.invalid');
  else if (dto.status === 'analyzing') hint = t('imports.decision.analyzing');
  else if (dto.status === 'ready' && dirty) hint = t('imports.decision.dirty');
  else if (dto.status === 'ready') hint = t('imports.decision.ready');

  const confirmError =
    confirm.error instanceof ApiError && confirm.error.code === 'import_not_ready'
      ? t('imports.decision.notReady')
      : confirm.error
        ? messageFor(confirm.error)
        : null;

  return (
    <section className="import-panel import-decision" aria-label={t('imports.decision.label')}>
      {hint ? (
        <p id={hintId} className="muted">
          {hint}
        </p>
      ) : null}
      <div className="import-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!canConfirm}
          aria-describedby={hint ? hintId : undefined}
          onClick={() => confirm.mutate()}
        >
          {confirm.isPending ? t('imports.decision.confirming') : t('imports.decision.confirm')}
        </button>
        {canCancel && !armed ? (
          <button type="button" className="button button--ghost" onClick={() => setArmed(true)}>
            {t('imports.decision.cancel')}
          </button>
        ) : null}
        {canCancel && armed ? (
          <span className="import-confirm-cancel" role="group" aria-label={t('imports.decision.cancelGroup')}>
            <button
              type="button"
              className="button import-button--danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(undefined, { onSuccess: () => navigate('/imports', { replace: true }) })}
            >
              {t('imports.decision.confirmCancel')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setArmed(false)}>
              {t('imports.decision.keep')}
            </button>
          </span>
        ) : null}
      </div>
      {confirmError ? (
        <p className="alert alert--error" role="alert">
          {confirmError}
        </p>
      ) : null}
      {remove.error ? (
        <p className="alert alert--error" role="alert">
          {messageFor(remove.error)}
        </p>
      ) : null}
    </section>
  );
}

function ImportView({ dto }: { dto: ImportDto }) {
  const { t } = useTranslation();
  const messageFor = useErrorMessage();
  const update = useUpdateImportOptions(dto.id);
  const [dirty, setDirty] = useState(false);
  const onDirtyChange = useCallback((next: boolean) => setDirty(next), []);
  const busy = isBusy(dto.status);
  const showPreview = dto.preview !== null && dto.status !== 'analyzing';
  const questions = dto.kind === 'responses' ? (dto.preview?.questions ?? []) : [];
  const questionLabel = (id: string): string | undefined => questions.find((question) => question.id === id)?.label;

  return (
    <>
      {busy ? <ImportProgressView dto={dto} /> : null}

      {dto.status === 'failed' ? (
        <div className="alert alert--error" role="alert">
          <p>{t('imports.failed.body')}</p>
          {dto.error ? <p className="small">{dto.error}</p> : null}
        </div>
      ) : null}

      {dto.status === 'done' ? <ResultPanel dto={dto} /> : null}

      {dto.status === 'invalid' ? (
        <p className="alert alert--error" role="alert">
          {t('imports.invalid', { count: dto.problemCount })}
        </p>
      ) : null}

      {!busy ? <ProblemsTable problems={dto.problems} problemCount={dto.problemCount} questionLabel={questionLabel} /> : null}

      {update.error ? (
        <p className="alert alert--error" role="alert">
          {messageFor(update.error)}
        </p>
      ) : null}

      {showPreview ? (
        // A new analysis brings a new preview: the options form starts again from it.
        <Preview
          key={dto.updatedAt}
          dto={dto}
          applying={update.isPending}
          onApply={(options) => {
            setDirty(false);
            update.mutate(options);
          }}
          onDirtyChange={onDirtyChange}
        />
      ) : null}

      {dto.status !== 'done' ? <Decision dto={dto} dirty={dirty && showPreview} applying={update.isPending} /> : null}
    </>
  );
}

/** /imports/:id: the analysis' progress, its problems and preview, the options, then confirm and follow the import. */
export function ImportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const item = useImport(id);
  const { canImport, pending } = useCanImport();
  useDocumentTitle(item.data ? t('imports.page.documentTitle', { fileName: item.data.fileName }) : t('imports.title'));

  if (item.isPending || pending) return <LoadingState />;
  if (item.isError) return <ErrorState error={item.error} onRetry={() => void item.refetch()} />;
  const dto = item.data;

  return (
    <article className="imports import-page">
      <p className="breadcrumb">
        <Link to="/imports">
          <span aria-hidden="true">← </span>
          {t('imports.page.back')}
        </Link>
      </p>
      <header className="page-header">
        <h1>
          <span className="import-kicker">{t(`imports.kind.${dto.kind}`)}</span>
          {dto.fileName}
        </h1>
        <Facts dto={dto} />
      </header>
      {canImport ? (
        <ImportView dto={dto} />
      ) : (
        <p className="alert import-alert--info" role="note">
          {t('imports.readOnly')}
        </p>
      )}
    </article>
  );
}
