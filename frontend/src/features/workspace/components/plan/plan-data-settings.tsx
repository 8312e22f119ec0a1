import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isRealDate } from '@repere/contract';
import type { PlanDataSettings, PlanTree } from '@/features/workspace/api/plan-api';
import { FormStatus, SelectField, TextField } from '@/features/workspace/components/form-fields';
import { fieldId, focusFirst, useFormErrors, type Problems } from '@/features/workspace/components/form-errors';
import { Checker, orNull, text } from '@/features/workspace/components/form-rules';
import { usePlanDataSettingsWrite } from '@/features/workspace/hooks/use-plan-editor';
import { formatDate } from '@/lib/format';

const PREFIX = 'plan-data';
const SLOTS: ReadonlySet<string> = new Set(['timeZone', 'dataFrom', 'dataUntil']);

/** Canada's zones from east to west, listed first: the plans Repère serves are Canadian. */
const CANADIAN_ZONES = [
  'America/St_Johns',
  'America/Halifax',
  'America/Moncton',
  'America/Toronto',
  'America/Winnipeg',
  'America/Regina',
  'America/Edmonton',
  'America/Vancouver',
  'America/Whitehorse',
] as const;

/** Every other zone the browser knows, with the plan's own even if the browser does not list it (an alias, say). */
function otherZones(current: string): string[] {
  let known: string[] = [];
  try {
    known = Intl.supportedValuesOf('timeZone');
  } catch {
    // A browser without Intl.supportedValuesOf still offers Canada's zones and the plan's own.
  }
  const canadian = new Set<string>(CANADIAN_ZONES);
  return [...new Set([...known, current])].filter((zone) => zone !== '' && !canadian.has(zone)).sort();
}

interface Fields {
  timeZone: string;
  dataFrom: string;
  dataUntil: string;
}

/** The API's rules as far as the form can know them; what only the API knows comes back beside the same fields. */
function check(form: Fields, plan: PlanTree): Problems {
  const checker = new Checker();
  if (form.timeZone.trim() === '') checker.add('timeZone', 'timeZone');
  checker.date('dataFrom', form.dataFrom);
  checker.date('dataUntil', form.dataUntil);
  // An empty bound is the plan's own date, so the order is checked on what will count.
  const from = form.dataFrom || plan.startDate;
  const until = form.dataUntil || plan.endDate;
  if (isRealDate(from) && isRealDate(until) && from > until) checker.add(form.dataUntil ? 'dataUntil' : 'dataFrom', 'dataOrder');
  return checker.problems;
}

function PlanDataForm({ plan, headingId }: { plan: PlanTree; headingId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const write = usePlanDataSettingsWrite(plan.id);
  const [form, setForm] = useState<Fields>({ timeZone: plan.timeZone, dataFrom: text(plan.dataFrom), dataUntil: text(plan.dataUntil) });
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const problems = attempted ? check(form, plan) : {};
  const errors = useFormErrors(problems, write.error, SLOTS);
  const others = useMemo(() => otherZones(plan.timeZone), [plan.timeZone]);

  const update = (patch: Partial<Fields>): void => {
    setForm((previous) => ({ ...previous, ...patch }));
    setSaved(null);
    if (write.isError) write.reset();
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const found = check(form, plan);
    setAttempted(true);
    if (Object.keys(found).length > 0) {
      focusFirst(PREFIX, found);
      return;
    }
    const body: PlanDataSettings = { timeZone: form.timeZone, dataFrom: orNull(form.dataFrom), dataUntil: orNull(form.dataUntil) };
    write.mutate(body, {
      onSuccess: () => {
        setAttempted(false);
        setSaved(t('workspace.plan.data.saved'));
      },
    });
  };

  return (
    <form className="form ws-inline-form" onSubmit={submit} noValidate aria-labelledby={headingId} id={`${PREFIX}-form`}>
      <div className="ws-row">
        <SelectField
          id={fieldId(PREFIX, 'timeZone')}
          field="timeZone"
          label={t('workspace.plan.data.timeZone')}
          value={form.timeZone}
          onChange={(timeZone) => update({ timeZone })}
          error={errors.errorFor('timeZone')}
        >
          <optgroup label={t('workspace.plan.data.timeZoneCanada')}>
            {CANADIAN_ZONES.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('workspace.plan.data.timeZoneOthers')}>
            {others.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </optgroup>
        </SelectField>
        <TextField
          id={fieldId(PREFIX, 'dataFrom')}
          field="dataFrom"
          type="date"
          label={t('workspace.plan.data.dataFrom')}
          hint={t('workspace.plan.data.dataFromHint', { date: formatDate(plan.startDate, language) })}
          value={form.dataFrom}
          onChange={(dataFrom) => update({ dataFrom })}
          error={errors.errorFor('dataFrom')}
        />
        <TextField
          id={fieldId(PREFIX, 'dataUntil')}
          field="dataUntil"
          type="date"
          label={t('workspace.plan.data.dataUntil')}
          hint={t('workspace.plan.data.dataUntilHint', { date: formatDate(plan.endDate, language) })}
          value={form.dataUntil}
          onChange={(dataUntil) => update({ dataUntil })}
          error={errors.errorFor('dataUntil')}
        />
      </div>
      <div className="ws-actions">
        <button type="submit" className="button button--primary" disabled={write.isPending}>
          {write.isPending ? t('workspace.common.saving') : t('workspace.common.save')}
        </button>
      </div>
      <FormStatus saved={saved} error={errors.general} />
    </form>
  );
}

/** What read-only roles see: the same three settings, as they stand. */
function PlanDataView({ plan }: { plan: PlanTree }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  return (
    <dl className="facts">
      <div>
        <dt>{t('workspace.plan.data.timeZone')}</dt>
        <dd>{plan.timeZone}</dd>
      </div>
      <div>
        <dt>{t('workspace.plan.data.dataFrom')}</dt>
        <dd>
          {plan.dataFrom
            ? formatDate(plan.dataFrom, language)
            : t('workspace.plan.data.planStart', { date: formatDate(plan.startDate, language) })}
        </dd>
      </div>
      <div>
        <dt>{t('workspace.plan.data.dataUntil')}</dt>
        <dd>
          {plan.dataUntil
            ? formatDate(plan.dataUntil, language)
            : t('workspace.plan.data.planEnd', { date: formatDate(plan.endDate, language) })}
        </dd>
      </div>
    </dl>
  );
}

/**
 * « Période des données et fuseau horaire »: which dated data count in the plan's figures, and in which zone a day
 * (today, a response's date) is read. Evaluators and admins edit it; the other roles read it.
 */
export function PlanDataSettingsSection({ plan, canEdit }: { plan: PlanTree; canEdit: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="ws-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('workspace.plan.data.heading')}</h2>
      <p className="muted">{t('workspace.plan.data.intro')}</p>
      {canEdit ? <PlanDataForm plan={plan} headingId={headingId} /> : <PlanDataView plan={plan} />}
    </section>
  );
}
