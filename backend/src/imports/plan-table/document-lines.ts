import { parseFrenchPeriod } from '@backend/plans/schedule/parse-schedule';
import { findImpossibleDate } from './find-impossible-date';

// The lines around the table: the title, the date, the orientation headings.

export interface OrientationHeading {
  readonly number: number | null;
  /** Empty when the heading names only the number (« ORIENTATION 2 »): the next line is then its title. */
  readonly title: string;
}

const HEADING =
  /^(?:orientation(?:\s+strat[ée]gique)?|strategic\s+orientation|axe|axis)(?!\p{L})\s*(?:(?:n[°o]|#)\.?\s*)?(\d+)?\s*([:.\-–—)])?\s*(.*)$/iu;

/** « ORIENTATION 1 : Title », « Orientation 2 - Title », « Orientation 3: Title », « AXE 1 : Title ». */
export function readOrientationHeading(text: string): OrientationHeading | null {
  const match = HEADING.exec(text.trim());
  if (match === null) return null;
  const [, number, separator, title] = match;
  // « Axe central du quartier » is a sentence, not a heading: a heading has a number or a separator, or
  // stands alone (« ORIENTATION », its title on the next line).
  if (number === undefined && separator === undefined && title.trim() !== '') return null;
  return { number: number === undefined ? null : Number(number), title: title.trim() };
}

// « 2021/2023 », « 2021-2023 », « 2021 – 2023 », « 2021-23 », « 2021 à 2023 ».
const YEAR_SPAN = /(?<!\d)((?:19|20)\d{2})(?:\s*[/\-–—]\s*|\s+(?:à|au|to)\s+)((?:19|20)?\d{2})(?!\d)/iu;
const ONE_YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;

export function readYears(title: string): { firstYear: number; lastYear: number } | null {
  const span = YEAR_SPAN.exec(title);
  if (span !== null) {
    const firstYear = Number(span[1]);
    const lastYear = span[2].length === 2 ? Math.floor(firstYear / 100) * 100 + Number(span[2]) : Number(span[2]);
    if (lastYear >= firstYear) return { firstYear, lastYear };
  }
  const year = ONE_YEAR.exec(title);
  return year === null ? null : { firstYear: Number(year[1]), lastYear: Number(year[1]) };
}

/** The document's title line is the one that names a plan or the years it covers. */
export function looksLikeTitle(text: string): boolean {
  return text.length <= 200 && (/\bplan\b/i.test(text) || YEAR_SPAN.test(text));
}

const DATE_LABEL = /^date(?!\p{L})\s*:?\s*(.*)$/iu;

/** « Date : 28.06.2021 » gives the text after the label; « Date : » alone gives '' (the date is on the next line). */
export function readDateLabel(text: string): string | null {
  const match = DATE_LABEL.exec(text.trim());
  return match === null ? null : match[1].trim();
}

export type DocumentDate = { readonly kind: 'date'; readonly date: string } | { readonly kind: 'impossible'; readonly text: string };

/**
 * A day (28.06.2021, 2021-06-28, 28/06/2021, 28 juin 2021) as YYYY-MM-DD; a day that cannot exist is told
 * apart from text that is no date at all, which is not the document's date and is left alone.
 */
export function readDocumentDate(text: string): DocumentDate | null {
  const impossible = findImpossibleDate(text);
  if (impossible !== null) return { kind: 'impossible', text: impossible };
  const start = parseFrenchPeriod(text, 'start');
  // A month or a year is a period, not the day the document was written.
  return start !== null && start === parseFrenchPeriod(text, 'end') ? { kind: 'date', date: start } : null;
}
