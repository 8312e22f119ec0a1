const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function localeFor(language: string): string {
  return language.startsWith('en') ? 'en-CA' : 'fr-CA';
}

/**
 * Formats an API date ('YYYY-MM-DD', or a full ISO timestamp) in the UI language:
 * « 31 décembre 2022 » / "December 31, 2022". A plain date is read as a calendar day, never shifted
 * by the time zone. Anything unparsable is returned unchanged.
 */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'long' }).formatToParts(date);
  // French writes the first of the month « 1er » (« 1er janvier 2021 »), which Intl does not.
  const french = !language.startsWith('en');
  return parts.map((part) => (french && part.type === 'day' && part.value === '1' ? '1er' : part.value)).join('');
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(localeFor(language), { maximumFractionDigits: 2 }).format(value);
}

/** « 57,5 % », « 300 réponses », « 4,01 sur 5 »: a number with the indicator's unit. */
export function formatWithUnit(value: number, unit: string | null, language: string): string {
  const formatted = formatNumber(value, language);
  if (!unit) return formatted;
  // « 57,5 % » in French, "57.5%" in English.
  if (unit === '%') return language.startsWith('en') ? `${formatted}%` : `${formatted}\u00a0%`;
  return `${formatted} ${unit}`;
}
