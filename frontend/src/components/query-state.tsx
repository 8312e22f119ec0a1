import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ApiFieldError } from '@/lib/api-client';
import { apiErrorMessage, fieldErrorMessage } from '@/lib/api-errors';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('app.loading')}
    </p>
  );
}

/** An API error in the user's language (lib/api-errors.ts): from its code, the API's English message only as a fallback. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  return useCallback((error: unknown) => apiErrorMessage(error, t, language), [t, language]);
}

/** One field's problem from an API error, in the user's language: to show beside the field. */
export function useFieldErrorMessage(): (fieldError: ApiFieldError, error?: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (fieldError: ApiFieldError, error?: unknown) => fieldErrorMessage(fieldError, t, error instanceof ApiError ? error.code : undefined),
    [t],
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const messageFor = useErrorMessage();
  return (
    <div className="alert alert--error" role="alert">
      <p>{messageFor(error)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      ) : null}
    </div>
  );
}
