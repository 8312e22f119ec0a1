import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PROGRESS_STATUSES, type Grain, type ProgressStatus } from '@repere/contract';
import { DisclosureNote } from '@/components/disclosure-note';
import { Heading, nextLevel, type HeadingLevel } from '@/components/heading';
import { ProgressBar } from '@/components/progress-bar';
import { ErrorState, LoadingState } from '@/components/query-state';
import type { Disclosure, IndicatorProgress, PlanProgress, PlanTree, TreeObjective } from '@/features/dashboard/api/dashboard-api';
import { IndicatorRow, type RowContext } from '@/features/dashboard/components/indicator-row';
import { StatusBadge, statusStyle } from '@/features/dashboard/components/status-badge';
import { usePlanProgress, usePlanTree, useWorkCells } from '@/features/dashboard/hooks/use-dashboard';
import { STATUS_SYMBOLS } from '@/lib/charts';
import { formatDate } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/dashboard/components/dashboard.css';

/** The User Timing mark set when the overview first shows its figures (read by the browser test, and by anyone profiling). */
export const OVERVIEW_READY_MARK = 'repere:plan-dashboard:ready';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const byPosition = <T extends { position: number }>(items: readonly T[]): T[] => [...items].sort((a, b) => a.position - b.position);

/** Every indicator definition of the tree by id: the progress endpoint does not say at which grain a period is. */
function grainsOf(tree: PlanTree): Map<string, Grain> {
  const grains = new Map<string, Grain>();
  const visit = (objective: TreeObjective): void => {
    for (const indicator of objective.indicators) grains.set(indicator.id, indicator.grain);
    for (const action of objective.actions) for (const indicator of action.indicators) grains.set(indicator.id, indicator.grain);
    objective.objectives.forEach(visit);
  };
  tree.orientations.forEach((orientation) => orientation.objectives.forEach(visit));
  return grains;
}

/** Every indicator's note by id, from the tree: the progress endpoint does not carry it. */
function notesOf(tree: PlanTree): Map<string, string> {
  const notes = new Map<string, string>();
  const visit = (objective: TreeObjective): void => {
    const all = [...objective.indicators, ...objective.actions.flatMap((action) => action.indicators)];
    for (const indicator of all) if (indicator.note) notes.set(indicator.id, indicator.note);
    objective.objectives.forEach(visit);
  };
  tree.orientations.forEach((orientation) => orientation.objectives.forEach(visit));
  return notes;
}

function objectiveIds(objectives: readonly TreeObjective[]): string[] {
  return objectives.flatMap((objective) => [objective.id, ...objectiveIds(objective.objectives)]);
}

function countByStatus(indicators: readonly IndicatorProgress[]): Record<ProgressStatus, number> {
  const counts = Object.fromEntries(PROGRESS_STATUSES.map((status) => [status, 0])) as Record<ProgressStatus, number>;
  for (const indicator of indicators) counts[indicator.status] += 1;
  return counts;
}

/** The days the figures count and the plan's time zone, with the note that statuses are final once the plan ended. */
function DataPeriod({ progress }: { progress: PlanProgress }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  return (
    <>
      <p id="dash-data-period" className="muted dash-data-period">
        {t('dashboard.dataPeriod', {
          from: formatDate(progress.dataPeriod.from, language),
          until: formatDate(progress.dataPeriod.until, language),
          timeZone: progress.timeZone,
        })}
      </p>
      {progress.ended ? (
        <p className="dash-ended" role="note">
          {t('dashboard.ended')}
        </p>
      ) : null}
    </>
  );
}

interface ObjectiveProps {
  objective: TreeObjective;
  level: HeadingLevel;
  byObjective: Map<string, IndicatorProgress[]>;
  shown: ReadonlySet<ProgressStatus>;
  context: RowContext;
}

