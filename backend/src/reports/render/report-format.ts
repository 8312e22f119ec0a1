import type { Dimension, Grain } from '@backend/indicators/indicator-kind';
import { ADS_CATEGORIES } from '@backend/questionnaires/ads-block';
import type { ReportLanguage } from './report-input';

const LOCALE: Record<ReportLanguage, string> = { fr: 'fr-CA', en: 'en-CA' };

const SPECIAL_CATEGORIES: Record<string, Record<ReportLanguage, string>> = {
  not_recorded: { fr: 'Non consigné', en: 'Not recorded' },
  not_answered: { fr: 'Sans réponse', en: 'Not answered' },
  prefer_not: { fr: 'Préfère ne pas répondre', en: 'Prefers not to answer' },
  none: { fr: 'Aucune', en: 'None' },
  true: { fr: 'Oui', en: 'Yes' },
  false: { fr: 'Non', en: 'No' },
};

/** A figure as people read it: at most two decimals, the language's separators. */
export function formatNumber(value: number, language: ReportLanguage): string {
  return new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: 2 }).format(value);
}

/** « 30 septembre 2022 » · « September 30, 2022 ». Dates are days: read and printed in UTC. */
export function formatDate(date: string, language: ReportLanguage): string {
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date.slice(0, 10)}T00:00:00Z`),
  );
}

/** A period by its first day, as its grain names it: « 2022 », « T3 2022 » / « Q3 2022 », « août 2022 ». */
export function formatPeriod(periodStart: string, grain: Grain, language: ReportLanguage): string {
  const [y, m] = periodStart.split('-').map(Number);
  if (grain === 'year') return String(y);
  if (grain === 'quarter') return `${language === 'fr' ? 'T' : 'Q'}${Math.floor((m - 1) / 3) + 1} ${y}`;
  return new Intl.DateTimeFormat(LOCALE[language], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/**
 * The period a figure was read from, said to be partial when it is (« 2022, jusqu'au 29 sept. »): a period cut by the
 * as-of date is never printed as the whole one. Snapshots frozen before `partial` existed read as whole periods.
 */
export function formatPeriodAsOf(
  f: { period: string; periodEnd?: string | null; partial?: boolean },
  grain: Grain,
  language: ReportLanguage,
  through: (period: string, day: string) => string,
): string {
  const label = formatPeriod(f.period, grain, language);
  if (!f.partial || !f.periodEnd) return label;
  const day = new Intl.DateTimeFormat(LOCALE[language], { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${f.periodEnd}T00:00:00Z`),
  );
  return through(label, day);
}

/** The label of an ADS+ category code in the report's language (the code itself when it is not a standard one). */
export function categoryLabel(dimension: Dimension, category: string, language: ReportLanguage): string {
  const standard = ADS_CATEGORIES[dimension].find((c) => c.code === category)?.label[language];
  return standard ?? SPECIAL_CATEGORIES[category]?.[language] ?? category;
}

/** A file name's part from a title: ASCII, lower case, dashes (« Plan d'action 2021/2023 » → plan-d-action-2021-2023). */
export function slug(text: string, max = 60): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/, '') || 'plan';
}

/** « Label : » in French (a no-break space before the colon), « Label: » in English. */
export function colon(label: string, language: ReportLanguage): string {
  return language === 'fr' ? `${label}\u00a0:` : `${label}:`;
}

/** A breakdown's categories in the questionnaire's order (« Femme » before « Homme »…), the special ones after. */
export function categoryOrder<T extends { category: string }>(dimension: Dimension, cells: T[]): T[] {
  const standard = ADS_CATEGORIES[dimension].map((c) => c.code);
  const special = Object.keys(SPECIAL_CATEGORIES);
  const rank = (code: string) => {
    const s = standard.indexOf(code);
    if (s >= 0) return s;
    const p = special.indexOf(code);
    return p >= 0 ? 1000 + p : 500;
  };
  return [...cells].sort((a, b) => rank(a.category) - rank(b.category) || a.category.localeCompare(b.category));
}
