import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_RATINGS, type AssessmentRating } from '@repere/contract';
import { useErrorMessage, useFieldErrorMessage } from '@/components/query-state';
import type { Assessment, AssessmentInput } from '@/features/evaluations/api/evaluations-api';
import { RatingBadge, RatingSymbol } from '@/features/evaluations/components/evaluation-badges';
import { formatDateTime } from '@/features/evaluations/components/evaluation-format';
import { useSaveAssessment } from '@/features/evaluations/hooks/use-evaluations';
import { ApiError } from '@/lib/api-client';

/** The API's limit on a comment and on recommendations (AssessmentDto). */
export const ASSESSMENT_TEXT_MAX = 10_000;

type Field = 'rating' | 'comment' | 'recommendations';

interface AssessmentProps {
  evaluationId: string;
  objectiveId: string;
  /** « Objectif 4.1 »: names the form for those who move from landmark to landmark. */
  objectiveLabel: string;
  assessment: Assessment | undefined;
  /** Who last wrote it, from the history (the assessment itself only keeps an id). */
  updatedByName: string | null;
}

function LastUpdate({ assessment, name }: { assessment: Assessment; name: string | null }) {
  const { t, i18n } = useTranslation();
  const date = formatDateTime(assessment.updatedAt, i18n.resolvedLanguage ?? 'fr');
  return (
    <p className="muted small">
      {name ? t('evaluations.assessment.lastUpdate', { date, name }) : t('evaluations.assessment.lastUpdateNoName', { date })}
    </p>
  );
}

/** The committee's assessment as it stands, once the evaluation is closed or for those who only read. */
export function AssessmentView({ assessment, updatedByName, objectiveLabel }: Omit<AssessmentProps, 'evaluationId' | 'objectiveId'>) {
  const { t } = useTranslation();
  return (
    <div
      className="eval-assessment eval-assessment--read"
      role="group"
      aria-label={`${t('evaluations.assessment.heading')} — ${objectiveLabel}`}
    >
      <h4 className="eval-assessment__title">{t('evaluations.assessment.heading')}</h4>
      {assessment ? (
        <>
          <dl className="eval-assessment__facts">
            <div>
              <dt>{t('evaluations.assessment.rating')}</dt>
              <dd>
                <RatingBadge rating={assessment.rating} />
              </dd>
            </div>
            {assessment.comment ? (
              <div>
                <dt>{t('evaluations.assessment.comment')}</dt>
                <dd className="text-block">{assessment.comment}</dd>
              </div>
            ) : null}
            {assessment.recommendations ? (
              <div>
                <dt>{t('evaluations.assessment.recommendations')}</dt>
                <dd className="text-block">{assessment.recommendations}</dd>
              </div>
            ) : null}
          </dl>
          <LastUpdate assessment={assessment} name={updatedByName} />
        </>
      ) : (
        <p className="empty">{t('evaluations.assessment.none')}</p>
      )}
    </div>
  );
}

