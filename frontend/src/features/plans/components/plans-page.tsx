import './plans-page.css';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PLAN_WRITERS } from '@repere/contract';
import { ArchivedRowActions, ArchivedSwitch, RestoreStatus, useArchiveAccess, useRestore } from '@/components/archive';
import { Pagination, parsePage } from '@/components/pagination';
import { ErrorState, LoadingState } from '@/components/query-state';
import { useCan } from '@/features/auth/hooks/use-can';
import { PlanDates } from '@/features/plans/components/plan-dates';
import { PLANS_PAGE_SIZE, usePlans } from '@/features/plans/hooks/use-plans';
import { useDocumentTitle } from '@/lib/use-document-title';

export function PlansPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('plans.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const page = parsePage(searchParams.get('page'));
  const { canSeeArchived, canRestore } = useArchiveAccess();
  // `?archived=1`: the archived plans (admins and evaluators), each with « Restaurer » for admins.
  const archived = canSeeArchived && searchParams.get('archived') === '1';
  const plans = usePlans(page, archived);
  const { can: canCreate } = useCan(PLAN_WRITERS);
  const restore = useRestore('plans');
  const showArchived = (next: boolean): void => {
    restore.clear();
    setSearchParams(next ? { archived: '1' } : {});
  };

  return (
    <>
      <div className="page-header">
        <h1>{t('plans.title')}</h1>
        {plans.data ? <p className="muted">{t('plans.count', { count: plans.data.total })}</p> : null}
        <p className="plans-actions">
          {canCreate ? (
            <Link className="button button--primary" to="/plans/new">
              <span aria-hidden="true">+{'\u00a0'}</span>
              {t('newPlan.link')}
            </Link>
          ) : null}
          <Link className="button button--secondary" to="/indicators">
            {t('indicatorsOverview.link')}
          </Link>
        </p>
      </div>
      {canSeeArchived ? <ArchivedSwitch archived={archived} onChange={showArchived} /> : null}
      {archived ? <p className="muted">{t('archive.archivedList')}</p> : null}
      <RestoreStatus restore={restore} />
      {plans.isPending ? <LoadingState /> : null}
      {plans.isError ? <ErrorState error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      {plans.data && plans.data.items.length === 0 ? (
        <p className="empty">{t(archived ? 'archive.emptyArchived' : 'plans.empty')}</p>
      ) : null}
      {plans.data && plans.data.items.length > 0 ? (
        <ul className="card-list" aria-busy={plans.isPlaceholderData}>
          {plans.data.items.map((plan) => (
            <li key={plan.id} className="card">
              <h2 className="card__title">
                <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
              </h2>
              <PlanDates plan={plan} />
              {plan.archivedAt ? (
                <ArchivedRowActions
                  as="p"
                  id={plan.id}
                  name={plan.title}
                  archivedAt={plan.archivedAt}
                  restore={restore}
                  canRestore={canRestore}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {plans.data ? (
        <Pagination
          page={page}
          limit={plans.data.limit || PLANS_PAGE_SIZE}
          total={plans.data.total}
          onPageChange={(next) => setSearchParams(archived ? { archived: '1', page: String(next) } : { page: String(next) })}
        />
      ) : null}
    </>
  );
}
