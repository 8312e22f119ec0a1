import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage, useFieldErrorMessage } from '@/components/query-state';
import { ApiError } from '@/lib/api-client';

/** What is wrong with a field, as an i18n key (under workspace.errors) and its values. */
export interface Problem {
  key: string;
  values?: Record<string, string | number>;
}

/**
 * Problems found before sending, keyed by the API's own field paths (`title`, `schedule.date`,
 * `questions.2.choices.0.code`): the API's answer and ours land in the same place.
 */
export type Problems = Record<string, Problem>;

export interface FormErrors {
  errorFor: (field: string) => string | null;
  /** What the API said about no field the form shows, or its message when it named no field. */
  general: string | null;
  count: number;
}

/** The displayed field an API path belongs to: the path itself, or its nearest ancestor the form shows. */
export function slotFor(field: string, slots: ReadonlySet<string>): string | null {
  const parts = field.replace(/\[(\d+)\]/g, '.$1').split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const candidate = parts.slice(0, n).join('.');
    if (slots.has(candidate)) return candidate;
  }
  return null;
}

/**
 * Merges the form's own findings (shown once the user tried to send) with the API's refusal of what was
 * sent: each message beside its field, as the participation form does.
 */
export function useFormErrors(problems: Problems, error: unknown, slots: ReadonlySet<string>): FormErrors {
  const { t } = useTranslation();
  const messageFor = useErrorMessage();
  const fieldMessageFor = useFieldErrorMessage();

  const server = useMemo(() => {
    const byField: Record<string, string> = {};
    const stray: string[] = [];
    if (error instanceof ApiError) {
      for (const fieldError of error.errors) {
        const slot = slotFor(fieldError.field, slots);
        const problem = fieldMessageFor(fieldError, error);
        if (slot === null) stray.push(t('errors.fieldProblem', { field: fieldError.field, problem }));
        else byField[slot] = byField[slot] ? `${byField[slot]} ${problem}` : problem;
      }
    }
    return { byField, stray };
  }, [error, slots, fieldMessageFor, t]);

  const errorFor = (field: string): string | null => {
    const own = problems[field];
    if (own) return t(`workspace.errors.${own.key}` as 'workspace.errors.required', own.values ?? {});
    return server.byField[field] ?? null;
  };

  let general: string | null = null;
  if (server.stray.length > 0) general = server.stray.join(' ');
  else if (error && Object.keys(server.byField).length === 0) general = messageFor(error);

  return { errorFor, general, count: Object.keys(problems).length + Object.keys(server.byField).length };
}

/** The DOM id of a field's input, from its API path. */
export function fieldId(prefix: string, field: string): string {
  return `${prefix}-${field.replace(/\./g, '-')}`;
}

/** Moves the focus to the first field in trouble, so keyboard and screen-reader users land on it. */
export function focusFirst(prefix: string, problems: Problems): void {
  const first = Object.keys(problems)[0];
  if (!first) return;
  const element = document.getElementById(fieldId(prefix, first)) ?? document.querySelector<HTMLElement>(`[data-field="${first}"]`);
  element?.focus();
}
