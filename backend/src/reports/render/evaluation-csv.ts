import { evaluationSheets, Sheet, SheetCell } from './evaluation-sheets';
import type { EvaluationReportInput } from './report-input';
import { REPORT_STRINGS } from './report-strings';
import { neutralizeFormula } from './spreadsheet-safe';

const BOM = '\ufeff';
const CRLF = '\r\n';

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(cell: SheetCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = neutralizeFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The workbook's four tables in one CSV (UTF-8 with a BOM, so spreadsheets read the accents; CRLF line ends): a first
 * column « Section » says which table a row comes from, and the columns are the union of the tables' columns.
 */
export function renderEvaluationCsv(input: EvaluationReportInput): Buffer {
  const t = REPORT_STRINGS[input.language];
  const sheets = evaluationSheets(input);
  const parts: [string, Sheet][] = [
    [t.sections.indicator, sheets.indicators],
    [t.sections.series, sheets.series],
    [t.sections.breakdown, sheets.breakdowns],
    [t.sections.assessment, sheets.assessments],
  ];
  const header: string[] = [];
  for (const [, sheet] of parts) for (const c of sheet.columns) if (!header.includes(c.header)) header.push(c.header);
  const lines = [[t.section, ...header].map(csvField).join(',')];
  for (const [section, sheet] of parts) {
    const at = sheet.columns.map((c) => header.indexOf(c.header));
    for (const row of sheet.rows) {
      const out: SheetCell[] = header.map(() => null);
      row.forEach((cell, i) => {
        out[at[i]] = cell;
      });
      lines.push([section, ...out].map(csvField).join(','));
    }
  }
  return Buffer.from(BOM + lines.join(CRLF) + CRLF, 'utf8');
}
