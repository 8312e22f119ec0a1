import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_TITLE_MAX } from '@repere/contract';
import { useErrorMessage, useFieldErrorMessage } from '@/components/query-state';
import type { EvidenceOwner } from '@/features/evidence/api/evidence-api';
import { useAddEvidence } from '@/features/evidence/hooks/use-evidence';
import { ApiError } from '@/lib/api-client';
import { todayInPlanZone } from '@/lib/plan-today';

type Field = 'file' | 'title' | 'date';
const FIELDS: readonly Field[] = ['file', 'title', 'date'];

interface Draft {
  file: File | null;
  title: string;
  date: string;
}

function check(draft: Draft): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  if (!draft.file) problems.file = 'evidence.errors.file';
  if (draft.title.trim() === '') problems.title = 'evidence.errors.title';
  if (draft.date === '') problems.date = 'evidence.errors.date';
  return problems;
}

/** A file, its title and its date (today unless said otherwise): what a writer adds to a record. */
export function EvidenceForm({ id: formId, owner }: { id?: string; owner: EvidenceOwner }) {
  const { t } = useTranslation();
  const messageFor = useErrorMessage();
  const fieldMessageFor = useFieldErrorMessage();
  const id = useId();
  const add = useAddEvidence(owner);
  const [draft, setDraft] = useState<Draft>(() => ({ file: null, title: '', date: todayInPlanZone(null) }));
  // A new key empties the file input (its value cannot be set), after an addition.
  const [inputKey, setInputKey] = useState(0);
  const [attempted, setAttempted] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const problems = attempted ? check(draft) : {};

  const apiError = add.error instanceof ApiError ? add.error : null;
  const apiFieldError = (field: Field): string | null => {
    const found = apiError?.errors.find((fieldError) => fieldError.field === field);
    return found ? fieldMessageFor(found, apiError) : null;
  };
  const errorFor = (field: Field): string | null => {
    const key = problems[field];
    return key ? t(key as 'evidence.errors.file') : apiFieldError(field);
  };
  const general = add.error && !FIELDS.some((field) => apiFieldError(field)) ? messageFor(add.error) : null;

  const update = (patch: Partial<Draft>): void => {
    setDraft((previous) => ({ ...previous, ...patch }));
    setAdded(null);
    if (add.isError) add.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setAttempted(true);
    const found = check(draft);
    const first = FIELDS.find((field) => found[field]);
    if (first || !draft.file) {
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    const title = draft.title.trim();
    add.mutate(
      { file: draft.file, title, date: draft.date },
      {
        onSuccess: () => {
          setAttempted(false);
          setAdded(t('evidence.added', { title }));
          setDraft((previous) => ({ file: null, title: '', date: previous.date }));
          setInputKey((key) => key + 1);
        },
      },
    );
  };

  const described = (field: Field, hint?: boolean): string | undefined =>
    [hint ? `${id}-${field}-hint` : '', errorFor(field) ? `${id}-${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const error = (field: Field) => {
    const message = errorFor(field);
    return message ? (
      <p id={`${id}-${field}-error`} className="field__error">
        {message}
      </p>
    ) : null;
  };

  return (
    // Unnamed, so not a landmark: a page may hold many of these forms.
    <form id={formId} className="form evidence__form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('evidence.file')}</label>
        <p id={`${id}-file-hint`} className="muted small">
          {t('evidence.fileHint')}
        </p>
        <input
          key={inputKey}
          id={`${id}-file`}
          type="file"
          aria-invalid={errorFor('file') ? true : undefined}
          aria-describedby={described('file', true)}
          onChange={(event) => update({ file: event.target.files?.[0] ?? null })}
        />
        {error('file')}
      </div>
      <div className="evidence__row">
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('evidence.title')}</label>
          <input
            id={`${id}-title`}
            type="text"
            maxLength={EVIDENCE_TITLE_MAX}
            value={draft.title}
            aria-invalid={errorFor('title') ? true : undefined}
            aria-describedby={described('title')}
            onChange={(event) => update({ title: event.target.value })}
          />
          {error('title')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('evidence.date')}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={draft.date}
            aria-invalid={errorFor('date') ? true : undefined}
            aria-describedby={described('date')}
            onChange={(event) => update({ date: event.target.value })}
          />
          {error('date')}
        </div>
      </div>
      <div>
        <button type="submit" className="button button--secondary" disabled={add.isPending}>
          {add.isPending ? t('evidence.adding') : t('evidence.add')}
        </button>
      </div>
      <div aria-live="polite">
        {added ? (
          <p className="alert alert--restored" role="status">
            {added}
          </p>
        ) : null}
        {general ? (
          <p className="alert alert--error" role="alert">
            {general}
          </p>
        ) : null}
      </div>
    </form>
  );
}
