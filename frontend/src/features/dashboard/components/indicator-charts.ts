import type { TFunction } from 'i18next';
import {
  isCumulative,
  type Dimension,
  type Grain,
  type IndicatorDefinition,
  type PlanDates,
  type ValueCell,
} from '@/features/dashboard/api/dashboard-api';
import type { LegendItem } from '@/features/dashboard/components/chart-figure';
import type { TableCell, TableModel } from '@/features/dashboard/components/data-table';
import { formatForCopy } from '@/features/dashboard/components/labels';
import { cutOf, periodLabel, periodLabelAsOf, periodRange, positionOf, type AsOf } from '@/lib/periods';
import {
  categoryColor,
  REFERENCE_COLORS,
  SERIES_COLOR,
  type ChartConfiguration,
  type DateMarker,
  type ReferenceLine,
  type TooltipItem,
} from '@/lib/charts';
import { formatDate, formatNumber, formatWithUnit } from '@/lib/format';

export interface ChartText {
  t: TFunction;
  language: string;
}

/**
 * A period's label, saying how far it was counted when the view is as of a day that cuts it (or the data period
 * does): the period holding today is never shown as if it were over.
 */
function labelOf(period: string, grain: Grain, text: ChartText, asOf: AsOf | null): string {
  return asOf ? periodLabelAsOf(period, grain, text, cutOf(period, grain, asOf)) : periodLabel(period, grain, text.language);
}

/** Counts say how many people they are; other kinds (shares, means, ratios, manual entries) show their n. */
export function showsN(indicator: IndicatorDefinition): boolean {
  return indicator.kind !== 'response_count' && indicator.kind !== 'participation_sum';
}

function valueText(value: number | null, indicator: IndicatorDefinition, { language }: ChartText): string {
  return value === null ? '' : formatWithUnit(value, indicator.unit, language);
}

function cellText(value: number | null, suppressed: boolean, indicator: IndicatorDefinition, text: ChartText): TableCell {
  if (suppressed) return { text: text.t('dashboard.suppressed'), suppressed: true, numeric: true };
  if (value === null) return { text: '—', copy: '', numeric: true };
  return { text: valueText(value, indicator, text), copy: formatForCopy(value, text.language), numeric: true };
}

function nCell(n: number | null, suppressed: boolean, text: ChartText): TableCell {
  // The value's cell beside it already says why, in full.
  if (suppressed) return { text: text.t('dashboard.suppressedShort'), suppressed: true, numeric: true };
  if (n === null) return { text: '—', copy: '', numeric: true };
  return { text: formatNumber(n, text.language), copy: String(n), numeric: true };
}

function axisTicks(indicator: IndicatorDefinition, language: string) {
  return (value: number | string): string => (typeof value === 'number' ? formatWithUnit(value, indicator.unit === '%' ? '%' : null, language) : value);
}

export interface SeriesFigure {
  config: ChartConfiguration<'line'>;
  legend: LegendItem[];
  table: TableModel;
  summary: string;
  pointCount: number;
}

/**
 * The indicator over the plan's whole span at `grain`: the running total for cumulative kinds, each
 * period's value otherwise; the baseline and targets as horizontal lines; the mid-term and end dates marked.
 */
