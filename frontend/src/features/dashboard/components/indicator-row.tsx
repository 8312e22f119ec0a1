import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Grain } from '@repere/contract';
import type { IndicatorProgress } from '@/features/dashboard/api/dashboard-api';
import { BulletBar } from '@/features/dashboard/components/bullet-bar';
import { IndicatorNote } from '@/features/dashboard/components/indicator-note';
import { StatusBadge, statusStyle } from '@/features/dashboard/components/status-badge';
import { formatNumber, formatWithUnit } from '@/lib/format';
import { periodLabelAsOf } from '@/lib/periods';
import { targetGapText } from '@/lib/target-gap';

/** What every row of the overview shares: read once from the tree and the progress response. */
export interface RowContext {
  /** The grain of each indicator, by id: the progress endpoint does not say at which grain a period is. */
  grains: Map<string, Grain>;
  /** The as-of date chosen on the dashboard, carried to the indicator page; null for the plan's today. */
  at: string | null;
  /** The plan has ended at the as-of date: an achieved or not-achieved row says how close it came. */
  ended: boolean;
  /** The first day the plan counts, to say where a period cut at its start begins. */
  dataFrom: string | null;
  /** k of the disclosure control: a value of 1 to k − 1 people is suppressed, and said so. */
  k: number | null;
  /** Each indicator's note, by id (the progress endpoint does not carry it): why one has no data, above all. */
  notes?: Map<string, string>;
}

/** The indicator page, as of the dashboard's date when one was chosen. */
function indicatorLink(id: string, at: string | null): string {
  return at ? `/indicators/${id}?at=${encodeURIComponent(at)}` : `/indicators/${id}`;
}

export function IndicatorRow({ indicator, context }: { indicator: IndicatorProgress; context: RowContext }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const value = (number: number | null): string => (number === null ? t('common.none') : formatWithUnit(number, indicator.unit, language));
  const grain = context.grains.get(indicator.id);
  const hasTargets = indicator.baseline.value !== null || indicator.midtermTarget !== null || indicator.finalTarget !== null;
  // Read from a period yet without a value: its figure was suppressed (too few people), never shown as 0.
  const suppressed = indicator.suppressed;
  const link = (
    <Link to={indicatorLink(indicator.id, context.at)} className="dash-indicator__name">
      {indicator.name}
    </Link>
  );
  if (indicator.value === null && !suppressed && !hasTargets) {
    // Nothing measured and nothing to measure against (a draft indicator): one line, not an empty bar.
    return (
      <li className="dash-indicator dash-indicator--compact" style={statusStyle(indicator.status)}>
        <div className="dash-indicator__head">
          {link}
          <StatusBadge status={indicator.status} />
        </div>
        <p className="dash-indicator__none">{t('dashboard.nothingYet')}</p>
        <IndicatorNote note={context.notes?.get(indicator.id)} noData={indicator.status === 'no_data'} />
      </li>
    );
  }
  const final = context.ended && (indicator.status === 'achieved' || indicator.status === 'not_achieved');
  const gap = final ? targetGapText(indicator, { t, language }) : null;
  const period =
    indicator.period && grain
      ? periodLabelAsOf(
          indicator.period,
          grain,
          { t, language },
          { periodEnd: indicator.periodEnd, partial: indicator.partial, dataFrom: context.dataFrom },
        )
      : t('common.none');
  return (
    <li
      className={['dash-indicator', `dash-indicator--${indicator.status}`, gap ? 'dash-indicator--with-gap' : ''].filter(Boolean).join(' ')}
      style={statusStyle(indicator.status)}
    >
      <div className="dash-indicator__head">
        {link}
        <StatusBadge status={indicator.status} />
      </div>
      <BulletBar indicator={indicator} />
      {gap ? <p className="dash-indicator__gap">{gap}</p> : null}
      <IndicatorNote note={context.notes?.get(indicator.id)} noData={indicator.status === 'no_data'} />
      <dl className="dash-indicator__figures">
        <div className="dash-indicator__current">
          <dt>{t('dashboard.current')}</dt>
          <dd>
            {indicator.value !== null
              ? value(indicator.value)
              : suppressed
                ? context.k
                  ? t('dashboard.suppressed', { k: context.k })
                  : t('dashboard.suppressedShort')
                : t('dashboard.noValue')}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.n')}</dt>
          <dd>{indicator.value === null || indicator.n === null ? t('common.none') : formatNumber(indicator.n, language)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.period')}</dt>
          <dd>{period}</dd>
        </div>
        <div>
          <dt>{t('dashboard.baseline')}</dt>
          <dd>{value(indicator.baseline.value)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.midtermTarget')}</dt>
          <dd>{value(indicator.midtermTarget)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.finalTarget')}</dt>
          <dd>{value(indicator.finalTarget)}</dd>
        </div>
      </dl>
    </li>
  );
}
