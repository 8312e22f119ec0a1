import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorState, LoadingState } from '@/components/query-state';
import { isCumulative, type Dimension, type Grain, type IndicatorDefinition, type PlanDates, type ValueCell } from '@/features/dashboard/api/dashboard-api';
import { ChartFigure } from '@/features/dashboard/components/chart-figure';
import { breakdownFigure, seriesFigure, type ChartText } from '@/features/dashboard/components/indicator-charts';
import { formatWithUnit, useAdsLabels } from '@/features/dashboard/components/labels';
import { periodLabel, today } from '@/features/dashboard/components/periods';
import { StatusBadge } from '@/features/dashboard/components/status-badge';
import { useIndicator, useIndicatorBreakdowns, useIndicatorValues, usePlan, usePlanProgress } from '@/features/dashboard/hooks/use-dashboard';
import { loadCharts } from '@/lib/charts';
import { formatDate, formatNumber } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/features/dashboard/components/dashboard.css';

const GRAINS: readonly Grain[] = ['month', 'quarter', 'year'];

// Chart.js is fetched while the indicator and its values are: the page has charts whatever they hold.
void loadCharts();

function SeriesSection({ indicator, plan, cells, grain }: { indicator: IndicatorDefinition; plan: PlanDates | undefined; cells: ValueCell[]; grain: Grain }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const figure = useMemo(() => seriesFigure(indicator, plan, cells, grain, { t, language }), [indicator, plan, cells, grain, t, language]);
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

function BreakdownSection({ indicator, dimension, cells, grain }: { indicator: IndicatorDefinition; dimension: Dimension; cells: ValueCell[]; grain: Grain }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const labels = useAdsLabels();
  const figure = useMemo(
    () => breakdownFigure(indicator, dimension, cells, grain, { t, language } satisfies ChartText, labels),
    [indicator, dimension, cells, grain, t, language, labels],
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
  const plan = usePlan(indicator.data?.planId);
  const series = useIndicatorValues(id, grain);
  const breakdowns = useIndicatorBreakdowns(id, grain, indicator.data?.dimensions ?? []);
  const progress = usePlanProgress(indicator.data?.planId, today());
  const adsLabels = useAdsLabels();
  useDocumentTitle(indicator.data?.name ?? t('dashboard.indicator.title'));

  if (indicator.isPending) return <LoadingState />;
  if (indicator.isError) return <ErrorState error={indicator.error} onRetry={() => void indicator.refetch()} />;

  const definition = indicator.data;
  const current = progress.data?.indicators.find((item) => item.id === definition.id);
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
          <Link to={`/plans/${definition.planId}/dashboard`}>
            <span aria-hidden="true">← </span>
            {t('dashboard.backToDashboard')}
          </Link>
        </p>
      ) : null}
      <header className="page-header">
        <h1>
          <span className="dashboard__kicker">{t('dashboard.indicator.title')}</span> {definition.name}
        </h1>
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
                    period: periodLabel(current.period, definition.grain, language),
                  })}
                </span>
              ) : null}
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
        {series.data && grain ? <SeriesSection indicator={definition} plan={plan.data} cells={series.data} grain={grain} /> : null}
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
              return <BreakdownSection key={dimension} indicator={definition} dimension={dimension} cells={query.data} grain={grain} />;
            })}
          </div>
        </section>
      ) : null}
    </article>
  );
}
