import { parseFrenchPeriod } from '@backend/plans/schedule/parse-schedule';

// Text shaped like a day: parseFrenchPeriod reads the real ones; what it cannot read among these is a day
// that does not exist (« 31 février 2022 », « 45/13/2022 »), not just words the schedule reader does not know.
const DAY_SHAPES: readonly RegExp[] = [
  /(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)/g,
  /(?<!\d)\d{1,2}[./]\d{1,2}[./]\d{4}(?!\d)/g,
  /(?<![\p{L}\d])\d{1,2}(?:er|re|st|nd|rd|th)?\s+(?:de\s+)?\p{L}+\.?,?\s+\d{4}(?!\d)/giu,
  /(?<![\p{L}\d])\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?!\d)/giu,
];

/** The first day-shaped piece of text that names no real day, or null. */
export function findImpossibleDate(text: string): string | null {
  for (const shape of DAY_SHAPES) {
    for (const match of text.matchAll(shape)) {
      if (parseFrenchPeriod(match[0], 'end') === null) return match[0];
    }
  }
  return null;
}