export function seriesFigure(
  indicator: IndicatorDefinition,
  plan: PlanDates | undefined,
  cells: ValueCell[],
  grain: Grain,
  text: ChartText,
  asOf: AsOf | null,
): SeriesFigure {
  const { t, language } = text;
  const cumulative = isCumulative(indicator.kind);
  const sorted = [...cells].sort((a, b) => a.period.localeCompare(b.period));
  const first = sorted[0]?.period;
  const last = sorted.at(-1)?.period;
  const bounds = [plan?.startDate, indicator.baselineDate, first, plan?.endDate, last].filter((d): d is string => Boolean(d)).sort();
  const periods = bounds.length > 0 ? periodRange(bounds[0] ?? '', bounds.at(-1) ?? '', grain) : [];
  const byPeriod = new Map(sorted.map((cell) => [cell.period, cell]));

  // A running total does not move in a period without data, between the first and the last period measured.
  let carried: number | null = null;
  const values = periods.map((period) => {
    const cell = byPeriod.get(period);
    if (cumulative) {
      if (cell) carried = cell.cumulativeSuppressed ? null : cell.cumulativeValue;
      return first && last && period >= first && period <= last ? carried : null;
    }
    return cell && !cell.suppressed ? cell.value : null;
  });

  const lines: ReferenceLine[] = [];
  const legend: LegendItem[] = [{ label: t(cumulative ? 'dashboard.series.cumulative' : 'dashboard.series.value'), color: SERIES_COLOR, mark: 'line' }];
  const reference = (value: number | null, key: 'baseline' | 'midterm' | 'final', dash: number[]): void => {
    if (value === null) return;
    const label = t(`dashboard.reference.${key}`, { value: formatWithUnit(value, indicator.unit, language) });
    lines.push({ value, label, color: REFERENCE_COLORS[key], dash });
    legend.push({ label, color: REFERENCE_COLORS[key], mark: 'dashed' });
  };
  reference(indicator.baselineValue, 'baseline', [3, 4]);
  reference(indicator.midtermTarget, 'midterm', [10, 5]);
  reference(indicator.finalTarget, 'final', [10, 5]);

  const dates: DateMarker[] = [];
  for (const [key, day] of [['midtermDate', plan?.midtermDate], ['endDate', plan?.endDate]] as const) {
    const position = day ? positionOf(day, periods, grain) : null;
    if (day && position !== null) {
      // On the chart, the short words; the legend gives the date.
      dates.push({ position, label: t(key === 'midtermDate' ? 'dashboard.midterm' : 'dashboard.end'), color: REFERENCE_COLORS.date });
      legend.push({ label: t(`dashboard.reference.${key}`, { date: formatDate(day, language) }), color: REFERENCE_COLORS.date, mark: 'dotted' });
    }
  }

  const referenceValues = [indicator.baselineValue, indicator.midtermTarget, indicator.finalTarget].filter((v): v is number => v !== null);
  const dataValues = values.filter((v): v is number => v !== null);
  const top = Math.max(0, ...referenceValues, ...dataValues);
  const labels = periods.map((period) => labelOf(period, grain, text, asOf));

  const config: ChartConfiguration<'line'> = {
    type: 'line',
    data: {
      labels,
      datasets: [
        {
          label: legend[0]?.label ?? '',
          data: values,
          borderColor: SERIES_COLOR,
          backgroundColor: SERIES_COLOR,
          borderWidth: 3,
          pointRadius: 5,
          pointHoverRadius: 8,
          spanGaps: true,
        },
      ],
    },
    options: {
      locale: language.startsWith('en') ? 'en-CA' : 'fr-CA',
      layout: { padding: { top: 50, right: 12 } },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { offset: true, grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
        y: {
          beginAtZero: true,
          suggestedMax: indicator.unit === '%' ? Math.min(100, top * 1.1) : top * 1.1,
          ticks: { callback: axisTicks(indicator, language) },
          title: indicator.unit && indicator.unit !== '%' ? { display: true, text: indicator.unit } : { display: false },
        },
      },
      plugins: {
        repereReferences: { lines, dates },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'line'>) => {
              const cell = byPeriod.get(periods[item.dataIndex] ?? '');
              const shown = valueText(item.parsed.y, indicator, text);
              const n = cumulative ? cell?.cumulativeN : cell?.n;
              return showsN(indicator) && n != null ? `${shown} (n = ${formatNumber(n, language)})` : shown;
            },
          },
        },
      },
    },
  };

  const withN = showsN(indicator);
  const columns = [
    { label: t('dashboard.table.periodValue'), numeric: true },
    ...(withN ? [{ label: t('dashboard.table.n'), numeric: true }] : []),
    { label: t('dashboard.table.cumulativeValue'), numeric: true },
    ...(withN ? [{ label: t('dashboard.table.cumulativeN'), numeric: true }] : []),
  ];
  const table: TableModel = {
    caption: t('dashboard.table.seriesCaption', { name: indicator.name, grain: t(`dashboard.grain.${grain}`) }),
    rowHeader: t('dashboard.table.period'),
    columns,
    rows: sorted.map((cell) => ({
      header: labelOf(cell.period, grain, text, asOf),
      cells: [
        cellText(cell.value, cell.suppressed, indicator, text),
        ...(withN ? [nCell(cell.n, cell.suppressed, text)] : []),
        cellText(cell.cumulativeValue, cell.cumulativeSuppressed, indicator, text),
        ...(withN ? [nCell(cell.cumulativeN, cell.cumulativeSuppressed, text)] : []),
      ],
    })),
  };

  const lastValue = [...values].reverse().find((v) => v !== null) ?? null;
  const summary = t('dashboard.series.summary', {
    name: indicator.name,
    from: labels[0] ?? '',
    to: labels.at(-1) ?? '',
    last: lastValue === null ? t('dashboard.noValue') : valueText(lastValue, indicator, text),
  });
  return { config, legend, table, summary, pointCount: dataValues.length };
}