function hasShown(objective: TreeObjective, byObjective: Map<string, IndicatorProgress[]>, shown: ReadonlySet<ProgressStatus>): boolean {
  return (
    (byObjective.get(objective.id) ?? []).some((indicator) => shown.has(indicator.status)) ||
    objective.objectives.some((child) => hasShown(child, byObjective, shown))
  );
}

function ObjectiveBlock({ objective, level, byObjective, shown, context }: ObjectiveProps) {
  if (!hasShown(objective, byObjective, shown)) return null;
  // Measured indicators first (in the plan's order), then those still without a value: what can be read
  // comes before what cannot.
  const indicators = (byObjective.get(objective.id) ?? [])
    .filter((indicator) => shown.has(indicator.status))
    .sort((a, b) => Number(a.value === null) - Number(b.value === null));
  const headingId = `dash-objective-${objective.id}`;
  return (
    <section className={objective.parentId ? 'dash-objective dash-objective--sub' : 'dash-objective'} aria-labelledby={headingId}>
      <Heading level={level} id={headingId} className="dash-objective__title">
        <span className="code">{objective.code}</span> {objective.title}
      </Heading>
      {indicators.length > 0 ? (
        <ul className="dash-indicators">
          {indicators.map((indicator) => (
            <IndicatorRow key={indicator.id} indicator={indicator} context={context} />
          ))}
        </ul>
      ) : null}
      {byPosition(objective.objectives).map((child) => (
        <ObjectiveBlock
          key={child.id}
          objective={child}
          level={nextLevel(level)}
          byObjective={byObjective}
          shown={shown}
          context={context}
        />
      ))}
    </section>
  );
}

function StatusCounts({ indicators }: { indicators: readonly IndicatorProgress[] }) {
  const { t } = useTranslation();
  const counts = countByStatus(indicators);
  return (
    <ul className="status-counts">
      {PROGRESS_STATUSES.filter((status) => counts[status] > 0).map((status) => (
        <li key={status} style={statusStyle(status)}>
          <span aria-hidden="true">{STATUS_SYMBOLS[status]}</span>{' '}
          {t('dashboard.statusCount', { count: counts[status], status: t(`dashboard.status.${status}`) })}
        </li>
      ))}
    </ul>
  );
}

function Legend({ disclosure }: { disclosure: Disclosure | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="dash-legend" aria-labelledby="dash-legend-title">
      <h2 id="dash-legend-title" className="dash-legend__title">
        {t('dashboard.legendTitle')}
      </h2>
      <ul className="dash-legend__statuses">
        {PROGRESS_STATUSES.map((status) => (
          <li key={status}>
            <StatusBadge status={status} /> <span>{t(`dashboard.statusHelp.${status}`)}</span>
          </li>
        ))}
      </ul>
      <ul className="dash-legend__marks">
        <li>
          <span className="legend-swatch legend-swatch--fill" aria-hidden="true" /> {t('dashboard.legend.value')}
        </li>
        <li>
          <span className="legend-swatch legend-swatch--baseline" aria-hidden="true" /> {t('dashboard.legend.baseline')}
        </li>
        <li>
          <span className="legend-swatch legend-swatch--midterm" aria-hidden="true" /> {t('dashboard.legend.midterm')}
        </li>
        <li>
          <span className="legend-swatch legend-swatch--final" aria-hidden="true" /> {t('dashboard.legend.final')}
        </li>
      </ul>
      <DisclosureNote disclosure={disclosure} level={3} id="dash-disclosure" className="dash-legend__disclosure" />
    </section>
  );
}

