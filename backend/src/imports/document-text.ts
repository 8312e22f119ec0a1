import { CsvSyntaxError } from './sources/csv-reader';
import { problem, ImportProblem, SourceRow } from './import-problem';
import { MAX_DOCUMENT_BYTES } from './import-kind';
import type { Import } from './import.entity';
import { EncodingError, textDecoder } from './sources/decode-text';
import { sniff } from './sources/sniff';
import { checkWorkbook, DOCUMENT_WORKBOOK, WorkbookBoundError } from './sources/xlsx-bounds';
import { tableRows } from './table-source';
import { readTextTable } from './plan-table/parse-plan-table';

export type DocumentRead =
  | { ok: true; format: Import['format']; rows: SourceRow[]; text: string | null }
  | { ok: false; format: Import['format']; problem: ImportProblem };

const isCsvName = (fileName: string) => /\.csv$/i.test(fileName);

/**
 * A plan's table or a fiche, read whole (they are a few pages): a workbook's first sheet, a CSV, or text pasted from
 * Word (cells split on tabs). What the file really is decides, not its name; a name ending in .csv makes text a CSV.
 */
export async function readDocument(imp: Pick<Import, 'fileName' | 'size'>, bytes: Buffer): Promise<DocumentRead> {
  if (imp.size > MAX_DOCUMENT_BYTES) {
    return {
      ok: false,
      format: null,
      problem: problem(
        null,
        null,
        'too_large',
        `A plan or a fiche is a few pages; this file is ${Math.round(imp.size / 1024 / 1024)} MB (at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB)`,
      ),
    };
  }
  const sniffed = sniff(bytes.subarray(0, 65536), isCsvName(imp.fileName) ? 'csv' : 'text');
  if (!sniffed.ok) return { ok: false, format: null, problem: problem(null, null, sniffed.code, sniffed.message) };
  if (sniffed.format === 'text') {
    try {
      const decoder = textDecoder(sniffed.encoding);
      const text = decoder.write(bytes) + decoder.end();
      return { ok: true, format: 'text', rows: readTextTable(text), text };
    } catch (err) {
      if (err instanceof EncodingError) return { ok: false, format: 'text', problem: problem(null, null, 'bad_encoding', err.message) };
      throw err;
    }
  }
  if (sniffed.format === 'xlsx') {
    const tooLarge = await checkWorkbook(bytes.length, async (start, end) => bytes.subarray(start, end), DOCUMENT_WORKBOOK);
    if (tooLarge !== null)
      return { ok: false, format: 'xlsx', problem: problem(null, null, tooLarge.code, tooLarge.message, tooLarge.params) };
  }
  const rows: SourceRow[] = [];
  try {
    for await (const batch of tableRows(
      (async function* () {
        yield bytes;
      })(),
      sniffed,
      undefined,
      DOCUMENT_WORKBOOK,
    ))
      rows.push(...batch);
  } catch (err) {
    if (err instanceof WorkbookBoundError)
      return { ok: false, format: 'xlsx', problem: problem(null, null, err.code, err.message, err.params) };
    const line = (err as { line?: number }).line ?? null;
    return {
      ok: false,
      format: sniffed.format,
      problem: problem(line, null, sniffed.format === 'xlsx' ? 'bad_xlsx' : 'bad_csv', unreadable(sniffed.format, err)),
    };
  }
  return { ok: true, format: sniffed.format, rows, text: null };
}

/**
 * What a person is told when a file cannot be read: what to do about it, never the parser's own words (« Cannot read
 * properties of undefined (reading 'length') » says nothing to the evaluator who uploaded it). Our CSV reader's
 * syntax errors are written for people and kept.
 */
export function unreadable(format: string | null, err: unknown): string {
  if (format === 'xlsx') {
    return 'The Excel workbook cannot be read: it may be damaged or not a real .xlsx. Open it in Excel or LibreOffice and save it again as .xlsx or CSV.';
  }
  return err instanceof CsvSyntaxError
    ? `The file cannot be read: ${err.message}`
    : 'The file cannot be read as CSV: save it again as CSV (UTF-8).';
}
