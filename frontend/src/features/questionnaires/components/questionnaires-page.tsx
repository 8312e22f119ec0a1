import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorState, LoadingState } from '@/components/query-state';
import { fetchQuestionnaires } from '@/features/questionnaires/api/questionnaires-api';

export function QuestionnairesPage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['questionnaires'], queryFn: ({ signal }) => fetchQuestionnaires(signal) });
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <section aria-labelledby="questionnaires-title">
      <h1 id="questionnaires-title">{t('questionnaires.title')}</h1>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('questionnaires.name')}</th>
              <th scope="col">{t('questionnaires.status')}</th>
              <th scope="col">{t('questionnaires.languages')}</th>
              <th scope="col">{t('questionnaires.version')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((q) => (
              <tr key={q.id}>
                <th scope="row"><Link to={`/questionnaires/${q.id}`}>{q.title}</Link></th>
                <td>{t(`questionnaires.statuses.${q.status}`)}</td>
                <td>{q.languages.join(', ')}</td>
                <td>{q.currentVersion || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
