import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ArchivedRowActions, ArchivedSwitch, RestoreStatus, useArchiveAccess, useRestore } from '@/components/archive';
import { ErrorState, LoadingState } from '@/components/query-state';
import { fetchQuestionnaires } from '@/features/questionnaires/api/questionnaires-api';

export function QuestionnairesPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const { canSeeArchived, canRestore } = useArchiveAccess();
  // `?archived=1`: the archived questionnaires (admins and evaluators), each with « Restaurer » for admins.
  const archived = canSeeArchived && searchParams.get('archived') === '1';
  const list = useQuery({
    queryKey: ['questionnaires', 'list', archived ? 'archived' : 'active'],
    queryFn: ({ signal }) => fetchQuestionnaires(signal, archived),
    placeholderData: keepPreviousData,
  });
  const restore = useRestore('questionnaires');
  const showArchived = (next: boolean): void => {
    restore.clear();
    setSearchParams(next ? { archived: '1' } : {});
  };
  const items = list.data?.items ?? [];

  return (
    <section aria-labelledby="questionnaires-title">
      <h1 id="questionnaires-title">{t('questionnaires.title')}</h1>
      {canSeeArchived ? <ArchivedSwitch archived={archived} onChange={showArchived} /> : null}
      {archived ? <p className="muted">{t('archive.archivedList')}</p> : null}
      <RestoreStatus restore={restore} />
      {list.isPending ? <LoadingState /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 && archived ? <p className="empty">{t('archive.emptyArchived')}</p> : null}
      {list.data && (items.length > 0 || !archived) ? (
        <div className="table-wrap">
          <table aria-busy={list.isPlaceholderData}>
            <thead>
              <tr>
                <th scope="col">{t('questionnaires.name')}</th>
                <th scope="col">{t('questionnaires.status')}</th>
                <th scope="col">{t('questionnaires.languages')}</th>
                <th scope="col">{t('questionnaires.version')}</th>
                {archived ? <th scope="col">{t('archive.archived')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((q) => (
                <tr key={q.id}>
                  <th scope="row">
                    <Link to={`/questionnaires/${q.id}`}>{q.title}</Link>
                  </th>
                  <td>{t(`questionnaires.statuses.${q.status}`)}</td>
                  <td>{q.languages.join(', ')}</td>
                  <td>{q.currentVersion || '—'}</td>
                  {archived ? (
                    <td>
                      <ArchivedRowActions id={q.id} name={q.title} archivedAt={q.archivedAt} restore={restore} canRestore={canRestore} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
