import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ProgressBar } from '@/components/progress-bar';
import { ErrorState, LoadingState } from '@/components/query-state';
import type { WorkCell } from '@/features/dashboard/api/dashboard-api';
import { ChartFigure } from '@/features/dashboard/components/chart-figure';
import type { TableModel } from '@/features/dashboard/components/data-table';
import { periodLabel, periodRange } from '@/lib/periods';
import { useWorkCell } from '@/features/dashboard/hooks/use-dashboard';
import { loadCharts, SERIES_COLOR, type ChartConfiguration } from '@/lib/charts';
import { formatDate, formatNumber } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { WorkCellIndicators } from '@/features/work-cells/components/work-cell-indicators';
import '@/features/dashboard/components/dashboard.css';

void loadCharts();

interface Text {
  t: TFunction;
  language: string;
}

const localeFor = (language: string): string => (language.startsWith('en') ? 'en-CA' : 'fr-CA');

/** Done steps with a date, counted per quarter from the cell's start: how the work advanced. */
function stepsFigure(cell: WorkCell, { t, language }: Text) {
  const dated = cell.steps
    // The day each step was done (every done step has one), not the day its text names.
    .flatMap((step) => (step.done && step.doneOn !== null ? [{ ...step, date: step.doneOn }] : []))
    .sort((a, b) => a.date.localeCompare(b.date) || a.position - b.position);
  const first = [cell.startDate, dated[0]?.date].filter((d): d is string => Boolean(d)).sort()[0];
  const last = dated.at(-1)?.date;
  const periods = first && last ? periodRange(first, last, 'quarter') : [];
  let done = 0;
  let index = 0;
  const values = periods.map((_period, i) => {
    const next = periods[i + 1];
    while (index < dated.length && (next === undefined || (dated[index]?.date ?? '') < next)) {
      done += 1;
      index += 1;
    }
    return done;
  });
  const config: ChartConfiguration<'line'> = {
    type: 'line',
    data: {
      labels: periods.map((period) => periodLabel(period, 'quarter', language)),
      datasets: [
        {
          label: t('dashboard.workCell.stepsDone'),
          data: values,
          borderColor: SERIES_COLOR,
          backgroundColor: SERIES_COLOR,
          borderWidth: 3,
          pointRadius: 4,
          stepped: true,
        },
      ],
    },
    options: {
      locale: localeFor(language),
      layout: { padding: { top: 8, right: 12 } },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { offset: true, grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
        y: {
          beginAtZero: true,
          suggestedMax: cell.stepsTotal,
          ticks: { precision: 0 },
          title: { display: true, text: t('dashboard.workCell.stepsAxis') },
        },
      },
    },
  };
  let running = 0;
  const table: TableModel = {
    caption: t('dashboard.workCell.stepsCaption', { name: cell.name }),
    rowHeader: t('dashboard.workCell.date'),
    columns: [{ label: t('dashboard.workCell.step') }, { label: t('dashboard.workCell.cumulative'), numeric: true }],
    rows: dated.map((step) => {
      running += 1;
      return {
        header: formatDate(step.date, language),
        cells: [{ text: step.text }, { text: formatNumber(running, language), copy: String(running), numeric: true }],
      };
    }),
  };
  return { config, table, datedCount: dated.length };
}

/** Partnerships counted by a property (network, sector), most frequent first, as horizontal bars. */
function countFigure(
  cell: WorkCell,
  pick: (p: WorkCell['partnerships'][number]) => string,
  caption: string,
  rowHeader: string,
  { t, language }: Text,
) {
  const counts = new Map<string, number>();
  for (const partnership of cell.partnerships) counts.set(pick(partnership), (counts.get(pick(partnership)) ?? 0) + 1);
  const rows = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], localeFor(language)));
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: rows.map(([label]) => label),
      datasets: [
        {
          label: t('dashboard.workCell.partnerships'),
          data: rows.map(([, count]) => count),
          backgroundColor: SERIES_COLOR,
          maxBarThickness: 32,
        },
      ],
    },
    options: {
      locale: localeFor(language),
      indexAxis: 'y',
      scales: {
        x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('dashboard.workCell.partnerships') } },
        y: { grid: { display: false }, ticks: { autoSkip: false } },
      },
    },
  };
  const table: TableModel = {
    caption,
    rowHeader,
    columns: [{ label: t('dashboard.workCell.partnerships'), numeric: true }],
    rows: rows.map(([label, count]) => ({
      header: label,
      cells: [{ text: formatNumber(count, language), copy: String(count), numeric: true }],
    })),
  };
  return { config, table, height: `${Math.max(10, rows.length * 2.4 + 4)}rem` };
}

