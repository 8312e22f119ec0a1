import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PROGRESS_STATUSES, type ProgressStatus } from '@repere/contract';
import { DisclosureNote } from '@/components/disclosure-note';
import { ErrorState, LoadingState } from '@/components/query-state';
import type { EvaluationDetail, EvaluationSnapshot, HistoryEntry, ObjectiveSnapshot } from '@/features/evaluations/api/evaluations-api';
import { EvidenceDisclosure } from '@/features/evidence/components/evidence-panel';
import { AssessmentForm, AssessmentView } from '@/features/evaluations/components/assessment-form';
import { CloseEvaluation } from '@/features/evaluations/components/close-evaluation';
import { StateBadge, StatusBadge } from '@/features/evaluations/components/evaluation-badges';
import { formatDateTime } from '@/features/evaluations/components/evaluation-format';
import { EvaluationHistory } from '@/features/evaluations/components/evaluation-history';
import { IndicatorTable } from '@/features/evaluations/components/indicator-table';
import { ReportsPanel } from '@/features/evaluations/components/reports-panel';
import { useCanWrite, useEvaluation, usePlanInfo } from '@/features/evaluations/hooks/use-evaluations';
import { formatDate } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import './evaluations.css';

const lastOf = (history: HistoryEntry[], action: HistoryEntry['action']): HistoryEntry | undefined =>
  history.filter((entry) => entry.action === action).at(-1);

