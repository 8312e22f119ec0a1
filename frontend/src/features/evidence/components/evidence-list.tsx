import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_MEDIA_TYPES } from '@repere/contract';
import { useErrorMessage } from '@/components/query-state';
import { type Evidence, opensInline } from '@/features/evidence/api/evidence-api';
import { useArchiveEvidence, useEvidenceThumbnail, useOpenEvidence } from '@/features/evidence/hooks/use-evidence';
import { formatDate } from '@/lib/format';
import { useObjectUrl } from '@/lib/use-object-url';

/** 12 ko, 3,4 Mo: the unit a reader expects for a document. */
function formatSize(bytes: number, language: string): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(1, Math.round(bytes / 1000)), 'kilobyte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** An image's thumbnail, beside its title (which names it: the image itself is decoration here). */
function Thumbnail({ url }: { url: string }) {
  const blob = useEvidenceThumbnail(url);
  const src = useObjectUrl(blob.data);
  return src ? <img className="evidence__thumbnail" src={src} alt="" width={64} height={64} /> : null;
}

function EvidenceItem({ evidence, canArchive }: { evidence: Evidence; canArchive: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const messageFor = useErrorMessage();
  const open = useOpenEvidence();
  const archive = useArchiveEvidence();
  const [confirming, setConfirming] = useState(false);
  const type = EVIDENCE_MEDIA_TYPES[evidence.mediaType].toUpperCase();
  const error = open.error ?? archive.error;

  return (
    <li className="evidence__item">
      {evidence.thumbnailUrl ? <Thumbnail url={evidence.thumbnailUrl} /> : null}
      <div className="evidence__body">
        <button type="button" className="evidence__open" disabled={open.isPending} onClick={() => open.mutate(evidence)}>
          {evidence.title}
          <span className="visually-hidden"> ({t(opensInline(evidence) ? 'evidence.opensInTab' : 'evidence.downloads')})</span>
        </button>
        <p className="evidence__meta muted small">
          <time dateTime={evidence.date}>{formatDate(evidence.date, language)}</time>
          {' · '}
          {type}
          {' · '}
          {formatSize(evidence.size, language)}
          {evidence.addedByName ? ` · ${t('evidence.addedBy', { name: evidence.addedByName })}` : null}
        </p>
        {open.isPending ? <p className="muted small">{t('evidence.opening')}</p> : null}
        {error ? (
          <p className="field__error" role="alert">
            {messageFor(error)}
          </p>
        ) : null}
        {canArchive && confirming ? (
          <div className="evidence__confirm" role="group" aria-label={t('evidence.removeNamed', { title: evidence.title })}>
            <p>{t('evidence.confirmRemove', { title: evidence.title })}</p>
            <button type="button" className="button button--primary" disabled={archive.isPending} onClick={() => archive.mutate(evidence)}>
              {archive.isPending ? t('evidence.removing') : t('evidence.confirm')}
            </button>{' '}
            <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
              {t('evidence.cancel')}
            </button>
          </div>
        ) : null}
      </div>
      {canArchive && !confirming ? (
        <button
          type="button"
          className="button button--ghost evidence__remove"
          aria-label={t('evidence.removeNamed', { title: evidence.title })}
          onClick={() => setConfirming(true)}
        >
          {t('evidence.remove')}
        </button>
      ) : null}
    </li>
  );
}

/**
 * Files, by date as given: each opens (PDFs and images in a new tab, the rest downloaded); `canArchive` adds
 * « Retirer », confirmed first. Read-only by default, for pages that list evidence gathered elsewhere.
 */
export function EvidenceList({ items, canArchive = false }: { items: readonly Evidence[]; canArchive?: boolean }) {
  return (
    <ul className="evidence__list">
      {items.map((evidence) => (
        <EvidenceItem key={evidence.id} evidence={evidence} canArchive={canArchive} />
      ))}
    </ul>
  );
}
