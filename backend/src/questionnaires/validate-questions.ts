import { randomUUID } from 'node:crypto';
import {
  CHOICE_CODE,
  CHOICE_TYPES,
  CONDITION_TYPES,
  DIMENSION_TYPES,
  isConditionAnswer,
  LANGUAGE_CODE,
  MAX_CHOICES,
  MAX_QUESTIONS,
  MAX_SCALE_POINTS,
  MAX_TEXT_LENGTH,
} from '@repere/contract';
import type { FieldError } from '@backend/common/errors';
import { DIMENSIONS, Dimension } from '@backend/indicators/indicator-kind';
import { Choice, Question, QUESTION_TYPES, QuestionType, ShowIf, Translations } from './question.types';

// class-validator cannot say « the label needs the default language » or « showIf points to an earlier
// question »: the rules need the questionnaire's languages and the questions before. This is the one
// place that checks a questionnaire's content, for every write and again before publishing.

// The limits and formats are the builder's too: declared once in @repere/contract.
export { CHOICE_CODE, LANGUAGE_CODE, MAX_CHOICES, MAX_QUESTIONS, MAX_SCALE_POINTS, MAX_TEXT_LENGTH };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const QUESTION_KEYS = new Set<string>([
  'id',
  'type',
  'required',
  'label',
  'help',
  'choices',
  'min',
  'max',
  'minLabel',
  'maxLabel',
  'showIf',
  'allowPreferNot',
  'dimension',
]);
const CHOICE_KEYS = new Set<string>(['code', 'label']);
const SHOW_IF_KEYS = new Set<string>(['questionId', 'anyOf']);

export interface LanguageContext {
  languages: string[];
  defaultLanguage: string;
}

export interface QuestionnaireContent extends LanguageContext {
  title: Translations;
  description: Translations;
  questions: Question[];
}

