import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function FieldError({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <p id={id} className="field__error">
      {message}
    </p>
  ) : null;
}

/** The ids an input is described by: its hint, then its error when it has one. */
export function describedBy(id: string, hint: boolean, error: string | null): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  hint?: string;
  type?: 'text' | 'date' | 'number';
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  step?: string;
  className?: string;
  /** The API path, so the first field in trouble can be found and focused. */
  field?: string;
  list?: string;
}

/** A labelled input with its hint and its error, wired for screen readers. */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  multiline,
  rows = 3,
  maxLength,
  lang,
  dir,
  step,
  className,
  field,
  list,
}: TextFieldProps) {
  const common = {
    id,
    value,
    lang,
    dir,
    'data-field': field,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, Boolean(hint), error),
  };
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={rows} maxLength={maxLength} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          step={step}
          list={list}
          inputMode={type === 'number' ? 'decimal' : undefined}
          maxLength={type === 'text' ? maxLength : undefined}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {hint ? (
        <p id={`${id}-hint`} className="muted small">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  hint?: string;
  disabled?: boolean;
  field?: string;
  children: ReactNode;
}

export function SelectField({ id, label, value, onChange, error, hint, disabled, field, children }: SelectFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        data-field={field}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="muted small">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

interface CheckboxGroupProps<T extends string | number | boolean> {
  id: string;
  legend: string;
  options: readonly { value: T; label: string }[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  error: string | null;
  hint?: string;
  field?: string;
}

/** A fieldset of checkboxes for a set of values (policy values, ADS+ dimensions, the answers that count…). */
export function CheckboxGroup<T extends string | number | boolean>({
  id,
  legend,
  options,
  selected,
  onChange,
  error,
  hint,
  field,
}: CheckboxGroupProps<T>) {
  const toggle = (value: T, on: boolean): void => {
    const rest = selected.filter((item) => item !== value);
    // Keeps the options' order, whatever the order of the clicks.
    onChange(on ? options.map((option) => option.value).filter((item) => item === value || rest.includes(item)) : rest);
  };
  return (
    <fieldset className="ws-checkboxes" aria-describedby={describedBy(id, Boolean(hint), error)} data-field={field}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="muted small">
          {hint}
        </p>
      ) : null}
      <div className="ws-checkboxes__options">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index}`;
          return (
            <label key={String(option.value)} htmlFor={optionId} className="ws-check">
              <input
                id={optionId}
                type="checkbox"
                checked={selected.includes(option.value)}
                aria-invalid={error ? true : undefined}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

/** A status line for a form: saved, or what went wrong that belongs to no field. */
export function FormStatus({ saved, error }: { saved: string | null; error: string | null }) {
  return (
    <div aria-live="polite">
      {saved ? (
        <p className="alert ws-alert--success" role="status">
          {saved}
        </p>
      ) : null}
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface ConfirmDeleteProps {
  /** What the item is, for the buttons' accessible names: « Supprimer l'objectif 4.1 ». */
  name: string;
  /** The visible text of the first button, when « Supprimer » alone would not say what goes. */
  label?: string;
  pending: boolean;
  onConfirm: () => void;
  armed: boolean;
  onArm: (armed: boolean) => void;
  /** Archiving, not deleting (plans, questionnaires, indicators, organizations): the confirmation says what is kept. */
  archive?: boolean;
}

/** Deleting takes two clicks: the first asks, the second does it. */
export function ConfirmDelete({ name, label, pending, onConfirm, armed, onArm, archive }: ConfirmDeleteProps) {
  const { t } = useTranslation();
  // Each button's accessible name starts with its visible text (WCAG 2.5.3, axe's label-content-name-mismatch): a
  // speech user says what they see, « Archiver cet indicateur », and the name then says which item goes.
  const named = (action: string): string => t('workspace.common.namedAction', { action, name });
  if (!armed) {
    const visible = label ?? t('workspace.common.delete');
    return (
      <button type="button" className="button button--ghost ws-danger" aria-label={named(visible)} onClick={() => onArm(true)}>
        {visible}
      </button>
    );
  }
  const confirm = t(archive ? 'workspace.common.confirmArchive' : 'workspace.common.confirmDelete');
  return (
    <span className="ws-confirm" role="group" aria-label={t('workspace.common.deleteNamed', { name })}>
      <button type="button" className="button ws-button--danger" aria-label={named(confirm)} disabled={pending} onClick={onConfirm}>
        {confirm}
      </button>
      <button type="button" className="button button--ghost" onClick={() => onArm(false)}>
        {t('workspace.common.cancel')}
      </button>
      {archive ? <span className="field__hint">{t('workspace.common.archiveKeeps')}</span> : null}
    </span>
  );
}
