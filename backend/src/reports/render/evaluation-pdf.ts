import { CUMULATIVE_KINDS, EVIDENCE_MEDIA_TYPES, PROGRESS_STATUSES as STATUSES } from '@repere/contract';
import { indicatorsOf, type IndicatorSnapshot, type ObjectiveSnapshot } from '@backend/evaluations/evaluation-snapshot';
import { chartPoints } from './evaluation-figures';
import { drawIndicatorChart } from './indicator-chart';
import {
  addFooters,
  BOLD,
  COLORS,
  contentWidth,
  createPdf,
  ensureSpace,
  FONT,
  heading,
  labelled,
  paragraph,
  table,
  winAnsi,
} from './pdf-layout';
import { categoryLabel, categoryOrder, colon, formatDate, formatNumber, formatPeriod, formatPeriodAsOf } from './report-format';
import type { EvaluationReportInput, ObjectiveAssessment } from './report-input';
import { REPORT_STRINGS, ReportStrings } from './report-strings';

const CHART_HEIGHT = 150;

/**
 * The evaluation report a steering committee hands to its funders: a cover, the statuses at a glance, then each
 * orientation and objective with its indicators (chart, series, ADS+ breakdowns) and the committee's assessment, and
 * an annex naming the evidence behind each indicator at the cut-off.
 */
export async function renderEvaluationPdf(input: EvaluationReportInput): Promise<Buffer> {
  const t = REPORT_STRINGS[input.language];
  const { snapshot } = input;
  const title = t.evaluationTitle[input.kind];
  const { doc, bytes } = createPdf({
    title: `${title} — ${snapshot.plan.title}`,
    subject: `${t.cutoff} ${snapshot.cutoff}`,
    language: input.language,
    generatedAt: input.generatedAt,
  });
  const view = new EvaluationPdf(doc, input, t);
  view.cover();
  doc.addPage();
  view.summary();
  for (const orientation of snapshot.orientations) {
    doc.addPage();
    heading(doc, `${t.orientation(orientation.number)} — ${orientation.title}`, 1);
    for (const objective of orientation.objectives) view.objective(objective);
  }
  view.evidenceAnnex();
  addFooters(doc, `${title} — ${snapshot.plan.title}`, t.page);
  doc.end();
  return bytes;
}

