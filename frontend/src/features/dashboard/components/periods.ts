import type { Grain } from '@/features/dashboard/api/dashboard-api';

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

/** The local calendar day, 'YYYY-MM-DD': what « today » means to the person reading. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