export interface BreakdownFigure {
  config: ChartConfiguration<'bar'>;
  legend: LegendItem[];
  table: TableModel;
  summary: string;
  suppressedCount: number;
}

export interface AdsLabels {
  dimension: (name: Dimension) => string;
  category: (dimension: Dimension, code: string) => string;
  sortCategories: (dimension: Dimension, codes: Iterable<string>) => string[];
}

/**
 * One ADS+ dimension: a group of bars per period, one bar per category. A suppressed cell is drawn as a
 * hatched bar and written « supprimé » in the table, never as zero; a category without any row in a period
 * has no bar and « — ».
 */
export function breakdownFigure(
  indicator: IndicatorDefinition,
  dimension: Dimension,
  cells: ValueCell[],
  grain: Grain,
  text: ChartText,
  labels: AdsLabels,
  asOf: AsOf | null,
): BreakdownFigure {
  const { t, language } = text;
  const periods = [...new Set(cells.map((cell) => cell.period))].sort();
  const categories = labels.sortCategories(dimension, cells.map((cell) => cell.category ?? ''));
  const key = (period: string, category: string): string => `${period}|${category}`;
  const byKey = new Map(cells.map((cell) => [key(cell.period, cell.category ?? ''), cell]));
  const periodLabels = periods.map((period) => labelOf(period, grain, text, asOf));

  const suppressedCells = categories.map((category) => periods.map((period) => byKey.get(key(period, category))?.suppressed ?? false));
  const suppressedCount = suppressedCells.flat().filter(Boolean).length;
  const datasets = categories.map((category, index) => ({
    label: labels.category(dimension, category),
    data: periods.map((period) => {
      const cell = byKey.get(key(period, category));
      return cell && !cell.suppressed ? cell.value : null;
    }),
    backgroundColor: categoryColor(index),
    borderWidth: 0,
    maxBarThickness: 56,
  }));

  const values = cells.filter((cell) => !cell.suppressed && cell.value !== null).map((cell) => cell.value ?? 0);
  const top = Math.max(0, ...values);
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: { labels: periodLabels, datasets },
    options: {
      locale: language.startsWith('en') ? 'en-CA' : 'fr-CA',
      layout: { padding: { top: 8 } },
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: { grid: { display: false } },
        y: {
          beginAtZero: true,
          suggestedMax: indicator.unit === '%' ? Math.min(100, top * 1.1) : top * 1.1,
          ticks: { callback: axisTicks(indicator, language) },
          title: indicator.unit && indicator.unit !== '%' ? { display: true, text: indicator.unit } : { display: false },
        },
      },
      plugins: {
        repereSuppressed: { cells: suppressedCells, label: t('dashboard.suppressedShort') },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => {
              const cell = byKey.get(key(periods[item.dataIndex] ?? '', categories[item.datasetIndex] ?? ''));
              const name = item.dataset.label ?? '';
              if (!cell || cell.suppressed || cell.value === null) return `${name} : ${t('dashboard.suppressed')}`;
              const shown = valueText(cell.value, indicator, text);
              return showsN(indicator) && cell.n !== null ? `${name} : ${shown} (n = ${formatNumber(cell.n, language)})` : `${name} : ${shown}`;
            },
          },
        },
      },
    },
  };

  const legend: LegendItem[] = datasets.map((dataset) => ({ label: dataset.label, color: dataset.backgroundColor, mark: 'box' }));
  if (suppressedCount > 0) legend.push({ label: t('dashboard.suppressed'), color: '#4d5661', mark: 'hatch' });

  const withN = showsN(indicator);
  const table: TableModel = {
    caption: t('dashboard.table.breakdownCaption', { name: indicator.name, dimension: labels.dimension(dimension) }),
    rowHeader: labels.dimension(dimension),
    groups: withN ? periodLabels.map((label) => ({ label, span: 2 })) : undefined,
    columns: periodLabels.flatMap((label) =>
      withN
        ? [
            { label: t('dashboard.table.value'), numeric: true },
            { label: t('dashboard.table.n'), numeric: true },
          ]
        : [{ label, numeric: true }],
    ),
    rows: categories.map((category) => ({
      header: labels.category(dimension, category),
      cells: periods.flatMap((period) => {
        const cell = byKey.get(key(period, category));
        const value = cellText(cell?.value ?? null, cell?.suppressed ?? false, indicator, text);
        return withN ? [value, nCell(cell?.n ?? null, cell?.suppressed ?? false, text)] : [value];
      }),
    })),
  };

  const summary = t('dashboard.breakdown.summary', {
    name: indicator.name,
    dimension: labels.dimension(dimension),
    count: suppressedCount,
  });
  return { config, legend, table, summary, suppressedCount };
}
