import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isCumulative, isOneOf, PLAN_WRITERS, type Dimension, type Grain } from '@repere/contract';
import { ArchiveBanner } from '@/components/archive';
import { DisclosureNote, NotForPublicationMark } from '@/components/disclosure-note';
import { ErrorState, LoadingState } from '@/components/query-state';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import type { FiguresView, IndicatorDefinition, PlanDates, ValueCell } from '@/features/dashboard/api/dashboard-api';
import { ChartFigure } from '@/features/dashboard/components/chart-figure';
import { breakdownFigure, seriesFigure, type ChartText, type FiguresOptions } from '@/features/dashboard/components/indicator-charts';
import { useAdsLabels } from '@/features/dashboard/components/labels';
import { FiguresViewSwitch, trueCurrentOf } from '@/features/dashboard/components/figures-view';
import { IndicatorEvidenceSection } from '@/features/dashboard/components/evidence-trace';
import { IndicatorNote } from '@/features/dashboard/components/indicator-note';
import { StatusBadge } from '@/features/dashboard/components/status-badge';
import {
  useIndicator,
  useIndicatorBreakdowns,
  useIndicatorValues,
  usePlan,
  usePlanProgress,
} from '@/features/dashboard/hooks/use-dashboard';
import { loadCharts } from '@/lib/charts';
import { formatDate, formatNumber, formatWithUnit } from '@/lib/format';
import { periodLabelAsOf, type AsOf } from '@/lib/periods';
import { targetGapText } from '@/lib/target-gap';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/dashboard/components/dashboard.css';
import { HistoryPanel } from '@/components/history-panel';

const GRAINS: readonly Grain[] = ['month', 'quarter', 'year'];
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

// Chart.js is fetched while the indicator and its values are: the page has charts whatever they hold.
void loadCharts();

interface SeriesProps {
  indicator: IndicatorDefinition;
  plan: PlanDates | undefined;
  cells: ValueCell[];
  grain: Grain;
  asOf: AsOf | null;
  figures: FiguresOptions;
}

function SeriesSection({ indicator, plan, cells, grain, asOf, figures }: SeriesProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const figure = useMemo(
    () => seriesFigure(indicator, plan, cells, grain, { t, language }, asOf, figures),
    [indicator, plan, cells, grain, t, language, asOf, figures],
  );
  if (cells.length === 0) return <p className="empty">{t('dashboard.series.empty')}</p>;
  return (
    <ChartFigure
      id="indicator-series"
      title={t(isCumulative(indicator.kind) ? 'dashboard.series.titleCumulative' : 'dashboard.series.title', {
        grain: t(`dashboard.grain.${grain}`),
      })}
      level={2}
      summary={figure.summary}
      config={figure.config}
      legend={figure.legend}
      table={figure.table}
      size="tall"
      notForPublication={figures.unpublished}
    />
  );
}

interface BreakdownProps {
  indicator: IndicatorDefinition;
  dimension: Dimension;
  cells: ValueCell[];
  grain: Grain;
  asOf: AsOf | null;
  figures: FiguresOptions;
}

function BreakdownSection({ indicator, dimension, cells, grain, asOf, figures }: BreakdownProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const labels = useAdsLabels();
  const figure = useMemo(
    () => breakdownFigure(indicator, dimension, cells, grain, { t, language } satisfies ChartText, labels, asOf, figures),
    [indicator, dimension, cells, grain, t, language, labels, asOf, figures],
  );
  const title = t('dashboard.breakdown.title', { dimension: labels.dimension(dimension) });
  if (cells.length === 0) {
    return (
      <section className="chart-figure" aria-label={title}>
        <h3 className="chart-figure__title">{title}</h3>
        <p className="empty">{t('dashboard.breakdown.empty')}</p>
      </section>
    );
  }
  return (
    <ChartFigure
      id={`indicator-breakdown-${dimension}`}
      title={title}
      level={3}
      summary={figure.summary}
      config={figure.config}
      legend={figure.legend}
      table={figure.table}
      note={
        figure.suppressedCount > 0 && figures.k !== null && figures.k > 1 ? (
          <p className="small">{t('dashboard.breakdown.suppressedNote', { count: figures.k - 1 })}</p>
        ) : null
      }
      notForPublication={figures.unpublished}
    />
  );
}

