import type { EvidenceMediaType } from '@repere/contract';

/**
 * The type of a file from its bytes alone, among the evidence types (EVIDENCE_MEDIA_TYPES), or null for anything
 * else: an executable renamed « minutes.pdf », an HTML page, an SVG, a macro-enabled document. The client's name and
 * Content-Type are never trusted, so a file is served with the type its bytes prove.
 */
export function sniffEvidence(bytes: Buffer): EvidenceMediaType | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return 'image/gif';
  if (startsWith(bytes, RIFF) && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (startsWith(bytes, ZIP)) return officeType(bytes);
  return null;
}

const PDF = Buffer.from('%PDF-', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const GIF87 = Buffer.from('GIF87a', 'latin1');
const GIF89 = Buffer.from('GIF89a', 'latin1');
const RIFF = Buffer.from('RIFF', 'latin1');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const startsWith = (bytes: Buffer, magic: Buffer) => bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);

const OPEN_DOCUMENT: Record<string, EvidenceMediaType> = {
  'application/vnd.oasis.opendocument.text': 'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet': 'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation': 'application/vnd.oasis.opendocument.presentation',
};

/**
 * A ZIP is an office document when its entries say so: OpenDocument names its type in a first, stored entry
 * `mimetype`; Office Open XML has `[Content_Types].xml` and its main part (word/, xl/, ppt/). A document carrying
 * macros (vbaProject.bin) or scripts (OpenDocument's Basic/ or Scripts/) is refused, as is any other archive.
 */
function officeType(bytes: Buffer): EvidenceMediaType | null {
  const names = zipEntryNames(bytes);
  if (!names) return null;
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n) || /^(Basic|Scripts)\//.test(n))) return null;
  if (names[0] === 'mimetype') {
    // OpenDocument: the entry's data follows its 30-byte local header and its name (8 bytes), uncompressed.
    const nameLength = bytes.readUInt16LE(26);
    const extraLength = bytes.readUInt16LE(28);
    const size = bytes.readUInt32LE(18);
    const start = 30 + nameLength + extraLength;
    const declared = bytes.subarray(start, start + Math.min(size, 100)).toString('latin1');
    return OPEN_DOCUMENT[declared] ?? null;
  }
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.includes('word/document.xml')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (names.includes('xl/workbook.xml')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (names.includes('ppt/presentation.xml')) return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  return null;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** The names in a ZIP's central directory, in order; null when it has none that reads whole. */
function zipEntryNames(bytes: Buffer): string[] | null {
  // The end record is the last 22 bytes, before a comment of at most 64 kB.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
