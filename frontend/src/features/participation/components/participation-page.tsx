import './participation-page.css';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorState, LoadingState, useErrorMessage, useFieldErrorMessage } from '@/components/query-state';
import { useCan } from '@/features/auth/hooks/use-can';
import type { CreateParticipationCount } from '@/features/participation/api/participation-api';
import { BreakdownFields } from '@/features/participation/components/breakdown-fields';
import {
  ACTIVITY_MAX_LENGTH,
  emptyBreakdown,
  fieldFor,
  toRequest,
  validateCount,
  type CountErrors,
  type CountField,
  type CountForm,
} from '@/features/participation/components/count-form-state';
import { RecentCounts } from '@/features/participation/components/recent-counts';
import { useCountedInstruments, usePlanOptions, useRecentCounts, useRecordCount } from '@/features/participation/hooks/use-participation';
import { ApiError } from '@/lib/api-client';
import { todayInPlanZone } from '@/lib/plan-today';
import { useDocumentTitle } from '@/lib/use-document-title';

const FIELD_IDS: Record<'instrumentId' | 'activity' | 'date' | 'total', string> = {
  instrumentId: 'count-instrument',
  activity: 'count-activity',
  date: 'count-date',
  total: 'count-total',
};

function FieldError({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <p id={id} className="field__error">
      {message}
    </p>
  ) : null;
}