export function WorkCellDashboardPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const { id = '' } = useParams();
  const query = useWorkCell(id);
  useDocumentTitle(query.data ? t('dashboard.workCell.pageTitle', { name: query.data.name }) : t('dashboard.title'));

  const figures = useMemo(() => {
    if (!query.data) return null;
    const cell = query.data;
    const text = { t, language };
    const none = t('dashboard.workCell.unspecified');
    return {
      steps: stepsFigure(cell, text),
      networks: countFigure(
        cell,
        (p) => (p.network ? t(`network.${p.network}` as 'network.communautaire', { defaultValue: p.network }) : none),
        t('dashboard.workCell.networkCaption', { name: cell.name }),
        t('dashboard.workCell.network'),
        text,
      ),
      sectors: countFigure(
        cell,
        (p) => p.sector?.trim() || none,
        t('dashboard.workCell.sectorCaption', { name: cell.name }),
        t('dashboard.workCell.sector'),
        text,
      ),
    };
  }, [query.data, t, language]);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const cell = query.data;
  if (!figures) return null;
  const undated = cell.stepsDone - figures.steps.datedCount;

  return (
    <article className="dashboard">
      <p className="breadcrumb">
        <Link to={`/work-cells/${cell.id}`}>
          <span aria-hidden="true">← </span>
          {t('dashboard.workCell.back')}
        </Link>
      </p>
      <header className="page-header">
        <h1>
          <span className="dashboard__kicker">{t('dashboard.title')}</span> {cell.name}
        </h1>
        <ProgressBar
          value={cell.stepsDone}
          max={cell.stepsTotal}
          label={t('dashboard.workCells.steps', { done: cell.stepsDone, count: cell.stepsTotal })}
        />
        <p className="muted">{t('dashboard.workCells.partners', { count: cell.partnerships.length })}</p>
      </header>

      <section className="indicator-section" aria-labelledby="cell-steps-chart-title">
        {figures.steps.datedCount > 0 ? (
          <ChartFigure
            id="cell-steps-chart"
            title={t('dashboard.workCell.stepsTitle')}
            level={2}
            summary={t('dashboard.workCell.stepsSummary', { done: figures.steps.datedCount, name: cell.name })}
            config={figures.steps.config}
            legend={[]}
            table={figures.steps.table}
            note={undated > 0 ? <p className="small">{t('dashboard.workCell.undated', { count: undated })}</p> : null}
          />
        ) : (
          <>
            <h2 id="cell-steps-chart-title">{t('dashboard.workCell.stepsTitle')}</h2>
            <p className="empty">
              {cell.stepsDone > 0 ? t('dashboard.workCell.noDates', { count: cell.stepsDone }) : t('dashboard.workCell.noneDone')}
            </p>
          </>
        )}
      </section>

      {cell.planId ? <WorkCellIndicators planId={cell.planId} workCellId={cell.id} /> : null}

      {cell.partnerships.length > 0 ? (
        <section className="indicator-section" aria-labelledby="cell-partners-title">
          <h2 id="cell-partners-title">{t('dashboard.workCell.partnersTitle')}</h2>
          <div className="breakdowns">
            <ChartFigure
              id="cell-networks"
              title={t('dashboard.workCell.byNetwork')}
              level={3}
              summary={t('dashboard.workCell.byNetworkSummary', { name: cell.name })}
              config={figures.networks.config}
              legend={[]}
              table={figures.networks.table}
              height={figures.networks.height}
            />
            <ChartFigure
              id="cell-sectors"
              title={t('dashboard.workCell.bySector')}
              level={3}
              summary={t('dashboard.workCell.bySectorSummary', { name: cell.name })}
              config={figures.sectors.config}
              legend={[]}
              table={figures.sectors.table}
              height={figures.sectors.height}
            />
          </div>
        </section>
      ) : (
        <p className="empty">{t('dashboard.workCell.noPartners')}</p>
      )}
    </article>
  );
}
