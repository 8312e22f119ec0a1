import { foldText } from '@backend/common/fold-text';
import { ScheduleKind } from '@backend/plans/schedule-kind';

/** An « Échéancier » cell read into what Repère can sort, filter and remind about. */
export interface ParsedSchedule {
  kind: ScheduleKind;
  /** YYYY-MM-DD, only when kind is 'date'. */
  date: string | null;
  /** RFC 5545 RRULE body (no DTSTART), only when kind is 'recurrence'. */
  recurrence: string | null;
  /** The original text, trimmed: what the users wrote stays the reference. */
  text: string;
}

export type PeriodBound = 'start' | 'end';

interface DayOfYear {
  month: number;
  day: number;
}

interface Period {
  index: number;
  end: number;
  /** Null when the text names an impossible day (« 31 février 2022 »): it still hides the bare year inside it. */
  range: { start: string; end: string } | null;
}

const MONTH_NAMES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['janvier', 'janv', 'january', 'jan']],
  [2, ['fevrier', 'fevr', 'fev', 'february', 'feb']],
  [3, ['mars', 'march', 'mar']],
  [4, ['avril', 'avr', 'april', 'apr']],
  [5, ['mai', 'may']],
  [6, ['juin', 'june', 'jun']],
  [7, ['juillet', 'juil', 'july', 'jul']],
  [8, ['aout', 'august', 'aug']],
  [9, ['septembre', 'september', 'sept', 'sep']],
  [10, ['octobre', 'october', 'oct']],
  [11, ['novembre', 'november', 'nov']],
  [12, ['decembre', 'december', 'dec']],
];

// Québec usage, as the seeds use it: a season belongs to the calendar year it is named with,
// so « hiver 2021 » is January–March 2021, not December 2020.
const SEASONS: ReadonlyArray<readonly [readonly string[], DayOfYear, DayOfYear]> = [
  [['hiver', 'winter'], { month: 1, day: 1 }, { month: 3, day: 19 }],
  [['printemps', 'spring'], { month: 3, day: 20 }, { month: 6, day: 20 }],
  [['ete', 'summer'], { month: 6, day: 21 }, { month: 9, day: 22 }],
  [['automne', 'autumn', 'fall'], { month: 9, day: 23 }, { month: 12, day: 20 }],
];

const WEEKDAYS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['MO', ['lundi', 'monday']],
  ['TU', ['mardi', 'tuesday']],
  ['WE', ['mercredi', 'wednesday']],
  ['TH', ['jeudi', 'thursday']],
  ['FR', ['vendredi', 'friday']],
  ['SA', ['samedi', 'saturday']],
  ['SU', ['dimanche', 'sunday']],
];

// Checked in order: « bihebdomadaire » must win over « hebdomadaire », and the \b keeps
// « bimensuel » (twice a month or every two months: nobody agrees) from reading as « mensuel ».
const FREQUENCIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(quotidien(ne)?s?|quotidiennement|daily|chaque jour|tous les jours)\b/, 'FREQ=DAILY'],
  [/\b(bihebdomadaires?|aux deux semaines|toutes les deux semaines|bi-?weekly)\b/, 'FREQ=WEEKLY;INTERVAL=2'],
  [/\b(hebdomadaires?|hebdomadairement|weekly|chaque semaine|toutes les semaines)\b/, 'FREQ=WEEKLY'],
  [/\b(mensuel(le)?s?|mensuellement|monthly|chaque mois|tous les mois)\b/, 'FREQ=MONTHLY'],
  [/\b(trimestriel(le)?s?|trimestriellement|quarterly)\b/, 'FREQ=MONTHLY;INTERVAL=3'],
  [/\b(semestriel(le)?s?|semestriellement|semi-?annual(ly)?)\b/, 'FREQ=MONTHLY;INTERVAL=6'],
  [/\b(annuel(le)?s?|annuellement|annual(ly)?|yearly|chaque annee|tous les ans)\b/, 'FREQ=YEARLY'],
];

