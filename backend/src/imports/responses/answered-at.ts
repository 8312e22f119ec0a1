import { parseDay } from './cell-values';

// « 2022-03-05 14:07:09 », « 2022-03-05T14:07:09.123Z », « 2022/03/05 2:07:09 PM », « 05/03/2022 14:07 ».
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?$/i;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The moment a row was answered, as PostgreSQL reads it: « YYYY-MM-DD HH:MM:SS » in the plans' time zone (the
 * staging connection's TimeZone) or with the offset the file gives. A day alone is noon: its month does not move
 * whatever the zone. Null when the text is not a date.
 */
export function parseAnsweredAt(text: string): string | null {
  if (isPlainDateTime(text)) return text;
  const t = text.trim();
  // The day stops at the T of ISO 8601 too: a greedy \S+ would take « 2022-03-05T14:07:09Z » whole.
  const split = /^([^\sT]+)(?:[T\s]+(.+))?$/.exec(t);
  if (!split) return null;
  const day = parseDay(split[1]);
  if (day === null) return null;
  if (split[2] === undefined) return `${day} 12:00:00`;
  const m = TIME.exec(split[2].trim());
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = m[3] === undefined ? 0 : Number(m[3]);
  const meridiem = m[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const zone = m[5] === undefined ? '' : /^(z|utc|gmt)$/i.test(m[5]) ? '+00' : m[5];
  return `${day} ${pad(hours)}:${pad(minutes)}:${pad(seconds)}${zone}`;
}

/** Days already checked (an export spans a few thousand): parseDay's regular expressions once per day. */
const realDays = new Map<string, boolean>();

/**
 * « YYYY-MM-DD hh:mm:ss » exactly, a real day and time: most exports write their dates so, and such a text is its own
 * answer (what the general path above would return), found at the cost of a few character codes.
 */
function isPlainDateTime(t: string): boolean {
  if (t.length !== 19) return false;
  for (let i = 0; i < 19; i += 1) {
    const c = t.charCodeAt(i);
    const expected = i === 4 || i === 7 ? 45 : i === 10 ? 32 : i === 13 || i === 16 ? 58 : -1;
    if (expected === -1 ? c < 48 || c > 57 : c !== expected) return false;
  }
  const two = (i: number) => (t.charCodeAt(i) - 48) * 10 + t.charCodeAt(i + 1) - 48;
  if (two(11) > 23 || two(14) > 59 || two(17) > 59) return false;
  const day = t.slice(0, 10);
  let real = realDays.get(day);
  if (real === undefined) {
    real = parseDay(day) === day;
    if (realDays.size < 100_000) realDays.set(day, real);
  }
  return real;
}
