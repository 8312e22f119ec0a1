import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PLAN_WRITERS, RESPONSE_READERS } from '@repere/contract';
import { ArchiveBanner } from '@/components/archive';
import { ErrorState, LoadingState } from '@/components/query-state';
import { useCan } from '@/features/auth/hooks/use-can';
import { fetchQrCode, fetchQuestionnaire } from '@/features/questionnaires/api/questionnaires-api';
import { missingByLanguage } from '@/features/workspace/components/questionnaire/translation-check';
import { MissingTranslationsList } from '@/features/workspace/components/questionnaire/translation-check-panel';
import { useObjectUrl } from '@/lib/use-object-url';
import { HistoryPanel } from '@/components/history-panel';

/** What an evaluator checks before printing the poster: the link, its QR code, and the strings still missing. */
export function QuestionnairePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { can: canEdit } = useCan(PLAN_WRITERS);
  const { can: canReadResponses } = useCan(RESPONSE_READERS);
  const detail = useQuery({ queryKey: ['questionnaires', id], queryFn: ({ signal }) => fetchQuestionnaire(id, signal) });
  const svg = useQuery({ queryKey: ['questionnaires', id, 'qr.svg'], queryFn: ({ signal }) => fetchQrCode(id, 'svg', signal) });
  const png = useQuery({ queryKey: ['questionnaires', id, 'qr.png'], queryFn: ({ signal }) => fetchQrCode(id, 'png', signal) });
  // One URL per image, each revoked with its own blob: revoking both whenever either changed broke the first image
  // when the second arrived.
  const svgUrl = useObjectUrl(svg.data);
  const pngUrl = useObjectUrl(png.data);

  if (detail.isPending) return <LoadingState />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const q = detail.data;
  const title = q.title[i18n.language] || q.title[q.defaultLanguage];
  const missing = Object.entries(q.missingTranslations);
  return (
    <article aria-labelledby="questionnaire-title">
      <h1 id="questionnaire-title">{title}</h1>
      <ArchiveBanner kind="questionnaires" id={q.id} name={title ?? q.slug} archivedAt={q.archivedAt} />
      {/* An archived questionnaire is read-only (writes answer 410): no edit link until it is restored; none for readers. */}
      {q.archivedAt || !canEdit ? null : (
        <p>
          <Link to={`/workspace/questionnaires/${q.id}`}>{t('workspace.editLink')}</Link>
        </p>
      )}
      {/* Raw responses: evaluators and admins browse, filter and export them (issue 18). */}
      {canReadResponses ? (
        <p>
          <Link to={`/questionnaires/${q.id}/responses`}>{t('responses.link')}</Link>
        </p>
      ) : null}
      <p>
        {t(`questionnaires.statuses.${q.status}`)} · {t('questionnaires.version')} {q.currentVersion || '—'}
        {q.hasUnpublishedChanges ? ` · ${t('questionnaires.unpublished')}` : ''}
      </p>
      <h2>{t('questionnaires.link')}</h2>
      <p>
        <a href={q.publicUrl}>{q.publicUrl}</a>
      </p>
      {svgUrl ? <img src={svgUrl} alt={t('questionnaires.qrAlt', { url: q.publicUrl })} width={220} height={220} /> : null}
      <p>
        {svgUrl ? (
          <a href={svgUrl} download={`${q.slug}.svg`}>
            {t('questionnaires.downloadSvg')}
          </a>
        ) : null}
        {' · '}
        {pngUrl ? (
          <a href={pngUrl} download={`${q.slug}.png`}>
            {t('questionnaires.downloadPng')}
          </a>
        ) : null}
      </p>
      <h2>{t('questionnaires.missingTitle')}</h2>
      {missing.every(([, paths]) => paths.length === 0) ? (
        <p>{t('questionnaires.noneMissing')}</p>
      ) : (
        // Each missing string by its question and its text in the default language, not by its path in the API.
        <MissingTranslationsList entries={missingByLanguage(q, q.missingTranslations)} defaultLanguage={q.defaultLanguage} />
      )}
      <h2>{t('questionnaires.versions')}</h2>
      <ul className="bullets">
        {q.versions.map((v) => (
          <li key={v.version}>
            {v.responseCount === null
              ? t('questionnaires.versionLineHidden', { version: v.version })
              : t('questionnaires.versionLine', { version: v.version, count: v.responseCount })}
          </li>
        ))}
      </ul>
      <HistoryPanel entityType="questionnaire" entityId={q.id} />
    </article>
  );
}
