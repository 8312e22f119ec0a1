import './indicators-overview.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { INDICATOR_KINDS, INDICATOR_STATUSES, PLAN_WRITERS, PROGRESS_STATUSES } from '@repere/contract';
import { Pagination, parsePage } from '@/components/pagination';
import { ErrorState, LoadingState } from '@/components/query-state';
import { useCan } from '@/features/auth/hooks/use-can';
import type { IndicatorOverview, OverviewFilters } from '@/features/indicators/api/indicators-overview-api';
import { OVERVIEW_PAGE_SIZE, useIndicatorOverview, usePlanOptions } from '@/features/indicators/hooks/use-indicator-overview';
import { formatWithUnit } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';

type FilterName = 'planId' | 'kind' | 'status' | 'definitionStatus' | 'search';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => values.find((known) => known === value);

/** The filters the URL holds, each checked against the values the API takes (junk in the URL is no filter). */
function filtersOf(params: URLSearchParams): OverviewFilters {
  return {
    planId: params.get('planId') || undefined,
    kind: oneOf(INDICATOR_KINDS, params.get('kind')),
    status: oneOf(PROGRESS_STATUSES, params.get('status')),
    definitionStatus: oneOf(INDICATOR_STATUSES, params.get('definitionStatus')),
    search: params.get('search') || undefined,
  };
}

function ValueCell({ indicator }: { indicator: IndicatorOverview }) {
  const { t, i18n } = useTranslation();
  if (indicator.suppressed) return <span className="muted">{t('dashboard.suppressed')}</span>;
  if (indicator.value === null) return <span className="muted">{t('dashboard.noValue')}</span>;
  return <>{formatWithUnit(indicator.value, indicator.unit, i18n.language)}</>;
}

/** /indicators: every indicator across the plans in use, with the figure each plan's dashboard publishes today. */
export function IndicatorsOverviewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('indicatorsOverview.title'));
  const [params, setParams] = useSearchParams();
  const page = parsePage(params.get('page'));
  const filters = filtersOf(params);
  const overview = useIndicatorOverview({ ...filters, page, limit: OVERVIEW_PAGE_SIZE });
  const plans = usePlanOptions();
  const { can: canEdit } = useCan(PLAN_WRITERS);
  const [search, setSearch] = useState(filters.search ?? '');

  const setFilter = (name: FilterName, value: string): void => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };
  const onSearch = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setFilter('search', search.trim());
  };
  const select = (name: FilterName, label: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`overview-${name}`}>{label}</label>
      <select id={`overview-${name}`} value={filters[name] ?? ''} onChange={(event) => setFilter(name, event.target.value)}>
        <option value="">{t('indicatorsOverview.all')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <article className="indicators-overview">
      <header className="page-header">
        <h1>{t('indicatorsOverview.title')}</h1>
        <p className="muted">{t('indicatorsOverview.intro')}</p>
        {overview.data ? <p className="muted">{t('indicatorsOverview.count', { count: overview.data.total })}</p> : null}
      </header>

      <section className="filters" aria-labelledby="overview-filters">
        <h2 id="overview-filters" className="visually-hidden">
          {t('indicatorsOverview.filters')}
        </h2>
        {select(
          'planId',
          t('indicatorsOverview.plan'),
          (plans.data ?? []).map((plan) => ({ value: plan.id, label: plan.title })),
        )}
        {select(
          'kind',
          t('indicatorsOverview.kind'),
          INDICATOR_KINDS.map((kind) => ({ value: kind, label: t(`indicatorKind.${kind}`) })),
        )}
        {select(
          'status',
          t('indicatorsOverview.status'),
          PROGRESS_STATUSES.map((status) => ({ value: status, label: t(`dashboard.status.${status}`) })),
        )}
        {select(
          'definitionStatus',
          t('indicatorsOverview.definitionStatus'),
          INDICATOR_STATUSES.map((status) => ({ value: status, label: t(`indicatorStatus.${status}`) })),
        )}
        <form className="field filters__search" role="search" onSubmit={onSearch}>
          <label htmlFor="overview-search">{t('indicatorsOverview.search')}</label>
          <div className="filters__search-row">
            <input id="overview-search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
            <button type="submit" className="button button--secondary">
              {t('indicatorsOverview.apply')}
            </button>
          </div>
        </form>
      </section>

      {overview.isPending ? <LoadingState /> : null}
      {overview.isError ? <ErrorState error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {overview.data && overview.data.items.length === 0 ? <p className="empty">{t('indicatorsOverview.empty')}</p> : null}
      {overview.data && overview.data.items.length > 0 ? (
        <div
          className="table-wrap"
          role="region"
          aria-label={t('indicatorsOverview.caption')}
          tabIndex={0}
          aria-busy={overview.isPlaceholderData}
        >
          <table>
            <caption className="visually-hidden">{t('indicatorsOverview.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicatorsOverview.indicator')}</th>
                <th scope="col">{t('indicatorsOverview.plan')}</th>
                <th scope="col">{t('indicatorsOverview.objective')}</th>
                <th scope="col">{t('indicatorsOverview.kind')}</th>
                <th scope="col">{t('indicatorsOverview.status')}</th>
                <th scope="col" className="numeric">
                  {t('indicatorsOverview.value')}
                </th>
                <th scope="col" className="numeric">
                  {t('dashboard.n')}
                </th>
                <th scope="col">{t('indicatorsOverview.definitionStatus')}</th>
                {canEdit ? <th scope="col">{t('indicatorsOverview.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {overview.data.items.map((indicator) => (
                <tr key={indicator.id}>
                  <th scope="row">
                    <Link to={`/indicators/${indicator.id}`}>{indicator.name}</Link>
                  </th>
                  <td>
                    <Link to={`/plans/${indicator.plan.id}`}>{indicator.plan.title}</Link>
                  </td>
                  <td>
                    {indicator.objective.code ? <span className="code">{indicator.objective.code}</span> : null} {indicator.objective.title}
                  </td>
                  <td>{t(`indicatorKind.${indicator.kind}`)}</td>
                  <td>
                    <span className={`overview-status overview-status--${indicator.status}`}>
                      {t(`dashboard.status.${indicator.status}`)}
                    </span>
                  </td>
                  <td className="numeric">
                    <ValueCell indicator={indicator} />
                  </td>
                  <td className="numeric">{indicator.n ?? t('common.none')}</td>
                  <td>
                    <span className="badge badge--outline">{t(`indicatorStatus.${indicator.definitionStatus}`)}</span>
                  </td>
                  {canEdit ? (
                    <td>
                      <Link
                        to={`/workspace/indicators/${indicator.id}`}
                        aria-label={t('indicatorsOverview.edit', { name: indicator.name })}
                      >
                        {t('indicatorsOverview.editShort')}
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {overview.data ? (
        <Pagination
          page={page}
          limit={overview.data.limit || OVERVIEW_PAGE_SIZE}
          total={overview.data.total}
          onPageChange={(next) => {
            const nextParams = new URLSearchParams(params);
            nextParams.set('page', String(next));
            setParams(nextParams);
          }}
        />
      ) : null}
    </article>
  );
}
