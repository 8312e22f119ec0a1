import { Transform, TransformCallback } from 'node:stream';

/**
 * How much of a workbook the workers agree to read. An XLSX is a zip of XML parts: a file of 0.2 MB can hold one
 * shared string of 200 MB (a character repeated compresses about 1,000 to 1), which the reader would build in memory
 * whole. So a workbook is measured before it is read (its zip directory: every part's declared size and compression
 * ratio) and while it is read (the bytes each part really inflates to, since declared sizes can lie), and refused
 * past these bounds with a problem that says which one.
 */
export interface WorkbookBounds {
  /** All parts together, uncompressed. */
  readonly maxUncompressed: number;
  /** `xl/sharedStrings.xml`, uncompressed: the reader keeps every shared string in memory. */
  readonly maxSharedStrings: number;
  /** Any other part read whole (workbook, styles, relationships), uncompressed. */
  readonly maxOtherPart: number;
  /** A part larger than `ratioFrom` bytes inflating more than `maxRatio` times its compressed size is a bomb. */
  readonly maxRatio: number;
  readonly ratioFrom: number;
  /** Cells read from the sheet (filled or not, up to each row's last filled cell). */
  readonly maxCells: number;
}

/**
 * Excel's own limits: 16,384 columns, and 32,767 characters in a cell. In XML a character takes at most 6 bytes
 * (`&quot;`), so no text or tag of a sheet or of the shared strings runs longer than MAX_XML_RUN bytes between two
 * `<`: a longer run is refused as it streams, before the parser has gathered it into one string.
 */
export const MAX_COLUMNS = 16_384;
export const MAX_CELL_CHARS = 32_767;
export const MAX_XML_RUN = 256 * 1024;

const MB = 1024 * 1024;

/**
 * Past responses: a million rows of a dozen columns is about 500 MB of sheet XML, which is streamed row by row;
 * shared strings are held whole, so they get a much smaller bound.
 */
export const RESPONSES_WORKBOOK: WorkbookBounds = {
  maxUncompressed: 1024 * MB,
  maxSharedStrings: 50 * MB,
  maxOtherPart: 10 * MB,
  maxRatio: 100,
  ratioFrom: MB,
  maxCells: 20_000_000,
};

/** A plan's table or a fiche: a few pages, whose rows are all held in memory. */
export const DOCUMENT_WORKBOOK: WorkbookBounds = {
  maxUncompressed: 50 * MB,
  maxSharedStrings: 20 * MB,
  maxOtherPart: 10 * MB,
  maxRatio: 100,
  ratioFrom: MB,
  maxCells: 200_000,
};

/** A workbook past a bound: `code` and `params` let the web app word it, `message` says it in English. */
export class WorkbookBoundError extends Error {
  readonly code = 'workbook_too_large';
  constructor(
    message: string,
    readonly params: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'WorkbookBoundError';
  }
}

const mb = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

export function tooLarge(part: string, found: number, limit: number, streaming = false): WorkbookBoundError {
  const what = part === '*' ? 'The workbook, uncompressed,' : `The part « ${part} » of the workbook, uncompressed,`;
  return new WorkbookBoundError(
    `${what} exceeds ${mb(limit)} (${mb(found)}${streaming ? ' or more' : ''}): it cannot be imported; save the sheet as CSV or split it`,
    { part, limit, found, reason: 'size' },
  );
}

export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX32 = 0xffffffff;

/** Where the central directory is, from the file's last bytes (`tail`, ending at `fileSize`). */
export function centralDirectoryRange(tail: Buffer, fileSize: number): { offset: number; size: number } | null {
  const tailStart = fileSize - tail.length;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) !== EOCD) continue;
    let size = tail.readUInt32LE(i + 12);
    let offset = tail.readUInt32LE(i + 16);
    if ((size === MAX32 || offset === MAX32) && i >= 20 && tail.readUInt32LE(i - 20) === EOCD64_LOCATOR) {
      const at = Number(tail.readBigUInt64LE(i - 20 + 8)) - tailStart;
      if (at < 0 || at + 56 > tail.length || tail.readUInt32LE(at) !== EOCD64) return null;
      size = Number(tail.readBigUInt64LE(at + 40));
      offset = Number(tail.readBigUInt64LE(at + 48));
    }
    if (offset + size > fileSize) return null;
    return { offset, size };
  }
  return null;
}

