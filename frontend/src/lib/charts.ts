/**
 * The one Chart.js setup of the web app: what is registered, the shared colours, accessible defaults and the
 * two small plugins the dashboards draw with (reference lines and dates; suppressed ADS+ cells).
 *
 * Chart.js itself is loaded on first use (`loadCharts`), so pages that only need the colours — the plan
 * overview draws its bullet bars in HTML — never download it.
 */
import { useEffect, type RefObject } from 'react';
import type { Chart, ChartConfiguration, ChartType, Plugin } from 'chart.js';
import type { ProgressStatus } from '@repere/contract';

// Features build their configurations with these types and never import chart.js themselves.
export type { ChartConfiguration, ChartType, TooltipItem } from 'chart.js';

/**
 * Status colours. Each carries white text at ≥ 4.5:1 and differs from its neighbours in lightness too, so
 * the statuses stay apart on a washed-out projector and for red–green colour blindness; the UI never shows
 * one without its label and its symbol.
 */
export const STATUS_COLORS: Record<ProgressStatus, string> = {
  achieved: '#1d6b34',
  on_track: '#0b5cad',
  at_risk: '#8a4b00',
  off_track: '#a4161a',
  // A dark violet, well apart from off_track's red in hue and lightness (white text at 12:1).
  not_achieved: '#4b1d6b',
  no_data: '#5f6873',
};

/** A symbol per status, different in shape, shown beside the colour and the words. */
export const STATUS_SYMBOLS: Record<ProgressStatus, string> = {
  achieved: '✔',
  on_track: '●',
  at_risk: '▲',
  off_track: '✖',
  not_achieved: '◆',
  no_data: '○',
};

/** The series of an indicator and the plan's reference marks. */
export const SERIES_COLOR = '#0b5cad';
export const REFERENCE_COLORS = {
  baseline: '#4d5661',
  midterm: '#8a4b00',
  final: '#1d6b34',
  date: '#1b1f24',
} as const;

/**
 * Categories (ADS+ groups, networks, sectors): ten dark hues, each ≥ 3:1 against white (WCAG 1.4.11), in an
 * order where neighbours differ in hue and lightness.
 */
export const CATEGORY_COLORS = [
  '#0b5cad',
  '#c04f00',
  '#1d6b34',
  '#7b2d8e',
  '#a4161a',
  '#00707a',
  '#6b5a00',
  '#3a4a9e',
  '#b0306a',
  '#4d5661',
] as const;

export function categoryColor(index: number): string {
  return CATEGORY_COLORS[index % CATEGORY_COLORS.length] ?? CATEGORY_COLORS[0];
}

const TEXT_COLOR = '#1b1f24';
const GRID_COLOR = '#d5dbe1';
const SUPPRESSED_COLOR = '#4d5661';

/** A horizontal line at a value of the y axis: the baseline, a target. */
export interface ReferenceLine {
  value: number;
  label: string;
  color: string;
  dash?: number[];
}

/** A vertical line at a position of the x axis (a category index, fractions allowed): the mid-term, the end. */
export interface DateMarker {
  position: number;
  label: string;
  color: string;
}

export interface ReferencesOptions {
  lines?: ReferenceLine[];
  dates?: DateMarker[];
}

export interface SuppressedOptions {
  /** `cells[datasetIndex][dataIndex]` is true where the cell is suppressed. */
  cells?: boolean[][];
  /** Written along a hatched bar when it is wide enough. */
  label?: string;
}

declare module 'chart.js' {
  // Declaration merging: the type parameter must be chart.js's own, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    repereReferences?: ReferencesOptions | false;
    repereSuppressed?: SuppressedOptions | false;
  }
}

let hatch: CanvasPattern | null | undefined;

/** Diagonal hatching: what a suppressed cell looks like, in the charts and in the tables' swatches. */
export function hatchPattern(): CanvasPattern | null {
  if (hatch !== undefined) return hatch;
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const ctx = tile.getContext('2d');
  if (!ctx) return (hatch = null);
  ctx.strokeStyle = 'rgba(77, 86, 97, 0.6)';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(0, 8);
  ctx.lineTo(8, 0);
  ctx.moveTo(-2, 2);
  ctx.lineTo(2, -2);
  ctx.moveTo(6, 10);
  ctx.lineTo(10, 6);
  ctx.stroke();
  return (hatch = ctx.createPattern(tile, 'repeat'));
}

function drawLabel(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, color: string, align: CanvasTextAlign): void {
  const width = ctx.measureText(text).width;
  const left = align === 'right' ? x - width : x;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.fillRect(left - 3, y - 15, width + 6, 18);
  ctx.fillStyle = color;
  ctx.textAlign = align;
  ctx.fillText(text, x, y);
}

