import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationKind } from '@repere/contract';
import type { IndicatorSnapshot, MidtermComparison, ObjectiveSnapshot } from '@/features/evaluations/api/evaluations-api';
import { EvidenceTraceList } from '@/features/dashboard/components/evidence-trace';
import { StatusBadge } from '@/features/evaluations/components/evaluation-badges';
import { formatValue } from '@/features/evaluations/components/evaluation-format';
import { formatDate, formatNumber } from '@/lib/format';
import { periodLabelAsOf } from '@/lib/periods';
import { targetGapText } from '@/lib/target-gap';

interface IndicatorTableProps {
  objective: ObjectiveSnapshot;
  kind: EvaluationKind;
  cutoff: string;
  /** For a final: the mid-term it is compared with (baseline → mid-term → final). */
  midterm: MidtermComparison | null;
  /** The cut-off is on or after the plan's end: an achieved or not-achieved indicator says how close it came. */
  ended: boolean;
  /** The first day the snapshot counts, when it says (older snapshots do not). */
  dataFrom: string | null;
  /** k the figures were published with: a value of 1 to k − 1 people was suppressed. */
  k: number;
}

interface RowProps {
  indicator: IndicatorSnapshot;
  midterm: MidtermComparison | null | undefined;
  ended: boolean;
  dataFrom: string | null;
  k: number;
}

function Figure({
  value,
  n,
  unit,
  suppressed = null,
}: {
  value: number | null;
  n: number | null;
  unit: string | null;
  suppressed?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  if (value === null && suppressed) return <span className="eval-suppressed">{suppressed}</span>;
  if (value === null) return <span className="muted">{t('evaluations.table.noValue')}</span>;
  return (
    <>
      <strong className="eval-figure">{formatValue(value, unit, language)}</strong>
      {n !== null ? <span className="eval-n">{t('evaluations.table.n', { n: formatNumber(n, language) })}</span> : null}
    </>
  );
}

/**
 * The files behind the indicator that existed at the cut-off, as the snapshot froze them (a file removed since still
 * opens): a row of its own under the indicator's, across the table. Snapshots frozen before evidence was kept have none.
 */
function EvidenceRow({ indicator, columns }: { indicator: IndicatorSnapshot; columns: number }) {
  const { t } = useTranslation();
  if (!indicator.evidence?.length) return null;
  return (
    <tr className="eval-evidence-row">
      <td colSpan={columns}>
        <span className="eval-evidence-row__title" aria-hidden="true">
          {t('evidence_trace.atCutoff', { count: indicator.evidence.length })}
        </span>
        <EvidenceTraceList items={indicator.evidence} label={t('evidence_trace.headingOf', { name: indicator.name })} />
      </td>
    </tr>
  );
}

function IndicatorRow({ indicator, midterm, ended, dataFrom, k }: RowProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const none = t('common.none');
  const target = (value: number | null) => (value === null ? none : formatValue(value, indicator.unit, language));
  const atMidterm = midterm?.indicators[indicator.id];
  // A value read from part of a period says so; snapshots frozen before `partial` existed read as whole periods.
  const period =
    indicator.value !== null && indicator.period
      ? periodLabelAsOf(
          indicator.period,
          indicator.grain,
          { t, language },
          {
            periodEnd: indicator.periodEnd ?? null,
            partial: indicator.partial ?? false,
            dataFrom,
          },
        )
      : null;
  const final = ended && (indicator.status === 'achieved' || indicator.status === 'not_achieved');
  const gap = final ? targetGapText(indicator, { t, language }) : null;
  return (
    <tr>
      <th scope="row">
        <span className="eval-indicator__name">{indicator.name}</span>
        {/* Most indicators go up; the few whose good direction is down say so, as their status reads the other way. */}
        {indicator.direction === 'down' ? (
          <span className="eval-indicator__meta">
            <span aria-hidden="true">↓ </span>
            {t('evaluations.table.direction.down')}
          </span>
        ) : null}
      </th>
      <td>
        {indicator.baseline.value === null ? (
          none
        ) : (
          <>
            {formatValue(indicator.baseline.value, indicator.unit, language)}
            {indicator.baseline.date ? (
              <span className="eval-n">{t('evaluations.table.baselineDate', { date: formatDate(indicator.baseline.date, language) })}</span>
            ) : null}
          </>
        )}
      </td>
      {midterm !== undefined ? (
        <td className="eval-midterm-cell">
          {atMidterm ? (
            <>
              <Figure value={atMidterm.value} n={atMidterm.n} unit={indicator.unit} />
              <span className="eval-cell-status">
                <StatusBadge status={atMidterm.status} />
              </span>
            </>
          ) : (
            none
          )}
        </td>
      ) : null}
      <td className="eval-value-cell">
        {/* Read from a period, yet without a value: suppressed when frozen (too few people), never shown as 0. */}
        <Figure
          value={indicator.value}
          n={indicator.n}
          unit={indicator.unit}
          suppressed={indicator.period ? t('dashboard.suppressed', { k }) : null}
        />
        {period ? <span className="eval-n">{t('evaluations.table.period', { period })}</span> : null}
      </td>
      <td>{target(indicator.midtermTarget)}</td>
      <td>{target(indicator.finalTarget)}</td>
      <td>
        <StatusBadge status={indicator.status} />
        {gap ? <span className="eval-gap">{gap}</span> : null}
      </td>
    </tr>
  );
}

/** An objective's indicators as they were frozen: value and n at the cut-off, targets, status. */
export function IndicatorTable({ objective, kind, cutoff, midterm, ended, dataFrom, k }: IndicatorTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  if (objective.indicators.length === 0) return <p className="empty">{t('evaluations.noIndicators')}</p>;
  const cutoffText = formatDate(cutoff, language);
  // A final shows the mid-term's column even when there is none to compare with (its cells then say so).
  const comparison = kind === 'final' ? midterm : undefined;
  return (
    <div className="table-wrap">
      <table className="eval-table">
        <caption className="visually-hidden">{t('evaluations.table.caption', { code: objective.code, cutoff: cutoffText })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evaluations.table.indicator')}</th>
            <th scope="col">{t('evaluations.table.baseline')}</th>
            {comparison !== undefined ? (
              <th scope="col">
                {comparison
                  ? t('evaluations.table.midtermValue', { date: formatDate(comparison.cutoff, language) })
                  : t('evaluations.kind.midterm')}
              </th>
            ) : null}
            <th scope="col">
              {kind === 'final'
                ? t('evaluations.table.finalValue', { date: cutoffText })
                : t('evaluations.table.value', { date: cutoffText })}
            </th>
            <th scope="col">{t('evaluations.table.midtermTarget')}</th>
            <th scope="col">{t('evaluations.table.finalTarget')}</th>
            <th scope="col">{t('evaluations.table.status')}</th>
          </tr>
        </thead>
        <tbody>
          {objective.indicators.map((indicator) => (
            <Fragment key={indicator.id}>
              <IndicatorRow indicator={indicator} midterm={comparison} ended={ended} dataFrom={dataFrom} k={k} />
              <EvidenceRow indicator={indicator} columns={comparison !== undefined ? 7 : 6} />
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
