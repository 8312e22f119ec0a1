import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router-dom';

/** Last resort when a page throws while rendering or its chunk cannot be fetched (e.g. after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <main id="main" className="crash" tabIndex={-1}>
      <h1>{t('app.crash.title')}</h1>
      <p>{t('app.crash.body')}</p>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t('app.crash.reload')}
      </button>
    </main>
  );
}