export function IndicatorPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const indicator = useIndicator(id);
  const requestedGrain = search.get('grain');
  const grain = GRAINS.find((g) => g === requestedGrain) ?? indicator.data?.grain;
  // The plan dashboard's as-of date, carried in the link: the series, the table and the current value are as of it.
  const param = search.get('at');
  const at = param && ISO_DAY.test(param) ? param : null;
  const plan = usePlan(indicator.data?.planId);
  // The true figures only for evaluators and admins who asked for them (`?view=unpublished`, kept in the address so
  // that a reload or a print shows what was on screen); anyone else is shown the published ones whatever it says.
  const me = useCurrentUser();
  // Those who write plans read the true figures (the API's readsTrueFigures); the others only ever get the published ones.
  const mayReadTrue = isOneOf(PLAN_WRITERS, me.data?.role);
  const view: FiguresView = mayReadTrue && search.get('view') === 'unpublished' ? 'unpublished' : 'published';
  const series = useIndicatorValues(id, grain, at, view);
  const breakdowns = useIndicatorBreakdowns(id, grain, indicator.data?.dimensions ?? [], at, view);
  // Without `at`, the plan's today (in its time zone), which the response gives back with the data period.
  const progress = usePlanProgress(indicator.data?.planId, at);
  // The true current value: the true series at the indicator's own grain as of the progress's date, as it reads it.
  const trueCurrent = useIndicatorValues(
    id,
    indicator.data?.grain,
    progress.data?.at ?? null,
    'unpublished',
    view === 'unpublished' && Boolean(progress.data),
  );
  const adsLabels = useAdsLabels();
  const asOfData = progress.data;
  const asOf = useMemo<AsOf | null>(
    () => (asOfData ? { at: asOfData.at, from: asOfData.dataPeriod.from, until: asOfData.dataPeriod.until } : null),
    [asOfData],
  );
  const k = progress.data?.disclosure.k ?? null;
  const figures = useMemo<FiguresOptions>(() => ({ k, unpublished: view === 'unpublished' }), [k, view]);
  const name = indicator.data?.name ?? t('dashboard.indicator.title');
  useDocumentTitle(view === 'unpublished' ? t('disclosure.trueFigures.documentTitle', { title: name }) : name);

  if (indicator.isPending) return <LoadingState />;
  if (indicator.isError) return <ErrorState error={indicator.error} onRetry={() => void indicator.refetch()} />;

  const definition = indicator.data;
  const current = progress.data?.indicators.find((item) => item.id === definition.id);
  // Once the plan has ended, how close the indicator came to its final target, as on the plan's dashboard.
  const final = progress.data?.ended && (current?.status === 'achieved' || current?.status === 'not_achieved');
  const value = (number: number | null | undefined): string =>
    number === null || number === undefined ? t('common.none') : formatWithUnit(number, definition.unit, language);
  const chooseGrain = (next: string): void => {
    const params = new URLSearchParams(search);
    if (next === definition.grain) params.delete('grain');
    else params.set('grain', next);
    setSearch(params, { replace: true });
  };
  const chooseView = (next: FiguresView): void => {
    const params = new URLSearchParams(search);
    if (next === 'published') params.delete('view');
    else params.set('view', next);
    setSearch(params, { replace: true });
  };
  const unpublished = view === 'unpublished';
  // A suppressed value (1 to k − 1 people behind it) is said so, never 0.
  const currentSuppressed = Boolean(current?.suppressed);
  const trueValue = unpublished && current?.period ? trueCurrentOf(trueCurrent.data, current.period, isCumulative(definition.kind)) : null;
  // How close it came, from the figure shown: the true one among the true figures.
  const reached = current && trueValue && trueValue.value !== null ? { ...current, value: trueValue.value } : current;
  const gap = final && reached ? targetGapText(reached, { t, language }) : null;
  // Sections wait for the progress (k, the as-of date): its figures would otherwise be drawn twice.
  const progressSettled = !progress.isPending;

  return (
    <article className="dashboard indicator-page">
      {definition.planId ? (
        <p className="breadcrumb">
          <Link to={at ? `/plans/${definition.planId}/dashboard?at=${encodeURIComponent(at)}` : `/plans/${definition.planId}/dashboard`}>
            <span aria-hidden="true">← </span>
            {t('dashboard.backToDashboard')}
          </Link>
        </p>
      ) : null}
      <header className="page-header">
        <h1>
          <span className="dashboard__kicker">{t('dashboard.indicator.title')}</span> {definition.name}
        </h1>
        {at ? <p className="muted">{t('dashboard.indicator.asOf', { date: formatDate(at, language) })}</p> : null}
        <ArchiveBanner kind="indicators" id={definition.id} name={definition.name} archivedAt={definition.archivedAt} />
        <p className="badges">
          {current ? <StatusBadge status={current.status} /> : null}
          <span className="badge">{t(`indicatorKind.${definition.kind}`, { defaultValue: definition.kind })}</span>
          {definition.unit ? (
            <span className="badge badge--outline">{t('dashboard.indicator.unit', { unit: definition.unit })}</span>
          ) : null}
          <span className="badge badge--outline">
            <span aria-hidden="true">{definition.direction === 'down' ? '↓ ' : '↑ '}</span>
            {t(`dashboard.indicator.direction.${definition.direction}`)}
          </span>
        </p>
        <IndicatorNote note={definition.note} noData={!current || current.status === 'no_data'} />
        <dl className="facts indicator-facts">
          <div>
            <dt>{t('dashboard.current')}</dt>
            <dd>
              {trueValue && trueValue.value !== null ? (
                <>
                  <strong className="true-value">{value(trueValue.value)}</strong>{' '}
                  <span className="badge true-value__badge">{t('disclosure.trueFigures.current')}</span>
                  <span className="muted">
                    {' '}
                    {t('dashboard.indicator.currentDetail', {
                      n: formatNumber(trueValue.n ?? 0, language),
                      period: periodLabelAsOf(
                        current?.period ?? '',
                        definition.grain,
                        { t, language },
                        {
                          periodEnd: current?.periodEnd,
                          partial: current?.partial,
                          dataFrom: asOf?.from,
                        },
                      ),
                    })}
                  </span>
                  <span className="indicator-facts__published">
                    {t('disclosure.trueFigures.publishedValue', {
                      value:
                        current && current.value !== null
                          ? value(current.value)
                          : k
                            ? t('dashboard.suppressed', { k })
                            : t('dashboard.suppressedShort'),
                    })}
                  </span>
                </>
              ) : (
                <strong>
                  {current && current.value !== null
                    ? value(current.value)
                    : currentSuppressed && k
                      ? t('dashboard.suppressed', { k })
                      : t('dashboard.noValue')}
                </strong>
              )}
              {!trueValue && current && current.value !== null && current.period && grain ? (
                <span className="muted">
                  {' '}
                  {t('dashboard.indicator.currentDetail', {
                    n: formatNumber(current.n ?? 0, language),
                    period: periodLabelAsOf(
                      current.period,
                      definition.grain,
                      { t, language },
                      {
                        periodEnd: current.periodEnd,
                        partial: current.partial,
                        dataFrom: asOf?.from,
                      },
                    ),
                  })}
                </span>
              ) : null}
              {gap ? <span className="indicator-facts__gap">{gap}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t('dashboard.baseline')}</dt>
            <dd>
              {value(definition.baselineValue)}
              {definition.baselineDate && definition.baselineValue !== null ? (
                <span className="muted"> ({formatDate(definition.baselineDate, language)})</span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t('dashboard.midtermTarget')}</dt>
            <dd>
              {value(definition.midtermTarget)}
              {plan.data?.midtermDate ? <span className="muted"> ({formatDate(plan.data.midtermDate, language)})</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t('dashboard.finalTarget')}</dt>
            <dd>
              {value(definition.finalTarget)}
              {plan.data?.endDate ? <span className="muted"> ({formatDate(plan.data.endDate, language)})</span> : null}
            </dd>
          </div>
        </dl>
      </header>

      {mayReadTrue ? <FiguresViewSwitch view={view} onChange={chooseView} /> : null}
      {unpublished ? <NotForPublicationMark detail /> : null}

      <div className="grain-picker">
        <label htmlFor="grain-select">{t('dashboard.grainLabel')}</label>
        <select id="grain-select" value={grain} onChange={(event) => chooseGrain(event.target.value)}>
          {GRAINS.map((g) => (
            <option key={g} value={g}>
              {t(`dashboard.grain.${g}`)}
              {g === definition.grain ? ` (${t('dashboard.grainDefault')})` : ''}
            </option>
          ))}
        </select>
      </div>

      <DisclosureNote
        disclosure={progress.data?.disclosure}
        scope={definition.kind === 'manual' ? 'manual' : definition.kind === 'work_steps_done' ? 'steps' : 'computed'}
        unpublished={unpublished}
        id="indicator-disclosure"
      />

      <div className="indicator-section">
        {series.isPending || !grain || !progressSettled ? <LoadingState /> : null}
        {series.isError ? <ErrorState error={series.error} onRetry={() => void series.refetch()} /> : null}
        {series.data && grain && progressSettled ? (
          <SeriesSection indicator={definition} plan={plan.data} cells={series.data} grain={grain} asOf={asOf} figures={figures} />
        ) : null}
      </div>

      {definition.dimensions.length > 0 ? (
        <section aria-labelledby="indicator-breakdowns" className="indicator-section">
          <h2 id="indicator-breakdowns">{t('dashboard.breakdown.heading')}</h2>
          <p className="muted">{t('dashboard.breakdown.intro')}</p>
          <div className="breakdowns">
            {definition.dimensions.map((dimension, index) => {
              const query = breakdowns[index];
              if (!query || query.isPending || !grain || !progressSettled)
                return <LoadingState key={dimension} label={adsLabels.dimension(dimension)} />;
              if (query.isError) return <ErrorState key={dimension} error={query.error} onRetry={() => void query.refetch()} />;
              return (
                <BreakdownSection
                  key={dimension}
                  indicator={definition}
                  dimension={dimension}
                  cells={query.data}
                  grain={grain}
                  asOf={asOf}
                  figures={figures}
                />
              );
            })}
          </div>
        </section>
      ) : null}
      <IndicatorEvidenceSection indicatorId={definition.id} day={at} />
      <HistoryPanel entityType="indicator" entityId={definition.id} />
    </article>
  );
}
