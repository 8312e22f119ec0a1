import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressStatus } from '@repere/contract';
import { STATUS_COLORS, STATUS_SYMBOLS } from '@/lib/charts';

export function statusStyle(status: ProgressStatus): CSSProperties {
  return { '--status-color': STATUS_COLORS[status] } as CSSProperties;
}

/** A status as colour, symbol and words together: never colour alone. */
export function StatusBadge({ status }: { status: ProgressStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`} style={statusStyle(status)}>
      <span className="status-badge__symbol" aria-hidden="true">
        {STATUS_SYMBOLS[status]}
      </span>
      {t(`dashboard.status.${status}`)}
    </span>
  );
}
