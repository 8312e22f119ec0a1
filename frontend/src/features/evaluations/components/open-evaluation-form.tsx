import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { EVALUATION_KINDS, type EvaluationKind } from '@repere/contract';
import { useErrorMessage, useFieldErrorMessage } from '@/components/query-state';
import type { PlanInfo } from '@/features/evaluations/api/evaluations-api';
import { cutoffError, suggestedCutoff } from '@/features/evaluations/components/cutoff-rules';
import { todayInPlanZone } from '@/lib/plan-today';
import { useOpenEvaluation } from '@/features/evaluations/hooks/use-evaluations';
import { ApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';

type Field = 'kind' | 'cutoff';

/** « Ouvrir une évaluation »: its kind and cut-off, checked as the API checks them, then the new evaluation's page. */
export function OpenEvaluationForm({ plan }: { plan: PlanInfo }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const messageFor = useErrorMessage();
  const fieldMessageFor = useFieldErrorMessage();
  const navigate = useNavigate();
  const open = useOpenEvaluation(plan.id);
  const today = todayInPlanZone(plan.timeZone);
  const ids = { heading: useId(), kind: useId(), cutoff: useId(), hint: useId(), error: useId() };
  const cutoffRef = useRef<HTMLInputElement>(null);

  const [kind, setKind] = useState<EvaluationKind>('midterm');
  const [cutoff, setCutoff] = useState(() => suggestedCutoff('midterm', plan, today));
  const [cutoffTouched, setCutoffTouched] = useState(false);
  // Checked on submit, then as the person corrects, so a fixed field loses its message at once.
  const [attempted, setAttempted] = useState(false);

  const own = attempted ? cutoffError(cutoff, plan.startDate, today) : null;
  const apiErrors = useMemo(() => {
    const found: Partial<Record<Field, string>> = {};
    if (open.error instanceof ApiError) {
      for (const error of open.error.errors) {
        if ((error.field === 'kind' || error.field === 'cutoff') && !found[error.field])
          found[error.field] = fieldMessageFor(error, open.error);
      }
    }
    return found;
  }, [open.error, fieldMessageFor]);
  const cutoffMessage = own
    ? t(`evaluations.open.errors.${own.key}`, {
        today: formatDate(own.values?.today, language),
        start: formatDate(own.values?.start, language),
      })
    : (apiErrors.cutoff ?? null);
  const kindMessage = apiErrors.kind ?? null;
  const generalError = open.error && !apiErrors.cutoff && !apiErrors.kind ? messageFor(open.error) : null;

  const chooseKind = (next: EvaluationKind): void => {
    setKind(next);
    if (!cutoffTouched) setCutoff(suggestedCutoff(next, plan, today));
    if (open.isError) open.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setAttempted(true);
    if (cutoffError(cutoff, plan.startDate, today)) {
      cutoffRef.current?.focus();
      return;
    }
    if (open.isPending) return;
    open.mutate({ kind, cutoff: cutoff.trim() }, { onSuccess: (evaluation) => navigate(`/evaluations/${evaluation.id}`) });
  };

  return (
    <section className="eval-open" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('evaluations.open.heading')}</h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset className="eval-choice" aria-describedby={kindMessage ? `${ids.kind}-error` : undefined}>
          <legend>{t('evaluations.open.kind')}</legend>
          {EVALUATION_KINDS.map((value) => (
            <label key={value} className="eval-choice__option">
              <input type="radio" name={ids.kind} value={value} checked={kind === value} onChange={() => chooseKind(value)} />
              {t(`evaluations.kind.${value}`)}
            </label>
          ))}
          {kindMessage ? (
            <p id={`${ids.kind}-error`} className="field__error">
              {kindMessage}
            </p>
          ) : null}
        </fieldset>

        <div className="field">
          <label htmlFor={ids.cutoff}>{t('evaluations.open.cutoff')}</label>
          <p id={ids.hint} className="muted small">
            {t('evaluations.open.cutoffHint', { start: formatDate(plan.startDate, language) })}
          </p>
          <input
            ref={cutoffRef}
            id={ids.cutoff}
            type="date"
            className="eval-date"
            value={cutoff}
            min={plan.startDate ?? undefined}
            max={today}
            required
            aria-invalid={cutoffMessage ? true : undefined}
            aria-describedby={[ids.hint, cutoffMessage ? ids.error : null].filter(Boolean).join(' ')}
            onChange={(event) => {
              setCutoff(event.target.value);
              setCutoffTouched(true);
              if (open.isError) open.reset();
            }}
          />
          {cutoffMessage ? (
            <p id={ids.error} className="field__error">
              {cutoffMessage}
            </p>
          ) : null}
        </div>

        {generalError ? (
          <div className="alert alert--error" role="alert">
            <p>{generalError}</p>
          </div>
        ) : null}

        <p>
          <button type="submit" className="button button--primary" disabled={open.isPending}>
            {open.isPending ? t('evaluations.open.submitting') : t('evaluations.open.submit')}
          </button>
        </p>
      </form>
    </section>
  );
}
