import { formatNumber } from '@/lib/format';

function localeFor(language: string): string {
  return language.startsWith('en') ? 'en-CA' : 'fr-CA';
}

/** « 12 mars 2025, 14 h 05 »: when something happened in an evaluation's history. */
export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** A value with its unit: « 80 % », « 180 réponses ». */
export function formatValue(value: number, unit: string | null, language: string): string {
  const formatted = formatNumber(value, language);
  if (!unit) return formatted;
  // A percent sign sits closer to its number in both languages.
  return unit === '%' ? `${formatted}\u00a0%` : `${formatted} ${unit}`;
}