/** The entries of a zip's central directory, with their declared sizes (ZIP64 sizes read from their extra field). */
export function centralDirectoryEntries(dir: Buffer): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at + 46 <= dir.length && dir.readUInt32LE(at) === CENTRAL) {
    let compressedSize = dir.readUInt32LE(at + 20);
    let uncompressedSize = dir.readUInt32LE(at + 24);
    const nameLength = dir.readUInt16LE(at + 28);
    const extraLength = dir.readUInt16LE(at + 30);
    const commentLength = dir.readUInt16LE(at + 32);
    const name = dir.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (uncompressedSize === MAX32 || compressedSize === MAX32) {
      const extra = dir.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      for (let e = 0; e + 4 <= extra.length;) {
        const id = extra.readUInt16LE(e);
        const len = extra.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let f = e + 4;
          if (uncompressedSize === MAX32 && f + 8 <= e + 4 + len) {
            uncompressedSize = Number(extra.readBigUInt64LE(f));
            f += 8;
          }
          if (compressedSize === MAX32 && f + 8 <= e + 4 + len) compressedSize = Number(extra.readBigUInt64LE(f));
          break;
        }
        e += 4 + len;
      }
    }
    entries.push({ name, compressedSize, uncompressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bound of one part, by its name. */
export function partBound(name: string, bounds: WorkbookBounds): number {
  if (name === 'xl/sharedStrings.xml') return bounds.maxSharedStrings;
  if (isReadPart(name) && !/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return bounds.maxOtherPart;
  return bounds.maxUncompressed; // a sheet (streamed), or a part skipped (images…): the total bounds them
}

/** The parts the reader parses (the others, images and such, are inflated and dropped). */
export function isReadPart(name: string): boolean {
  return (
    name === 'xl/sharedStrings.xml' ||
    name === 'xl/workbook.xml' ||
    name === 'xl/styles.xml' ||
    name === 'xl/_rels/workbook.xml.rels' ||
    /^xl\/worksheets\/sheet\d+\.xml$/.test(name) ||
    /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(name)
  );
}

/** The first bound the directory's declared sizes break, or null. */
export function checkDirectory(entries: readonly ZipEntry[], bounds: WorkbookBounds): WorkbookBoundError | null {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const limit = partBound(e.name, bounds);
    if (e.uncompressedSize > limit) return tooLarge(e.name, e.uncompressedSize, limit);
    if (e.uncompressedSize >= bounds.ratioFrom && e.uncompressedSize > bounds.maxRatio * Math.max(e.compressedSize, 1)) {
      const ratio = Math.round(e.uncompressedSize / Math.max(e.compressedSize, 1));
      return new WorkbookBoundError(
        `The part « ${e.name} » of the workbook inflates ${ratio} times (${mb(e.compressedSize)} to ${mb(e.uncompressedSize)}; at most ${bounds.maxRatio} times): ` +
          'no spreadsheet compresses so well, it cannot be imported',
        { part: e.name, limit: bounds.maxRatio, found: ratio, reason: 'ratio' },
      );
    }
  }
  if (total > bounds.maxUncompressed) return tooLarge('*', total, bounds.maxUncompressed);
  return null;
}

/**
 * Counts what a part really inflates to, as it streams: past its bound, or past the workbook's total, or with a run of
 * more than MAX_XML_RUN bytes without a `<`, it fails with a WorkbookBoundError instead of passing the bytes on.
 */
export class InflatedBytesGuard {
  total = 0;
  constructor(private readonly bounds: WorkbookBounds) {}

  part(name: string): Transform {
    const limit = partBound(name, this.bounds);
    let bytes = 0;
    let run = 0;
    const xml = name.endsWith('.xml');
    return new Transform({
      transform: (chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) => {
        bytes += chunk.length;
        this.total += chunk.length;
        if (bytes > limit) return done(tooLarge(name, bytes, limit, true));
        if (this.total > this.bounds.maxUncompressed) return done(tooLarge('*', this.total, this.bounds.maxUncompressed, true));
        if (xml) {
          const last = chunk.lastIndexOf(0x3c); // '<'
          if (last < 0) run += chunk.length;
          else {
            const first = chunk.indexOf(0x3c);
            let longest = run + first;
            for (
              let i = first, next = chunk.indexOf(0x3c, i + 1);
              next >= 0 && longest <= MAX_XML_RUN;
              i = next, next = chunk.indexOf(0x3c, i + 1)
            ) {
              longest = Math.max(longest, next - i);
            }
            run = chunk.length - last;
            longest = Math.max(longest, run);
            if (longest > MAX_XML_RUN) {
              return done(
                new WorkbookBoundError(
                  `The part « ${name} » of the workbook holds a text of more than ${MAX_XML_RUN / 1024} KB in one piece (a cell holds at most ${MAX_CELL_CHARS} characters): it cannot be imported`,
                  { part: name, limit: MAX_CELL_CHARS, found: longest, reason: 'cell' },
                ),
              );
            }
          }
          if (run > MAX_XML_RUN) {
            return done(
              new WorkbookBoundError(
                `The part « ${name} » of the workbook holds a text of more than ${MAX_XML_RUN / 1024} KB in one piece (a cell holds at most ${MAX_CELL_CHARS} characters): it cannot be imported`,
                { part: name, limit: MAX_CELL_CHARS, found: run, reason: 'cell' },
              ),
            );
          }
        }
        done(null, chunk);
      },
    });
  }
}

const MAX_DIRECTORY = 16 * MB;

/**
 * Measures a workbook from its zip directory before any part is inflated: `read(start, end)` gives the file's bytes
 * in [start, end). Null when the declared sizes are within `bounds` (or there is no directory to read: the streaming
 * reader and its guard then decide).
 */
export async function checkWorkbook(
  size: number,
  read: (start: number, end: number) => Promise<Buffer>,
  bounds: WorkbookBounds,
): Promise<WorkbookBoundError | null> {
  const tailStart = Math.max(0, size - (22 + 65535 + 20 + 56));
  const range = centralDirectoryRange(await read(tailStart, size), size);
  if (range === null) return null;
  if (range.size > MAX_DIRECTORY) {
    return new WorkbookBoundError(
      `The workbook's zip directory takes ${mb(range.size)} (at most ${mb(MAX_DIRECTORY)}): it has far too many parts to be a spreadsheet`,
      { part: '*', limit: MAX_DIRECTORY, found: range.size, reason: 'directory' },
    );
  }
  return checkDirectory(centralDirectoryEntries(await read(range.offset, range.offset + range.size)), bounds);
}