class EvaluationPdf {
  private readonly assessments: Map<string, ObjectiveAssessment>;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly input: EvaluationReportInput,
    private readonly t: ReportStrings,
  ) {
    this.assessments = new Map(input.assessments.map((a) => [a.objectiveId, a]));
  }

  private get lang() {
    return this.input.language;
  }
  private colon(label: string): string {
    return colon(label, this.lang);
  }
  private num(value: number | null): string {
    return value === null ? this.t.noValue : formatNumber(value, this.lang);
  }
  private date(value: string | null): string {
    return value === null ? this.t.noValue : formatDate(value, this.lang);
  }
  /** A cell of the report: « supprimé » for a suppressed one (never 0), a dash for one without data. */
  private cell(value: number | null, suppressed: boolean): string {
    return suppressed ? this.t.suppressed : this.num(value);
  }

  cover(): void {
    const { doc, t, input } = this;
    const { plan, cutoff, frozenAt } = input.snapshot;
    const width = contentWidth(doc);
    doc.rect(0, 0, doc.page.width, 12).fill(COLORS.accent);
    doc.y = 200;
    doc
      .font(BOLD)
      .fontSize(28)
      .fillColor(COLORS.accent)
      .text(winAnsi(t.evaluationTitle[input.kind]), doc.page.margins.left, doc.y, { width });
    doc.moveDown(0.5).font(BOLD).fontSize(18).fillColor(COLORS.text).text(winAnsi(plan.title), { width });
    doc.moveDown(1.5).font(FONT).fontSize(12);
    labelled(doc, t.cutoff, this.date(cutoff), this.lang);
    labelled(doc, t.planPeriod, `${this.date(plan.startDate)} – ${this.date(plan.endDate)}`, this.lang);
    if (input.kind === 'final' && input.midterm) labelled(doc, t.midtermValue, this.date(input.midterm.cutoff), this.lang);
    doc.moveDown(2).fontSize(9).fillColor(COLORS.muted);
    labelled(doc, t.frozenAt, this.date(frozenAt.slice(0, 10)), this.lang);
    labelled(doc, t.generatedAt, this.date(input.generatedAt.toISOString().slice(0, 10)), this.lang);
  }

  summary(): void {
    const { doc, t, input } = this;
    const objectives = input.snapshot.orientations.flatMap((o) => o.objectives);
    const indicators = objectives.flatMap((o) => o.indicators);
    heading(doc, t.summary, 1);
    paragraph(doc, t.summaryIntro(indicators.length));
    doc.moveDown(0.5);
    table(
      doc,
      [
        { header: t.statusHeader, width: 0.7 },
        { header: t.countHeader, width: 0.3, align: 'right' },
      ],
      STATUSES.map((s) => [t.status[s], String(indicators.filter((i) => i.status === s).length)]),
      { size: 10 },
    );
    doc.moveDown(0.5);
    table(
      doc,
      [
        { header: t.objective, width: 0.6 },
        { header: t.countHeader, width: 0.15, align: 'right' },
        { header: t.ratingHeader, width: 0.25 },
      ],
      objectives.map((o) => {
        const a = this.assessments.get(o.id);
        return [`${o.code} ${o.title}`, String(o.indicators.length), a ? t.rating[a.rating] : t.noValue];
      }),
    );
  }

  objective(objective: ObjectiveSnapshot): void {
    const { doc, t } = this;
    heading(doc, `${t.objective} ${objective.code} — ${objective.title}`, 2);
    if (!objective.indicators.length) paragraph(doc, t.noIndicators, { color: COLORS.muted });
    for (const indicator of objective.indicators) this.indicator(indicator);
    this.assessment(this.assessments.get(objective.id));
  }

  private indicator(ind: IndicatorSnapshot): void {
    const { doc, t, input } = this;
    const { snapshot } = input;
    heading(doc, ind.name, 3);
    const facts = [
      ind.unit ? `${this.colon(t.unit)} ${ind.unit}` : null,
      `${this.colon(t.computation)} ${t.kind[ind.kind]}`,
      `${this.colon(t.direction)} ${t.directions[ind.direction]}`,
    ]
      .filter(Boolean)
      .join(' · ');
    paragraph(doc, facts, { size: 8.5, color: COLORS.muted });
    doc.moveDown(0.3);

    const baseline = `${this.num(ind.baseline.value)}${ind.baseline.date ? ` (${this.date(ind.baseline.date)})` : ''}`;
    const asOf = ind.period ? ` — ${formatPeriodAsOf({ ...ind, period: ind.period }, ind.grain, this.lang, t.through)}` : '';
    const current = `${this.num(ind.value)}${ind.n !== null ? ` (n = ${formatNumber(ind.n, this.lang)})` : ''}${asOf}`;
    if (input.kind === 'final') {
      const mid = input.midterm?.values[ind.id];
      const midterm = mid ? `${this.num(mid.value)}${mid.n !== null ? ` (n = ${formatNumber(mid.n, this.lang)})` : ''}` : this.t.noValue;
      table(
        doc,
        [
          { header: t.baseline, width: 0.22 },
          { header: t.midtermValue, width: 0.2 },
          { header: t.finalValue, width: 0.2 },
          { header: t.midtermTarget, width: 0.12, align: 'right' },
          { header: t.finalTarget, width: 0.12, align: 'right' },
          { header: t.statusHeader, width: 0.14 },
        ],
        [[baseline, midterm, current, this.num(ind.midtermTarget), this.num(ind.finalTarget), t.status[ind.status]]],
      );
      paragraph(
        doc,
        `${this.colon(t.progression)} ${this.num(ind.baseline.value)} › ${mid ? this.num(mid.value) : t.noValue} › ${this.num(ind.value)}`,
        { size: 9 },
      );
      if (ind.status === 'not_achieved' && ind.value !== null && ind.finalTarget !== null) {
        paragraph(doc, t.gap(this.num(ind.value), this.num(ind.finalTarget), this.num(Math.abs(ind.finalTarget - ind.value))), { size: 9 });
      }
      doc.moveDown(0.3);
    } else {
      table(
        doc,
        [
          { header: t.baseline, width: 0.24 },
          { header: t.midtermTarget, width: 0.16, align: 'right' },
          { header: t.finalTarget, width: 0.14, align: 'right' },
          { header: t.valueAtCutoff, width: 0.28 },
          { header: t.statusHeader, width: 0.18 },
        ],
        [[baseline, this.num(ind.midtermTarget), this.num(ind.finalTarget), current, t.status[ind.status]]],
      );
    }

    if (ind.series.length) {
      ensureSpace(doc, CHART_HEIGHT + 10);
      const top = doc.y;
      const midtermValue = input.kind === 'final' ? input.midterm?.values[ind.id] : undefined;
      // The line of a cumulative indicator draws running sums (progressValue): its legend names them so.
      const drawn = CUMULATIVE_KINDS.includes(ind.kind) ? t.cumulativeValue : t.value;
      drawIndicatorChart(doc, {
        x: doc.page.margins.left,
        y: top,
        width: contentWidth(doc),
        height: CHART_HEIGHT,
        points: chartPoints(ind, snapshot.cutoff),
        zeroBased: ind.kind !== 'scale_mean',
        baseline: ind.baseline.value,
        midtermTarget: ind.midtermTarget,
        finalTarget: ind.finalTarget,
        startDate: snapshot.plan.startDate,
        midtermDate: snapshot.plan.midtermDate,
        endDate: snapshot.plan.endDate,
        cutoff: snapshot.cutoff,
        midtermPoint: midtermValue && input.midterm ? { date: input.midterm.cutoff, value: midtermValue.value } : null,
        labels: {
          baseline: t.baseline,
          midtermTarget: t.midtermTarget,
          finalTarget: t.finalTarget,
          midterm: t.midtermMark,
          end: t.endMark,
          cutoff: t.cutoffMark,
          value: ind.unit ? `${drawn} (${ind.unit})` : drawn,
          midtermValue: t.midtermValue,
          axisStartsAt: t.axisStartsAt,
        },
        format: (n) => formatNumber(n, this.lang),
      });
      doc.y = top + CHART_HEIGHT + 8;
      doc.x = doc.page.margins.left;
      table(
        doc,
        [
          { header: t.period, width: 0.28 },
          { header: t.value, width: 0.2, align: 'right' },
          { header: t.n, width: 0.12, align: 'right' },
          { header: t.cumulativeValue, width: 0.24, align: 'right' },
          { header: t.cumulativeN, width: 0.16, align: 'right' },
        ],
        ind.series.map((p) => [
          formatPeriod(p.period, ind.grain, this.lang),
          this.cell(p.value, p.suppressed),
          this.cell(p.n, p.suppressed),
          this.cell(p.cumulativeValue, p.cumulativeSuppressed),
          this.cell(p.cumulativeN, p.cumulativeSuppressed),
        ]),
      );
    } else {
      paragraph(doc, t.noSeries, { color: COLORS.muted });
      doc.moveDown(0.3);
    }

    if (ind.breakdowns.length) {
      paragraph(doc, t.breakdowns, { font: BOLD, size: 9.5 });
      doc.moveDown(0.2);
      for (const b of ind.breakdowns) {
        paragraph(doc, t.breakdownBy(t.dimension[b.dimension]), { size: 9 });
        table(
          doc,
          [
            { header: t.category, width: 0.6 },
            { header: t.value, width: 0.25, align: 'right' },
            { header: t.n, width: 0.15, align: 'right' },
          ],
          categoryOrder(b.dimension, b.cells).map((c) => [
            categoryLabel(b.dimension, c.category, this.lang),
            this.cell(c.value, c.suppressed),
            this.cell(c.n, c.suppressed),
          ]),
        );
      }
    }
    // Manual values are published as entered; every other figure went through the disclosure layer.
    const anySuppressed =
      ind.series.some((p) => p.suppressed || p.cumulativeSuppressed) || ind.breakdowns.some((b) => b.cells.some((c) => c.suppressed));
    if (ind.kind !== 'manual' && (ind.series.length > 0 || anySuppressed)) {
      paragraph(doc, t.disclosureNote(snapshot.suppressionK, snapshot.maxDeviation ?? 0), { size: 7.5, color: COLORS.muted });
    }
    doc.moveDown(0.6);
  }

  /**
   * Per indicator, the files the snapshot listed at its cut-off (title, date, type): the reader finds them in Repère.
   * Left out for a snapshot frozen before evidence was kept, which cannot say what there was.
   */
  evidenceAnnex(): void {
    const { doc, t } = this;
    const indicators = indicatorsOf(this.input.snapshot);
    if (!indicators.some((i) => i.evidence)) return;
    doc.addPage();
    heading(doc, t.evidenceAnnex, 1);
    paragraph(doc, t.evidenceIntro, { size: 9, color: COLORS.muted });
    doc.moveDown(0.5);
    const supported = indicators.filter((i) => i.evidence?.length);
    if (!supported.length) paragraph(doc, t.noEvidence, { color: COLORS.muted });
    for (const ind of supported) {
      heading(doc, ind.name, 3);
      table(
        doc,
        [
          { header: t.evidenceTitle, width: 0.62 },
          { header: t.date, width: 0.24 },
          { header: t.evidenceType, width: 0.14 },
        ],
        ind.evidence!.map((e) => [e.title, this.date(e.date), EVIDENCE_MEDIA_TYPES[e.mediaType].toUpperCase()]),
      );
      doc.moveDown(0.4);
    }
  }

  private assessment(a: ObjectiveAssessment | undefined): void {
    const { doc, t } = this;
    heading(doc, t.assessment, 3);
    if (!a) {
      paragraph(doc, t.notAssessed, { color: COLORS.muted });
    } else {
      labelled(doc, t.ratingHeader, t.rating[a.rating], this.lang);
      if (a.comment) {
        doc.moveDown(0.3);
        labelled(doc, t.comment, a.comment, this.lang);
      }
      if (a.recommendations) {
        doc.moveDown(0.3);
        labelled(doc, t.recommendations, a.recommendations, this.lang);
      }
    }
    doc.moveDown(1);
  }
}
