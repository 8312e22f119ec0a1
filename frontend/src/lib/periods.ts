import type { TFunction } from 'i18next';
import type { Grain } from '@repere/contract';

/**
 * Periods are the API's period starts, 'YYYY-MM-DD' calendar days. They are handled as year and month
 * numbers, never as Date objects in the local time zone, so that no period shifts by a day.
 */
interface YearMonth {
  year: number;
  month: number;
}

const MONTHS_PER: Record<Grain, number> = { month: 1, quarter: 3, year: 12 };

function parse(day: string): YearMonth & { day: number } {
  const [year = '1970', month = '1', date = '1'] = day.split('-');
  return { year: Number(year), month: Number(month), day: Number(date) };
}

function format({ year, month }: YearMonth): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/** The start of the period of `grain` that holds `day`. */
export function periodOf(day: string, grain: Grain): string {
  const { year, month } = parse(day);
  const step = MONTHS_PER[grain];
  return format({ year, month: Math.floor((month - 1) / step) * step + 1 });
}

export function nextPeriod(period: string, grain: Grain): string {
  const { year, month } = parse(period);
  const index = year * 12 + (month - 1) + MONTHS_PER[grain];
  return format({ year: Math.floor(index / 12), month: (index % 12) + 1 });
}

/** Every period from the one holding `from` to the one holding `to`, in order (at most 600, a safety net). */
export function periodRange(from: string, to: string, grain: Grain): string[] {
  const periods: string[] = [];
  const last = periodOf(to, grain);
  for (let p = periodOf(from, grain); p <= last && periods.length < 600; p = nextPeriod(p, grain)) periods.push(p);
  return periods;
}

const dayNumber = (day: string): number => {
  const { year, month, day: date } = parse(day);
  return Date.UTC(year, month - 1, date) / 86_400_000;
};

/**
 * Where `day` falls on an axis of `periods` whose categories sit at 0, 1, 2…: period i covers i − 0.5 to
 * i + 0.5, so the 29th of September of a year lies three quarters of the way through that year's slot.
 */
export function positionOf(day: string, periods: readonly string[], grain: Grain): number | null {
  const period = periodOf(day, grain);
  const index = periods.indexOf(period);
  if (index < 0) return null;
  const start = dayNumber(period);
  const end = dayNumber(nextPeriod(period, grain));
  return index - 0.5 + (dayNumber(day) - start) / (end - start);
}

function localeFor(language: string): string {
  return language.startsWith('en') ? 'en-CA' : 'fr-CA';
}

/** « 2023 », « T3 2023 » / "Q3 2023", « juill. 2023 ». */
export function periodLabel(period: string, grain: Grain, language: string): string {
  const { year, month } = parse(period);
  if (grain === 'year') return String(year);
  if (grain === 'quarter') {
    const quarter = Math.floor((month - 1) / 3) + 1;
    return language.startsWith('en') ? `Q${quarter} ${year}` : `T${quarter} ${year}`;
  }
  return new Intl.DateTimeFormat(localeFor(language), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

/** The last day of the period that starts on `period`, 'YYYY-MM-DD'. */
export function lastDayOf(period: string, grain: Grain): string {
  const { year, month } = parse(nextPeriod(period, grain));
  const last = new Date(Date.UTC(year, month - 1, 0));
  return `${String(last.getUTCFullYear()).padStart(4, '0')}-${String(last.getUTCMonth() + 1).padStart(2, '0')}-${String(last.getUTCDate()).padStart(2, '0')}`;
}

/** What the API says of the period a value was read from (GET /plans/{id}/progress, evaluation snapshots). */
export interface PeriodCut {
  /** The last day counted in the period, or null. */
  periodEnd?: string | null;
  /** The period is not whole: cut by the as-of date or by the plan's data period. */
  partial?: boolean;
  /** The first day the plan counts (its data period's start), when known: a period starting earlier is cut at the start. */
  dataFrom?: string | null;
}

/** The as-of date of a view and the plan's data period, all 'YYYY-MM-DD'. */
export interface AsOf {
  at: string;
  from: string;
  until: string;
}

/**
 * How a period of a series viewed as of `at` is cut, for series whose cells do not say it themselves
 * (GET /indicators/{id}/values): the period holding `at` or the data period's end stops there, the one holding
 * the data period's start begins there.
 */
export function cutOf(period: string, grain: Grain, asOf: AsOf): Required<PeriodCut> {
  const last = lastDayOf(period, grain);
  const end = [last, asOf.at, asOf.until].sort()[0] ?? last;
  // A period wholly outside what is counted holds no value: there is nothing to label as cut.
  if (end < period || asOf.from > last) return { periodEnd: null, partial: false, dataFrom: asOf.from };
  return { periodEnd: end, partial: end < last || asOf.from > period, dataFrom: asOf.from };
}

/** « 29 sept. », « 1er mars » / "Sep 29", "Mar 1": a day of a period, without its year (the period says it). */
function dayLabel(day: string, language: string): string {
  const { year, month, day: date } = parse(day);
  const monthName = new Intl.DateTimeFormat(localeFor(language), { month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
  if (language.startsWith('en')) return `${monthName} ${date}`;
  return `${date === 1 ? '1er' : date} ${monthName}`;
}

/**
 * A period as far as it was counted: « 2022, jusqu'au 29 sept. » / "2022, through Sep 29", « 2021, depuis le
 * 15 mars » / "2021, from Mar 15"; the plain label when the period is whole. A value read from part of a
 * period must never pass for the whole period's.
 */
export function periodLabelAsOf(period: string, grain: Grain, text: { t: TFunction; language: string }, cut: PeriodCut): string {
  const { t, language } = text;
  const label = periodLabel(period, grain, language);
  if (!cut.partial) return label;
  const last = lastDayOf(period, grain);
  const start = cut.dataFrom && cut.dataFrom > period && cut.dataFrom <= last ? cut.dataFrom : null;
  const end = cut.periodEnd && cut.periodEnd < last ? cut.periodEnd : null;
  if (start && end) return t('period.between', { period: label, from: dayLabel(start, language), until: dayLabel(end, language) });
  if (end) return t('period.through', { period: label, day: dayLabel(end, language) });
  if (start) return t('period.from', { period: label, day: dayLabel(start, language) });
  // The API says the period is cut but not where (an older snapshot): still never shown as whole.
  return t('period.partial', { period: label });
}
