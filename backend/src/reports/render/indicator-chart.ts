import { COLORS, FONT, winAnsi } from './pdf-layout';

export interface ChartPoint {
  /** Where the value is drawn: the middle of the days its period covers up to the cut-off (chartPoints). */
  date: string;
  value: number | null;
}

export interface ChartSpec {
  x: number;
  y: number;
  width: number;
  height: number;
  points: ChartPoint[];
  /** Counts and shares are read from zero; a mean on a scale is read around its values. */
  zeroBased: boolean;
  baseline: number | null;
  midtermTarget: number | null;
  finalTarget: number | null;
  startDate: string;
  midtermDate: string;
  endDate: string;
  cutoff: string;
  /** A final evaluation's chart also shows where the mid-term evaluation stood. */
  midtermPoint?: ChartPoint | null;
  labels: {
    baseline: string;
    midtermTarget: string;
    finalTarget: string;
    midterm: string;
    end: string;
    cutoff: string;
    /** What the line shows: « Valeur cumulée » / « Cumulative value » where cumulative sums are drawn. */
    value: string;
    midtermValue: string;
    /** Said on the chart when the value axis does not start at zero: « Axe tronqué : commence à 3,4 ». */
    axisStartsAt: (start: string) => string;
  };
  format: (n: number) => string;
}

const day = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);

/** Round steps (1, 2, 5 × 10^k) giving about `count` intervals over [min, max]. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (max === min) max = min + 1;
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) as number;
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

/** The plot's frame inside the chart's box: room on the left for the value axis, on the right for the levels' labels. */
const AXIS_WIDTH = 38;
const LABEL_WIDTH = 78;

export interface ChartGeometry {
  plot: { x: number; y: number; width: number; height: number };
  ticks: number[];
  yMin: number;
  yMax: number;
  /** The value axis starts above zero (or ends below it): the chart says so. */
  truncated: boolean;
  xOf: (date: string) => number;
  yOf: (value: number) => number;
  /** One label per year, centred on the days of that year the axis shows; `boundary` is where its year starts. */
  years: { label: string; x: number; boundary: number | null }[];
}

/** Where everything of a chart goes, apart from drawing it (unit-tested in indicator-chart.spec.ts). */
export function chartGeometry(s: ChartSpec): ChartGeometry {
  const plotted = s.points.filter((p): p is { date: string; value: number } => p.value !== null);
  const levels = [
    ...plotted.map((p) => p.value),
    s.baseline,
    s.midtermTarget,
    s.finalTarget,
    s.midtermPoint?.value ?? null,
    s.zeroBased ? 0 : null,
  ].filter((v): v is number => v !== null && Number.isFinite(v));
  if (!levels.length) levels.push(0);
  const ticks = niceTicks(Math.min(...levels), Math.max(...levels));
  const [yMin, yMax] = [ticks[0], ticks[ticks.length - 1]];

  const plot = { x: s.x + AXIS_WIDTH, y: s.y + 6, width: s.width - AXIS_WIDTH - LABEL_WIDTH, height: s.height - 24 };
  const dates = [s.startDate, s.endDate, s.cutoff, ...s.points.map((p) => p.date)].map(day);
  const [t0, t1] = [Math.min(...dates), Math.max(...dates)];
  const xAt = (t: number) => plot.x + ((t - t0) / (t1 - t0 || 1)) * plot.width;
  const xOf = (d: string) => xAt(day(d));
  const yOf = (v: number) => plot.y + plot.height - ((v - yMin) / (yMax - yMin || 1)) * plot.height;

  const years: ChartGeometry['years'] = [];
  for (let year = new Date(t0).getUTCFullYear(); year <= new Date(t1).getUTCFullYear(); year += 1) {
    const [from, to] = [Math.max(t0, Date.UTC(year, 0, 1)), Math.min(t1, Date.UTC(year + 1, 0, 1))];
    // A year the axis barely touches (a plan ending on January 1st) gets no label of its own.
    if (xAt(to) - xAt(from) < 24) continue;
    years.push({
      label: String(year),
      x: (xAt(from) + xAt(to)) / 2,
      boundary: Date.UTC(year, 0, 1) > t0 ? xAt(Date.UTC(year, 0, 1)) : null,
    });
  }
  return { plot, ticks, yMin, yMax, truncated: yMin > 0 || yMax < 0, xOf, yOf, years };
}

/**
 * An indicator's chart in vector: its values over time as a line with points (each over the middle of its period, as
 * on the web), the baseline and the targets as horizontal lines, the mid-term date, the end of the plan and the cut-off
 * as vertical marks. An axis that does not start at zero is said to be cut.
 */
