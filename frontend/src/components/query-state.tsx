import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR_CODE } from '@/lib/api-client';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('app.loading')}
    </p>
  );
}

/** The API's own `message` when it gave one, a translated fallback otherwise. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.code === NETWORK_ERROR_CODE) return t('errors.network');
      if (error.message) return error.message;
    }
    return t('errors.unknown');
  };
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
