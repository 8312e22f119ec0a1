import type { TFunction } from 'i18next';
import { isCumulative, type Dimension, type Grain } from '@repere/contract';
import type { IndicatorDefinition, PlanDates, ValueCell } from '@/features/dashboard/api/dashboard-api';
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

/** Which figures a chart draws, and what the API said of their protection. */
export interface FiguresOptions {
  /** k of the disclosure control (a figure of 1 to k − 1 people is suppressed); null while it is not known. */
  k: number | null;
  /**
   * The true figures (`view=unpublished`, evaluators' workspace): every cell has its value, and those whose published
   * figure is suppressed say so. Otherwise the published figures, where a suppressed cell has no value.
   */
  unpublished: boolean;
}

export const PUBLISHED: FiguresOptions = { k: null, unpublished: false };

/** « supprimé (moins de 5 personnes) », or the short word while k is not known. */
function suppressedText({ t }: ChartText, { k }: FiguresOptions): string {
  return k ? t('dashboard.suppressed', { k }) : t('dashboard.suppressedShort');
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

/**
 * A value's cell. Published, a suppressed cell says so and never shows a number; among the true figures it shows
 * its value and that it is suppressed once published.
 */
function cellText(
  value: number | null,
  suppressed: boolean,
  indicator: IndicatorDefinition,
  text: ChartText,
  figures: FiguresOptions,
): TableCell {
  if (suppressed && !figures.unpublished) return { text: suppressedText(text, figures), suppressed: true, numeric: true };
  if (value === null) return { text: '—', copy: '', numeric: true };
  const cell: TableCell = { text: valueText(value, indicator, text), copy: formatForCopy(value, text.language), numeric: true };
  return suppressed ? { ...cell, detail: text.t('disclosure.trueFigures.hiddenWhenPublished'), hiddenWhenPublished: true } : cell;
}

function nCell(n: number | null, suppressed: boolean, text: ChartText, figures: FiguresOptions): TableCell {
  // The value's cell beside it already says why, in full.
  if (suppressed && !figures.unpublished) return { text: text.t('dashboard.suppressedShort'), suppressed: true, numeric: true };
  if (n === null) return { text: '—', copy: '', numeric: true };
  return { text: formatNumber(n, text.language), copy: String(n), numeric: true, hiddenWhenPublished: suppressed };
}

/** The true figures' table: its caption and its copy say they are not for publication. */
function marked(table: TableModel, { t }: ChartText, figures: FiguresOptions): TableModel {
  if (!figures.unpublished) return table;
  return { ...table, caption: t('disclosure.trueFigures.caption', { caption: table.caption }), notice: t('disclosure.trueFigures.tsv') };
}

function markedSummary(summary: string, { t }: ChartText, figures: FiguresOptions): string {
  return figures.unpublished ? t('disclosure.trueFigures.summary', { summary }) : summary;
}

function axisTicks(indicator: IndicatorDefinition, language: string) {
  return (value: number | string): string =>
    typeof value === 'number' ? formatWithUnit(value, indicator.unit === '%' ? '%' : null, language) : value;
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
 * A suppressed period is a hatched band with no point, never a zero, and its tooltip says it is suppressed.
 */
export function seriesFigure(
  indicator: IndicatorDefinition,
  plan: PlanDates | undefined,
  cells: ValueCell[],
  grain: Grain,
  text: ChartText,
  asOf: AsOf | null,
  figures: FiguresOptions = PUBLISHED,
): SeriesFigure {
  const { t, language } = text;
  const { unpublished } = figures;
  const cumulative = isCumulative(indicator.kind);
  const sorted = [...cells].sort((a, b) => a.period.localeCompare(b.period));
  const first = sorted[0]?.period;
  const last = sorted.at(-1)?.period;
  const bounds = [plan?.startDate, indicator.baselineDate, first, plan?.endDate, last].filter((d): d is string => Boolean(d)).sort();
  const periods = bounds.length > 0 ? periodRange(bounds[0] ?? '', bounds.at(-1) ?? '', grain) : [];
  const byPeriod = new Map(sorted.map((cell) => [cell.period, cell]));

  // A running total does not move in a period without data, between the first and the last period measured.
  // `hidden`: the period's figure is suppressed (drawn as such); `wouldHide`: it is once published (true figures).
  let carried: number | null = null;
  let carriedSuppressed = false;
  const hidden: boolean[] = [];
  const wouldHide: boolean[] = [];
  const values = periods.map((period) => {
    const cell = byPeriod.get(period);
    if (cumulative) {
      if (cell) {
        carriedSuppressed = cell.cumulativeSuppressed;
        carried = carriedSuppressed && !unpublished ? null : cell.cumulativeValue;
      }
      const measured = Boolean(first && last && period >= first && period <= last);
      wouldHide.push(measured && carriedSuppressed);
      hidden.push(measured && carriedSuppressed && !unpublished);
      return measured ? carried : null;
    }
    const suppressed = cell?.suppressed ?? false;
    wouldHide.push(suppressed);
    hidden.push(suppressed && !unpublished);
    return cell && (!suppressed || unpublished) ? cell.value : null;
  });

  const lines: ReferenceLine[] = [];
  const legend: LegendItem[] = [
    { label: t(cumulative ? 'dashboard.series.cumulative' : 'dashboard.series.value'), color: SERIES_COLOR, mark: 'line' },
  ];
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
  for (const [key, day] of [
    ['midtermDate', plan?.midtermDate],
    ['endDate', plan?.endDate],
  ] as const) {
    const position = day ? positionOf(day, periods, grain) : null;
    if (day && position !== null) {
      // On the chart, the short words; the legend gives the date.
      dates.push({ position, label: t(key === 'midtermDate' ? 'dashboard.midterm' : 'dashboard.end'), color: REFERENCE_COLORS.date });
      legend.push({
        label: t(`dashboard.reference.${key}`, { date: formatDate(day, language) }),
        color: REFERENCE_COLORS.date,
        mark: 'dotted',
      });
    }
  }

  const referenceValues = [indicator.baselineValue, indicator.midtermTarget, indicator.finalTarget].filter((v): v is number => v !== null);
  const dataValues = values.filter((v): v is number => v !== null);
  const top = Math.max(0, ...referenceValues, ...dataValues);
  const labels = periods.map((period) => labelOf(period, grain, text, asOf));

  const suppressedLabel = suppressedText(text, figures);
  if (hidden.some(Boolean)) legend.push({ label: suppressedLabel, color: '#4d5661', mark: 'hatch' });
  // A suppressed period has no point, so Chart.js would show no tooltip there: an invisible point of a second
  // dataset, mid-height, gives it one that says it is suppressed.
  const anchor = top > 0 ? top / 2 : 0.5;
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
        ...(hidden.some(Boolean)
          ? [
              {
                label: suppressedLabel,
                data: hidden.map((h) => (h ? anchor : null)),
                showLine: false,
                pointRadius: 0,
                pointHoverRadius: 0,
                borderWidth: 0,
                borderColor: 'transparent',
                backgroundColor: 'transparent',
              },
            ]
          : []),
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
        repereSuppressed: hidden.some(Boolean) ? { cells: [hidden], label: t('dashboard.suppressedShort') } : false,
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'line'>) => {
              if (item.datasetIndex > 0) return suppressedLabel;
              const cell = byPeriod.get(periods[item.dataIndex] ?? '');
              const shown = valueText(item.parsed.y, indicator, text);
              const n = cumulative ? cell?.cumulativeN : cell?.n;
              const line = showsN(indicator) && n != null ? `${shown} (n = ${formatNumber(n, language)})` : shown;
              return unpublished && wouldHide[item.dataIndex] ? `${line} — ${t('disclosure.trueFigures.hiddenWhenPublished')}` : line;
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
  const table = marked(
    {
      caption: t('dashboard.table.seriesCaption', { name: indicator.name, grain: t(`dashboard.grain.${grain}`) }),
      rowHeader: t('dashboard.table.period'),
      columns,
      rows: sorted.map((cell) => ({
        header: labelOf(cell.period, grain, text, asOf),
        cells: [
          cellText(cell.value, cell.suppressed, indicator, text, figures),
          ...(withN ? [nCell(cell.n, cell.suppressed, text, figures)] : []),
          cellText(cell.cumulativeValue, cell.cumulativeSuppressed, indicator, text, figures),
          ...(withN ? [nCell(cell.cumulativeN, cell.cumulativeSuppressed, text, figures)] : []),
        ],
      })),
    },
    text,
    figures,
  );

  const lastValue = [...values].reverse().find((v) => v !== null) ?? null;
  const summary = markedSummary(
    t('dashboard.series.summary', {
      name: indicator.name,
      from: labels[0] ?? '',
      to: labels.at(-1) ?? '',
      last: lastValue === null ? t('dashboard.noValue') : valueText(lastValue, indicator, text),
    }),
    text,
    figures,
  );
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
 * has no bar and « — ». Among the true figures every cell has its bar, and the tooltip and the table say which
 * are suppressed once published.
 */
export function breakdownFigure(
  indicator: IndicatorDefinition,
  dimension: Dimension,
  cells: ValueCell[],
  grain: Grain,
  text: ChartText,
  labels: AdsLabels,
  asOf: AsOf | null,
  figures: FiguresOptions = PUBLISHED,
): BreakdownFigure {
  const { t, language } = text;
  const { unpublished } = figures;
  const periods = [...new Set(cells.map((cell) => cell.period))].sort();
  const categories = labels.sortCategories(
    dimension,
    cells.map((cell) => cell.category ?? ''),
  );
  const key = (period: string, category: string): string => `${period}|${category}`;
  const byKey = new Map(cells.map((cell) => [key(cell.period, cell.category ?? ''), cell]));
  const periodLabels = periods.map((period) => labelOf(period, grain, text, asOf));
  const suppressedLabel = suppressedText(text, figures);

  // The cells drawn as suppressed: none among the true figures.
  const suppressedCells = categories.map((category) =>
    periods.map((period) => !unpublished && (byKey.get(key(period, category))?.suppressed ?? false)),
  );
  const suppressedCount = suppressedCells.flat().filter(Boolean).length;
  const values = cells.filter((cell) => (unpublished || !cell.suppressed) && cell.value !== null).map((cell) => cell.value ?? 0);
  const top = Math.max(0, ...values);
  // A suppressed cell is an invisible bar the height of the plot (the hatching is drawn over it), so that hovering
  // it shows a tooltip saying it is suppressed: a bar without a value would have none.
  const datasets = categories.map((category, index) => {
    const color = categoryColor(index);
    const colors = periods.map((_period, i) => (suppressedCells[index]?.[i] ? 'transparent' : color));
    return {
      label: labels.category(dimension, category),
      data: periods.map((period, i): number | [number, number] | null => {
        if (suppressedCells[index]?.[i]) return [0, top > 0 ? top : 1];
        const cell = byKey.get(key(period, category));
        return cell ? cell.value : null;
      }),
      backgroundColor: colors,
      hoverBackgroundColor: colors,
      borderWidth: 0,
      maxBarThickness: 56,
    };
  });

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
        repereSuppressed: suppressedCount > 0 ? { cells: suppressedCells, label: t('dashboard.suppressedShort') } : false,
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => {
              const cell = byKey.get(key(periods[item.dataIndex] ?? '', categories[item.datasetIndex] ?? ''));
              const name = item.dataset.label ?? '';
              if (cell?.suppressed && !unpublished) return t('dashboard.tooltipItem', { name, value: suppressedLabel });
              if (!cell || cell.value === null) return t('dashboard.tooltipItem', { name, value: '—' });
              const shown = valueText(cell.value, indicator, text);
              const withN = showsN(indicator) && cell.n !== null ? `${shown} (n = ${formatNumber(cell.n, language)})` : shown;
              const value = unpublished && cell.suppressed ? `${withN} — ${t('disclosure.trueFigures.hiddenWhenPublished')}` : withN;
              return t('dashboard.tooltipItem', { name, value });
            },
          },
        },
      },
    },
  };

  const legend: LegendItem[] = categories.map((category, index) => ({
    label: labels.category(dimension, category),
    color: categoryColor(index),
    mark: 'box',
  }));
  if (suppressedCount > 0) legend.push({ label: suppressedLabel, color: '#4d5661', mark: 'hatch' });

  const withN = showsN(indicator);
  const table = marked(
    {
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
          const value = cellText(cell?.value ?? null, cell?.suppressed ?? false, indicator, text, figures);
          return withN ? [value, nCell(cell?.n ?? null, cell?.suppressed ?? false, text, figures)] : [value];
        }),
      })),
    },
    text,
    figures,
  );

  const summary = markedSummary(
    t('dashboard.breakdown.summary', {
      name: indicator.name,
      dimension: labels.dimension(dimension),
      count: suppressedCount,
    }),
    text,
    figures,
  );
  return { config, legend, table, summary, suppressedCount };
}
