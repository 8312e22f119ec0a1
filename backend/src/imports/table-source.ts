import type { SourceRow } from './import-problem';
import type { ImportFormat } from './import-kind';
import { CsvReader, detectDelimiter } from './sources/csv-reader';
import { textDecoder } from './sources/decode-text';
import type { Sniffed } from './sources/sniff';
import { xlsxRows } from './sources/xlsx-rows';
import { RESPONSES_WORKBOOK, WorkbookBounds } from './sources/xlsx-bounds';

type TextSniffed = Extract<Sniffed, { ok: true }>;

/**
 * The rows of a CSV, a tab-separated text or the first sheet of a workbook, in batches, as the bytes stream in.
 * `onBytes` hears how many bytes were read so far (the progress the web app shows); a workbook is read within `bounds`.
 */
export async function* tableRows(
  bytes: AsyncIterable<Buffer>,
  sniffed: TextSniffed,
  onBytes: (n: number) => void = () => undefined,
  bounds: WorkbookBounds = RESPONSES_WORKBOOK,
): AsyncGenerator<SourceRow[]> {
  let read = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of bytes) {
      read += chunk.length;
      onBytes(read);
      yield chunk;
    }
  }
  if (sniffed.format === 'xlsx') {
    yield* xlsxRows(counted(), bounds);
    return;
  }
  const decoder = textDecoder(sniffed.encoding);
  let reader: CsvReader | null = null;
  let pending = '';
  for await (const chunk of counted()) {
    const text = decoder.write(chunk);
    if (reader === null) {
      pending += text;
      const firstLine = /^[\s]*([^\n]*)\n/.exec(pending);
      if (firstLine === null) continue;
      reader = new CsvReader(delimiterFor(sniffed.format, firstLine[1]));
      yield reader.push(pending);
      continue;
    }
    yield reader.push(text);
  }
  const rest = decoder.end();
  if (reader === null) {
    // A file of one line, without a line break.
    const only = new CsvReader(delimiterFor(sniffed.format, pending + rest));
    yield [...only.push(pending + rest), ...only.end()];
    return;
  }
  yield [...reader.push(rest), ...reader.end()];
}

function delimiterFor(format: ImportFormat, headerLine: string): string {
  return format === 'text' && headerLine.includes('\t') ? '\t' : detectDelimiter(headerLine);
}