/** The pixel positions of every drawn point or bar, to keep labels off the data. */
function dataPoints(chart: Chart): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  chart.data.datasets.forEach((dataset, index) => {
    // Points without a line are the invisible tooltip anchors of suppressed periods, not data.
    if (!chart.isDatasetVisible(index) || (dataset as { showLine?: boolean }).showLine === false) return;
    for (const element of chart.getDatasetMeta(index).data) {
      const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
      if (Number.isFinite(x) && Number.isFinite(y)) points.push({ x, y });
    }
  });
  return points;
}

/** How close the data comes to a label's box: the label goes where this is largest. */
function clearance(points: readonly { x: number; y: number }[], left: number, right: number, y: number): number {
  let nearest = Infinity;
  for (const point of points) {
    if (point.x < left - 8 || point.x > right + 8) continue;
    nearest = Math.min(nearest, Math.abs(point.y - (y - 5)));
  }
  return nearest;
}

/**
 * Baseline and target lines across the plot, each labelled at the end (left or right) where the data leaves
 * it room; the mid-term and end dates down it, labelled above the plot, on a second row when they would touch.
 */
// A plugin whose option is `false` (the default below) is not called at all for that chart.
const referencesPlugin: Plugin<ChartType, ReferencesOptions> = {
  id: 'repereReferences',
  afterDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea } = chart;
    const x = chart.scales.x;
    const y = chart.scales.y;
    if (!x || !y) return;
    ctx.save();
    ctx.font = `600 14px ${chart.options.font?.family ?? 'sans-serif'}`;
    ctx.textBaseline = 'alphabetic';
    const points = dataPoints(chart);

    const placed: { y: number; line: ReferenceLine }[] = [];
    for (const line of options.lines ?? []) {
      const py = y.getPixelForValue(line.value);
      if (!Number.isFinite(py) || py < chartArea.top - 1 || py > chartArea.bottom + 1) continue;
      ctx.strokeStyle = line.color;
      ctx.lineWidth = 2;
      ctx.setLineDash(line.dash ?? [8, 5]);
      ctx.beginPath();
      ctx.moveTo(chartArea.left, py);
      ctx.lineTo(chartArea.right, py);
      ctx.stroke();
      placed.push({ y: py, line });
    }
    ctx.setLineDash([]);
    // Labels are pushed apart so that targets close in value stay legible.
    placed.sort((a, b) => a.y - b.y);
    let previous = -Infinity;
    for (const item of placed) {
      let labelY = Math.max(item.y - 5, chartArea.top + 14);
      if (labelY - previous < 18) labelY = previous + 18;
      previous = labelY;
      const width = ctx.measureText(item.line.label).width;
      const onLeft =
        clearance(points, chartArea.left, chartArea.left + width + 8, labelY) >
        clearance(points, chartArea.right - width - 8, chartArea.right, labelY);
      if (onLeft) drawLabel(ctx, item.line.label, chartArea.left + 6, labelY, item.line.color, 'left');
      else drawLabel(ctx, item.line.label, chartArea.right - 6, labelY, item.line.color, 'right');
    }

    const rows: { left: number; right: number }[][] = [[], []];
    for (const marker of options.dates ?? []) {
      const px = x.getPixelForValue(marker.position);
      if (!Number.isFinite(px) || px < chartArea.left - 1 || px > chartArea.right + 1) continue;
      ctx.strokeStyle = marker.color;
      ctx.lineWidth = 2;
      ctx.setLineDash([2, 4]);
      ctx.beginPath();
      ctx.moveTo(px, chartArea.top - 6);
      ctx.lineTo(px, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      const width = ctx.measureText(marker.label).width;
      const roomRight = chartArea.right - px > width + 8;
      const left = roomRight ? px + 4 : px - 4 - width;
      const row = rows.findIndex((taken) => taken.every((box) => left + width + 6 < box.left || left > box.right + 6));
      const rowIndex = row < 0 ? rows.length - 1 : row;
      rows[rowIndex]?.push({ left, right: left + width });
      drawLabel(
        ctx,
        marker.label,
        roomRight ? px + 4 : px - 4,
        chartArea.top - 10 - rowIndex * 20,
        marker.color,
        roomRight ? 'left' : 'right',
      );
    }
    ctx.restore();
  },
};

/**
 * A suppressed cell has no value, and must never look like zero: its bar is drawn full height, hatched,
 * with a dashed outline and, where it fits, the word « supprimé » written along it. On a line chart, whose
 * points have no width, a suppressed period is a band of the same look, narrower than the gap between periods.
 */