const TBD_PATTERN = /^(a determiner|a definir|a confirmer|a venir|tbd|tbc|to be determined|to be confirmed)\b/;
const ONGOING_PATTERN = /^(en continu|continu|continue|continuel(le)?|en cours|ongoing|continuous(ly)?|permanent)\b/;

// « D'ici l'automne » (by autumn) is read as the start of autumn: the deadline falls before the season begins.
const START_QUALIFIER = /\b(debut|commencement|d ici|avant|start|beginning|early|by|before)\b/g;
const END_QUALIFIER = /\b(fin|end|late)\b/g;

const byLengthDesc = (a: string, b: string): number => b.length - a.length;
const MONTH_ALTERNATION = MONTH_NAMES.flatMap(([, names]) => names)
  .sort(byLengthDesc)
  .join('|');
const SEASON_ALTERNATION = SEASONS.flatMap(([names]) => names)
  .sort(byLengthDesc)
  .join('|');

const MONTH_BY_NAME = new Map(MONTH_NAMES.flatMap(([month, names]) => names.map((name) => [name, month] as const)));
const SEASON_BY_NAME = new Map(SEASONS.flatMap(([names, from, to]) => names.map((name) => [name, { from, to }] as const)));

const pad = (n: number): string => String(n).padStart(2, '0');
const isoDate = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;
const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function dayRange(year: number, month: number, day: number): Period['range'] {
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  const date = isoDate(year, month, day);
  return { start: date, end: date };
}

function monthRange(year: number, month: number): Period['range'] {
  return { start: isoDate(year, month, 1), end: isoDate(year, month, lastDayOfMonth(year, month)) };
}

function monthOf(name: string): number {
  const month = MONTH_BY_NAME.get(name);
  if (month === undefined) throw new Error(`Unknown month name « ${name} »`);
  return month;
}

