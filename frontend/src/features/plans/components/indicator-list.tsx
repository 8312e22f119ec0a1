import { useTranslation } from 'react-i18next';
import type { Indicator } from '@/features/plans/api/plans-api';
import { formatDate, formatNumber } from '@/lib/format';

function IndicatorItem({ indicator }: { indicator: Indicator }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const none = t('common.none');
  const value = (number: number | null): string => {
    if (number === null) return none;
    const formatted = formatNumber(number, language);
    if (!indicator.unit) return formatted;
    // « 80 % » but "12 participants": a percent sign sits closer to its number in both languages.
    return indicator.unit === '%' ? `${formatted}\u00a0%` : `${formatted} ${indicator.unit}`;
  };
  const baselineDate = formatDate(indicator.baselineDate, language);

  return (
    <li className="indicator">
      <p className="indicator__name">{indicator.name}</p>
      <p className="badges">
        <span className="badge">{t(`indicatorKind.${indicator.kind}`, { defaultValue: indicator.kind })}</span>
        <span className={`badge badge--${indicator.status === 'active' ? 'success' : 'muted'}`}>
          {t(`indicatorStatus.${indicator.status}`, { defaultValue: indicator.status })}
        </span>
        {indicator.unit ? <span className="badge badge--outline">{t('plans.unit', { unit: indicator.unit })}</span> : null}
        <span className="badge badge--outline">
          <span aria-hidden="true">{indicator.direction === 'down' ? '↓ ' : '↑ '}</span>
          {t(`plans.direction.${indicator.direction}`, { defaultValue: indicator.direction })}
        </span>
      </p>
      <p className="targets">
        <span className="target">
          <span className="target__label">{t('plans.baseline')}</span> <strong>{value(indicator.baselineValue)}</strong>
          {baselineDate && indicator.baselineValue !== null ? (
            <span className="muted"> {t('plans.baselineDate', { date: baselineDate })}</span>
          ) : null}
        </span>
        <span className="target__arrow" aria-hidden="true">
          →
        </span>
        <span className="target">
          <span className="target__label">{t('plans.midtermTarget')}</span> <strong>{value(indicator.midtermTarget)}</strong>
        </span>
        <span className="target__arrow" aria-hidden="true">
          →
        </span>
        <span className="target">
          <span className="target__label">{t('plans.finalTarget')}</span> <strong>{value(indicator.finalTarget)}</strong>
        </span>
      </p>
    </li>
  );
}

export function IndicatorList({ indicators }: { indicators: Indicator[] }) {
  return (
    <ul className="indicators">
      {indicators.map((indicator) => (
        <IndicatorItem key={indicator.id} indicator={indicator} />
      ))}
    </ul>
  );
}