const suppressedPlugin: Plugin<ChartType, SuppressedOptions> = {
  id: 'repereSuppressed',
  afterDatasetsDraw(chart, _args, options) {
    if (!options.cells) return;
    const { ctx, chartArea } = chart;
    const pattern = hatchPattern();
    ctx.save();
    options.cells.forEach((cells, datasetIndex) => {
      if (!chart.isDatasetVisible(datasetIndex)) return;
      const meta = chart.getDatasetMeta(datasetIndex);
      cells.forEach((suppressed, index) => {
        const element = meta.data[index];
        if (!suppressed || !element) return;
        const props = element.getProps(['x', 'width'], true) as { x: number; width?: number };
        const { x } = props;
        const width = props.width !== undefined && Number.isFinite(props.width) ? props.width : bandWidth(chart);
        if (!Number.isFinite(x) || !Number.isFinite(width) || width <= 0) return;
        const left = x - width / 2;
        const top = chartArea.top;
        const height = chartArea.bottom - chartArea.top;
        ctx.fillStyle = pattern ?? 'rgba(77, 86, 97, 0.25)';
        ctx.fillRect(left, top, width, height);
        ctx.strokeStyle = SUPPRESSED_COLOR;
        ctx.lineWidth = 1;
        ctx.setLineDash([4, 3]);
        ctx.strokeRect(left + 0.5, top + 0.5, width - 1, height - 1);
        ctx.setLineDash([]);
        const label = options.label;
        if (label && width >= 16) {
          ctx.save();
          ctx.translate(x, chartArea.bottom - 6);
          ctx.rotate(-Math.PI / 2);
          ctx.font = `600 13px ${chart.options.font?.family ?? 'sans-serif'}`;
          ctx.textBaseline = 'middle';
          const text = ctx.measureText(label).width <= height - 12 ? label : '';
          if (text) {
            const w = ctx.measureText(text).width;
            ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
            ctx.fillRect(-2, -8, w + 4, 16);
            ctx.fillStyle = TEXT_COLOR;
            ctx.textAlign = 'left';
            ctx.fillText(text, 0, 0);
          }
          ctx.restore();
        }
      });
    });
    ctx.restore();
  },
};

/** The width of a suppressed period's band on a line chart: 60 % of the gap between periods, 12 to 48 px. */
function bandWidth(chart: Chart): number {
  const x = chart.scales.x;
  const count = chart.data.labels?.length ?? 0;
  if (!x) return 0;
  const gap = count > 1 ? Math.abs(x.getPixelForValue(1) - x.getPixelForValue(0)) : chart.chartArea.right - chart.chartArea.left;
  return Math.max(12, Math.min(48, gap * 0.6));
}

type ChartConstructor = typeof Chart;
let loading: Promise<ChartConstructor> | undefined;

/**
 * Loads Chart.js once, registers only what the dashboards draw (lines and bars on category and linear
 * axes, tooltips, our two plugins) and sets defaults readable on a projector: 14 px text in the page's font
 * and colour, no animation (nothing moves for people sensitive to motion, and a chart is drawn at once).
 */
export function loadCharts(): Promise<ChartConstructor> {
  loading ??= import('chart.js').then(
    ({ Chart: ChartJs, BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip }) => {
      ChartJs.register(
        BarController,
        BarElement,
        CategoryScale,
        LinearScale,
        LineController,
        LineElement,
        PointElement,
        Tooltip,
        referencesPlugin,
        suppressedPlugin,
      );
      ChartJs.defaults.animation = false;
      ChartJs.defaults.maintainAspectRatio = false;
      ChartJs.defaults.responsive = true;
      ChartJs.defaults.color = TEXT_COLOR;
      ChartJs.defaults.borderColor = GRID_COLOR;
      ChartJs.defaults.font.family = getComputedStyle(document.body).fontFamily || 'system-ui, sans-serif';
      ChartJs.defaults.font.size = 14;
      ChartJs.defaults.plugins.tooltip.titleFont = { size: 15, weight: 'bold' };
      ChartJs.defaults.plugins.tooltip.bodyFont = { size: 14 };
      ChartJs.defaults.plugins.tooltip.padding = 10;
      ChartJs.defaults.plugins.tooltip.backgroundColor = 'rgba(27, 31, 36, 0.94)';
      ChartJs.defaults.plugins.repereReferences = false;
      ChartJs.defaults.plugins.repereSuppressed = false;
      return ChartJs;
    },
  );
  return loading;
}

/**
 * Draws `config` on the canvas, and again whenever `config` changes (memoise it). The canvas gets
 * `data-chart="drawn"` once drawn, which tests and screenshots wait for.
 */
export function useChart<TType extends ChartType>(canvas: RefObject<HTMLCanvasElement | null>, config: ChartConfiguration<TType>): void {
  useEffect(() => {
    let chart: Chart<TType> | undefined;
    let cancelled = false;
    const element = canvas.current;
    void loadCharts().then((ChartJs) => {
      if (cancelled || !element) return;
      chart = new ChartJs(element, config) as unknown as Chart<TType>;
      element.dataset.chart = 'drawn';
    });
    return () => {
      cancelled = true;
      chart?.destroy();
      if (element) delete element.dataset.chart;
    };
  }, [canvas, config]);
}