export function drawIndicatorChart(doc: PDFKit.PDFDocument, s: ChartSpec): void {
  const g = chartGeometry(s);
  const { plot, ticks, xOf, yOf } = g;
  const plotted = s.points.filter((p): p is { date: string; value: number } => p.value !== null);
  const axisWidth = AXIS_WIDTH;
  const labelWidth = LABEL_WIDTH;

  doc.save();
  // Grid and value axis
  doc.font(FONT).fontSize(7).fillColor(COLORS.muted);
  for (const t of ticks) {
    const y = yOf(t);
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.width, y)
      .lineWidth(0.3)
      .strokeColor(COLORS.rule)
      .stroke();
    doc.text(winAnsi(s.format(t)), s.x, y - 3.5, { width: axisWidth - 4, align: 'right', lineBreak: false });
  }
  // Time axis: a tick where each year starts, its label over the middle of its days (the 2021 value sits over « 2021 »)
  for (const year of g.years) {
    if (year.boundary !== null) {
      doc
        .moveTo(year.boundary, plot.y + plot.height)
        .lineTo(year.boundary, plot.y + plot.height + 3)
        .lineWidth(0.5)
        .strokeColor(COLORS.muted)
        .stroke();
    }
    doc.text(year.label, year.x - 15, plot.y + plot.height + 5, { width: 30, align: 'center', lineBreak: false });
  }
  doc
    .moveTo(plot.x, plot.y + plot.height)
    .lineTo(plot.x + plot.width, plot.y + plot.height)
    .lineWidth(0.8)
    .strokeColor(COLORS.muted)
    .stroke();

  // Vertical marks: mid-term date, end of the plan, cut-off
  const marks: [string, string, string][] = [
    [s.midtermDate, s.labels.midterm, COLORS.midterm],
    [s.endDate, s.labels.end, COLORS.final],
  ];
  // The cut-off is usually the mid-term date or the end, or days from it: then it is not drawn again.
  if (marks.every(([d]) => Math.abs(xOf(d) - xOf(s.cutoff)) > 12)) marks.push([s.cutoff, s.labels.cutoff, COLORS.cutoff]);
  marks.forEach(([date, label, color], i) => {
    const x = xOf(date);
    doc
      .moveTo(x, plot.y)
      .lineTo(x, plot.y + plot.height)
      .lineWidth(0.7)
      .dash(2, { space: 2 })
      .strokeColor(color)
      .stroke()
      .undash();
    // Near the right edge the label goes left of its line, clear of the levels' labels.
    const text = winAnsi(label);
    doc.fontSize(6.5).fillColor(color);
    const lx = x > plot.x + plot.width - 40 ? x - 2 - doc.widthOfString(text) : x + 2;
    doc.text(text, lx, plot.y + 8 * i, { lineBreak: false });
  });

  // Horizontal lines: baseline and targets, labelled in the right margin of the plot
  const levelsDrawn: [number | null, string, string, boolean][] = [
    [s.baseline, s.labels.baseline, COLORS.baseline, false],
    [s.midtermTarget, s.labels.midtermTarget, COLORS.midterm, true],
    [s.finalTarget, s.labels.finalTarget, COLORS.final, true],
  ];
  const used: number[] = [];
  for (const [value, label, color, dashed] of levelsDrawn) {
    if (value === null) continue;
    const y = yOf(value);
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.width, y)
      .lineWidth(1);
    if (dashed) doc.dash(5, { space: 3 });
    doc.strokeColor(color).stroke().undash();
    // Labels of close levels are pushed apart so they stay readable.
    let ly = y - 4;
    while (used.some((u) => Math.abs(u - ly) < 8)) ly += 8;
    used.push(ly);
    doc
      .fontSize(6.5)
      .fillColor(color)
      .text(winAnsi(`${label} ${s.format(value)}`), plot.x + plot.width + 4, ly, {
        width: labelWidth - 4,
        lineBreak: false,
        ellipsis: true,
      });
  }

  // The series: a line through consecutive known values, a point on each
  doc.lineWidth(1.5).strokeColor(COLORS.series);
  let drawing = false;
  for (const p of s.points) {
    if (p.value === null) {
      drawing = false;
      continue;
    }
    const [x, y] = [xOf(p.date), yOf(p.value)];
    if (drawing) doc.lineTo(x, y);
    else doc.moveTo(x, y);
    drawing = true;
  }
  if (plotted.length > 1) doc.stroke();
  for (const p of plotted) doc.circle(xOf(p.date), yOf(p.value), 2.2).fill(COLORS.series);

  if (s.midtermPoint && s.midtermPoint.value !== null) {
    const [x, y] = [xOf(s.midtermPoint.date), yOf(s.midtermPoint.value)];
    doc.polygon([x, y - 4], [x + 4, y], [x, y + 4], [x - 4, y]).fill(COLORS.midterm);
  }

  // Legend
  const ly = s.y + s.height - 6;
  let lx = plot.x;
  doc.font(FONT).fontSize(7);
  const legend = (label: string, draw: (x: number, y: number) => void) => {
    draw(lx, ly + 3);
    doc.fillColor(COLORS.text).text(winAnsi(label), lx + 16, ly, { lineBreak: false });
    lx += 16 + doc.widthOfString(winAnsi(label)) + 12;
  };
  legend(s.labels.value, (x, y) => {
    doc
      .moveTo(x, y)
      .lineTo(x + 12, y)
      .lineWidth(1.5)
      .strokeColor(COLORS.series)
      .stroke();
    doc.circle(x + 6, y, 2).fill(COLORS.series);
  });
  if (s.midtermPoint && s.midtermPoint.value !== null) {
    legend(s.labels.midtermValue, (x, y) => {
      doc.polygon([x + 6, y - 3.5], [x + 9.5, y], [x + 6, y + 3.5], [x + 2.5, y]).fill(COLORS.midterm);
    });
  }
  if (g.truncated) {
    // A cut axis makes small changes look large: the reader is told where it starts.
    legend(s.labels.axisStartsAt(s.format(g.yMin)), (x, y) => {
      doc
        .moveTo(x + 2, y + 3)
        .lineTo(x + 6, y - 3)
        .moveTo(x + 6, y + 3)
        .lineTo(x + 10, y - 3)
        .lineWidth(0.8)
        .strokeColor(COLORS.muted)
        .stroke();
    });
  }
  doc.restore();
  doc.font(FONT).fontSize(10).fillColor(COLORS.text);
}
