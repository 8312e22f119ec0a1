import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EvidenceDisclosure } from '@/features/evidence/components/evidence-panel';
import { FormStatus, TextField } from '@/features/workspace/components/form-fields';
import { fieldId, focusFirst, useFormErrors, type Problems } from '@/features/workspace/components/form-errors';
import { Checker } from '@/features/workspace/components/form-rules';
import { useAddManualValue, useManualValues } from '@/features/workspace/hooks/use-indicator-editor';
import { formatDate, formatNumber } from '@/lib/format';

const PREFIX = 'manual-value';
const SLOTS = new Set(['date', 'value', 'evidence', 'indicatorId']);

interface Fields {
  date: string;
  value: string;
  evidence: string;
}

/** CreateManualValueDto: a real date, a finite number, the evidence it rests on. */
function check(form: Fields): Problems {
  const checker = new Checker();
  if (form.date === '') checker.add('date', 'required');
  else checker.date('date', form.date);
  if (form.value.trim() === '') checker.add('value', 'required');
  else checker.number('value', form.value);
  checker.required('evidence', form.evidence, 2000);
  return checker.problems;
}

/** A manual indicator (« nombre de publications ») takes values entered with their evidence. */
export function ManualValues({ indicatorId, planId }: { indicatorId: string; planId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const list = useManualValues(indicatorId, true);
  const add = useAddManualValue(indicatorId, planId);
  const [form, setForm] = useState<Fields>({ date: '', value: '', evidence: '' });
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const problems = attempted ? check(form) : {};
  const slots = useMemo(() => SLOTS, []);
  const errors = useFormErrors(problems, add.error, slots);

  const update = (patch: Partial<Fields>): void => {
    setForm((previous) => ({ ...previous, ...patch }));
    setSaved(null);
    if (add.isError) add.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const found = check(form);
    setAttempted(true);
    if (Object.keys(found).length > 0) {
      focusFirst(PREFIX, found);
      return;
    }
    add.mutate(
      { indicatorId, date: form.date, value: Number(form.value), evidence: form.evidence.trim() },
      {
        onSuccess: () => {
          setAttempted(false);
          setSaved(t('workspace.indicator.manualSaved'));
          setForm({ date: '', value: '', evidence: '' });
        },
      },
    );
  };

  return (
    <section className="card ws-section" aria-labelledby="manual-values-title">
      <h2 id="manual-values-title">{t('workspace.indicator.manualTitle')}</h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="ws-row">
          <TextField
            id={fieldId(PREFIX, 'date')}
            field="date"
            type="date"
            label={t('workspace.indicator.manualDate')}
            value={form.date}
            onChange={(date) => update({ date })}
            error={errors.errorFor('date')}
          />
          <TextField
            id={fieldId(PREFIX, 'value')}
            field="value"
            type="number"
            step="any"
            label={t('workspace.indicator.manualValue')}
            value={form.value}
            onChange={(value) => update({ value })}
            error={errors.errorFor('value')}
          />
        </div>
        <TextField
          id={fieldId(PREFIX, 'evidence')}
          field="evidence"
          multiline
          rows={2}
          maxLength={2000}
          label={t('workspace.indicator.manualEvidence')}
          hint={t('workspace.indicator.manualEvidenceHint')}
          value={form.evidence}
          onChange={(evidence) => update({ evidence })}
          error={errors.errorFor('evidence')}
        />
        <div className="ws-actions">
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            {add.isPending ? t('workspace.common.saving') : t('workspace.indicator.manualAdd')}
          </button>
        </div>
        <FormStatus saved={saved} error={errors.general ?? errors.errorFor('indicatorId')} />
      </form>
      {list.data && list.data.items.length > 0 ? (
        <ul className="bullets">
          {list.data.items.map((item) => (
            <li key={item.id}>
              {formatDate(item.date, language)} : <strong>{formatNumber(item.value, language)}</strong> — {item.evidence}
              {/* Shown to plan writers only (indicator-pages.tsx), who attach a value's documents. */}
              <EvidenceDisclosure
                ownerKind="manual_value"
                ownerId={item.id}
                canWrite
                context={t('evidence.ofValue', { date: formatDate(item.date, language) })}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
