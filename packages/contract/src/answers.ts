import { isRealDate } from './dates';
import type { AnswerValue, QuestionType, ShowIf } from './questions';

// A resident's answers as the API checks them (POST /api/public/questionnaires/{slug}/responses, imports) and as the
// resident's page checks them before sending: the same functions, so the page never lets through what the server
// refuses, nor refuses what it accepts.

/** Longest answers to text questions, in characters (code points). */
export const SHORT_TEXT_MAX = 500;
export const LONG_TEXT_MAX = 5000;
export const TEXT_MAX_LENGTH: Readonly<Record<'short_text' | 'long_text', number>> = {
  short_text: SHORT_TEXT_MAX,
  long_text: LONG_TEXT_MAX,
};

/** What can be wrong with an answer; the API localizes each (responses/answer-messages.ts), the page maps them to its words. */
export const ANSWER_PROBLEM_KEYS = [
  'entry',
  'required',
  'unknown_question',
  'duplicate_question',
  'hidden',
  'prefer_not',
  'choice',
  'choices',
  'yes_no',
  'scale',
  'scale_any',
  'number',
  'number_min',
  'number_max',
  'number_range',
  'text',
  'date',
] as const;
export type AnswerProblemKey = (typeof ANSWER_PROBLEM_KEYS)[number];
export type AnswerProblemParams = Record<string, string | number>;

/** One refused part of a response: the field it names and what to tell the resident (localized later). */
export interface AnswerProblem<K extends string = AnswerProblemKey> {
  field: string;
  questionId?: string;
  key: K;
  params?: AnswerProblemParams;
}

export interface ValidatedAnswers {
  /** questionId → value, only for questions shown and answered: what the response row stores. */
  answers: Record<string, AnswerValue>;
  /** At most one per question, in the questionnaire's order, then the entries that name no question of it. */
  problems: AnswerProblem[];
}

/**
 * What the rules read of a question: a version's question (labels by language) and the resident page's (labels in
 * one language) both fit.
 */
export interface AnswerRules {
  id: string;
  type: QuestionType;
  required: boolean;
  choices?: readonly { code: string }[];
  min?: number | null;
  max?: number | null;
  allowPreferNot?: boolean;
  showIf?: ShowIf | null;
}

type Verdict = { key: AnswerProblemKey; params?: AnswerProblemParams } | null;

function codePoints(s: string, max: number): number {
  // Most answers are short: count code points only when UTF-16 units could exceed the limit.
  return s.length <= max ? s.length : [...s].length;
}

/** No answer given: absent, an empty or blank text, an empty list. `null` (prefer not) is an answer. */
export function isEmptyAnswer(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** What is wrong with a given, non-empty, non-null value for this question; null when it is fine. */
function typeProblem(q: AnswerRules, value: unknown): Verdict {
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
      const max = TEXT_MAX_LENGTH[q.type];
      return typeof value === 'string' && codePoints(value, max) <= max ? null : { key: 'text', params: { max } };
    }
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? null : { key: 'date' };
    default:
      return { key: 'unknown_question' };
  }
}

/**
 * What is wrong with the answer to one question, or null. `visible`: whether its show-if is met (a hidden question
 * takes no answer and is never required). `value` is what is sent: undefined when the question is not answered.
 */
export function answerProblem(q: AnswerRules, value: unknown, visible = true): Verdict {
  const empty = isEmptyAnswer(value);
  if (!visible) return empty ? null : { key: 'hidden' };
  if (empty) return q.required ? { key: 'required' } : null;
  if (value === null) {
    if (q.allowPreferNot) return null;
    return { key: q.required ? 'required' : 'prefer_not' };
  }
  return typeProblem(q, value);
}

/** Whether an earlier answer (or, for multiple choice, any of its codes) is one of the condition's values. */
export function showIfMet(condition: Pick<ShowIf, 'anyOf'>, answer: unknown): boolean {
  const anyOf: readonly unknown[] = condition.anyOf;
  if (Array.isArray(answer)) return answer.some((v) => anyOf.includes(v));
  return answer !== undefined && answer !== null && anyOf.includes(answer);
}

/**
 * The questions shown with these answers, in order. A question whose show-if is not met is hidden; so is one whose
 * show-if names a hidden question, or one that is not earlier in the list. `answerOf` gives a question's answer as sent.
 */
export function visibleQuestions<Q extends Pick<AnswerRules, 'id' | 'showIf'>>(
  questions: readonly Q[],
  answerOf: (questionId: string) => unknown,
): Q[] {
  const shown = new Set<string>();
  const out: Q[] = [];
  for (const q of questions) {
    const condition = q.showIf;
    if (condition && !(shown.has(condition.questionId) && showIfMet(condition, answerOf(condition.questionId)))) continue;
    shown.add(q.id);
    out.push(q);
  }
  return out;
}

/**
 * Whether `value` is an answer `source` can receive, as a show-if may wait for it (validate-questions.ts, the
 * builder): one choice code (of a multiple choice too), true or false, a point of the scale, a number within bounds.
 */
export function isConditionAnswer(source: Pick<AnswerRules, 'type' | 'choices' | 'min' | 'max'>, value: unknown): boolean {
  switch (source.type) {
    case 'single_choice':
    case 'multiple_choice':
      return typeof value === 'string' && (source.choices ?? []).some((c) => c.code === value);
    case 'yes_no':
      return typeof value === 'boolean';
    case 'scale':
      return typeof value === 'number' && Number.isInteger(value) && value >= (source.min ?? 0) && value <= (source.max ?? 0);
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (source.min === null || source.min === undefined || value >= source.min) &&
        (source.max === null || source.max === undefined || value <= source.max)
      );
    default:
      return false;
  }
}

// Versions are cached and never change: their question ids are worked out once.
const ids = new WeakMap<readonly AnswerRules[], Set<string>>();
function idsOf(questions: readonly AnswerRules[]): Set<string> {
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
  return typeof (e as { questionId?: unknown }).questionId === 'string' && keys.every((k) => k === 'questionId' || k === 'value');
}

/**
 * Checks a resident's answers against the questions of the version they answered: one problem per question
 * at most. A question whose show-if is not met by the earlier answers is hidden: answering it is refused, and
 * a hidden required question is not required. A show-if that points to a question that is not earlier in
 * the list is never met.
 */
export function validateAnswers(questions: readonly AnswerRules[], entries: readonly unknown[]): ValidatedAnswers {
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
  const visible = new Set(visibleQuestions(questions, (id) => given.get(id)).map((q) => q.id));
  for (const q of questions) {
    const value = given.get(q.id);
    const wrong: Verdict = malformed.has(q.id)
      ? { key: 'entry' }
      : duplicated.has(q.id)
        ? { key: 'duplicate_question' }
        : answerProblem(q, value, visible.has(q.id));
    if (wrong)
      problems.push({ field: `answers.${q.id}`, questionId: q.id, key: wrong.key, ...(wrong.params ? { params: wrong.params } : {}) });
    else if (visible.has(q.id) && !isEmptyAnswer(value)) answers[q.id] = value as AnswerValue;
  }
  return { answers, problems: [...problems, ...strays] };
}
