import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/components/query-state';
import type { EvaluationDetail } from '@/features/evaluations/api/evaluations-api';
import { useCloseEvaluation } from '@/features/evaluations/hooks/use-evaluations';
import { formatDate } from '@/lib/format';

interface CloseEvaluationProps {
  evaluation: EvaluationDetail;
  objectives: number;
  assessed: number;
}

/** « Clôturer l'évaluation », after a confirmation: from then on it is read-only for good. */
export function CloseEvaluation({ evaluation, objectives, assessed }: CloseEvaluationProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const messageFor = useErrorMessage();
  const close = useCloseEvaluation(evaluation.id, evaluation.planId);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const ids = { heading: useId(), title: useId(), body: useId() };
  const missing = Math.max(0, objectives - assessed);

  const show = (): void => {
    close.reset();
    // A modal dialog: focus moves into it, the page behind is inert, Escape cancels.
    dialog.current?.showModal();
  };
  const hide = (): void => {
    dialog.current?.close();
    opener.current?.focus();
  };
  const confirm = (): void => {
    if (close.isPending) return;
    close.mutate(undefined, { onSuccess: () => dialog.current?.close() });
  };

  return (
    <section className="eval-panel eval-close" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('evaluations.close.heading')}</h2>
      <p>{t('evaluations.close.intro')}</p>
      <p className="muted">{t('evaluations.summary.assessed', { assessed, total: objectives })}</p>
      <button ref={opener} type="button" className="button button--secondary eval-close__button" onClick={show}>
        {t('evaluations.close.button')}
      </button>
      <dialog ref={dialog} className="eval-dialog" aria-labelledby={ids.title} aria-describedby={ids.body}>
        <h2 id={ids.title}>{t('evaluations.close.confirmTitle')}</h2>
        <div id={ids.body}>
          <p>
            {t('evaluations.close.confirmBody', {
              kind: t(`evaluations.kindInline.${evaluation.kind}`),
              cutoff: formatDate(evaluation.cutoff, language),
            })}
          </p>
          {missing > 0 ? <p className="eval-warning">{t('evaluations.close.missing', { count: missing })}</p> : null}
        </div>
        {close.isError ? (
          <div className="alert alert--error" role="alert">
            <p>{messageFor(close.error)}</p>
          </div>
        ) : null}
        <div className="eval-dialog__actions">
          <button type="button" className="button button--primary" onClick={confirm} disabled={close.isPending}>
            {close.isPending ? t('evaluations.close.closing') : t('evaluations.close.confirm')}
          </button>
          <button type="button" className="button button--ghost" onClick={hide} autoFocus>
            {t('evaluations.close.cancel')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
