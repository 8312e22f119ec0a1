import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HISTORY_READERS, isOneOf } from '@repere/contract';
import { ErrorState, LoadingState } from '@/components/query-state';
import { Pagination } from '@/components/pagination';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { fetchAuditEvents, type AuditEvent } from '@/features/history/api/audit-api';
import './history-panel.css';

const LIMIT = 20;

/** A field's value as one short line: « — » for none, JSON for structures, cut at 120 characters. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function Change({ field, from, to, action }: { field: string; from: unknown; to: unknown; action: AuditEvent['action'] }) {
  const { t } = useTranslation();
  const label = t(`history.fields.${field}`, { defaultValue: field });
  return (
    <li className="history__change">
      <span className="history__field">{label}</span>{' '}
      {action === 'create' ? (
        <span>{shown(to)}</span>
      ) : action === 'delete' ? (
        <del>{shown(from)}</del>
      ) : (
        <>
          <del>{shown(from)}</del> <span aria-hidden="true">→</span>
          <span className="visually-hidden">{t('history.to')}</span> <ins>{shown(to)}</ins>
        </>
      )}
    </li>
  );
}

/**
 * « Historique »: the staff changes of one record, newest first — who, when, which fields from what to what; with
 * `wholePlan` (a plan's page), those of the plan and of all its parts, each other record's type named.
 * Shown to admins and evaluators only (the API refuses the others).
 */
export function HistoryPanel({ entityType, entityId, wholePlan = false }: { entityType: string; entityId: string; wholePlan?: boolean }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const [page, setPage] = useState(1);
  const mayRead = isOneOf(HISTORY_READERS, me.data?.role);
  const events = useQuery({
    queryKey: ['audit-events', entityType, entityId, wholePlan, page],
    queryFn: ({ signal }) =>
      fetchAuditEvents(wholePlan ? { planId: entityId, page, limit: LIMIT } : { entityType, entityId, page, limit: LIMIT }, signal),
    enabled: mayRead,
    placeholderData: keepPreviousData,
  });
  if (!mayRead) return null;
  const headingId = `history-${entityId}`;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="history" aria-labelledby={headingId} data-testid="history-panel">
      <h2 id={headingId}>{t('history.title')}</h2>
      {events.isPending ? <LoadingState /> : null}
      {events.isError ? <ErrorState error={events.error} onRetry={() => void events.refetch()} /> : null}
      {events.data && events.data.items.length === 0 ? <p className="empty">{t('history.empty')}</p> : null}
      {events.data && events.data.items.length > 0 ? (
        <ol className="history__events">
          {events.data.items.map((e) => (
            <li key={e.id} className="history__event">
              <p className="history__who">
                <strong>{e.actor ? e.actor.email : t('history.system')}</strong>
                {' · '}
                <time dateTime={e.at}>{when.format(new Date(e.at))}</time>
                {' · '}
                {t(`history.actions.${e.action}`, { defaultValue: e.action })}
                {e.entityType !== entityType ? ` (${t(`history.types.${e.entityType}`, { defaultValue: e.entityType })})` : null}
              </p>
              {Object.keys(e.changes).length > 0 ? (
                <ul className="history__changes">
                  {Object.entries(e.changes).map(([field, { from, to }]) => (
                    <Change key={field} field={field} from={from} to={to} action={e.action} />
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {events.data ? <Pagination page={page} limit={LIMIT} total={events.data.total} onPageChange={setPage} /> : null}
    </section>
  );
}
