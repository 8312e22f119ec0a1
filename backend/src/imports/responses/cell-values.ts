import type { AnswerValue, Question } from '@backend/questionnaires/question.types';
import { isRealDate } from '@backend/responses/validate-answers';
import { fold } from './fold';

/** A cell read for a question: its answer (undefined: not answered), or why it cannot be one. */
export type CellValue =
  { value: AnswerValue | undefined } | { problem: 'unknown_choice' | 'bad_number' | 'bad_date' | 'bad_yes_no'; label: string };

export type CellReader = (text: string) => CellValue;

const NOT_ANSWERED = { value: undefined } as const;

const PREFER_NOT = new Set([
  'je prefere ne pas repondre',
  'prefere ne pas repondre',
  'prefer not to say',
  'prefer not to answer',
  'ne se prononce pas',
  'nsp',
]);
const YES = new Set(['oui', 'yes', 'o', 'y', 'vrai', 'true', '1', 'si', 'sí', 'ja', 'نعم']);
const NO = new Set(['non', 'no', 'n', 'faux', 'false', '0', 'nein', 'لا']);

/** Choices of a multiple-choice cell, as other tools join them: « Français; Anglais », « a, b », one per line. */
const MULTIPLE_SEPARATOR = /\s*[;|\n]\s*|\s*,\s+/;

/** A choice by any of its labels (any language) or its code; `extra` is the user's own mapping of other labels. */
function choiceMatcher(q: Question, extra: Record<string, string> | undefined): Map<string, string> {
  const byLabel = new Map<string, string>();
  for (const c of q.choices ?? []) {
    byLabel.set(fold(c.code), c.code);
    for (const label of Object.values(c.label)) byLabel.set(fold(label), c.code);
  }
  for (const [label, code] of Object.entries(extra ?? {})) byLabel.set(fold(label), code);
  return byLabel;
}

/** « 3,5 » as written in French, « 1 234 » with a thin space. */
export function parseNumber(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  return Number(s);
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;
const pad = (s: string) => s.padStart(2, '0');

/** A day as YYYY-MM-DD: 2022-03-05, 2022/03/05, 05/03/2022 (day first, as Québec writes it). Null if not a real day. */
export function parseDay(text: string): string | null {
  let m = YMD.exec(text);
  let iso: string | null = null;
  if (m) iso = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  else if ((m = DMY.exec(text))) iso = `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
  return iso !== null && isRealDate(iso) ? iso : null;
}

const MEMO_SIZE = 10_000;

/**
 * An export repeats the same few labels a million times: each distinct cell is read once (folding a label is most
 * of the cost of an import, bench:import), and remembered up to MEMO_SIZE distinct cells per question.
 */
function remembered(read: CellReader): CellReader {
  const seen = new Map<string, CellValue>();
  return (text) => {
    let value = seen.get(text);
    if (value === undefined) {
      value = read(text);
      if (seen.size < MEMO_SIZE) seen.set(text, value);
    }
    return value;
  };
}

/**
 * Turns a cell of another tool's export into an answer for one question, once per question and for every row:
 * the labels are folded once here, and a row's cell costs a map lookup. Text and date answers are read as they come.
 */
export function cellReader(q: Question, extraLabels?: Record<string, string>): CellReader {
  const read = readerOf(q, extraLabels);
  return q.type === 'short_text' || q.type === 'long_text' || q.type === 'date' ? read : remembered(read);
}

function readerOf(q: Question, extraLabels?: Record<string, string>): CellReader {
  const preferNot = (t: string) => q.allowPreferNot === true && PREFER_NOT.has(fold(t));
  switch (q.type) {
    case 'single_choice': {
      const byLabel = choiceMatcher(q, extraLabels);
      return (text) => {
        const t = text.trim();
        if (t === '') return NOT_ANSWERED;
        const code = byLabel.get(fold(t));
        if (code !== undefined) return { value: code };
        return preferNot(t) ? { value: null } : { problem: 'unknown_choice', label: t };
      };
    }
    case 'multiple_choice': {
      const byLabel = choiceMatcher(q, extraLabels);
      return (text) => {
        const t = text.trim();
        if (t === '') return NOT_ANSWERED;
        const whole = byLabel.get(fold(t));
        if (whole !== undefined) return { value: [whole] }; // a single label that holds a comma
        if (preferNot(t)) return { value: null };
        const codes: string[] = [];
        for (const part of t.split(MULTIPLE_SEPARATOR)) {
          if (part === '') continue;
          const code = byLabel.get(fold(part));
          if (code === undefined) return { problem: 'unknown_choice', label: part };
          if (!codes.includes(code)) codes.push(code);
        }
        return { value: codes };
      };
    }
    case 'yes_no':
      return (text) => {
        const t = text.trim();
        if (t === '') return NOT_ANSWERED;
        const f = fold(t);
        if (YES.has(f)) return { value: true };
        if (NO.has(f)) return { value: false };
        return preferNot(t) ? { value: null } : { problem: 'bad_yes_no', label: t };
      };
    case 'scale':
    case 'number':
      return (text) => {
        const t = text.trim();
        if (t === '') return NOT_ANSWERED;
        const n = parseNumber(t);
        if (n !== null) return { value: n };
        return preferNot(t) ? { value: null } : { problem: 'bad_number', label: t };
      };
    case 'date':
      return (text) => {
        const t = text.trim();
        if (t === '') return NOT_ANSWERED;
        const day = parseDay(t.slice(0, 10)) ?? parseDay(t);
        return day !== null ? { value: day } : { problem: 'bad_date', label: t };
      };
    default:
      return (text) => (text.trim() === '' ? NOT_ANSWERED : { value: text.trim() });
  }
}
