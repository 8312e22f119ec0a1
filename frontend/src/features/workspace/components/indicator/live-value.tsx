import { useTranslation } from 'react-i18next';
import { isCumulative } from '@repere/contract';
import { DisclosureNote, NotForPublicationMark } from '@/components/disclosure-note';
import { useErrorMessage } from '@/components/query-state';
import type { IndicatorDefinition, ValueCell } from '@/features/workspace/api/indicators-api';
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
  /**
   * The signed-in user may read the true figures (evaluators, admins): the card shows them, marked « Ne pas
   * publier », with the published value beside the current one. The others see the published figures.
   */
  trueFigures: boolean;
}

/**
 * The value the workers computed from the saved definition, with the number of people behind it. After a save
 * the API only queues a recompute: the page asks again every second until the value is there.
 *
 * An evaluator checks here that a definition counts what it should, so the card shows the true figures: a perturbed
 * count, or a suppressed one, would hide a mistake as well as a person. They are marked not for publication, and the
 * published value — the one the dashboards, evaluations and reports show — is written under the current one.
 */
export function LiveValue({ indicator, savedAt, trueFigures }: LiveValueProps) {
  const { t, i18n } = useTranslation();
  const messageFor = useErrorMessage();
  const language = i18n.resolvedLanguage ?? 'fr';
  const { values, progress } = useLiveValues(indicator.id, indicator.planId, savedAt, trueFigures ? 'unpublished' : 'published');
  const periodOf = usePeriodFormat(indicator.grain);
  const own = progress.data?.indicators.find((item) => item.id === indicator.id);
  const cells = values.data ?? [];
  const polling = values.fetchStatus === 'fetching' || progress.fetchStatus === 'fetching';
  const k = progress.data?.disclosure.k ?? null;
  const suppressedText = k ? t('workspace.indicator.suppressed', { k }) : t('dashboard.suppressedShort');
  const cumulative = isCumulative(indicator.kind);

  const withUnit = (value: number): string => {
    const formatted = formatNumber(value, language);
    const unit = indicator.kind === 'answer_share' ? '%' : indicator.unit;
    if (!unit) return formatted;
    return unit === '%' ? `${formatted}\u00a0%` : `${formatted} ${unit}`;
  };

  // Computed: a value, or a period whose published value is suppressed.
  const current = own && (own.value !== null || own.period !== null) ? own : null;
  // The true figures of the current one's period (the series as stored: a figure dated after today in that period,
  // a count entered ahead of its day, is in it).
  const trueCell: ValueCell | undefined = trueFigures && current ? cells.find((cell) => cell.period === current.period) : undefined;
  const trueValue = trueCell ? (cumulative ? trueCell.cumulativeValue : trueCell.value) : null;
  const trueN = trueCell ? (cumulative ? trueCell.cumulativeN : trueCell.n) : null;
  const published = current && current.value !== null ? withUnit(current.value) : suppressedText;
  // The period holding today is still running: its value says how far it was counted.
  const currentPeriod = current?.period
    ? current.partial
      ? periodLabelAsOf(
          current.period,
          indicator.grain,
          { t, language },
          {
            periodEnd: current.periodEnd,
            partial: true,
            dataFrom: progress.data?.dataPeriod.from,
          },
        )
      : periodOf(current.period)
    : null;

  return (
    <section className="ws-live card" aria-labelledby="live-value-title">
      <h2 id="live-value-title">{t('workspace.indicator.liveTitle')}</h2>
      {trueFigures ? <NotForPublicationMark /> : null}
      <div aria-live="polite" role="status" className="ws-live__current">
        {current ? (
          <div className="ws-live__value" data-testid="indicator-current-value">
            <p className="ws-live__line">
              <span>{t('workspace.indicator.currentValue')}</span>{' '}
              {trueValue !== null ? (
                <>
                  <strong className="ws-live__true">{withUnit(trueValue)}</strong>{' '}
                  <span className="badge ws-live__true-badge">{t('disclosure.trueFigures.current')}</span>{' '}
                  {trueN !== null ? (
                    <span className="badge badge--outline">{t('workspace.indicator.respondents', { n: trueN })}</span>
                  ) : null}
                </>
              ) : (
                <>
                  <strong>{published}</strong>{' '}
                  {current.n !== null ? (
                    <span className="badge badge--outline">{t('workspace.indicator.respondents', { n: current.n })}</span>
                  ) : null}
                </>
              )}{' '}
              {currentPeriod ? <span className="muted">{t('workspace.indicator.period', { period: currentPeriod })}</span> : null}{' '}
              <span className={`badge ws-status ws-status--${current.status}`}>{t(`workspace.status.${current.status}`)}</span>
            </p>
            {trueValue !== null ? (
              <p className="ws-live__published">
                {t('workspace.indicator.publishedValue', { value: published })}
                {current.n !== null ? ` (${t('workspace.indicator.respondents', { n: current.n })})` : ''}
              </p>
            ) : null}
          </div>
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
            <caption className="visually-hidden">
              {trueFigures
                ? t('disclosure.trueFigures.caption', { caption: t('workspace.indicator.seriesCaption') })
                : t('workspace.indicator.seriesCaption')}
            </caption>
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
                  <td>
                    <Figure
                      value={cell.value}
                      suppressed={cell.suppressed}
                      format={withUnit}
                      suppressedText={suppressedText}
                      trueFigures={trueFigures}
                    />
                  </td>
                  <td>{cell.n ?? '—'}</td>
                  <td>
                    <Figure
                      value={cell.cumulativeValue}
                      n={cell.cumulativeN}
                      suppressed={cell.cumulativeSuppressed}
                      format={withUnit}
                      suppressedText={suppressedText}
                      trueFigures={trueFigures}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <DisclosureNote
        disclosure={progress.data?.disclosure}
        scope={indicator.kind === 'manual' ? 'manual' : 'computed'}
        unpublished={trueFigures}
        level={3}
        id="live-value-disclosure"
        className="ws-live__disclosure"
      />
    </section>
  );
}

interface FigureProps {
  value: number | null;
  n?: number | null;
  suppressed: boolean;
  format: (value: number) => string;
  suppressedText: string;
  trueFigures: boolean;
}

/** A cell of the series: published, a suppressed figure says so; true, it is shown and said to be suppressed once published. */
function Figure({ value, n, suppressed, format, suppressedText, trueFigures }: FigureProps) {
  const { t } = useTranslation();
  if (value === null) return <>{suppressed ? suppressedText : '—'}</>;
  const text = n === undefined ? format(value) : `${format(value)} (n = ${n ?? '—'})`;
  if (!suppressed || !trueFigures) return <>{text}</>;
  return (
    <>
      {text}
      <span className="ws-live__hidden">{t('disclosure.trueFigures.hiddenWhenPublished')}</span>
    </>
  );
}
