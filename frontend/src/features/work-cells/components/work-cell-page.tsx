import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorState, LoadingState } from '@/components/query-state';
import { RichText } from '@/components/rich-text';
import type { WorkStep } from '@/features/work-cells/api/work-cells-api';
import { WorkCellFacts } from '@/features/work-cells/components/work-cell-facts';
import { useWorkCell } from '@/features/work-cells/hooks/use-work-cells';
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

function StepList({ steps, start }: { steps: WorkStep[]; start: number }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="checklist" start={start}>
      {steps.map((step) => (
        <li key={step.id} className={step.done ? 'checklist__item checklist__item--done' : 'checklist__item'}>
          <span className="checklist__mark" aria-hidden="true">
            {step.done ? '✓' : ''}
          </span>
          <span className="visually-hidden">
            {t('workCells.stepStatus', { status: step.done ? t('workCells.stepDone') : t('workCells.stepTodo') })}
          </span>
          <span className="checklist__body">
            <RichText as="span" text={step.text} />
            {step.date ? (
              <span className="muted small checklist__date">
                {' '}
                <time dateTime={step.date}>{formatDate(step.date, i18n.resolvedLanguage ?? 'fr')}</time>
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function WorkCellPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useWorkCell(id);
  useDocumentTitle(query.data?.name ?? t('workCells.title'));

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const cell = query.data;
  const groups = groupByPhase(cell.steps);
  let stepNumber = 1;

  return (
    <article className="work-cell">
      <p className="breadcrumb">
        <Link to="/work-cells">
          <span aria-hidden="true">← </span>
          {t('workCells.backToList')}
        </Link>
        {' · '}
        <Link to={`/workspace/work-cells/${cell.id}`}>{t('workspace.editLink')}</Link>
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
        {groups.length === 0 ? <p className="empty">{t('workCells.noSteps')}</p> : null}
        {groups.map((group, index) => {
          const start = stepNumber;
          stepNumber += group.steps.length;
          return group.phase ? (
            <div key={`${group.phase}-${index}`} className="phase">
              <h3>{group.phase}</h3>
              <StepList steps={group.steps} start={start} />
            </div>
          ) : (
            <StepList key={`none-${index}`} steps={group.steps} start={start} />
          );
        })}
      </section>

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
