import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/query-state';
import type { ParticipationCountPage } from '@/features/participation/api/participation-api';
import { formatDate } from '@/lib/format';

interface RecentCountsProps {
  query: UseQueryResult<ParticipationCountPage>;
  instrumentName: string | undefined;
}

/** The last counts of the chosen instrument, newest first, so a partner sees what is already in. */
export function RecentCounts({ query, instrumentName }: RecentCountsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const data = query.data;
  const separator = t('common.listSeparator');

  return (
    <section className="recent-counts" aria-labelledby="recent-counts-title">
      <h2 id="recent-counts-title">{t('participation.recent')}</h2>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data && data.items.length === 0 ? <p className="empty">{t('participation.noCounts')}</p> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table aria-busy={query.isFetching}>
            <caption className="visually-hidden">{t('participation.recentCaption', { instrument: instrumentName ?? '' })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('participation.date')}</th>
                <th scope="col">{t('participation.activity')}</th>
                <th scope="col" className="numeric">
                  {t('participation.total')}
                </th>
                <th scope="col">{t('participation.breakdownColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((count) => (
                <tr key={count.id}>
                  <td>{formatDate(count.date, language)}</td>
                  <th scope="row">{count.activity}</th>
                  <td className="numeric">{count.total ?? t('participation.hidden')}</td>
                  <td>
                    {count.breakdown.length === 0
                      ? t('common.none')
                      : count.breakdown
                          .map(
                            (cell) =>
                              `${t(`adsCategory.${cell.dimension}.${cell.category}` as 'adsCategory.gender.woman', {
                                defaultValue: cell.category,
                              })} ${cell.count ?? t('participation.hidden')}`,
                          )
                          .join(separator)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
