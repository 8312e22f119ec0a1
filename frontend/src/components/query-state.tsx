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

/** The codes the web app words itself, in the user's language (the API's `message` is English). */
const WORDED_CODES = ['archived', 'has_indicators', 'has_history', 'last_admin'] as const;
type WordedCode = (typeof WORDED_CODES)[number];
const isWorded = (code: string): code is WordedCode => WORDED_CODES.some((known) => known === code);

/** The indicators a 409 has_indicators names: « A », « B » and 3 more. */
function indicatorNames(message: string, language: string): string | null {
  const match = /:\s*(«.*»(?: and \d+ more)?)\.\s/.exec(message);
  const names = match?.[1];
  if (!names) return null;
  return language.startsWith('en') ? names : names.replace(/ and (\d+) more$/, ' et $1 autres');
}

/** A translated message for the codes above, the API's own `message` for others, a translated fallback otherwise. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.code === NETWORK_ERROR_CODE) return t('errors.network');
      if (isWorded(error.code)) {
        const names = error.code === 'has_indicators' ? indicatorNames(error.message, i18n.resolvedLanguage ?? 'fr') : null;
        return names ? t('errors.codes.has_indicatorsNamed', { names }) : t(`errors.codes.${error.code}`);
      }
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
