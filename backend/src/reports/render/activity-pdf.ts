import { rounded } from './evaluation-figures';
import { addFooters, BOLD, COLORS, contentWidth, createPdf, FONT, heading, labelled, paragraph, table, winAnsi } from './pdf-layout';
import { formatDate, formatNumber } from './report-format';
import type { ActivityAction, ActivityReportInput } from './report-input';
import { REPORT_STRINGS } from './report-strings';

/**
 * « Rapport d'activité annuel »: for one year of a plan, its actions and their schedule, the work steps done that
 * year, the participation counted that year and its indicators' stored values for the year. Values are read as the
 * workers stored them: a suppressed one stays « supprimé ».
 */
export async function renderActivityPdf(input: ActivityReportInput): Promise<Buffer> {
  const t = REPORT_STRINGS[input.language];
  const lang = input.language;
  const num = (value: number | null) => (value === null ? t.noValue : formatNumber(rounded(value) as number, lang));
  const cell = (value: number | null, suppressed: boolean) => (suppressed ? t.suppressed : num(value));
  const date = (d: string | null) => (d === null ? t.noValue : formatDate(d, lang));
  const title = `${t.activityTitle} ${input.year}`;
  const { doc, bytes } = createPdf({
    title: `${title} — ${input.plan.title}`,
    subject: t.year(input.year),
    language: lang,
    generatedAt: input.generatedAt,
  });

  // Cover
  const width = contentWidth(doc);
  doc.rect(0, 0, doc.page.width, 12).fill(COLORS.accent);
  doc.y = 200;
  doc.font(BOLD).fontSize(28).fillColor(COLORS.accent).text(winAnsi(title), doc.page.margins.left, doc.y, { width });
  doc.moveDown(0.5).font(BOLD).fontSize(18).fillColor(COLORS.text).text(winAnsi(input.plan.title), { width });
  doc.moveDown(1.5).font(FONT).fontSize(12);
  labelled(doc, t.period, `${date(`${input.year}-01-01`)} – ${date(`${input.year}-12-31`)}`, lang);
  labelled(doc, t.planPeriod, `${date(input.plan.startDate)} – ${date(input.plan.endDate)}`, lang);
  doc.moveDown(2).fontSize(9).fillColor(COLORS.muted);
  labelled(doc, t.generatedAt, date(input.generatedAt.toISOString().slice(0, 10)), lang);

  // 1. Actions and their schedule
  doc.addPage();
  heading(doc, `1. ${t.actionsAndSchedule}`, 1);
  const due = (a: ActivityAction) =>
    a.scheduleKind === 'date' && a.scheduleDate?.startsWith(`${input.year}-`) ? date(a.scheduleDate) : '';
  let anyAction = false;
  for (const o of input.orientations) {
    const objectives = o.objectives.filter((obj) => obj.actions.length);
    if (!objectives.length) continue;
    heading(doc, `${t.orientation(o.number)} — ${o.title}`, 2);
    for (const obj of objectives) {
      anyAction = true;
      heading(doc, `${obj.code} ${obj.title}`, 3);
      table(
        doc,
        [
          { header: t.action, width: 0.42 },
          { header: t.schedule, width: 0.2 },
          { header: t.dueInYear, width: 0.14 },
          { header: t.resources, width: 0.24 },
        ],
        obj.actions.map((a) => [a.description, a.scheduleText || t.scheduleKind[a.scheduleKind], due(a), a.resources ?? '']),
      );
    }
  }
  if (!anyAction) paragraph(doc, t.noActions, { color: COLORS.muted });

  // 2. Work steps done in the year
  heading(doc, `2. ${t.workStepsDone}`, 1);
  if (input.workSteps.length) {
    table(
      doc,
      [
        { header: t.workCell, width: 0.26 },
        { header: t.step, width: 0.44 },
        { header: t.phase, width: 0.12 },
        { header: t.date, width: 0.18 },
      ],
      input.workSteps.map((s) => [
        s.objectiveCode ? `${s.workCell} (${s.objectiveCode})` : s.workCell,
        s.text,
        s.phase ?? '',
        date(s.date),
      ]),
    );
  } else {
    paragraph(doc, t.noWorkSteps, { color: COLORS.muted });
    doc.moveDown(0.5);
  }

  // 3. Participation of the year
  heading(doc, `3. ${t.participationTotals}`, 1);
  if (input.participation.length) {
    const { counts, total } = input.participationTotal;
    table(
      doc,
      [
        { header: t.activity, width: 0.4 },
        { header: t.instrument, width: 0.3 },
        { header: t.counts, width: 0.12, align: 'right' },
        { header: t.participants, width: 0.18, align: 'right' },
      ],
      [
        ...input.participation.map((p) => [p.activity, p.instrument, num(p.counts), cell(p.total, p.total === null)]),
        [t.total, '', num(counts), cell(total, total === null)],
      ],
    );
  } else {
    paragraph(doc, t.noParticipation, { color: COLORS.muted });
    doc.moveDown(0.5);
  }

  // 4. Indicator values of the year
  heading(doc, `4. ${t.indicatorValues}`, 1);
  if (input.indicators.length) {
    table(
      doc,
      [
        { header: t.objectiveCode, width: 0.09 },
        { header: t.indicator, width: 0.31 },
        { header: t.valueOfYear, width: 0.12, align: 'right' },
        { header: t.n, width: 0.1, align: 'right' },
        { header: t.cumulativeToYearEnd, width: 0.15, align: 'right' },
        { header: t.cumulativeN, width: 0.12, align: 'right' },
        { header: t.finalTarget, width: 0.11, align: 'right' },
      ],
      input.indicators.map((i) => [
        i.objectiveCode,
        i.unit ? `${i.name} (${i.unit})` : i.name,
        cell(i.value, i.suppressed),
        cell(i.n, i.suppressed),
        cell(i.cumulativeValue, i.cumulativeSuppressed),
        cell(i.cumulativeN, i.cumulativeSuppressed),
        num(i.finalTarget),
      ]),
    );
  } else {
    paragraph(doc, t.noIndicatorValues, { color: COLORS.muted });
  }

  addFooters(doc, `${title} — ${input.plan.title}`, t.page);
  doc.end();
  return bytes;
}
