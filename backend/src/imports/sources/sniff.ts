import type { ImportFormat } from '../import-kind';

export type Sniffed =
  | { ok: true; format: ImportFormat; encoding: 'utf8' | 'utf16le' | 'windows-1252' }
  | { ok: false; code: 'not_text' | 'empty_file'; message: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (b: Buffer, sig: number[]) => sig.every((v, i) => b[i] === v);

/** Whether these bytes are UTF-8, a multi-byte character cut at the end of the sample aside. */
function isUtf8(sample: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * What a file is, from its first bytes, whatever its name says: a workbook renamed .csv is read as a workbook,
 * and a binary file renamed .csv is refused at once instead of being read as 50 MB of nonsense.
 * `textFormat` is what a text file is taken for (the name or the caller decides: a CSV or a pasted table).
 */
export function sniff(head: Buffer, textFormat: 'text' | 'csv'): Sniffed {
  if (head.length === 0) return { ok: false, code: 'empty_file', message: 'The file is empty' };
  if (startsWith(head, ZIP)) return { ok: true, format: 'xlsx', encoding: 'utf8' };
  if (startsWith(head, OLE)) {
    return { ok: false, code: 'not_text', message: 'This is an Excel 97-2003 (.xls) or Word (.doc) file: save it as .xlsx or CSV' };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { ok: true, format: textFormat, encoding: 'utf16le' };
  const sample = head.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0)
      return { ok: false, code: 'not_text', message: 'This is not a text file (it holds binary data): choose a CSV, XLSX or text file' };
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control += 1;
  }
  if (control > sample.length / 100) {
    return { ok: false, code: 'not_text', message: 'This is not a text file (it holds binary data): choose a CSV, XLSX or text file' };
  }
  // Not UTF-8: an export of Excel in French (Windows) is Windows-1252, where every byte is a character.
  return { ok: true, format: textFormat, encoding: isUtf8(sample) ? 'utf8' : 'windows-1252' };
}
