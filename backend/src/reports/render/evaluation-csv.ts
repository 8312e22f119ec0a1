import { csvConvention, CsvCell, csvDocument } from '@backend/common/csv-convention';
import { evaluationSheets, Sheet, SheetCell } from './evaluation-sheets';
import type { EvaluationReportInput } from './report-input';
import { REPORT_STRINGS } from './report-strings';

/**
 * The workbook's four tables in one CSV, in the reader's convention (common/csv-convention.ts: `;` and a decimal comma
 * for French, `,` and a point for English; UTF-8 with a BOM, CRLF line ends): a first column « Section » says which
 * table a row comes from, and the columns are the union of the tables' columns.
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
  const rows: CsvCell[][] = [[t.section, ...header]];
  for (const [section, sheet] of parts) {
    const at = sheet.columns.map((c) => header.indexOf(c.header));
    for (const row of sheet.rows) {
      const out: SheetCell[] = header.map(() => null);
      row.forEach((cell, i) => {
        out[at[i]] = cell;
      });
      rows.push([section, ...out]);
    }
  }
  return csvDocument(rows, csvConvention(input.language));
}