// Ordered by priority: when two patterns start at the same place, the more precise one wins
// (« 2022-12-31 » is a day, not the year 2022).
const PERIOD_PATTERNS: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray) => Period['range']]> = [
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => dayRange(Number(m[1]), Number(m[2]), Number(m[3]))],
  // Day first, as Québec French writes it (« 28.06.2021 »).
  [/\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/g, (m) => dayRange(Number(m[3]), Number(m[2]), Number(m[1]))],
  [
    new RegExp(`\\b(\\d{1,2})(?:er|re|st|nd|rd|th)?\\s+(?:de\\s+)?(${MONTH_ALTERNATION})\\.?,?\\s+(\\d{4})\\b`, 'g'),
    (m) => dayRange(Number(m[3]), monthOf(m[2]), Number(m[1])),
  ],
  [
    new RegExp(`\\b(${MONTH_ALTERNATION})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'g'),
    (m) => dayRange(Number(m[3]), monthOf(m[1]), Number(m[2])),
  ],
  [new RegExp(`\\b(${MONTH_ALTERNATION})\\.?\\s+(?:de\\s+)?(\\d{4})\\b`, 'g'), (m) => monthRange(Number(m[2]), monthOf(m[1]))],
  [
    new RegExp(`\\b(${SEASON_ALTERNATION})\\s+(?:de\\s+)?(\\d{4})\\b`, 'g'),
    (m) => {
      const season = SEASON_BY_NAME.get(m[1]);
      const year = Number(m[2]);
      if (season === undefined) return null;
      return { start: isoDate(year, season.from.month, season.from.day), end: isoDate(year, season.to.month, season.to.day) };
    },
  ],
  [/\b((?:19|20)\d{2})\b/g, (m) => ({ start: `${m[1]}-01-01`, end: `${m[1]}-12-31` })],
];

const fold = foldText;

function findPeriods(folded: string): Period[] {
  const candidates: Array<Period & { priority: number }> = [];
  PERIOD_PATTERNS.forEach(([pattern, toRange], priority) => {
    for (const match of folded.matchAll(pattern)) {
      const index = match.index ?? 0;
      candidates.push({ index, end: index + match[0].length, range: toRange(match), priority });
    }
  });
  candidates.sort((a, b) => a.index - b.index || a.priority - b.priority);
  const periods: Period[] = [];
  for (const candidate of candidates) {
    const previous = periods[periods.length - 1];
    if (previous === undefined || candidate.index >= previous.end) periods.push(candidate);
  }
  return periods;
}

function lastQualifier(segment: string): PeriodBound | null {
  const lastIndex = (pattern: RegExp): number => Math.max(-1, ...[...segment.matchAll(pattern)].map((m) => m.index ?? -1));
  const start = lastIndex(START_QUALIFIER);
  const end = lastIndex(END_QUALIFIER);
  if (start < 0 && end < 0) return null;
  return start > end ? 'start' : 'end';
}

function resolvePeriod(folded: string, bound: PeriodBound): string | null {
  const periods = findPeriods(folded);
  if (periods.length === 0) return null;
  // A range (« 2021– 2023 ») starts with its first period and ends with its last one.
  const position = bound === 'start' ? 0 : periods.length - 1;
  const period = periods[position];
  if (period.range === null) return null;
  const segmentStart = position === 0 ? 0 : periods[position - 1].end;
  // The text's own « début » / « fin » is more precise than the bound the caller asks for.
  const effectiveBound = lastQualifier(folded.slice(segmentStart, period.index)) ?? bound;
  return effectiveBound === 'start' ? period.range.start : period.range.end;
}

/**
 * Reads a period written in words (« Hiver 2021 », « 5 juin 2019 », « novembre 2019 », « fin été 2021 »)
 * and returns its first or last day. French first, English too. Null when no period is recognized.
 */
export function parseFrenchPeriod(text: string, bound: PeriodBound): string | null {
  return resolvePeriod(fold(text), bound);
}

function parseRecurrence(folded: string): string | null {
  const frequency = FREQUENCIES.find(([pattern]) => pattern.test(folded));
  if (frequency === undefined) return null;
  const rule = frequency[1];
  const hasYear = /\b(19|20)\d{2}\b/.test(folded);
  if (rule === 'FREQ=YEARLY' && !hasYear) {
    // « Annuel – août »: the month the yearly event happens in. With a year, a month is a start date instead.
    const months = [...folded.matchAll(new RegExp(`\\b(${MONTH_ALTERNATION})\\b`, 'g'))].map((m) => monthOf(m[1]));
    const unique = [...new Set(months)].sort((a, b) => a - b);
    if (unique.length > 0) return `${rule};BYMONTH=${unique.join(',')}`;
  }
  if (rule.startsWith('FREQ=WEEKLY')) {
    const days = WEEKDAYS.filter(([, names]) => names.some((name) => new RegExp(`\\b${name}s?\\b`).test(folded)));
    if (days.length > 0) return `${rule};BYDAY=${days.map(([code]) => code).join(',')}`;
  }
  return rule;
}

/**
 * Reads an « Échéancier » cell: a date (« 31 décembre 2022 », « Mars 2023 », « Fin été 2021 »),
 * a recurrence (« Annuel – août »), ongoing (« En continu ») or to be determined (« À déterminer »).
 *
 * A deadline names the last day of its period (« Mars 2023 » → 2023-03-31, « 2021– 2023 » → 2023-12-31)
 * unless the text says otherwise (« Début du projet Automne 2021 » → 2021-09-23).
 *
 * Text that is not empty but not recognized is kind 'tbd' with no date: the schedule really is still
 * to be determined by a person, and the original text is kept so nothing the users wrote is lost.
 */
export function parseSchedule(text: string): ParsedSchedule {
  const trimmed = text.trim();
  const folded = fold(trimmed).replace(/[\s.;:,!]+$/, '');
  const tbd: ParsedSchedule = { kind: 'tbd', date: null, recurrence: null, text: trimmed };
  if (folded === '' || TBD_PATTERN.test(folded)) return tbd;
  if (ONGOING_PATTERN.test(folded)) return { kind: 'ongoing', date: null, recurrence: null, text: trimmed };
  const recurrence = parseRecurrence(folded);
  if (recurrence !== null) return { kind: 'recurrence', date: null, recurrence, text: trimmed };
  const date = resolvePeriod(folded, 'end');
  if (date !== null) return { kind: 'date', date, recurrence: null, text: trimmed };
  return tbd;
}