const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Atteint / en bonne voie / à risque / non atteint, a comment and recommendations, saved with PUT (which replaces). */
export function AssessmentForm({ evaluationId, objectiveId, objectiveLabel, assessment, updatedByName }: AssessmentProps) {
  const { t } = useTranslation();
  const messageFor = useErrorMessage();
  const fieldMessageFor = useFieldErrorMessage();
  const save = useSaveAssessment(evaluationId);
  const ids = { heading: useId(), rating: useId(), comment: useId(), recommendations: useId(), status: useId() };
  const firstRadio = useRef<HTMLInputElement>(null);

  const [rating, setRating] = useState<AssessmentRating | null>(assessment?.rating ?? null);
  const [comment, setComment] = useState(assessment?.comment ?? '');
  const [recommendations, setRecommendations] = useState(assessment?.recommendations ?? '');
  const [attempted, setAttempted] = useState(false);
  const [savedBody, setSavedBody] = useState<string | null>(null);

  const body: AssessmentInput | null = rating
    ? { rating, comment: blankToNull(comment), recommendations: blankToNull(recommendations) }
    : null;
  const serialized = JSON.stringify(body);
  const stored = assessment
    ? JSON.stringify({ rating: assessment.rating, comment: assessment.comment, recommendations: assessment.recommendations })
    : JSON.stringify(null);
  const dirty = serialized !== stored;

  const own: Partial<Record<Field, string>> = {};
  if (attempted && !rating) own.rating = t('evaluations.assessment.errors.rating');
  for (const [field, value] of [
    ['comment', comment],
    ['recommendations', recommendations],
  ] as const) {
    if (value.length > ASSESSMENT_TEXT_MAX) {
      own[field] = t('evaluations.assessment.errors.tooLong', { max: ASSESSMENT_TEXT_MAX, length: value.length });
    }
  }
  const apiErrors = useMemo(() => {
    const found: Partial<Record<Field, string>> = {};
    if (save.error instanceof ApiError) {
      for (const error of save.error.errors) {
        if ((error.field === 'rating' || error.field === 'comment' || error.field === 'recommendations') && !found[error.field]) {
          found[error.field] = fieldMessageFor(error, save.error);
        }
      }
    }
    return found;
  }, [save.error, fieldMessageFor]);
  const errorFor = (field: Field): string | null => own[field] ?? apiErrors[field] ?? null;
  const generalError = save.error && Object.keys(apiErrors).length === 0 ? messageFor(save.error) : null;

  const edited = (): void => {
    setSavedBody(null);
    if (save.isError) save.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setAttempted(true);
    if (!body) {
      firstRadio.current?.focus();
      return;
    }
    if (own.comment) return document.getElementById(ids.comment)?.focus();
    if (own.recommendations) return document.getElementById(ids.recommendations)?.focus();
    if (save.isPending) return;
    save.mutate({ objectiveId, body }, { onSuccess: () => setSavedBody(serialized) });
  };

  const justSaved = savedBody !== null && savedBody === serialized && !save.isPending;
  const describedBy = (field: Field): string | undefined => (errorFor(field) ? `${ids[field]}-error` : undefined);
  const fieldError = (field: Field) => {
    const message = errorFor(field);
    return message ? (
      <p id={`${ids[field]}-error`} className="field__error">
        {message}
      </p>
    ) : null;
  };

  return (
    <form
      className="eval-assessment form"
      onSubmit={onSubmit}
      noValidate
      aria-label={`${t('evaluations.assessment.heading')} — ${objectiveLabel}`}
    >
      <h4 id={ids.heading} className="eval-assessment__title">
        {t('evaluations.assessment.heading')}
      </h4>
      <fieldset className="eval-choice eval-choice--ratings" aria-describedby={describedBy('rating')}>
        <legend>{t('evaluations.assessment.rating')}</legend>
        {ASSESSMENT_RATINGS.map((value, index) => (
          <label key={value} className="eval-choice__option">
            <input
              ref={index === 0 ? firstRadio : undefined}
              type="radio"
              name={ids.rating}
              value={value}
              checked={rating === value}
              onChange={() => {
                setRating(value);
                edited();
              }}
            />
            <RatingSymbol rating={value} />
            {t(`evaluations.rating.${value}`)}
          </label>
        ))}
        {fieldError('rating')}
      </fieldset>
      <div className="field">
        <label htmlFor={ids.comment}>{t('evaluations.assessment.comment')}</label>
        <textarea
          id={ids.comment}
          rows={3}
          value={comment}
          aria-invalid={errorFor('comment') ? true : undefined}
          aria-describedby={describedBy('comment')}
          onChange={(event) => {
            setComment(event.target.value);
            edited();
          }}
        />
        {fieldError('comment')}
      </div>
      <div className="field">
        <label htmlFor={ids.recommendations}>{t('evaluations.assessment.recommendations')}</label>
        <textarea
          id={ids.recommendations}
          rows={3}
          value={recommendations}
          aria-invalid={errorFor('recommendations') ? true : undefined}
          aria-describedby={describedBy('recommendations')}
          onChange={(event) => {
            setRecommendations(event.target.value);
            edited();
          }}
        />
        {fieldError('recommendations')}
      </div>
      {generalError ? (
        <div className="alert alert--error" role="alert">
          <p>{generalError}</p>
        </div>
      ) : null}
      <div className="eval-assessment__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('evaluations.assessment.saving') : t('evaluations.assessment.save')}
        </button>
        <p id={ids.status} className={`eval-assessment__status${justSaved ? '' : ' eval-assessment__status--unsaved'}`} role="status">
          {justSaved ? t('evaluations.assessment.saved') : dirty && rating ? t('evaluations.assessment.unsaved') : ''}
        </p>
      </div>
      {assessment ? <LastUpdate assessment={assessment} name={updatedByName} /> : null}
    </form>
  );
}
