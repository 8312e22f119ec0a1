/**
 * Time zones of plans. Every "today" and every month boundary of a plan's figures is a day of the people the plan
 * serves, in the plan's own zone (plans.time_zone): a response at 23:30 on 31 January in Vancouver is a January
 * response there, a February one in Montréal.
 */

/** What a plan gets when nobody chose (DEFAULT_TIME_ZONE overrides it per deployment). */
export const FALLBACK_TIME_ZONE = 'America/Toronto';

/** An IANA zone name (« America/Vancouver ») that Node's Intl knows; PostgreSQL reads the same tz database. */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar day, `YYYY-MM-DD`, at `now` in `zone`. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
