import { Readable } from 'node:stream';
import * as ExcelJS from 'exceljs';
import type { SourceRow } from '../import-problem';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the text a CSV export would hold. Excel keeps dates as a day count in no time zone: exceljs hands them
 * over as UTC, so the UTC fields are the wall-clock time the sheet shows.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() === 0 ? '' : ` ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
    return day + time;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** The first sheet's rows, streamed: a workbook of a million rows is never held whole. */
export async function* xlsxRows(bytes: AsyncIterable<Buffer>): AsyncGenerator<SourceRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  for await (const sheet of reader) {
    let batch: SourceRow[] = [];
    // A sheet row ends at its last filled cell: padded to the widest row so far (the header, usually), a row whose
    // last cells are empty keeps its width, as the same row of a CSV would.
    let width = 0;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[]; // 1-based: index 0 is empty
      const cells: string[] = [];
      for (let i = 1; i < values.length; i += 1) cells.push(cellText(values[i]));
      if (cells.every((c) => c.trim() === '')) continue;
      width = Math.max(width, cells.length);
      while (cells.length < width) cells.push('');
      batch.push({ line: row.number, cells });
      if (batch.length >= 5000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    return; // the first sheet only: the others are the tool's summaries
  }
}
