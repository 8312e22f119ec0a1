import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/query-state';
import { fetchQueues } from '@/features/queues/api/queues-api';

const COLUMNS = ['waiting', 'active', 'completed', 'failed', 'delayed', 'retried'] as const;

/** Administrators watch the background work: how much waits, runs, failed or needed retries. */
export function QueuesPage() {
  const { t } = useTranslation();
  const queues = useQuery({ queryKey: ['admin', 'queues'], queryFn: ({ signal }) => fetchQueues(signal), refetchInterval: 5000 });
  if (queues.isPending) return <LoadingState />;
  if (queues.isError) return <ErrorState error={queues.error} onRetry={() => void queues.refetch()} />;
  return (
    <section aria-labelledby="queues-title">
      <h1 id="queues-title">{t('queues.title')}</h1>
      <p className="muted">{t('queues.intro')}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('queues.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('queues.queue')}</th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {t(`queues.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {queues.data.queues.map((q) => (
              <tr key={q.name}>
                <th scope="row">{t(`queues.name.${q.name}`, { defaultValue: q.name })}</th>
                {COLUMNS.map((c) => (
                  <td key={c}>{q[c]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {queues.data.queues.flatMap((q) => q.failures.map((f) => ({ ...f, queue: q.name }))).length > 0 ? (
        <>
          <h2>{t('queues.failures')}</h2>
          <ul className="bullets">
            {queues.data.queues.flatMap((q) =>
              q.failures.map((f) => (
                <li key={`${q.name}-${f.id}`}>
                  <strong>{q.name}</strong> · {f.name} · {f.failedReason} ({t('queues.attempts', { count: f.attemptsMade })})
                </li>
              )),
            )}
          </ul>
        </>
      ) : null}
    </section>
  );
}