function PlanWorkCells({ tree }: { tree: PlanTree }) {
  const { t } = useTranslation();
  const cells = useWorkCells();
  const ids = useMemo(() => new Set(tree.orientations.flatMap((o) => objectiveIds(o.objectives))), [tree]);
  const mine = (cells.data?.items ?? []).filter((cell) => cell.objectiveId !== null && ids.has(cell.objectiveId));
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="dash-work-cells" className="dash-work-cells">
      <h2 id="dash-work-cells">{t('dashboard.workCells.title')}</h2>
      <ul className="card-grid">
        {mine.map((cell) => (
          <li key={cell.id} className="card">
            <h3 className="card__title">
              <Link to={`/work-cells/${cell.id}/dashboard`}>{cell.name}</Link>
            </h3>
            <ProgressBar
              value={cell.stepsDone}
              max={cell.stepsTotal}
              label={t('dashboard.workCells.steps', { done: cell.stepsDone, count: cell.stepsTotal })}
            />
            <p className="muted">{t('dashboard.workCells.partners', { count: cell.partnerCount })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PlanDashboardPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const param = search.get('at');
  // Without a date in the address the API answers as of today in the plan's time zone (not the reader's).
  const requested = param && ISO_DAY.test(param) ? param : null;
  const tree = usePlanTree(id);
  const progress = usePlanProgress(id, requested);
  const at = requested ?? progress.data?.at ?? '';
  const [shown, setShown] = useState<ReadonlySet<ProgressStatus>>(() => new Set(PROGRESS_STATUSES));
  const [draftAt, setDraftAt] = useState(at);
  useEffect(() => setDraftAt(at), [at]);
  useDocumentTitle(tree.data ? t('dashboard.planTitle', { title: tree.data.title }) : t('dashboard.title'));

  const marked = useRef(false);
  const ready = Boolean(tree.data && progress.data);
  useEffect(() => {
    if (!ready || marked.current) return;
    marked.current = true;
    performance.mark(OVERVIEW_READY_MARK);
  }, [ready]);

  const ended = progress.data?.ended ?? false;
  const dataFrom = progress.data?.dataPeriod.from ?? null;
  const k = progress.data?.disclosure.k ?? null;
  const context = useMemo<RowContext>(
    () => ({
      grains: tree.data ? grainsOf(tree.data) : new Map(),
      notes: tree.data ? notesOf(tree.data) : new Map(),
      at: requested,
      ended,
      dataFrom,
      k,
    }),
    [tree.data, requested, ended, dataFrom, k],
  );
  const byObjective = useMemo(() => {
    const map = new Map<string, IndicatorProgress[]>();
    for (const indicator of progress.data?.indicators ?? []) {
      const list = map.get(indicator.objectiveId) ?? [];
      list.push(indicator);
      map.set(indicator.objectiveId, list);
    }
    return map;
  }, [progress.data]);

  if (tree.isPending || progress.isPending) return <LoadingState />;
  if (tree.isError) return <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;
  if (progress.isError) return <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />;

  const plan = tree.data;
  const indicators = progress.data.indicators;
  const counts = countByStatus(indicators);
  const today = progress.data.today;
  const moveTo = (day: string): void => {
    const next = new URLSearchParams(search);
    if (day === today) next.delete('at');
    else next.set('at', day);
    setSearch(next, { replace: true });
  };
  const submitDate = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (ISO_DAY.test(draftAt)) moveTo(draftAt);
  };
  const toggle = (status: ProgressStatus): void =>
    setShown((current) => {
      const next = new Set(current);
      if (next.has(status)) next.delete(status);
      else next.add(status);
      return next;
    });
  const jumps = [
    { key: 'today', day: today, label: t('dashboard.today') },
    plan.midtermDate ? { key: 'midterm', day: plan.midtermDate, label: t('dashboard.midterm') } : null,
    plan.endDate ? { key: 'end', day: plan.endDate, label: t('dashboard.end') } : null,
  ].filter((jump): jump is { key: string; day: string; label: string } => jump !== null);

  return (
    <article className="dashboard">
      <p className="breadcrumb">
        <Link to={`/plans/${plan.id}`}>
          <span aria-hidden="true">← </span>
          {t('dashboard.backToPlan')}
        </Link>
      </p>
      <header className="page-header">
        <h1>
          <span className="dashboard__kicker">{t('dashboard.title')}</span> {plan.title}
        </h1>
        {plan.startDate && plan.endDate ? (
          <p className="muted">
            {t('dashboard.planDates', {
              start: formatDate(plan.startDate, language),
              end: formatDate(plan.endDate, language),
              midterm: formatDate(plan.midtermDate, language),
            })}
          </p>
        ) : null}
        <DataPeriod progress={progress.data} />
      </header>

      {indicators.length === 0 ? (
        <p className="empty">{t('dashboard.noIndicators')}</p>
      ) : (
        <>
          <form className="dash-at" onSubmit={submitDate} aria-labelledby="dash-at-label">
            <label id="dash-at-label" htmlFor="dash-at-input">
              {t('dashboard.at')}
            </label>
            <input
              id="dash-at-input"
              type="date"
              value={draftAt}
              onChange={(event) => setDraftAt(event.target.value)}
              aria-describedby="dash-at-hint dash-data-period"
            />
            <button type="submit" className="button button--secondary">
              {t('dashboard.show')}
            </button>
            <span className="dash-at__jumps">
              {jumps.map((jump) => (
                <button
                  key={jump.key}
                  type="button"
                  className="button button--ghost"
                  aria-pressed={jump.day === at}
                  onClick={() => moveTo(jump.day)}
                >
                  {jump.label}
                </button>
              ))}
            </span>
            <p id="dash-at-hint" className="muted small dash-at__hint">
              {t('dashboard.atHint', { date: formatDate(at, language) })}
              {progress.isPlaceholderData ? <span role="status"> {t('app.loading')}</span> : null}
            </p>
          </form>

          <section className="dash-summary" aria-labelledby="dash-summary-title">
            <h2 id="dash-summary-title">{t('dashboard.summaryTitle')}</h2>
            <p className="dash-summary__total">{t('dashboard.indicatorCount', { count: indicators.length })}</p>
            <div role="group" aria-label={t('dashboard.filterLabel')} className="dash-summary__statuses">
              {PROGRESS_STATUSES.map((status) => (
                <button
                  key={status}
                  type="button"
                  className="status-toggle"
                  style={statusStyle(status)}
                  aria-pressed={shown.has(status)}
                  onClick={() => toggle(status)}
                >
                  <span className="status-toggle__count">{counts[status]}</span>
                  <span className="status-toggle__label">
                    <span aria-hidden="true">{STATUS_SYMBOLS[status]} </span>
                    {t(`dashboard.status.${status}`)}
                  </span>
                </button>
              ))}
            </div>
            <p className="muted small">{t('dashboard.filterHint')}</p>
          </section>

          <Legend disclosure={progress.data.disclosure} />
        </>
      )}

      {byPosition(plan.orientations).map((orientation) => {
        const ids = new Set(objectiveIds(orientation.objectives));
        const own = indicators.filter((indicator) => ids.has(indicator.objectiveId));
        if (own.length === 0) return null;
        const visible = byPosition(orientation.objectives).some((objective) => hasShown(objective, byObjective, shown));
        return (
          <section key={orientation.id} className="dash-orientation" aria-labelledby={`dash-orientation-${orientation.id}`}>
            <div className="dash-orientation__head">
              <h2 id={`dash-orientation-${orientation.id}`} className="dash-orientation__title">
                {t('dashboard.orientationHeading', { number: orientation.number, title: orientation.title })}
              </h2>
              <StatusCounts indicators={own} />
            </div>
            {visible ? null : <p className="empty">{t('dashboard.noneShown')}</p>}
            {byPosition(orientation.objectives).map((objective) => (
              <ObjectiveBlock
                key={objective.id}
                objective={objective}
                level={3}
                byObjective={byObjective}
                shown={shown}
                context={context}
              />
            ))}
          </section>
        );
      })}

      <PlanWorkCells tree={plan} />
    </article>
  );
}
