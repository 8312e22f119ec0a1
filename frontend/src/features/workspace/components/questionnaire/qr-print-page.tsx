import '@/features/workspace/components/workspace.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorState, LoadingState } from '@/components/query-state';
import { directionOf, languageName, nativeLanguageName, pick } from '@/features/workspace/components/questionnaire/translations';
import { useQrCode, useQuestionnaireDetail } from '@/features/workspace/hooks/use-questionnaire-builder';
import { useDocumentTitle } from '@/lib/use-document-title';

/**
 * /workspace/questionnaires/:id/qr — the poster: the title, the QR code the API draws (fetched with the token,
 * shown from an object URL) and the link printed under it for those who type it. Printing leaves the rest of the
 * app out.
 */
export function QrPrintPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = searchParams.get('lang');
  const detail = useQuestionnaireDetail(id);
  const language = asked && detail.data?.languages.includes(asked) ? asked : null;
  const qr = useQrCode(id, language);
  useDocumentTitle(t('workspace.qr.title'));

  if (detail.isPending) return <LoadingState />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const questionnaire = detail.data;
  const shownLanguage = language ?? questionnaire.defaultLanguage;
  const title = pick(questionnaire.title, shownLanguage, questionnaire.defaultLanguage);
  const link = language ? `${questionnaire.publicUrl}?lang=${language}` : questionnaire.publicUrl;

  return (
    <article className="ws-page qr-print">
      <div className="qr-print__controls">
        <p className="breadcrumb">
          <Link to={`/workspace/questionnaires/${questionnaire.id}`}>
            <span aria-hidden="true">← </span>
            {t('workspace.qr.back')}
          </Link>
        </p>
        <div className="qr-print__options">
          <div className="field">
            <label htmlFor="qr-language">{t('workspace.qr.language')}</label>
            <select
              id="qr-language"
              value={language ?? ''}
              onChange={(event) => setSearchParams(event.target.value ? { lang: event.target.value } : {}, { replace: true })}
            >
              <option value="">{t('workspace.qr.anyLanguage')}</option>
              {questionnaire.languages.map((code) => (
                <option key={code} value={code}>
                  {languageName(code, i18n.resolvedLanguage ?? 'fr')} ({code})
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button button--primary" onClick={() => window.print()} disabled={!qr.url}>
            {t('workspace.qr.print')}
          </button>
        </div>
        {questionnaire.status !== 'published' ? (
          <p className="alert ws-alert--info" role="note">
            {t('workspace.qr.notPublished')}
          </p>
        ) : null}
      </div>

      <section className="qr-print__sheet" aria-labelledby="qr-title">
        <h1 id="qr-title" lang={shownLanguage} dir={directionOf(shownLanguage)}>
          {title}
        </h1>
        {qr.isError ? <ErrorState error={qr.error} onRetry={() => void qr.refetch()} /> : null}
        {qr.url ? (
          <img className="qr-print__code" src={qr.url} alt={t('workspace.qr.alt', { url: link })} width={320} height={320} />
        ) : qr.isError ? null : (
          <LoadingState />
        )}
        <p className="qr-print__url" data-testid="qr-url">
          {breakableLink(link)}
        </p>
        <p className="qr-print__languages">
          {questionnaire.languages.map((code) => (
            <span key={code} lang={code} dir={directionOf(code)}>
              {nativeLanguageName(code)}
            </span>
          ))}
        </p>
      </section>
    </article>
  );
}

/**
 * The link in parts that each end with a « / » (not inside « // »), the query on its own: a part goes to the next
 * line whole, so the link breaks after a slash or before « ? », never in the middle of the slug or the host (a part
 * wider than the whole line, a very long slug on a phone, still wraps inside itself rather than overflow).
 */
function breakableLink(link: string): ReactNode[] {
  return link.split(/(?<=[^/]\/)(?!\/)|(?=\?)/).flatMap((part, i) => {
    const shown = (
      <span key={`part-${i}`} className="qr-print__part">
        {part}
      </span>
    );
    return i === 0 ? [shown] : [<wbr key={`break-${i}`} />, shown];
  });
}
