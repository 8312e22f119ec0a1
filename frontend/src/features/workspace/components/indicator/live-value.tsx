import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/components/query-state';
import type { IndicatorDefinition } from '@/features/workspace/api/indicators-api';
import { useLiveValues } from '@/features/workspace/hooks/use-indicator-editor';
import { formatNumber } from '@/lib/format';
import { periodLabelAsOf } from '@/lib/periods';

/** A period as its grain names it: « 2023 », « T3 2023 », « août 2023 ». */
function usePeriodFormat(grain: IndicatorDefinition['grain']): (period: string) => string {
  const { t, i18n } = useTranslation();
  const locale = (i18n.resolvedLanguage ?? 'fr').startsWith('en') ? 'en-CA' : 'fr-CA';
  return (period) => {
    const [year, month] = period.split('-').map(Number) as [number, number];
    if (grain === 'year') return String(year);
    if (grain === 'quarter') return t('workspace.indicator.quarter', { quarter: Math.floor((month - 1) / 3) + 1, year });
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(new Date(year, month - 1, 1));
  };
}

interface LiveValueProps {
  indicator: IndicatorDefinition;
  savedAt: number | null;
}

/**
 * The value the workers computed from the saved definition, with the number of people behind it. After a save
 * the API only queues a recompute: the page asks again every second until the value is there.
 */
export function LiveValue({ indicator, savedAt }: LiveValueProps) {
  const { t, i18n } = useTranslation();
  const messageFor = useErrorMessage();
  const language = i18n.resolvedLanguage ?? 'fr';
  const { values, progress } = useLiveValues(indicator.id, indicator.planId, savedAt);
  const periodOf = usePeriodFormat(indicator.grain);
  const own = progress.data?.indicators.find((item) => item.id === indicator.id);
  const cells = values.data ?? [];
  const polling = values.fetchStatus === 'fetching' || progress.fetchStatus === 'fetching';

  const withUnit = (value: number): string => {
    const formatted = formatNumber(value, language);
    const unit = indicator.kind === 'answer_share' ? '%' : indicator.unit;
    if (!unit) return formatted;
    return unit === '%' ? `${formatted}\u00a0%` : `${formatted} ${unit}`;
  };

  const current = own && own.value !== null ? own : null;
  // The period holding today is still running: its value says how far it was counted.
  const currentPeriod = current?.period
    ? current.partial
      ? periodLabelAsOf(current.period, indicator.grain, { t, language }, {
          periodEnd: current.periodEnd,
          partial: true,
          dataFrom: progress.data?.dataPeriod.from,
        })
      : periodOf(current.period)
    : null;

  return (
    <section className="ws-live card" aria-labelledby="live-value-title">
      <h2 id="live-value-title">{t('workspace.indicator.liveTitle')}</h2>
      <div aria-live="polite" role="status" className="ws-live__current">
        {current ? (
          <p className="ws-live__value" data-testid="indicator-current-value">
            <span>{t('workspace.indicator.currentValue')}</span> <strong>{withUnit(current.value as number)}</strong>{' '}
            <span className="badge badge--outline">{t('workspace.indicator.respondents', { n: current.n })}</span>{' '}
            {currentPeriod ? <span className="muted">{t('workspace.indicator.period', { period: currentPeriod })}</span> : null}{' '}
            <span className={`badge ws-status ws-status--${current.status}`}>{t(`workspace.status.${current.status}`)}</span>
          </p>
        ) : (
          <p className="muted">
            {polling || values.isPending ? <span className="spinner" aria-hidden="true" /> : null}
            {values.isPending || progress.isPending || polling ? t('workspace.indicator.computing') : t('workspace.indicator.noValueYet')}
          </p>
        )}
      </div>
      {!current && !polling && !values.isPending ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            void values.refetch();
            void progress.refetch();
          }}
        >
          {t('workspace.indicator.checkAgain')}
        </button>
      ) : null}
      {values.isError ? <p className="field__error">{messageFor(values.error)}</p> : null}
      {cells.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('workspace.indicator.seriesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workspace.indicator.periodColumn')}</th>
                <th scope="col">{t('workspace.indicator.valueColumn')}</th>
                <th scope="col">n</th>
                <th scope="col">{t('workspace.indicator.cumulativeColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((cell) => (
                <tr key={cell.period}>
                  <th scope="row">{periodOf(cell.period)}</th>
                  <td>{cell.suppressed || cell.value === null ? t('workspace.indicator.suppressed') : withUnit(cell.value)}</td>
                  <td>{cell.n ?? '—'}</td>
                  <td>
                    {cell.cumulativeSuppressed || cell.cumulativeValue === null
                      ? t('workspace.indicator.suppressed')
                      : `${withUnit(cell.cumulativeValue)} (n = ${cell.cumulativeN ?? '—'})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
