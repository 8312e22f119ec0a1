import './evaluations.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Pagination, parsePage } from '@/components/pagination';
import { ErrorState, LoadingState } from '@/components/query-state';
import type { EvaluationSummary } from '@/features/evaluations/api/evaluations-api';
import { ActivityReportPanel } from '@/features/evaluations/components/activity-report-panel';
import { StateBadge } from '@/features/evaluations/components/evaluation-badges';
import { OpenEvaluationForm } from '@/features/evaluations/components/open-evaluation-form';
import { EVALUATIONS_PAGE_SIZE, useCanWrite, useEvaluations, usePlanInfo } from '@/features/evaluations/hooks/use-evaluations';
import { formatDate } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';

function EvaluationRow({ evaluation }: { evaluation: EvaluationSummary }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  return (
    <tr>
      <th scope="row">
        <Link to={`/evaluations/${evaluation.id}`}>
          {t('evaluations.linkLabel', {
            kind: t(`evaluations.kind.${evaluation.kind}`),
            cutoff: formatDate(evaluation.cutoff, language),
          })}
        </Link>
      </th>
      <td>
        <StateBadge state={evaluation.state} />
      </td>
      <td>{formatDate(evaluation.openedAt, language)}</td>
      <td>{evaluation.closedAt ? formatDate(evaluation.closedAt, language) : t('common.none')}</td>
    </tr>
  );
}

/** A plan's evaluations, newest first, and the form that opens one. */
export function EvaluationsPage() {
  const { t } = useTranslation();
  const { id: planId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const page = parsePage(searchParams.get('page'));
  const plan = usePlanInfo(planId);
  const evaluations = useEvaluations(planId, page);
  const canWrite = useCanWrite();
  useDocumentTitle(plan.data ? t('evaluations.documentTitle', { title: plan.data.title }) : t('evaluations.title'));

  if (plan.isPending) return <LoadingState />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;

  return (
    <article className="evaluations">
      <p className="breadcrumb">
        <Link to={`/plans/${plan.data.id}`}>
          <span aria-hidden="true">← </span>
          {t('evaluations.backToPlan')}
        </Link>
      </p>
      <header className="page-header">
        <h1>
          <span className="eval-kicker">{plan.data.title}</span>
          {t('evaluations.title')}
        </h1>
        <p className="muted">{t('evaluations.intro')}</p>
      </header>

      {canWrite ? <OpenEvaluationForm plan={plan.data} /> : null}

      <section aria-labelledby="evaluations-list">
        <h2 id="evaluations-list">{t('evaluations.listHeading')}</h2>
        {evaluations.isPending ? <LoadingState /> : null}
        {evaluations.isError ? <ErrorState error={evaluations.error} onRetry={() => void evaluations.refetch()} /> : null}
        {evaluations.data && evaluations.data.total === 0 ? <p className="empty">{t('evaluations.empty')}</p> : null}
        {evaluations.data && evaluations.data.items.length > 0 ? (
          <>
            <p className="muted">{t('evaluations.count', { count: evaluations.data.total })}</p>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('evaluations.columns.evaluation')}</th>
                    <th scope="col">{t('evaluations.columns.state')}</th>
                    <th scope="col">{t('evaluations.columns.opened')}</th>
                    <th scope="col">{t('evaluations.columns.closed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {evaluations.data.items.map((evaluation) => (
                    <EvaluationRow key={evaluation.id} evaluation={evaluation} />
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={page}
              limit={EVALUATIONS_PAGE_SIZE}
              total={evaluations.data.total}
              onPageChange={(next) => setSearchParams(next > 1 ? { page: String(next) } : {})}
            />
          </>
        ) : null}
      </section>

      <ActivityReportPanel plan={plan.data} />
    </article>
  );
}
