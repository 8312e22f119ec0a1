import type { UseQueryResult } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/query-state';
import { useCan } from '@/features/auth/hooks/use-can';
import { EvidencePanel } from '@/features/evidence/components/evidence-panel';
import { canAddEvidence } from '@/features/evidence/hooks/can-add-evidence';
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
  const { user } = useCan();
  // One count's « Pièces justificatives » open at a time, loaded when opened: no request per row at load.
  const [evidenceOf, setEvidenceOf] = useState<string | null>(null);

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
                <th scope="col">{t('evidence.heading')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((count) => (
                <Fragment key={count.id}>
                  <tr>
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
                    <td>
                      <button
                        type="button"
                        className="button button--ghost"
                        aria-expanded={evidenceOf === count.id}
                        aria-controls={evidenceOf === count.id ? `count-evidence-${count.id}` : undefined}
                        onClick={() => setEvidenceOf(evidenceOf === count.id ? null : count.id)}
                      >
                        {t('evidence.short')}
                        <span className="visually-hidden">
                          {' '}
                          — {t('evidence.ofCount', { activity: count.activity, date: formatDate(count.date, language) })}
                        </span>
                      </button>
                    </td>
                  </tr>
                  {evidenceOf === count.id ? (
                    <tr id={`count-evidence-${count.id}`}>
                      <td colSpan={5}>
                        <EvidencePanel
                          ownerKind="participation_count"
                          ownerId={count.id}
                          canWrite={canAddEvidence(user, [count.organizationId])}
                          heading={t('evidence.headingOf', { name: `${count.activity} (${formatDate(count.date, language)})` })}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
