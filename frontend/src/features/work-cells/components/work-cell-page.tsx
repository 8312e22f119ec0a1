import './work-cell-page.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PLAN_WRITERS } from '@repere/contract';
import { ErrorState, LoadingState, useErrorMessage } from '@/components/query-state';
import { RichText } from '@/components/rich-text';
import { canTickSteps, useCan } from '@/features/auth/hooks/use-can';
import { EvidenceDisclosure } from '@/features/evidence/components/evidence-panel';
import type { WorkStep } from '@/features/work-cells/api/work-cells-api';
import { WorkCellFacts } from '@/features/work-cells/components/work-cell-facts';
import { WorkCellIndicators } from '@/features/work-cells/components/work-cell-indicators';
import { useTickStep, useWorkCell } from '@/features/work-cells/hooks/use-work-cells';
import { ApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';

interface StepGroup {
  phase: string | null;
  steps: WorkStep[];
}

/** Consecutive steps of one phase form a group; steps without a phase form groups without a heading. */
function groupByPhase(steps: readonly WorkStep[]): StepGroup[] {
  const groups: StepGroup[] = [];
  for (const step of [...steps].sort((a, b) => a.position - b.position)) {
    const last = groups.at(-1);
    if (last && last.phase === step.phase) last.steps.push(step);
    else groups.push({ phase: step.phase, steps: [step] });
  }
  return groups;
}

/** Ticks a step; given to those who may (plan writers, the cell's partners). */
type Tick = (step: WorkStep, done: boolean) => void;

function StepText({ step }: { step: WorkStep }) {
  const { i18n } = useTranslation();
  return (
    <>
      <RichText as="span" text={step.text} />
      {step.date ? (
        <span className="muted small checklist__date">
          {' '}
          <time dateTime={step.date}>{formatDate(step.date, i18n.resolvedLanguage ?? 'fr')}</time>
        </span>
      ) : null}
    </>
  );
}

/** The steps: real checkboxes, labelled by the step's text, for those who may tick them; their state only for readers. */
function StepList({ steps, start, tick }: { steps: WorkStep[]; start: number; tick?: Tick }) {
  const { t } = useTranslation();
  return (
    <ol className="checklist" start={start}>
      {steps.map((step, index) => (
        <li key={step.id} className={step.done ? 'checklist__item checklist__item--done' : 'checklist__item'}>
          {tick ? (
            <>
              <input
                id={`step-done-${step.id}`}
                className="checklist__box"
                type="checkbox"
                checked={step.done}
                onChange={(event) => tick(step, event.target.checked)}
              />
              <label htmlFor={`step-done-${step.id}`} className="checklist__body checklist__label">
                <StepText step={step} />
              </label>
            </>
          ) : (
            <>
              <span className="checklist__mark" aria-hidden="true">
                {step.done ? '✓' : ''}
              </span>
              <span className="visually-hidden">
                {t('workCells.stepStatus', { status: step.done ? t('workCells.stepDone') : t('workCells.stepTodo') })}
              </span>
              <span className="checklist__body">
                <StepText step={step} />
              </span>
            </>
          )}
          <EvidenceDisclosure
            ownerKind="work_step"
            ownerId={step.id}
            // Those who tick a step attach its documents: the same rule (plan writers, the cell's partners).
            canWrite={tick !== undefined}
            context={t('evidence.ofStep', { number: start + index })}
          />
        </li>
      ))}
    </ol>
  );
}

export function WorkCellPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const messageFor = useErrorMessage();
  const query = useWorkCell(id);
  const { user, can: canEditCell, pending } = useCan(PLAN_WRITERS);
  const tickStep = useTickStep(id);
  useDocumentTitle(query.data?.name ?? t('workCells.title'));

  if (query.isPending || pending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const cell = query.data;
  const tick: Tick | undefined = canTickSteps(user, cell.partnerships)
    ? (step, done) => tickStep.mutate({ stepId: step.id, done })
    : undefined;
  const tickError =
    tickStep.error instanceof ApiError && tickStep.error.statusCode === 403
      ? t('workCells.tickForbidden')
      : tickStep.error
        ? messageFor(tickStep.error)
        : null;
  const groups = groupByPhase(cell.steps);
  let stepNumber = 1;

  return (
    <article className="work-cell">
      <p className="breadcrumb">
        <Link to="/work-cells">
          <span aria-hidden="true">← </span>
          {t('workCells.backToList')}
        </Link>
        {canEditCell ? (
          <>
            {' · '}
            <Link to={`/workspace/work-cells/${cell.id}`}>{t('workspace.editLink')}</Link>
          </>
        ) : null}
      </p>
      <header className="page-header">
        <h1>{cell.name}</h1>
        <WorkCellFacts cell={cell} />
        <p>
          <Link to={`/work-cells/${cell.id}/dashboard`} className="button button--primary">
            {t('dashboard.openWorkCell')}
          </Link>
        </p>
      </header>

      {cell.mandate ? (
        <section aria-labelledby="cell-mandate">
          <h2 id="cell-mandate">{t('workCells.mandate')}</h2>
          <RichText text={cell.mandate} />
        </section>
      ) : null}

      {cell.contact ? (
        <section aria-labelledby="cell-contact">
          <h2 id="cell-contact">{t('workCells.contact')}</h2>
          <RichText text={cell.contact} />
        </section>
      ) : null}

      <section aria-labelledby="cell-steps">
        <h2 id="cell-steps">{t('workCells.steps')}</h2>
        {tick && groups.length > 0 ? <p className="muted">{t('workCells.tickHint')}</p> : null}
        {groups.length === 0 ? <p className="empty">{t('workCells.noSteps')}</p> : null}
        {groups.map((group, index) => {
          const start = stepNumber;
          stepNumber += group.steps.length;
          return group.phase ? (
            <div key={`${group.phase}-${index}`} className="phase">
              <h3>{group.phase}</h3>
              <StepList steps={group.steps} start={start} tick={tick} />
            </div>
          ) : (
            <StepList key={`none-${index}`} steps={group.steps} start={start} tick={tick} />
          );
        })}
        <div aria-live="polite">
          {tickError ? (
            <p className="alert alert--error" role="alert">
              {tickError}
            </p>
          ) : null}
        </div>
      </section>

      {cell.planId ? <WorkCellIndicators planId={cell.planId} workCellId={cell.id} /> : null}

      <section aria-labelledby="cell-partners">
        <h2 id="cell-partners">{t('workCells.partnersTitle')}</h2>
        {cell.partnerships.length === 0 ? (
          <p className="empty">{t('workCells.noPartners')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('workCells.organization')}</th>
                  <th scope="col">{t('workCells.network')}</th>
                  <th scope="col">{t('workCells.sector')}</th>
                </tr>
              </thead>
              <tbody>
                {cell.partnerships.map((partnership) => (
                  <tr key={partnership.id}>
                    <th scope="row">
                      {partnership.organization?.name ?? t('common.none')}
                      {partnership.organization?.acronym ? <span className="muted"> ({partnership.organization.acronym})</span> : null}
                    </th>
                    <td>
                      {partnership.network ? t(`network.${partnership.network}`, { defaultValue: partnership.network }) : t('common.none')}
                    </td>
                    <td>{partnership.sector ?? t('common.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {cell.partnersNote ? <RichText text={cell.partnersNote} className="muted" /> : null}
      </section>
    </article>
  );
}
