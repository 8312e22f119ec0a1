/**
 * « Today » for a plan: the day in the plan's own time zone (the API's `timeZone` of a plan), not the reader's clock.
 * A cut-off, a count's default date and the year of an activity report are days of the people the plan serves.
 */

/** The zone assumed for a plan the API gives none for (one that predates plans' own time zones). */
export const FALLBACK_TIME_ZONE = 'America/Toronto';

function dayIn(timeZone: string, now: Date): string {
  // en-CA writes a day as 'YYYY-MM-DD', the API's form.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function todayInPlanZone(timeZone: string | null | undefined, now = new Date()): string {
  try {
    return dayIn(timeZone || FALLBACK_TIME_ZONE, now);
  } catch {
    // A zone this browser does not know (Intl throws a RangeError): the API still checks the day in the right one.
    return dayIn(FALLBACK_TIME_ZONE, now);
  }
}
