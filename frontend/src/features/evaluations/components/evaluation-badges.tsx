import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentRating, EvaluationState, ProgressStatus } from '@repere/contract';
import { STATUS_COLORS, STATUS_SYMBOLS } from '@/lib/charts';

// Colour, symbol and words together, never colour alone; the statuses share the dashboards' colours.

const colour = (value: string): CSSProperties => ({ '--eval-color': value }) as CSSProperties;

export function StatusBadge({ status }: { status: ProgressStatus }) {
  const { t } = useTranslation();
  return (
    <span className="eval-badge" style={colour(STATUS_COLORS[status])}>
      <span className="eval-badge__symbol" aria-hidden="true">
        {STATUS_SYMBOLS[status]}
      </span>
      {t(`evaluations.status.${status}`)}
    </span>
  );
}

/** The committee's four ratings, in the colours and symbols of the indicators' statuses of the same name. */
const RATING_AS_STATUS: Record<AssessmentRating, ProgressStatus> = {
  achieved: 'achieved',
  on_track: 'on_track',
  at_risk: 'at_risk',
  not_achieved: 'not_achieved',
};

export function RatingBadge({ rating }: { rating: AssessmentRating }) {
  const { t } = useTranslation();
  const status = RATING_AS_STATUS[rating];
  return (
    <span className="eval-badge" style={colour(STATUS_COLORS[status])}>
      <span className="eval-badge__symbol" aria-hidden="true">
        {STATUS_SYMBOLS[status]}
      </span>
      {t(`evaluations.rating.${rating}`)}
    </span>
  );
}

export function RatingSymbol({ rating }: { rating: AssessmentRating }) {
  const status = RATING_AS_STATUS[rating];
  return (
    <span className="eval-rating-symbol" style={colour(STATUS_COLORS[status])} aria-hidden="true">
      {STATUS_SYMBOLS[status]}
    </span>
  );
}

const STATE_SYMBOLS: Record<EvaluationState, string> = { freezing: '❄', open: '✎', closed: '✓' };

export function StateBadge({ state }: { state: EvaluationState }) {
  const { t } = useTranslation();
  return (
    <span className={`eval-state eval-state--${state}`}>
      <span aria-hidden="true">{STATE_SYMBOLS[state]} </span>
      {t(`evaluations.state.${state}`)}
    </span>
  );
}
