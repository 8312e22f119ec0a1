import { decodeHtmlEntities } from '../html-entities';

/** One item of a cell, and whether a dash or a bullet introduced it. */
export interface CellItem {
  readonly text: string;
  /** A marked item starts a new entry; an unmarked one may be the end of the previous one (a page break). */
  readonly marked: boolean;
}

// Tags that end a line of text as Word's HTML export writes it; any other tag is dropped without a trace.
const BLOCK_TAG = /<\/?(?:p|div|li|ul|ol|br|tr|td|th|h[1-6]|blockquote)\b[^<>]*>/gi;
const ANY_TAG = /<\/?[a-z][a-z0-9]*\b[^<>]*>/gi;

/**
 * A cell's lines of plain text: paragraphs (<p>…</p>) and real line breaks (CSV, XLSX) both end a line.
 * Tags go before entities are decoded, so an escaped « &lt;p&gt; » stays text.
 */
export function cellLines(raw: string): string[] {
  const withoutTags = raw.replace(/\r\n?/g, '\n').replace(BLOCK_TAG, '\n').replace(ANY_TAG, '');
  return decodeHtmlEntities(withoutTags)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** The cell as one line of plain text, for headings, header names and telling empty cells apart. */
export function cellPlainText(raw: string): string {
  return cellLines(raw).join(' ');
}

// A bullet opening a line (« -Questionnaire », « • Évaluation », « – août »).
const LEADING_MARKER = /^[-–—•·*▪◦‣●○■□►➢✓✔]+\s*/u;
// A dash inside a line starts a new item only after a space and right before a word: « -Levées de fonds
// -Focus groups » splits, « partenaires principaux - Arrondissement », « Consulter-Impliquer » and
// « 12 -17 ans » do not.
const INLINE_DASH = /\s+-(?=[\p{L}"«'(])/u;

function lineItems(line: string): CellItem[] {
  const marker = LEADING_MARKER.exec(line);
  const rest = marker === null ? line : line.slice(marker[0].length);
  return rest.split(INLINE_DASH).map((text, index) => ({ text: text.trim(), marked: index > 0 || marker !== null }));
}

/**
 * Splits a cell into its items: paragraphs, lines, and leading dashes. Lone dashes are dropped, and so is a
 * comma that only separated an item from the next dashed one (« -Forum citoyen, -évaluation ») or that ends
 * the cell; any other punctuation is the writer's and stays.
 */
export function splitCellItems(raw: string): CellItem[] {
  const items = cellLines(raw).flatMap(lineItems);
  return items
    .map((item, index) => {
      const next = items[index + 1];
      const separatorComma = next === undefined || next.marked;
      return separatorComma ? { ...item, text: item.text.replace(/\s*,$/, '') } : item;
    })
    .filter((item) => item.text !== '');
}

export function cellItems(raw: string): string[] {
  return splitCellItems(raw).map((item) => item.text);
}

/**
 * Joins the items of a cell that holds one value (resources, schedule): a comma between items, unless the
 * writer already ended the item with punctuation.
 */
export function joinAsList(items: readonly string[]): string {
  return items.reduce((joined, item) => {
    if (joined === '') return item;
    return /[.,;:!?]$/.test(joined) ? `${joined} ${item}` : `${joined}, ${item}`;
  }, '');
}