export interface Checked<T> {
  value: T;
  errors: FieldError[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown): v is null | undefined => v === null || v === undefined;

class Errors {
  readonly list: FieldError[] = [];
  add(field: string, problem: string): void {
    this.list.push({ field, message: `${field} ${problem}` });
  }
  unknownKeys(path: string, value: Record<string, unknown>, known: Set<string>): void {
    for (const key of Object.keys(value)) if (!known.has(key)) this.add(`${path}.${key}`, 'should not exist');
  }
}

/** Language codes: BCP 47 primary tags, at least one, no repeats, the default among them. */
export function validateLanguages(ctx: LanguageContext): FieldError[] {
  const errors = new Errors();
  if (ctx.languages.length === 0) errors.add('languages', 'must hold at least one language');
  ctx.languages.forEach((code, n) => {
    if (!LANGUAGE_CODE.test(code)) errors.add(`languages.${n}`, 'must be a language code of 2 or 3 lower-case letters (fr, en, ar…)');
    else if (ctx.languages.indexOf(code) !== n) errors.add(`languages.${n}`, `repeats ${code}`);
  });
  if (!ctx.languages.includes(ctx.defaultLanguage))
    errors.add('defaultLanguage', `must be one of the languages (${ctx.languages.join(', ')})`);
  return errors.list;
}

function translations(errors: Errors, path: string, value: unknown, ctx: LanguageContext, required: boolean): Translations | undefined {
  if (absent(value)) {
    if (required) errors.add(path, `needs a text in the default language (${ctx.defaultLanguage})`);
    return undefined;
  }
  if (!isObject(value)) {
    errors.add(path, 'must be an object of texts by language, e.g. { "fr": "…", "en": "…" }');
    return undefined;
  }
  const out: Translations = {};
  for (const [language, text] of Object.entries(value)) {
    const field = `${path}.${language}`;
    if (!ctx.languages.includes(language)) errors.add(field, `is not one of the questionnaire's languages (${ctx.languages.join(', ')})`);
    else if (typeof text !== 'string') errors.add(field, 'must be a string');
    else if (text.length > MAX_TEXT_LENGTH) errors.add(field, `must be at most ${MAX_TEXT_LENGTH} characters`);
    else out[language] = text;
  }
  const main = value[ctx.defaultLanguage];
  if (required && (typeof main !== 'string' || main.trim() === '')) {
    errors.add(path, `needs a text in the default language (${ctx.defaultLanguage})`);
  }
  return out;
}

/** The title (required in the default language) and the description of a questionnaire. */
export function validateTexts(
  input: { title: unknown; description: unknown },
  ctx: LanguageContext,
): Checked<{ title: Translations; description: Translations }> {
  const errors = new Errors();
  const title = translations(errors, 'title', input.title, ctx, true) ?? {};
  const description = translations(errors, 'description', input.description, ctx, false) ?? {};
  return { value: { title, description }, errors: errors.list };
}

function choices(errors: Errors, path: string, value: unknown, ctx: LanguageContext): Choice[] {
  if (!Array.isArray(value) || value.length === 0) {
    errors.add(path, 'must hold at least one choice');
    return [];
  }
  if (value.length > MAX_CHOICES) errors.add(path, `must hold at most ${MAX_CHOICES} choices`);
  const seen = new Set<string>();
  return value.flatMap((raw: unknown, n): Choice[] => {
    const at = `${path}.${n}`;
    if (!isObject(raw)) {
      errors.add(at, 'must be an object { code, label }');
      return [];
    }
    errors.unknownKeys(at, raw, CHOICE_KEYS);
    const { code } = raw;
    if (typeof code !== 'string' || !CHOICE_CODE.test(code)) {
      errors.add(`${at}.code`, 'must be 1 to 40 lower-case letters, digits, _ or - (it is what answers store)');
    } else if (seen.has(code)) {
      errors.add(`${at}.code`, `repeats the code ${code}`);
    } else {
      seen.add(code);
    }
    const label = translations(errors, `${at}.label`, raw.label, ctx, true) ?? {};
    return typeof code === 'string' ? [{ code, label }] : [];
  });
}

function bounds(errors: Errors, path: string, q: Record<string, unknown>, type: QuestionType): Pick<Question, 'min' | 'max'> {
  const { min, max } = q;
  if (type === 'scale') {
    const intMin = Number.isInteger(min);
    const intMax = Number.isInteger(max);
    if (!intMin) errors.add(`${path}.min`, 'must be an integer (a scale goes e.g. from 1 to 5 or 0 to 10)');
    if (!intMax) errors.add(`${path}.max`, 'must be an integer (a scale goes e.g. from 1 to 5 or 0 to 10)');
    if (intMin && intMax) {
      if ((min as number) >= (max as number)) errors.add(`${path}.max`, 'must be greater than min');
      else if ((max as number) - (min as number) + 1 > MAX_SCALE_POINTS)
        errors.add(`${path}.max`, `leaves more than ${MAX_SCALE_POINTS} points on the scale`);
    }
    return { min: min as number, max: max as number };
  }
  if (type === 'number') {
    for (const [key, v] of [
      ['min', min],
      ['max', max],
    ] as const) {
      if (!absent(v) && !(typeof v === 'number' && Number.isFinite(v))) errors.add(`${path}.${key}`, 'must be a number or null');
    }
    if (typeof min === 'number' && typeof max === 'number' && min > max) errors.add(`${path}.max`, 'must not be less than min');
    return { min: typeof min === 'number' ? min : null, max: typeof max === 'number' ? max : null };
  }
  for (const [key, v] of [
    ['min', min],
    ['max', max],
  ] as const) {
    if (!absent(v)) errors.add(`${path}.${key}`, 'is only for scale and number questions');
  }
  return {};
}

function showIf(errors: Errors, path: string, value: unknown, earlier: Question[]): ShowIf | null {
  if (absent(value)) return null;
  if (!isObject(value)) {
    errors.add(path, 'must be an object { questionId, anyOf } or null');
    return null;
  }
  errors.unknownKeys(path, value, SHOW_IF_KEYS);
  const { questionId, anyOf } = value;
  const source = earlier.find((q) => q.id === questionId);
  if (typeof questionId !== 'string' || !source) {
    errors.add(`${path}.questionId`, 'must be the id of an earlier question');
  } else if (!CONDITION_TYPES.includes(source.type)) {
    errors.add(`${path}.questionId`, `refers to a ${source.type} question; a condition needs a choice, yes/no, scale or number question`);
  }
  if (!Array.isArray(anyOf) || anyOf.length === 0) {
    errors.add(`${path}.anyOf`, 'must hold at least one answer of the earlier question');
    return null;
  }
  if (source && CONDITION_TYPES.includes(source.type)) {
    anyOf.forEach((v: unknown, n) => {
      if (!isConditionAnswer(source, v))
        errors.add(`${path}.anyOf.${n}`, `is not an answer of the question it refers to (${describeAnswers(source)})`);
    });
  }
  return { questionId: String(questionId), anyOf: anyOf as ShowIf['anyOf'] };
}

function describeAnswers(q: Question): string {
  if (q.type === 'yes_no') return 'true or false';
  if (q.type === 'scale') return `an integer from ${q.min} to ${q.max}`;
  if (q.type === 'number') return 'a number within its bounds';
  return `one of ${(q.choices ?? []).map((c) => c.code).join(', ')}`;
}

function question(errors: Errors, path: string, raw: unknown, earlier: Question[], ctx: LanguageContext): Question | null {
  if (!isObject(raw)) {
    errors.add(path, 'must be an object');
    return null;
  }
  errors.unknownKeys(path, raw, QUESTION_KEYS);

  let id = raw.id;
  if (absent(id)) id = randomUUID();
  else if (typeof id !== 'string' || !UUID.test(id)) errors.add(`${path}.id`, 'must be a UUID');
  else if (earlier.some((q) => q.id === id)) errors.add(`${path}.id`, 'repeats the id of an earlier question');

  const type = raw.type as QuestionType;
  const knownType = QUESTION_TYPES.includes(type);
  if (!knownType) errors.add(`${path}.type`, `must be one of ${QUESTION_TYPES.join(', ')}`);

  if (!absent(raw.required) && typeof raw.required !== 'boolean') errors.add(`${path}.required`, 'must be a boolean');
  if (!absent(raw.allowPreferNot) && typeof raw.allowPreferNot !== 'boolean') errors.add(`${path}.allowPreferNot`, 'must be a boolean');

  const out: Question = {
    id: String(id),
    type,
    required: raw.required === true,
    label: translations(errors, `${path}.label`, raw.label, ctx, true) ?? {},
  };
  const help = translations(errors, `${path}.help`, raw.help, ctx, false);
  if (help && Object.keys(help).length > 0) out.help = help;

  if (knownType && CHOICE_TYPES.includes(type)) {
    out.choices = choices(errors, `${path}.choices`, raw.choices, ctx);
  } else if (Array.isArray(raw.choices) ? raw.choices.length > 0 : !absent(raw.choices)) {
    errors.add(`${path}.choices`, 'is only for single_choice and multiple_choice questions');
  }

  if (knownType) Object.assign(out, bounds(errors, path, raw, type));

  for (const key of ['minLabel', 'maxLabel'] as const) {
    if (absent(raw[key])) continue;
    if (type !== 'scale') {
      errors.add(`${path}.${key}`, 'is only for scale questions');
      continue;
    }
    const label = translations(errors, `${path}.${key}`, raw[key], ctx, false);
    if (label && Object.keys(label).length > 0) out[key] = label;
  }

  const condition = showIf(errors, `${path}.showIf`, raw.showIf, earlier);
  if (condition) out.showIf = condition;
  if (raw.allowPreferNot === true) out.allowPreferNot = true;

  const { dimension } = raw;
  if (!absent(dimension)) {
    const owner = earlier.find((q) => q.dimension === dimension);
    if (!DIMENSIONS.includes(dimension as Dimension)) errors.add(`${path}.dimension`, `must be one of ${DIMENSIONS.join(', ')}`);
    else if (knownType && !DIMENSION_TYPES.includes(type))
      errors.add(`${path}.dimension`, 'can only be set on a choice or yes/no question');
    else if (owner)
      errors.add(`${path}.dimension`, `${String(dimension)} is already the dimension of question ${earlier.indexOf(owner) + 1}`);
    out.dimension = dimension as Dimension;
  }
  return out;
}

/**
 * Checks a questionnaire's questions against its languages and returns them normalized: known keys only,
 * an id for every question sent without one. Each error names its path (`questions.3.choices.0.code`).
 */
export function validateQuestions(input: unknown, ctx: LanguageContext): Checked<Question[]> {
  const errors = new Errors();
  if (!Array.isArray(input)) {
    errors.add('questions', 'must be an array');
    return { value: [], errors: errors.list };
  }
  if (input.length > MAX_QUESTIONS) {
    errors.add('questions', `must hold at most ${MAX_QUESTIONS} questions`);
    return { value: [], errors: errors.list };
  }
  const value: Question[] = [];
  input.forEach((raw: unknown, n) => {
    const q = question(errors, `questions.${n}`, raw, value, ctx);
    if (q) value.push(q);
  });
  return { value, errors: errors.list };
}

/** The whole content: languages, then the texts and questions in them (skipped while the languages are wrong). */
export function validateContent(input: {
  title: unknown;
  description: unknown;
  languages: string[];
  defaultLanguage: string;
  questions: unknown;
}): Checked<QuestionnaireContent> {
  const ctx: LanguageContext = { languages: input.languages, defaultLanguage: input.defaultLanguage };
  const languageErrors = validateLanguages(ctx);
  if (languageErrors.length > 0) {
    return { value: { ...ctx, title: {}, description: {}, questions: [] }, errors: languageErrors };
  }
  const texts = validateTexts(input, ctx);
  const questions = validateQuestions(input.questions, ctx);
  return {
    value: { ...ctx, ...texts.value, questions: questions.value },
    errors: [...texts.errors, ...questions.errors],
  };
}
