import ExcelJS from 'exceljs';
import { evaluationSheets, Sheet } from './evaluation-sheets';
import type { EvaluationReportInput } from './report-input';
import { REPORT_STRINGS } from './report-strings';
import { neutralizeFormula } from './spreadsheet-safe';

/** The evaluation's figures as a workbook: « Indicateurs », « Séries », « Ventilations », « Appréciations ». */
export async function renderEvaluationXlsx(input: EvaluationReportInput): Promise<Buffer> {
  const t = REPORT_STRINGS[input.language];
  const sheets = evaluationSheets(input);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Repère';
  wb.title = `${t.evaluationTitle[input.kind]} — ${input.snapshot.plan.title}`;
  wb.subject = `${t.cutoff} ${input.snapshot.cutoff}`;
  wb.created = input.generatedAt;
  wb.modified = input.generatedAt;
  for (const sheet of [sheets.indicators, sheets.series, sheets.breakdowns, sheets.assessments]) addSheet(wb, sheet, t.suppressed);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet(wb: ExcelJS.Workbook, sheet: Sheet, suppressed: string): void {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: neutralizeFormula(c.header), width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const row of sheet.rows) {
    // Text cells are written as strings (never as formulas) and neutralized as well, for whoever converts the file.
    const added = ws.addRow(row.map((cell) => (typeof cell === 'string' ? neutralizeFormula(cell) : cell)));
    row.forEach((cell, i) => {
      if (cell === suppressed) added.getCell(i + 1).font = { italic: true, color: { argb: 'FF616E7C' } };
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
}
