import type { ObjectiveSnapshot, OrientationSnapshot } from '@backend/evaluations/evaluation-snapshot';
import { rounded } from './evaluation-figures';
import { categoryLabel, categoryOrder, formatPeriod, formatPeriodAsOf } from './report-format';
import type { EvaluationReportInput } from './report-input';
import { REPORT_STRINGS } from './report-strings';

/** A cell of a report's table: text, a number (written as a number), or empty. */
export type SheetCell = string | number | null;

export interface Sheet {
  name: string;
  columns: { header: string; width: number }[];
  rows: SheetCell[][];
}

export interface EvaluationSheets {
  indicators: Sheet;
  series: Sheet;
  breakdowns: Sheet;
  assessments: Sheet;
}

/**
 * The evaluation's figures as four tables (one row per indicator, per period, per category, per objective): the
 * sheets of the .xlsx and, one after the other, the rows of the .csv. A suppressed figure is the word « supprimé »
 * (or « suppressed »), never 0; a figure without data is an empty cell.
 */
export function evaluationSheets(input: EvaluationReportInput): EvaluationSheets {
  const t = REPORT_STRINGS[input.language];
  const lang = input.language;
  const final = input.kind === 'final';
  const num = (value: number | null, suppressed = false): SheetCell => (suppressed ? t.suppressed : rounded(value));
  const objectives: { orientation: OrientationSnapshot; objective: ObjectiveSnapshot }[] = input.snapshot.orientations.flatMap(
    (orientation) => orientation.objectives.map((objective) => ({ orientation, objective })),
  );
  const orientationName = (o: OrientationSnapshot) => `${o.number}. ${o.title}`;

  const indicatorColumns = [
    [t.orientationHeader, 30],
    [t.objectiveCode, 10],
    [t.objective, 40],
    [t.indicator, 50],
    [t.unit, 14],
    [t.computation, 22],
    [t.direction, 12],
    [t.baseline, 14],
    [t.baselineDate, 14],
    [t.midtermTarget, 14],
    [t.finalTarget, 14],
    ...(final
      ? [
          [t.midtermValue, 14],
          [t.midtermN, 10],
        ]
      : []),
    [final ? t.finalValue : t.valueAtCutoff, 16],
    [t.n, 10],
    [t.period, 12],
    [t.statusHeader, 14],
  ] as [string, number][];

  const indicators: SheetCell[][] = [];
  const series: SheetCell[][] = [];
  const breakdowns: SheetCell[][] = [];
  for (const { orientation, objective } of objectives) {
    for (const ind of objective.indicators) {
      const mid = input.midterm?.values[ind.id];
      indicators.push([
        orientationName(orientation),
        objective.code,
        objective.title,
        ind.name,
        ind.unit,
        t.kind[ind.kind],
        t.directions[ind.direction],
        num(ind.baseline.value),
        ind.baseline.date,
        num(ind.midtermTarget),
        num(ind.finalTarget),
        ...(final ? [num(mid?.value ?? null), mid?.n ?? null] : []),
        num(ind.value),
        ind.n,
        ind.period ? formatPeriodAsOf({ ...ind, period: ind.period }, ind.grain, lang, t.through) : null,
        t.status[ind.status],
      ]);
      for (const p of ind.series) {
        series.push([
          objective.code,
          ind.name,
          formatPeriod(p.period, ind.grain, lang),
          p.period,
          num(p.value, p.suppressed),
          num(p.n, p.suppressed),
          num(p.cumulativeValue, p.cumulativeSuppressed),
          num(p.cumulativeN, p.cumulativeSuppressed),
        ]);
      }
      for (const b of ind.breakdowns) {
        for (const c of categoryOrder(b.dimension, b.cells)) {
          breakdowns.push([
            objective.code,
            ind.name,
            t.dimension[b.dimension],
            categoryLabel(b.dimension, c.category, lang),
            num(c.value, c.suppressed),
            num(c.n, c.suppressed),
          ]);
        }
      }
    }
  }
  const assessments = new Map(input.assessments.map((a) => [a.objectiveId, a]));
  const cols = (list: [string, number][]) => list.map(([header, width]) => ({ header, width }));
  return {
    indicators: { name: t.sheets.indicators, columns: cols(indicatorColumns), rows: indicators },
    series: {
      name: t.sheets.series,
      columns: cols([
        [t.objectiveCode, 10],
        [t.indicator, 50],
        [t.period, 12],
        [t.periodStart, 12],
        [t.value, 12],
        [t.n, 10],
        [t.cumulativeValue, 14],
        [t.cumulativeN, 12],
      ]),
      rows: series,
    },
    breakdowns: {
      name: t.sheets.breakdowns,
      columns: cols([
        [t.objectiveCode, 10],
        [t.indicator, 50],
        [t.dimensionHeader, 24],
        [t.category, 30],
        [t.value, 12],
        [t.n, 10],
      ]),
      rows: breakdowns,
    },
    assessments: {
      name: t.sheets.assessments,
      columns: cols([
        [t.orientationHeader, 30],
        [t.objectiveCode, 10],
        [t.objective, 40],
        [t.ratingHeader, 16],
        [t.comment, 60],
        [t.recommendations, 60],
      ]),
      rows: objectives.map(({ orientation, objective }) => {
        const a = assessments.get(objective.id);
        return [
          orientationName(orientation),
          objective.code,
          objective.title,
          a ? t.rating[a.rating] : null,
          a?.comment ?? null,
          a?.recommendations ?? null,
        ];
      }),
    },
  };
}
