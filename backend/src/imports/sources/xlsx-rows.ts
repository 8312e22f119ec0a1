import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import type { SourceRow } from '../import-problem';
import { InflatedBytesGuard, MAX_CELL_CHARS, MAX_COLUMNS, WorkbookBoundError, WorkbookBounds } from './xlsx-bounds';

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
// exceljs 4.4's own streaming unzip and stream iterator: the reader below is its WorkbookReader.parse, each part piped
// through the guard that counts its inflated bytes.
const unzipper = require(require.resolve('unzipper', { paths: [require.resolve('exceljs')] })) as {
  Parse(opts: { forceStream: boolean }): NodeJS.ReadWriteStream & AsyncIterable<any>;
};
const iterateStream = require('exceljs/lib/utils/iterate-stream') as (s: NodeJS.ReadableStream) => AsyncIterable<Buffer>;

type Event = { eventType: string; value: unknown };
interface ReaderInternals {
  sharedStrings?: unknown[];
  workbookRels?: unknown;
  _parseRels(s: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(s: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(s: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(s: NodeJS.ReadableStream): AsyncGenerator<Event>;
  _parseWorksheet(it: AsyncIterable<Buffer>, sheetNo: string): Generator<Event>;
}

/**
 * exceljs's streaming WorkbookReader, reading only within `bounds`: every part goes through an InflatedBytesGuard, so
 * a part that inflates past its bound (whatever the zip directory declared) stops the reading with a
 * WorkbookBoundError. Hyperlinks and parts it does not read are drained.
 */
async function* boundedWorksheets(input: Readable, bounds: WorkbookBounds): AsyncGenerator<ExcelJS.stream.xlsx.WorksheetReader> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as ReaderInternals;
  const guard = new InflatedBytesGuard(bounds);
  const zip = unzipper.Parse({ forceStream: true });
  input.pipe(zip as unknown as Writable);
  input.on('error', (err) => (zip as unknown as Writable).destroy(err));
  const waiting: { sheetNo: string; path: string }[] = [];
  let dir: string | null = null;
  try {
    for await (const entry of iterateStream(zip as unknown as NodeJS.ReadableStream) as AsyncIterable<any>) {
      const path = entry.path as string;
      const part = (entry as Readable).pipe(guard.part(path));
      // A part's error (its bound) ends the reading; the guard's output is then consumed, or drained.
      const failed = new Promise<never>((_, reject) => part.once('error', reject));
      failed.catch(() => undefined);
      const sheet = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path);
      if (path === 'xl/_rels/workbook.xml.rels') await Promise.race([reader._parseRels(part), failed]);
      else if (path === 'xl/workbook.xml') await Promise.race([reader._parseWorkbook(part), failed]);
      else if (path === 'xl/styles.xml') await Promise.race([reader._parseStyles(part), failed]);
      else if (path === 'xl/sharedStrings.xml') {
        for await (const _ of reader._parseSharedStrings(part)) {
          /* cached by the reader */
        }
      } else if (sheet !== null) {
        if (reader.sharedStrings && reader.workbookRels) {
          for (const { eventType, value } of reader._parseWorksheet(iterateStream(part), sheet[1])) {
            if (eventType === 'worksheet') yield value as ExcelJS.stream.xlsx.WorksheetReader;
          }
        } else {
          // Before the shared strings (Excel writes them last): kept on disk until they are read, as exceljs does.
          dir ??= await mkdtemp(join(tmpdir(), 'repere-xlsx-'));
          const file = join(dir, `sheet${sheet[1]}.xml`);
          await pipeline(part, createWriteStream(file));
          waiting.push({ sheetNo: sheet[1], path: file });
        }
      } else {
        await pipeline(part, new Writable({ write: (_c, _e, done) => done() }));
      }
      (entry as { autodrain(): void }).autodrain();
    }
    for (const { sheetNo, path } of waiting) {
      for (const { eventType, value } of reader._parseWorksheet(iterateStream(createReadStream(path)), sheetNo)) {
        if (eventType === 'worksheet') yield value as ExcelJS.stream.xlsx.WorksheetReader;
      }
    }
  } finally {
    input.unpipe(zip as unknown as Writable);
    input.destroy();
    if (dir !== null) await rm(dir, { recursive: true, force: true });
  }
}
/* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the text a CSV export would hold. Excel keeps dates as a day count in no time zone: exceljs hands them
 * over as UTC, so the UTC fields are the wall-clock time the sheet shows.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time =
      value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() === 0
        ? ''
        : ` ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
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

/**
 * The first sheet's rows, streamed: a workbook of a million rows is never held whole. Read within `bounds` (parts'
 * inflated sizes, cells), Excel's limits (columns, characters in a cell): past one, a WorkbookBoundError.
 */
export async function* xlsxRows(bytes: AsyncIterable<Buffer>, bounds: WorkbookBounds): AsyncGenerator<SourceRow[]> {
  let cellCount = 0;
  for await (const sheet of boundedWorksheets(Readable.from(bytes), bounds)) {
    let batch: SourceRow[] = [];
    // A sheet row ends at its last filled cell: padded to the widest row so far (the header, usually), a row whose
    // last cells are empty keeps its width, as the same row of a CSV would.
    let width = 0;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[]; // 1-based: index 0 is empty
      if (values.length - 1 > MAX_COLUMNS) {
        throw new WorkbookBoundError(
          `Row ${row.number} of the sheet has a cell beyond column ${MAX_COLUMNS}, Excel's last: it cannot be imported`,
          { limit: MAX_COLUMNS, found: values.length - 1, reason: 'columns' },
        );
      }
      cellCount += Math.max(values.length - 1, 0);
      if (cellCount > bounds.maxCells) {
        throw new WorkbookBoundError(
          `The sheet has more than ${bounds.maxCells.toLocaleString('en')} cells (at row ${row.number}): it cannot be imported; split it`,
          { limit: bounds.maxCells, found: cellCount, reason: 'cells' },
        );
      }
      const cells: string[] = [];
      for (let i = 1; i < values.length; i += 1) {
        const text = cellText(values[i]);
        if (text.length > MAX_CELL_CHARS) {
          throw new WorkbookBoundError(
            `Row ${row.number} of the sheet has a cell of ${text.length.toLocaleString('en')} characters (Excel's limit is ${MAX_CELL_CHARS.toLocaleString('en')}): it cannot be imported`,
            { limit: MAX_CELL_CHARS, found: text.length, reason: 'cell' },
          );
        }
        cells.push(text);
      }
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