export function ParticipationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('participation.title'));
  const messageFor = useErrorMessage();
  const fieldMessageFor = useFieldErrorMessage();
  const session = useCan();
  const isPartner = session.user?.role === 'partner';
  const [searchParams, setSearchParams] = useSearchParams();
  // A partner is offered the plans its organization takes part in: the ones the API accepts its counts for.
  const plans = usePlanOptions(isPartner ? (session.user?.organizationId ?? null) : null, !session.pending);
  const onlyPlan = plans.data?.items.length === 1 ? plans.data.items[0]?.id : undefined;
  const planId = searchParams.get('planId') ?? onlyPlan ?? '';
  const instruments = useCountedInstruments(planId);

  const [form, setForm] = useState<CountForm>(() => ({
    instrumentId: searchParams.get('instrumentId') ?? '',
    activity: '',
    date: '',
    total: '',
    breakdown: emptyBreakdown(),
  }));
  // Checked on submit, then as the partner corrects, so a fixed field loses its message at once.
  const [attempted, setAttempted] = useState(false);
  const errors: CountErrors = attempted ? validateCount(form) : {};
  const [saved, setSaved] = useState<string | null>(null);
  const sentRef = useRef<CreateParticipationCount | undefined>(undefined);
  const record = useRecordCount();
  const recent = useRecentCounts(form.instrumentId);

  // The default date is today in the chosen plan's time zone, once the plan is known; a date typed in stays.
  const planZone = plans.data?.items.find((p) => p.id === planId)?.timeZone;
  useEffect(() => {
    if (plans.data) setForm((previous) => (previous.date ? previous : { ...previous, date: todayInPlanZone(planZone) }));
  }, [plans.data, planZone]);

  // With a single counted instrument in the plan there is nothing to choose.
  const onlyInstrument = instruments.data?.length === 1 ? instruments.data[0]?.id : undefined;
  useEffect(() => {
    if (onlyInstrument && !form.instrumentId) setForm((previous) => ({ ...previous, instrumentId: onlyInstrument }));
  }, [onlyInstrument, form.instrumentId]);

  // The API's field errors land beside their fields, as ours do.
  const apiErrors = useMemo(() => {
    const found: Partial<Record<CountField, string>> = {};
    if (record.error instanceof ApiError) {
      for (const error of record.error.errors) {
        const field = fieldFor(error.field, sentRef.current);
        if (field && !found[field]) found[field] = fieldMessageFor(error, record.error);
      }
    }
    return found;
  }, [record.error, fieldMessageFor]);
  const errorFor = (field: CountField): string | null => {
    const own = errors[field];
    if (own) return t(own.key as 'participation.errors.total', own.values);
    return apiErrors[field] ?? null;
  };
  // A partner's count for a plan its organization takes no part in is refused (403): said in the user's language.
  const refused = record.error instanceof ApiError && record.error.statusCode === 403;
  const generalError =
    record.error && Object.keys(apiErrors).length === 0 ? (refused ? t('participation.forbidden') : messageFor(record.error)) : null;

  const update = (patch: Partial<CountForm>): void => {
    setForm((previous) => ({ ...previous, ...patch }));
    setSaved(null);
    // The API's complaint was about the form as it was; an edit makes it stale.
    if (record.isError) record.reset();
  };

  const choosePlan = (next: string): void => {
    setSearchParams(next ? { planId: next } : {}, { replace: true });
    update({ instrumentId: '' });
  };

  const chooseInstrument = (next: string): void => {
    const params: Record<string, string> = {};
    if (planId) params.planId = planId;
    if (next) params.instrumentId = next;
    setSearchParams(params, { replace: true });
    update({ instrumentId: next });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const found = validateCount(form);
    setAttempted(true);
    const first = (Object.keys(found) as CountField[])[0];
    if (first) {
      const id = first in FIELD_IDS ? FIELD_IDS[first as keyof typeof FIELD_IDS] : `count-${first.replace('.', '-')}`;
      document.getElementById(id)?.focus();
      return;
    }
    const body = toRequest(form);
    sentRef.current = body;
    record.record(body);
  };

  // Once stored, the form is ready for the next count of the same activity and day.
  const lastStored = record.data;
  const shownStored = useRef<string | null>(null);
  useEffect(() => {
    if (!lastStored || shownStored.current === lastStored.id) return;
    shownStored.current = lastStored.id;
    setSaved(t('participation.saved', { total: lastStored.total, activity: lastStored.activity }));
    setForm((previous) => ({ ...previous, total: '', breakdown: emptyBreakdown() }));
    setAttempted(false);
  }, [lastStored, t]);

  const activities = useMemo(() => [...new Set((recent.data?.items ?? []).map((count) => count.activity))], [recent.data]);
  const instrumentName = instruments.data?.find((instrument) => instrument.id === form.instrumentId)?.name;

  const describedBy = (field: keyof typeof FIELD_IDS, hint?: string): string | undefined =>
    [hint, errorFor(field) ? `${FIELD_IDS[field]}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <>
      <div className="page-header">
        <h1>{t('participation.title')}</h1>
        <p className="muted">{t('participation.intro')}</p>
        {isPartner ? <p className="muted">{t('participation.partnerScope')}</p> : null}
      </div>

      {plans.isPending ? <LoadingState /> : null}
      {plans.isError ? <ErrorState error={plans.error} onRetry={() => void plans.refetch()} /> : null}

      {plans.data ? (
        <form className="form count-form" onSubmit={onSubmit} noValidate>
          <div className="count-form__row">
            <div className="field">
              <label htmlFor="count-plan">{t('participation.plan')}</label>
              <select id="count-plan" value={planId} onChange={(event) => choosePlan(event.target.value)}>
                <option value="">{t('participation.choosePlan')}</option>
                {plans.data.items.map((plan) => (
                  <option key={plan.id} value={plan.id}>
                    {plan.title}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="count-instrument">{t('participation.instrument')}</label>
              <select
                id="count-instrument"
                value={form.instrumentId}
                disabled={!planId || instruments.isPending}
                aria-invalid={errorFor('instrumentId') ? true : undefined}
                aria-describedby={describedBy('instrumentId')}
                onChange={(event) => chooseInstrument(event.target.value)}
              >
                <option value="">{t('participation.chooseInstrument')}</option>
                {(instruments.data ?? []).map((instrument) => (
                  <option key={instrument.id} value={instrument.id}>
                    {instrument.name} (
                    {t(`instrumentKind.${instrument.kind}` as 'instrumentKind.tally', {
                      defaultValue: instrument.kind,
                    })}
                    )
                  </option>
                ))}
              </select>
              {planId && instruments.data && instruments.data.length === 0 ? (
                <p className="muted small">{t('participation.noInstrument')}</p>
              ) : null}
              <FieldError id="count-instrument-error" message={errorFor('instrumentId')} />
            </div>
          </div>

          <div className="field">
            <label htmlFor="count-activity">{t('participation.activity')}</label>
            <input
              id="count-activity"
              type="text"
              list="count-activity-suggestions"
              autoComplete="off"
              maxLength={ACTIVITY_MAX_LENGTH}
              value={form.activity}
              aria-invalid={errorFor('activity') ? true : undefined}
              aria-describedby={describedBy('activity', 'count-activity-hint')}
              onChange={(event) => update({ activity: event.target.value })}
            />
            <p id="count-activity-hint" className="muted small">
              {t('participation.activityHint')}
            </p>
            <datalist id="count-activity-suggestions">
              {activities.map((activity) => (
                <option key={activity} value={activity} />
              ))}
            </datalist>
            <FieldError id="count-activity-error" message={errorFor('activity')} />
          </div>

          <div className="count-form__row">
            <div className="field">
              <label htmlFor="count-date">{t('participation.date')}</label>
              <input
                id="count-date"
                type="date"
                value={form.date}
                aria-invalid={errorFor('date') ? true : undefined}
                aria-describedby={describedBy('date')}
                onChange={(event) => update({ date: event.target.value })}
              />
              <FieldError id="count-date-error" message={errorFor('date')} />
            </div>
            <div className="field">
              <label htmlFor="count-total">{t('participation.total')}</label>
              <input
                id="count-total"
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                value={form.total}
                aria-invalid={errorFor('total') ? true : undefined}
                aria-describedby={describedBy('total')}
                onChange={(event) => update({ total: event.target.value })}
              />
              <FieldError id="count-total-error" message={errorFor('total')} />
            </div>
          </div>

          <BreakdownFields form={form} errorFor={errorFor} onChange={(breakdown) => update({ breakdown })} />

          <div className="count-form__actions">
            <button type="submit" className="button button--primary" disabled={record.isPending}>
              {record.isPending ? t('participation.saving') : t('participation.submit')}
            </button>
          </div>
          <div id="count-form-status" aria-live="polite">
            {saved ? (
              <p className="alert alert--success" role="status">
                {saved}
              </p>
            ) : null}
            {generalError ? (
              <p className="alert alert--error" role="alert">
                {generalError}
              </p>
            ) : null}
          </div>
        </form>
      ) : null}

      {form.instrumentId ? <RecentCounts query={recent} instrumentName={instrumentName} /> : null}
    </>
  );
}
