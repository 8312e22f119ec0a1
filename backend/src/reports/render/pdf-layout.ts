import PDFDocument from 'pdfkit';
import { colon } from './report-format';
import type { ReportLanguage } from './report-input';

// The few layout pieces both PDF reports use, on pdfkit's standard Helvetica (no font file to ship). Standard
// fonts are WinAnsi-encoded: French and English text fits, and anything else is written through winAnsi().

export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const OBLIQUE = 'Helvetica-Oblique';
export const COLORS = {
  text: '#1f2933',
  muted: '#616e7c',
  rule: '#cbd2d9',
  zebra: '#f2f4f7',
  accent: '#1d4e89',
  baseline: '#7b8794',
  midterm: '#c65d00',
  final: '#1b7f3b',
  series: '#1d4e89',
  cutoff: '#9aa5b1',
} as const;

const MARGIN = 50;
const FOOTER_SPACE = 30;

// The characters of Windows-1252 above 0x7F that are not Latin-1's (pdfkit maps them itself).
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = {
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u202f': '\u00a0',
  '\u2009': ' ',
  '\u200b': '',
  '\u2032': "'",
  '\u2033': '"',
  '\u00ad': '',
};

/** Text as a standard PDF font can show it: known look-alikes replaced, anything else outside WinAnsi as « ? ». */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) as number;
    if (ch in REPLACEMENTS) out += REPLACEMENTS[ch];
    else if (ch === '\n' || (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (ch === '\t') out += ' ';
    else if (code >= 0x80) out += '?';
  }
  return out;
}

export interface PdfMeta {
  title: string;
  subject: string;
  language: ReportLanguage;
  generatedAt: Date;
}

/** An A4 document whose pages stay in memory until the end (the footers need the page count), and its bytes. */
export function createPdf(meta: PdfMeta): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_SPACE, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: meta.language === 'fr' ? 'fr-CA' : 'en-CA',
    displayTitle: true,
    info: {
      Title: winAnsi(meta.title),
      Subject: winAnsi(meta.subject),
      Creator: 'Repère',
      Producer: 'Repère',
      CreationDate: meta.generatedAt,
      ModDate: meta.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(FONT).fontSize(10).fillColor(COLORS.text);
  return { doc, bytes };
}

export const contentWidth = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomOf = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points fit below the cursor. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

export function heading(doc: PDFKit.PDFDocument, text: string, level: 1 | 2 | 3): void {
  const size = { 1: 16, 2: 13, 3: 11 }[level];
  const safe = winAnsi(text);
  doc.font(BOLD).fontSize(size);
  // A heading never stays alone at the foot of a page.
  ensureSpace(doc, doc.heightOfString(safe, { width: contentWidth(doc) }) + 60);
  if (level < 3) doc.moveDown(0.4);
  doc.fillColor(level === 1 ? COLORS.accent : COLORS.text).text(safe, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3).font(FONT).fontSize(10).fillColor(COLORS.text);
}

export function paragraph(doc: PDFKit.PDFDocument, text: string, options: { font?: string; size?: number; color?: string } = {}): void {
  doc
    .font(options.font ?? FONT)
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? COLORS.text)
    .text(winAnsi(text), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.font(FONT).fontSize(10).fillColor(COLORS.text);
}

/** A label in bold followed by its text, flowing like a paragraph. */
export function labelled(doc: PDFKit.PDFDocument, label: string, text: string, language: ReportLanguage): void {
  doc
    .font(BOLD)
    .fillColor(COLORS.text)
    .text(`${winAnsi(colon(label, language))} `, doc.page.margins.left, doc.y, { width: contentWidth(doc), continued: true })
    .font(FONT)
    .text(winAnsi(text));
}

export interface Column {
  header: string;
  /** A share of the content width; the shares of a table add up to 1. */
  width: number;
  align?: 'left' | 'right';
}

const PAD = 3;

/** A table whose rows never break across pages; the header is repeated on each page it runs onto. */
export function table(doc: PDFKit.PDFDocument, columns: Column[], rows: string[][], options: { size?: number } = {}): void {
  const size = options.size ?? 8.5;
  const left = doc.page.margins.left;
  const widths = columns.map((c) => c.width * contentWidth(doc));
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(winAnsi(c) || ' ', { width: widths[i] - 2 * PAD }))) + 2 * PAD;
  };
  const drawRow = (cells: string[], font: string, fill: string | null, rowHeight: number) => {
    const y = doc.y;
    if (fill) doc.rect(left, y, contentWidth(doc), rowHeight).fill(fill);
    doc.font(font).fontSize(size).fillColor(COLORS.text);
    cells.forEach((c, i) => {
      doc.text(winAnsi(c), xs[i] + PAD, y + PAD, { width: widths[i] - 2 * PAD, align: columns[i].align ?? 'left' });
    });
    doc
      .moveTo(left, y + rowHeight)
      .lineTo(left + contentWidth(doc), y + rowHeight)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    doc.y = y + rowHeight;
  };
  const headers = columns.map((c) => c.header);
  const headerHeight = heightOf(headers, BOLD);
  const drawHeader = () => drawRow(headers, BOLD, COLORS.zebra, headerHeight);
  ensureSpace(doc, headerHeight + (rows.length ? heightOf(rows[0], FONT) : 0));
  drawHeader();
  rows.forEach((row, r) => {
    const h = heightOf(row, FONT);
    if (doc.y + h > bottomOf(doc)) {
      doc.addPage();
      drawHeader();
    }
    drawRow(row, FONT, r % 2 === 1 ? '#fafbfc' : null, h);
  });
  doc.x = left;
  doc.font(FONT).fontSize(10).fillColor(COLORS.text).moveDown(0.6);
}

/** « Page n de N » and a short title at the foot of every page, once all pages exist. */
export function addFooters(doc: PDFKit.PDFDocument, title: string, page: (n: number, of: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would start a new page: lift the margin while the footer is written.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 8;
    const width = contentWidth(doc);
    doc
      .moveTo(doc.page.margins.left, y - 6)
      .lineTo(doc.page.margins.left + width, y - 6)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    doc.font(FONT).fontSize(8).fillColor(COLORS.muted);
    doc.text(winAnsi(title), doc.page.margins.left, y, { width: width * 0.75, lineBreak: false, ellipsis: true });
    doc.text(page(i - range.start + 1, range.count), doc.page.margins.left, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
