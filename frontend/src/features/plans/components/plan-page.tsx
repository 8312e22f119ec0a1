import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PLAN_WRITERS } from '@repere/contract';
import { ArchiveBanner } from '@/components/archive';
import { ErrorState, LoadingState } from '@/components/query-state';
import { RichText } from '@/components/rich-text';
import { useCan } from '@/features/auth/hooks/use-can';
import { byPosition } from '@/features/plans/components/by-position';
import { ObjectiveSection } from '@/features/plans/components/objective-section';
import { PlanDates } from '@/features/plans/components/plan-dates';
import { usePlanTree } from '@/features/plans/hooks/use-plans';
import { usePlan } from '@/features/dashboard/hooks/use-dashboard';
import { useDocumentTitle } from '@/lib/use-document-title';
import { HistoryPanel } from '@/components/history-panel';

export function PlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const plan = usePlanTree(id);
  // The tree does not say whether the plan is archived; the plan itself does.
  const record = usePlan(id);
  const archivedAt = record.data?.archivedAt ?? null;
  const { can: canEdit } = useCan(PLAN_WRITERS);
  useDocumentTitle(plan.data?.title ?? t('plans.title'));

  if (plan.isPending) return <LoadingState />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;

  const tree = plan.data;
  const orientations = byPosition(tree.orientations);
  const headingFor = (number: number, title: string): string => t('plans.orientationHeading', { number, title });

  return (
    <article className="plan">
      <p className="breadcrumb">
        <Link to="/plans">
          <span aria-hidden="true">← </span>
          {t('plans.backToList')}
        </Link>
        {/* An archived plan is read-only (writes answer 410): no edit link until it is restored; none for readers. */}
        {record.data && !archivedAt && canEdit ? (
          <>
            {' · '}
            <Link to={`/workspace/plans/${tree.id}`}>{t('workspace.editLink')}</Link>
          </>
        ) : null}
      </p>
      <header className="page-header">
        <h1>{tree.title}</h1>
        <ArchiveBanner kind="plans" id={tree.id} name={tree.title} archivedAt={archivedAt} />
        <PlanDates plan={tree} />
        <p>
          <Link to={`/plans/${tree.id}/dashboard`} className="button button--primary">
            {t('dashboard.openPlan')}
          </Link>
        </p>
        <p>
          <Link to={`/plans/${tree.id}/evaluations`} className="button button--secondary">
            {t('evaluations.planLink')}
          </Link>
        </p>
        {tree.description ? <RichText text={tree.description} className="lead" /> : null}
      </header>

      {orientations.length === 0 ? <p className="empty">{t('plans.emptyTree')}</p> : null}

      {orientations.length > 1 ? (
        <nav className="toc" aria-labelledby="plan-contents">
          <h2 id="plan-contents" className="toc__title">
            {t('plans.contents')}
          </h2>
          <ol>
            {orientations.map((orientation) => (
              <li key={orientation.id}>
                <a href={`#orientation-${orientation.id}`}>{headingFor(orientation.number, orientation.title)}</a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}

      {orientations.map((orientation) => (
        <section key={orientation.id} className="orientation" aria-labelledby={`orientation-${orientation.id}`}>
          <h2 id={`orientation-${orientation.id}`} className="orientation__title" tabIndex={-1}>
            {headingFor(orientation.number, orientation.title)}
          </h2>
          {orientation.objectives.length === 0 ? <p className="empty">{t('plans.noObjectives')}</p> : null}
          {byPosition(orientation.objectives).map((objective) => (
            <ObjectiveSection key={objective.id} objective={objective} level={3} />
          ))}
        </section>
      ))}
      <HistoryPanel entityType="plan" entityId={tree.id} wholePlan />
    </article>
  );
}
