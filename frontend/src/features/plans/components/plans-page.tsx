import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Pagination, parsePage } from '@/components/pagination';
import { ErrorState, LoadingState } from '@/components/query-state';
import { PlanDates } from '@/features/plans/components/plan-dates';
import { PLANS_PAGE_SIZE, usePlans } from '@/features/plans/hooks/use-plans';
import { useDocumentTitle } from '@/lib/use-document-title';

export function PlansPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('plans.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const page = parsePage(searchParams.get('page'));
  const plans = usePlans(page);

  return (
    <>
      <div className="page-header">
        <h1>{t('plans.title')}</h1>
        {plans.data ? <p className="muted">{t('plans.count', { count: plans.data.total })}</p> : null}
      </div>
      {plans.isPending ? <LoadingState /> : null}
      {plans.isError ? <ErrorState error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      {plans.data && plans.data.items.length === 0 ? <p className="empty">{t('plans.empty')}</p> : null}
      {plans.data && plans.data.items.length > 0 ? (
        <ul className="card-list" aria-busy={plans.isPlaceholderData}>
          {plans.data.items.map((plan) => (
            <li key={plan.id} className="card">
              <h2 className="card__title">
                <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
              </h2>
              <PlanDates plan={plan} />
            </li>
          ))}
        </ul>
      ) : null}
      {plans.data ? (
        <Pagination
          page={page}
          limit={plans.data.limit || PLANS_PAGE_SIZE}
          total={plans.data.total}
          onPageChange={(next) => setSearchParams({ page: String(next) })}
        />
      ) : null}
    </>
  );
}
