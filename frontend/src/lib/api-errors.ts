import type { TFunction } from 'i18next';
import { isErrorCode, isFieldErrorCode } from '@repere/contract';
import { ApiError, type ApiFieldError, NETWORK_ERROR_CODE } from '@/lib/api-client';

// The one place the web app words the API's errors. The API answers `{ code, message, errors?: [{ field, message,
// code? }] }` with an English `message`; the user reads the code's wording in the UI language (i18n `errors.codes.*`,
// one per @repere/contract ERROR_CODES, `errors.fields.*` per field rule), the English message only as a last resort.

/** The indicators a 409 has_indicators names: « A », « B » and 3 more. */
function indicatorNames(message: string, language: string): string | null {
  const match = /:\s*(«.*»(?: and \d+ more)?)\.\s/.exec(message);
  const names = match?.[1];
  if (!names) return null;
  return language.startsWith('en') ? names : names.replace(/ and (\d+) more$/, ' et $1 autres');
}

/** The first « quoted » value of an English message (the slug a 409 names). */
const quoted = (message: string): string | null => /«\s*(.+?)\s*»/.exec(message)?.[1] ?? null;

/** The first number of an English field message (`must be shorter than or equal to 200 characters` → 200). */
const limitOf = (message: string): string => /(-?\d+(?:\.\d+)?)/.exec(message)?.[1] ?? '';

/**
 * What is wrong with one field, in the UI language: its rule's wording when the API named the rule, else the wording
 * of the error's own code when it is about that one field (`password_too_short` on `newPassword`), else the API's text.
 */
export function fieldErrorMessage(fieldError: ApiFieldError, t: TFunction, errorCode?: string): string {
  if (fieldError.code && isFieldErrorCode(fieldError.code)) {
    return t(`errors.fields.${fieldError.code}`, { limit: limitOf(fieldError.message) });
  }
  if (errorCode === 'already_exists' && fieldError.field === 'slug') {
    const slug = quoted(fieldError.message);
    if (slug) return t('errors.codes.slugTaken', { slug });
  }
  if (errorCode === 'already_exists' && fieldError.field.endsWith('.dimension')) {
    // The ADS+ block added where a question already asks about one of its dimensions.
    const [, question, dimension] = /question (\d+) already asks about (\w+)/.exec(fieldError.message) ?? [];
    if (question && dimension) {
      const named = t(`adsDimension.${dimension}` as 'adsDimension.gender', { defaultValue: dimension });
      return t('errors.codes.dimensionTaken', { question, dimension: named.toLowerCase() });
    }
  }
  if (errorCode && isErrorCode(errorCode) && !GENERAL_CODES.has(errorCode)) return t(`errors.codes.${errorCode}`);
  return fieldError.message;
}

/** Codes that say « something in the input is wrong » without saying what: the field's own problem says more. */
const GENERAL_CODES: ReadonlySet<string> = new Set([
  'validation_failed',
  'invalid_reference',
  'invalid_value',
  'bad_request',
  'invalid_body',
]);

/** A whole error, for a banner or an alert: its code's wording, with the fields' problems when it is about input. */
export function apiErrorMessage(error: unknown, t: TFunction, language: string): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  if (error.code === NETWORK_ERROR_CODE) return t('errors.network');
  if (error.code === 'has_indicators') {
    const names = indicatorNames(error.message, language);
    return names ? t('errors.codes.has_indicatorsNamed', { names }) : t('errors.codes.has_indicators');
  }
  const slug = error.errors.find((fieldError) => fieldError.field === 'slug');
  if (error.code === 'already_exists' && slug) return fieldErrorMessage(slug, t, error.code);
  if (!isErrorCode(error.code)) return error.message || t('errors.unknown');
  const summary = t(`errors.codes.${error.code}`);
  if (!GENERAL_CODES.has(error.code) || error.errors.length === 0) return summary;
  const details = error.errors
    .map((fieldError) => t('errors.fieldProblem', { field: fieldError.field, problem: fieldErrorMessage(fieldError, t, error.code) }))
    .join(' ');
  return t('errors.fieldProblems', { summary, details });
}