function Facts({ evaluation }: { evaluation: EvaluationDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const opened = lastOf(evaluation.history, 'opened');
  const closed = lastOf(evaluation.history, 'closed');
  const byOn = (at: string, entry: HistoryEntry | undefined): string =>
    entry?.userName
      ? t('evaluations.facts.byOn', { date: formatDateTime(at, language), name: entry.userName })
      : t('evaluations.facts.on', { date: formatDateTime(at, language) });
  // Snapshots frozen before plans had a data period and a time zone say neither: the fact is then left out.
  const frozenPeriod = evaluation.snapshot?.dataPeriod;
  const dataPeriod = frozenPeriod
    ? { from: formatDate(frozenPeriod.from, language), until: formatDate(frozenPeriod.until, language) }
    : null;
  const timeZone = evaluation.snapshot?.plan.timeZone;
  return (
    <dl className="facts">
      <div>
        <dt>{t('evaluations.facts.cutoff')}</dt>
        <dd>{formatDate(evaluation.cutoff, language)}</dd>
      </div>
      <div>
        <dt>{t('evaluations.facts.state')}</dt>
        <dd>
          <StateBadge state={evaluation.state} />
        </dd>
      </div>
      <div>
        <dt>{t('evaluations.facts.opened')}</dt>
        <dd>{byOn(evaluation.openedAt, opened)}</dd>
      </div>
      {evaluation.frozenAt ? (
        <div>
          <dt>{t('evaluations.facts.frozen')}</dt>
          <dd>{t('evaluations.facts.on', { date: formatDateTime(evaluation.frozenAt, language) })}</dd>
        </div>
      ) : null}
      {evaluation.closedAt ? (
        <div>
          <dt>{t('evaluations.facts.closed')}</dt>
          <dd>{byOn(evaluation.closedAt, closed)}</dd>
        </div>
      ) : null}
      {dataPeriod ? (
        <div>
          <dt>{t('evaluations.facts.dataPeriod')}</dt>
          <dd>
            {timeZone
              ? t('evaluations.facts.dataPeriodValue', { ...dataPeriod, timeZone })
              : t('evaluations.facts.dataPeriodNoZone', dataPeriod)}
          </dd>
        </div>
      ) : null}
      {evaluation.midterm ? (
        <div>
          <dt>{t('evaluations.facts.comparedWith')}</dt>
          <dd>
            <Link to={`/evaluations/${evaluation.midterm.id}`}>
              {t('evaluations.facts.midtermLink', { date: formatDate(evaluation.midterm.cutoff, language) })}
            </Link>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function Summary({ snapshot, assessed, objectives }: { snapshot: EvaluationSnapshot; assessed: number; objectives: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  const indicators = snapshot.orientations.flatMap((o) => o.objectives.flatMap((objective) => objective.indicators));
  const counts = new Map<ProgressStatus, number>();
  for (const indicator of indicators) counts.set(indicator.status, (counts.get(indicator.status) ?? 0) + 1);
  return (
    <section className="eval-panel eval-summary" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('evaluations.summary.heading')}</h2>
      <p>
        {t('evaluations.summary.indicators', { count: indicators.length })}
        {' · '}
        {t('evaluations.summary.assessed', { assessed, total: objectives })}
      </p>
      <ul className="eval-summary__statuses">
        {PROGRESS_STATUSES.filter((status) => counts.has(status)).map((status) => (
          <li key={status}>
            <StatusBadge status={status} /> <strong>{counts.get(status)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ObjectiveBlock({
  evaluation,
  objective,
  canWrite,
}: {
  evaluation: EvaluationDetail;
  objective: ObjectiveSnapshot;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const snapshot = evaluation.snapshot as EvaluationSnapshot;
  const headingId = `objective-${objective.id}`;
  const assessment = evaluation.assessments.find((a) => a.objectiveId === objective.id);
  const lastAssessed = evaluation.history.filter((h) => h.action === 'assessed' && h.detail.objectiveId === objective.id).at(-1);
  const objectiveLabel = t('evaluations.objectiveHeading', { code: objective.code, title: objective.title });
  const shared = { objectiveLabel, assessment, updatedByName: lastAssessed?.userName ?? null };
  return (
    <section className="eval-objective" aria-labelledby={headingId}>
      <h3 id={headingId} className="eval-objective__title">
        {objectiveLabel}
      </h3>
      <IndicatorTable
        objective={objective}
        kind={evaluation.kind}
        cutoff={snapshot.cutoff}
        midterm={evaluation.midterm ?? null}
        ended={snapshot.cutoff >= snapshot.plan.endDate}
        dataFrom={snapshot.dataPeriod?.from ?? null}
        k={snapshot.suppressionK}
      />
      {canWrite && evaluation.state === 'open' ? (
        <AssessmentForm evaluationId={evaluation.id} objectiveId={objective.id} {...shared} />
      ) : (
        <AssessmentView {...shared} />
      )}
      {/* The documents the committee relied on, beside its assessment: attached once the assessment is saved. */}
      {assessment ? (
        <EvidenceDisclosure
          ownerKind="assessment"
          ownerId={assessment.id}
          canWrite={canWrite && evaluation.state === 'open'}
          context={objectiveLabel}
        />
      ) : canWrite && evaluation.state === 'open' ? (
        <p className="muted small">{t('evidence_trace.assessmentFirst')}</p>
      ) : null}
    </section>
  );
}

/** An evaluation: its frozen snapshot per orientation and objective, the committee's assessments, reports, closing and history. */
export function EvaluationPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const { id = '' } = useParams();
  const evaluation = useEvaluation(id);
  const canWrite = useCanWrite();
  // The title of the plan as frozen; while freezing there is no snapshot yet, so the plan says it.
  const needsPlan = evaluation.data !== undefined && evaluation.data.snapshot === null;
  const plan = usePlanInfo(needsPlan ? (evaluation.data?.planId ?? '') : '');
  const kindTitle = evaluation.data ? t(`evaluations.kindTitle.${evaluation.data.kind}`) : t('evaluations.title');
  const planTitle = evaluation.data?.snapshot?.plan.title ?? plan.data?.title;
  useDocumentTitle(planTitle ? `${kindTitle} — ${planTitle}` : kindTitle);

  if (evaluation.isPending) return <LoadingState />;
  if (evaluation.isError) return <ErrorState error={evaluation.error} onRetry={() => void evaluation.refetch()} />;

  const e = evaluation.data;
  const objectives = (e.snapshot?.orientations ?? []).flatMap((o) => o.objectives);
  const assessed = objectives.filter((objective) => e.assessments.some((a) => a.objectiveId === objective.id)).length;

  return (
    <article className="evaluation">
      <p className="breadcrumb">
        <Link to={`/plans/${e.planId}/evaluations`}>
          <span aria-hidden="true">← </span>
          {t('evaluations.backToList')}
        </Link>
      </p>
      <header className="page-header">
        <h1>
          {planTitle ? <span className="eval-kicker">{planTitle}</span> : null}
          {kindTitle}
        </h1>
        <Facts evaluation={e} />
      </header>

      {e.state === 'freezing' ? (
        <div className="eval-notice eval-notice--freezing" role="status">
          <span className="spinner" aria-hidden="true" />
          <div>
            <p className="eval-notice__title">{t('evaluations.freezing.title')}</p>
            <p>{t('evaluations.freezing.body', { cutoff: formatDate(e.cutoff, language) })}</p>
          </div>
        </div>
      ) : null}
      {e.state === 'closed' ? (
        <div className="eval-notice eval-notice--closed" role="note">
          <p>{t('evaluations.closedNotice')}</p>
        </div>
      ) : null}

      {e.snapshot ? (
        <>
          <div className="eval-overview">
            <Summary snapshot={e.snapshot} assessed={assessed} objectives={objectives.length} />
            {canWrite ? <ReportsPanel evaluationId={e.id} /> : null}
            {canWrite && e.state === 'open' ? <CloseEvaluation evaluation={e} objectives={objectives.length} assessed={assessed} /> : null}
          </div>

          {/* How the frozen figures were protected, with the parameters they were frozen with. */}
          <DisclosureNote
            disclosure={{ k: e.snapshot.suppressionK, maxDeviation: e.snapshot.maxDeviation ?? 0 }}
            id="evaluation-disclosure"
          />

          {e.kind === 'final' && !e.midterm ? <p className="eval-notice">{t('evaluations.noMidterm')}</p> : null}
          {e.snapshot.orientations.length === 0 ? <p className="empty">{t('evaluations.noOrientations')}</p> : null}

          {e.snapshot.orientations.map((orientation) => (
            <section key={orientation.id} className="orientation" aria-labelledby={`orientation-${orientation.id}`}>
              <h2 id={`orientation-${orientation.id}`} className="orientation__title">
                {t('evaluations.orientationHeading', { number: orientation.number, title: orientation.title })}
              </h2>
              {orientation.objectives.length === 0 ? <p className="empty">{t('evaluations.noObjectives')}</p> : null}
              {orientation.objectives.map((objective) => (
                <ObjectiveBlock key={objective.id} evaluation={e} objective={objective} canWrite={canWrite} />
              ))}
            </section>
          ))}
        </>
      ) : null}

      <EvaluationHistory history={e.history} snapshot={e.snapshot} />
    </article>
  );
}
