import type { AnswerValue, Question } from '@backend/questionnaires/question.types';
import type { MessageKey, MessageParams } from './answer-messages';

/** One refused part of a response: the field it names and what to tell the resident (localized later). */
export interface AnswerProblem {
  field: string;
  questionId?: string;
  key: MessageKey;
  params?: MessageParams;
}

export interface ValidatedAnswers {
  /** questionId → value, only for questions shown and answered: what the response row stores. */
  answers: Record<string, AnswerValue>;
  /** At most one per question, in the questionnaire's order, then the entries that name no question of it. */
  problems: AnswerProblem[];
}

export const SHORT_TEXT_MAX = 500;
export const LONG_TEXT_MAX = 5000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day that exists: 2024-02-29 yes, 2023-02-29 no. */
export function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = mo === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  return d <= days;
}

function codePoints(s: string, max: number): number {
  // Most answers are short: count code points only when UTF-16 units could exceed the limit.
  return s.length <= max ? s.length : [...s].length;
}

/** No answer given: absent, an empty or blank text, an empty list. `null` (prefer not) is an answer. */
function isEmpty(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** What is wrong with a given, non-empty, non-null value for this question; null when it is fine. */
function typeProblem(q: Question, value: unknown): { key: MessageKey; params?: MessageParams } | null {
  switch (q.type) {
    case 'single_choice':
      return typeof value === 'string' && (q.choices ?? []).some((c) => c.code === value) ? null : { key: 'choice' };
    case 'multiple_choice': {
      if (!Array.isArray(value)) return { key: 'choices' };
      const codes = new Set((q.choices ?? []).map((c) => c.code));
      const seen = new Set<unknown>();
      for (const v of value) {
        if (typeof v !== 'string' || !codes.has(v) || seen.has(v)) return { key: 'choices' };
        seen.add(v);
      }
      return null;
    }
    case 'yes_no':
      return typeof value === 'boolean' ? null : { key: 'yes_no' };
    case 'scale': {
      const min = q.min ?? null;
      const max = q.max ?? null;
      const ok = typeof value === 'number' && Number.isInteger(value) && (min === null || value >= min) && (max === null || value <= max);
      if (ok) return null;
      return min !== null && max !== null ? { key: 'scale', params: { min, max } } : { key: 'scale_any' };
    }
    case 'number': {
      const min = q.min ?? null;
      const max = q.max ?? null;
      const ok = typeof value === 'number' && Number.isFinite(value) && (min === null || value >= min) && (max === null || value <= max);
      if (ok) return null;
      if (min !== null && max !== null) return { key: 'number_range', params: { min, max } };
      if (min !== null) return { key: 'number_min', params: { min } };
      if (max !== null) return { key: 'number_max', params: { max } };
      return { key: 'number' };
    }
    case 'short_text':
    case 'long_text': {
      const max = q.type === 'short_text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
      return typeof value === 'string' && codePoints(value, max) <= max ? null : { key: 'text', params: { max } };
    }
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? null : { key: 'date' };
    default:
      return { key: 'unknown_question' };
  }
}

/** Whether an earlier answer (or, for multiple choice, any of its codes) is one of the condition's values. */
function matches(anyOf: readonly unknown[], value: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => anyOf.includes(v));
  return value !== undefined && value !== null && anyOf.includes(value);
}

// Versions are cached and never change: their question ids are worked out once.
const ids = new WeakMap<readonly Question[], Set<string>>();
function idsOf(questions: readonly Question[]): Set<string> {
  let set = ids.get(questions);
  if (!set) {
    set = new Set(questions.map((q) => q.id));
    ids.set(questions, set);
  }
  return set;
}

function isEntry(e: unknown): e is { questionId: string; value?: unknown } {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return false;
  const keys = Object.keys(e);
  return typeof (e as { questionId?: unknown }).questionId === 'string'
    && keys.every((k) => k === 'questionId' || k === 'value');
}

/**
 * Checks a resident's answers against the questions of the version they answered: one problem per question
 * at most. A question whose show-if is not met by the earlier answers is hidden: answering it is refused, and
 * a hidden required question is not required. A show-if that points to a question that is not earlier in
 * the list is never met.
 */
export function validateAnswers(questions: readonly Question[], entries: readonly unknown[]): ValidatedAnswers {
  const problems: AnswerProblem[] = [];
  const given = new Map<string, unknown>();
  const duplicated = new Set<string>();
  const malformed = new Set<string>();
  const known = idsOf(questions);
  const strays: AnswerProblem[] = [];
  const unknown = new Set<string>();

  entries.forEach((e, i) => {
    const questionId = (e as { questionId?: unknown } | null)?.questionId;
    if (typeof questionId !== 'string') {
      strays.push({ field: `answers.${i}`, key: 'entry' });
      return;
    }
    if (!known.has(questionId)) {
      if (!unknown.has(questionId)) strays.push({ field: `answers.${questionId}`, questionId, key: 'unknown_question' });
      unknown.add(questionId);
      return;
    }
    if (given.has(questionId)) duplicated.add(questionId);
    if (!isEntry(e)) malformed.add(questionId);
    given.set(questionId, (e as { value?: unknown }).value);
  });

  const answers: Record<string, AnswerValue> = {};
  const shown = new Set<string>();
  const problem = (q: Question, key: MessageKey, params?: MessageParams) => {
    problems.push({ field: `answers.${q.id}`, questionId: q.id, key, ...(params ? { params } : {}) });
  };

  for (const q of questions) {
    const value = given.get(q.id);
    const condition = q.showIf;
    // Only questions already passed are in `shown`: a show-if on a later question is never met.
    const visible = !condition || (shown.has(condition.questionId) && matches(condition.anyOf, given.get(condition.questionId)));
    if (visible) shown.add(q.id);

    if (malformed.has(q.id) || duplicated.has(q.id)) {
      problem(q, malformed.has(q.id) ? 'entry' : 'duplicate_question');
      continue;
    }
    const empty = isEmpty(value);
    if (!visible) {
      if (!empty) problem(q, 'hidden');
      continue;
    }
    if (empty) {
      if (q.required) problem(q, 'required');
      continue;
    }
    if (value === null) {
      if (q.allowPreferNot) answers[q.id] = null;
      else problem(q, q.required ? 'required' : 'prefer_not');
      continue;
    }
    const wrong = typeProblem(q, value);
    if (wrong) problem(q, wrong.key, wrong.params);
    else answers[q.id] = value as AnswerValue;
  }
  return { answers, problems: [...problems, ...strays] };
}

