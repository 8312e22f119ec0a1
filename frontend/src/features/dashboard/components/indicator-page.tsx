import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorState, LoadingState } from '@/components/query-state';
import { isCumulative, type Dimension, type Grain, type IndicatorDefinition, type PlanDates, type ValueCell } from '@/features/dashboard/api/dashboard-api';
import { ChartFigure } from '@/features/dashboard/components/chart-figure';
import { breakdownFigure, seriesFigure, type ChartText } from '@/features/dashboard/components/indicator-charts';
import { useAdsLabels } from '@/features/dashboard/components/labels';
import { StatusBadge } from '@/features/dashboard/components/status-badge';
import { useIndicator, useIndicatorBreakdowns, useIndicatorValues, usePlan, usePlanProgress } from '@/features/dashboard/hooks/use-dashboard';
import { loadCharts } from '@/lib/charts';
import { formatDate, formatNumber, formatWithUnit } from '@/lib/format';
import { periodLabelAsOf, type AsOf } from '@/lib/periods';
import { targetGapText } from '@/lib/target-gap';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/dashboard/components/dashboard.css';

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
}

function SeriesSection({ indicator, plan, cells, grain, asOf }: SeriesProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const figure = useMemo(
    () => seriesFigure(indicator, plan, cells, grain, { t, language }, asOf),
    [indicator, plan, cells, grain, t, language, asOf],
  );
  if (cells.length === 0) return <p className="empty">{t('dashboard.series.empty')}</p>;
  return (
    <ChartFigure
      id="indicator-series"
      title={t(isCumulative(indicator.kind) ? 'dashboard.series.titleCumulative' : 'dashboard.series.title', { grain: t(`dashboard.grain.${grain}`) })}
      level={2}
      summary={figure.summary}
      config={figure.config}
      legend={figure.legend}
      table={figure.table}
      size="tall"
    />
  );
}

interface BreakdownProps {
  indicator: IndicatorDefinition;
  dimension: Dimension;
  cells: ValueCell[];
  grain: Grain;
  asOf: AsOf | null;
}

function BreakdownSection({ indicator, dimension, cells, grain, asOf }: BreakdownProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const labels = useAdsLabels();
  const figure = useMemo(
    () => breakdownFigure(indicator, dimension, cells, grain, { t, language } satisfies ChartText, labels, asOf),
    [indicator, dimension, cells, grain, t, language, labels, asOf],
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
      note={figure.suppressedCount > 0 ? <p className="small">{t('dashboard.breakdown.suppressedNote')}</p> : null}
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
  const series = useIndicatorValues(id, grain, at);
  const breakdowns = useIndicatorBreakdowns(id, grain, indicator.data?.dimensions ?? [], at);
  // Without `at`, the plan's today (in its time zone), which the response gives back with the data period.
  const progress = usePlanProgress(indicator.data?.planId, at);
  const adsLabels = useAdsLabels();
  const asOfData = progress.data;
  const asOf = useMemo<AsOf | null>(
    () => (asOfData ? { at: asOfData.at, from: asOfData.dataPeriod.from, until: asOfData.dataPeriod.until } : null),
    [asOfData],
  );
  useDocumentTitle(indicator.data?.name ?? t('dashboard.indicator.title'));

  if (indicator.isPending) return <LoadingState />;
  if (indicator.isError) return <ErrorState error={indicator.error} onRetry={() => void indicator.refetch()} />;

  const definition = indicator.data;
  const current = progress.data?.indicators.find((item) => item.id === definition.id);
  // Once the plan has ended, how close the indicator came to its final target, as on the plan's dashboard.
  const final = progress.data?.ended && (current?.status === 'achieved' || current?.status === 'not_achieved');
  const gap = final && current ? targetGapText(current, { t, language }) : null;
  const value = (number: number | null | undefined): string =>
    number === null || number === undefined ? t('common.none') : formatWithUnit(number, definition.unit, language);
  const chooseGrain = (next: string): void => {
    const params = new URLSearchParams(search);
    if (next === definition.grain) params.delete('grain');
    else params.set('grain', next);
    setSearch(params, { replace: true });
  };

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
        <p className="badges">
          {current ? <StatusBadge status={current.status} /> : null}
          <span className="badge">{t(`indicatorKind.${definition.kind}`, { defaultValue: definition.kind })}</span>
          {definition.unit ? <span className="badge badge--outline">{t('dashboard.indicator.unit', { unit: definition.unit })}</span> : null}
          <span className="badge badge--outline">
            <span aria-hidden="true">{definition.direction === 'down' ? '↓ ' : '↑ '}</span>
            {t(`dashboard.indicator.direction.${definition.direction}`)}
          </span>
        </p>
        <dl className="facts indicator-facts">
          <div>
            <dt>{t('dashboard.current')}</dt>
            <dd>
              <strong>{current && current.value !== null ? value(current.value) : t('dashboard.noValue')}</strong>
              {current && current.value !== null && current.period && grain ? (
                <span className="muted">
                  {' '}
                  {t('dashboard.indicator.currentDetail', {
                    n: formatNumber(current.n ?? 0, language),
                    period: periodLabelAsOf(current.period, definition.grain, { t, language }, {
                      periodEnd: current.periodEnd,
                      partial: current.partial,
                      dataFrom: asOf?.from,
                    }),
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

      <div className="indicator-section">
        {series.isPending || !grain ? <LoadingState /> : null}
        {series.isError ? <ErrorState error={series.error} onRetry={() => void series.refetch()} /> : null}
        {series.data && grain ? <SeriesSection indicator={definition} plan={plan.data} cells={series.data} grain={grain} asOf={asOf} /> : null}
      </div>

      {definition.dimensions.length > 0 ? (
        <section aria-labelledby="indicator-breakdowns" className="indicator-section">
          <h2 id="indicator-breakdowns">{t('dashboard.breakdown.heading')}</h2>
          <p className="muted">{t('dashboard.breakdown.intro')}</p>
          <div className="breakdowns">
            {definition.dimensions.map((dimension, index) => {
              const query = breakdowns[index];
              if (!query || query.isPending || !grain) return <LoadingState key={dimension} label={adsLabels.dimension(dimension)} />;
              if (query.isError) return <ErrorState key={dimension} error={query.error} onRetry={() => void query.refetch()} />;
              return <BreakdownSection key={dimension} indicator={definition} dimension={dimension} cells={query.data} grain={grain} asOf={asOf} />;
            })}
          </div>
        </section>
      ) : null}
    </article>
  );
}
