import '@/features/evidence/components/evidence.css';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_MEDIA_TYPES } from '@repere/contract';
import { ErrorState, LoadingState, useErrorMessage } from '@/components/query-state';
import type { EvidenceItem } from '@/features/dashboard/api/indicator-evidence-api';
import { useIndicatorEvidence, useOpenEvidenceItem } from '@/features/dashboard/hooks/use-indicator-evidence';
import { opensInline } from '@/features/evidence/api/evidence-api';
import { formatDate } from '@/lib/format';

function TraceItem({ item }: { item: EvidenceItem }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const messageFor = useErrorMessage();
  const open = useOpenEvidenceItem();
  return (
    <li className="evidence__item">
      <div className="evidence__body">
        <button type="button" className="evidence__open" disabled={open.isPending} onClick={() => open.mutate(item)}>
          {item.title}
          <span className="visually-hidden"> ({t(opensInline(item) ? 'evidence_trace.opensInTab' : 'evidence_trace.downloads')})</span>
        </button>
        <p className="evidence__meta muted small">
          <time dateTime={item.date}>{formatDate(item.date, language)}</time>
          {' · '}
          {EVIDENCE_MEDIA_TYPES[item.mediaType].toUpperCase()}
          {' · '}
          {t(`evidence_trace.owner.${item.ownerKind}`)}
        </p>
        {open.isPending ? <p className="muted small">{t('evidence_trace.opening')}</p> : null}
        {open.error ? (
          <p className="field__error" role="alert">
            {messageFor(open.error)}
          </p>
        ) : null}
      </div>
    </li>
  );
}

/**
 * Files behind a figure, by date as given, each opening at a click: what an evaluation froze for an indicator, or
 * what its page lists. `label` names the list for screen readers where several follow each other.
 */
export function EvidenceTraceList({ items, label }: { items: readonly EvidenceItem[]; label?: string }) {
  return (
    <ul className="evidence__list evidence-trace" aria-label={label}>
      {items.map((item) => (
        <TraceItem key={item.id} item={item} />
      ))}
    </ul>
  );
}

/**
 * « Pièces justificatives » of the indicator page: the second click from a dashboard's figure to its evidence
 * (figure → indicator → file), as of the dashboard's date when one was chosen.
 */
export function IndicatorEvidenceSection({ indicatorId, day }: { indicatorId: string; day: string | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const query = useIndicatorEvidence(indicatorId, day);
  return (
    <section aria-labelledby="indicator-evidence" className="indicator-section">
      <h2 id="indicator-evidence">{t('evidence_trace.heading')}</h2>
      <p className="muted">{t('evidence_trace.intro')}</p>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.length === 0 ? (
        <p className="empty">{day ? t('evidence_trace.emptyAt', { date: formatDate(day, language) }) : t('evidence_trace.empty')}</p>
      ) : null}
      {query.data && query.data.length > 0 ? <EvidenceTraceList items={query.data} /> : null}
    </section>
  );
}
