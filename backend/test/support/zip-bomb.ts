import { Readable } from 'node:stream';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';

// Workbooks that are bombs: a real workbook (one sheet, its cell a shared string) whose shared strings part is
// replaced by one string of `bytes` times the same character, deflated as it streams (about 1,000 to 1: 200 MB is a
// file of 0.2 MB), so the test never holds the string itself. archiver and jszip come with exceljs.

/* eslint-disable @typescript-eslint/no-require-imports */
const fromExceljs = (name: string) => require.resolve(name, { paths: [require.resolve('exceljs')] });
interface Archive extends NodeJS.ReadableStream {
  append(source: Buffer | Readable, data: { name: string }): Archive;
  finalize(): Promise<void>;
}
const archiver = require(fromExceljs('archiver')) as (format: 'zip', options: { zlib: { level: number } }) => Archive;
/* eslint-enable @typescript-eslint/no-require-imports */

const MB = 1024 * 1024;

function hugeSharedStrings(bytes: number): Readable {
  const chunk = Buffer.alloc(MB, 'a');
  let left = bytes;
  return Readable.from(
    (function* () {
      yield Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>',
      );
      while (left > 0) {
        const n = Math.min(left, MB);
        left -= n;
        yield n === MB ? chunk : chunk.subarray(0, n);
      }
      yield Buffer.from('</t></si></sst>');
    })(),
  );
}

/** A workbook whose shared strings part holds one string of `bytes` characters. */
export async function sharedStringBomb(bytes = 200 * MB): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Réponses').addRow(['x']);
  const small = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
  const archive = archiver('zip', { zlib: { level: 9 } });
  const out: Buffer[] = [];
  archive.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    archive.on('end', () => resolve());
    archive.on('error', reject);
  });
  for (const name of Object.keys(small.files)) {
    if (small.files[name].dir) continue;
    if (name === 'xl/sharedStrings.xml') archive.append(hugeSharedStrings(bytes), { name });
    else archive.append(await small.files[name].async('nodebuffer'), { name });
  }
  await archive.finalize();
  await ended;
  return Buffer.concat(out);
}

/**
 * The same workbook, its zip directory lying: every part declared 1 KB uncompressed, so that only the bytes counted
 * as they inflate can tell.
 */
export function lyingDirectory(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (
    let at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    at >= 0;
    at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
  ) {
    out.writeUInt32LE(1024, at + 24);
  }
  return out;
}
