import {
  CHOICE_CODE,
  CHOICE_TYPES,
  CONDITION_TYPES,
  DIMENSION_TYPES,
  DIMENSIONS,
  isConditionAnswer,
  LANGUAGE_CODE,
  MAX_CHOICES,
  MAX_QUESTIONS,
  MAX_SCALE_POINTS,
  MAX_TEXT_LENGTH,
  type AnswerCode,
  type Dimension,
  type Question,
  type QuestionType,
  type Translations,
} from '@repere/contract';
import type { QuestionnaireContent } from '@/features/workspace/api/questionnaires-api';
import type { Problems } from '@/features/workspace/components/form-errors';
import { Checker, text } from '@/features/workspace/components/form-rules';
import { newIdempotencyKey } from '@/lib/idempotency-key';

// The questionnaire's limits, named here for the builder's specs.
export { MAX_CHOICES, MAX_QUESTIONS };

// The working copy as the builder edits it: bounds stay text until checked. The rules are validate-questions.ts's,
// with the same field paths, so the API's refusals land on the same inputs as ours.

export interface ChoiceDraft {
  /** Only for React's keys: choices are known by their code. */
  key: string;
  code: string;
  label: Translations;
}

export interface QuestionDraft {
  id: string;
  type: QuestionType;
  required: boolean;
  allowPreferNot: boolean;
  label: Translations;
  help: Translations;
  choices: ChoiceDraft[];
  min: string;
  max: string;
  minLabel: Translations;
  maxLabel: Translations;
  showIf: { questionId: string; anyOf: AnswerCode[] } | null;
  dimension: string;
}

export interface BuilderDraft {
  title: Translations;
  description: Translations;
  languages: string[];
  defaultLanguage: string;
  questions: QuestionDraft[];
}

/** A new question or choice needs an id before it is saved: a condition may already point to it. */
export const newId = (): string => newIdempotencyKey();

export function draftOf(content: QuestionnaireContent): BuilderDraft {
  return {
    title: { ...content.title },
    description: { ...content.description },
    languages: [...content.languages],
    defaultLanguage: content.defaultLanguage,
    questions: content.questions.map((question) => ({
      id: question.id,
      type: question.type,
      required: question.required,
      allowPreferNot: question.allowPreferNot ?? false,
      label: { ...question.label },
      help: { ...(question.help ?? {}) },
      choices: (question.choices ?? []).map((choice) => ({ key: newId(), code: choice.code, label: { ...choice.label } })),
      min: text(question.min),
      max: text(question.max),
      minLabel: { ...(question.minLabel ?? {}) },
      maxLabel: { ...(question.maxLabel ?? {}) },
      showIf: question.showIf ? { questionId: question.showIf.questionId, anyOf: [...question.showIf.anyOf] } : null,
      dimension: question.dimension ?? '',
    })),
  };
}

export function newQuestion(type: QuestionType): QuestionDraft {
  return {
    id: newId(),
    type,
    required: false,
    allowPreferNot: false,
    label: {},
    help: {},
    choices: CHOICE_TYPES.includes(type) ? [{ key: newId(), code: '', label: {} }] : [],
    min: type === 'scale' ? '1' : '',
    max: type === 'scale' ? '5' : '',
    minLabel: {},
    maxLabel: {},
    showIf: null,
    dimension: '',
  };
}

/** Texts without their blank languages (a blank is a missing translation, not a text). */
function filled(texts: Translations): Translations {
  return Object.fromEntries(Object.entries(texts).filter(([, value]) => value.trim() !== ''));
}

function bound(value: string): number | null {
  return value.trim() === '' ? null : Number(value);
}

/** The questions as the API takes them: only what each type has. */
export function toQuestions(draft: BuilderDraft): Question[] {
  return draft.questions.map((question) => {
    const out: Question = { id: question.id, type: question.type, required: question.required, label: filled(question.label) };
    const help = filled(question.help);
    if (Object.keys(help).length > 0) out.help = help;
    if (CHOICE_TYPES.includes(question.type))
      out.choices = question.choices.map((choice) => ({ code: choice.code.trim(), label: filled(choice.label) }));
    if (question.type === 'scale' || question.type === 'number') {
      out.min = bound(question.min);
      out.max = bound(question.max);
    }
    if (question.type === 'scale') {
      const minLabel = filled(question.minLabel);
      const maxLabel = filled(question.maxLabel);
      if (Object.keys(minLabel).length > 0) out.minLabel = minLabel;
      if (Object.keys(maxLabel).length > 0) out.maxLabel = maxLabel;
    }
    out.showIf = question.showIf;
    if (question.allowPreferNot) out.allowPreferNot = true;
    // checkDraft refuses a dimension that is not one; sent as typed so the API's refusal lands on the field if it slips by.
    if (question.dimension && DIMENSION_TYPES.includes(question.type)) out.dimension = question.dimension as Dimension;
    return out;
  });
}

export function toContent(draft: BuilderDraft): QuestionnaireContent {
  return {
    title: filled(draft.title),
    description: filled(draft.description),
    languages: draft.languages,
    defaultLanguage: draft.defaultLanguage,
    questions: toQuestions(draft),
  };
}

/** Drops the strings of a language taken out, as the API does. */
export function withoutLanguage(draft: BuilderDraft, language: string): BuilderDraft {
  const drop = (texts: Translations): Translations => Object.fromEntries(Object.entries(texts).filter(([code]) => code !== language));
  return {
    ...draft,
    languages: draft.languages.filter((code) => code !== language),
    title: drop(draft.title),
    description: drop(draft.description),
    questions: draft.questions.map((question) => ({
      ...question,
      label: drop(question.label),
      help: drop(question.help),
      minLabel: drop(question.minLabel),
      maxLabel: drop(question.maxLabel),
      choices: question.choices.map((choice) => ({ ...choice, label: drop(choice.label) })),
    })),
  };
}

/** validateLanguages: at least one, codes of 2 or 3 letters, no repeats, the default among them. */
export function checkLanguages(check: Checker, languages: readonly string[], defaultLanguage: string): void {
  if (languages.length === 0) check.add('languages', 'languagesMin');
  languages.forEach((code, n) => {
    if (!LANGUAGE_CODE.test(code)) check.add(`languages.${n}`, 'language');
    else if (languages.indexOf(code) !== n) check.add(`languages.${n}`, 'languageRepeat', { code });
  });
  if (!languages.includes(defaultLanguage)) check.add('defaultLanguage', 'defaultLanguage');
}

/** A translated text: within length in every language, and present in the default one when required. */
export function checkTexts(check: Checker, field: string, texts: Translations, defaultLanguage: string, required: boolean): void {
  for (const [language, value] of Object.entries(texts)) {
    if (value.length > MAX_TEXT_LENGTH) check.add(`${field}.${language}`, 'tooLong', { max: MAX_TEXT_LENGTH });
  }
  if (required && (texts[defaultLanguage] ?? '').trim() === '') check.add(`${field}.${defaultLanguage}`, 'defaultText');
}

/** A draft as the API will read it for its show-if rule: codes trimmed, bounds as numbers. */
function isAnswerOf(source: QuestionDraft, value: AnswerCode): boolean {
  const choices = source.choices.map((choice) => ({ code: choice.code.trim() }));
  return isConditionAnswer({ type: source.type, choices, min: bound(source.min), max: bound(source.max) }, value);
}

function checkQuestion(check: Checker, question: QuestionDraft, n: number, earlier: QuestionDraft[], defaultLanguage: string): void {
  const path = `questions.${n}`;
  checkTexts(check, `${path}.label`, question.label, defaultLanguage, true);
  checkTexts(check, `${path}.help`, question.help, defaultLanguage, false);

  if (CHOICE_TYPES.includes(question.type)) {
    if (question.choices.length === 0) check.add(`${path}.choices`, 'choicesMin');
    if (question.choices.length > MAX_CHOICES) check.add(`${path}.choices`, 'tooMany', { max: MAX_CHOICES });
    const seen = new Set<string>();
    question.choices.forEach((choice, m) => {
      const at = `${path}.choices.${m}`;
      const code = choice.code.trim();
      if (!CHOICE_CODE.test(code)) check.add(`${at}.code`, 'choiceCode');
      else if (seen.has(code)) check.add(`${at}.code`, 'choiceRepeat', { code });
      seen.add(code);
      checkTexts(check, `${at}.label`, choice.label, defaultLanguage, true);
    });
  }

  if (question.type === 'scale') {
    const min = Number(question.min);
    const max = Number(question.max);
    const intMin = question.min.trim() !== '' && Number.isInteger(min);
    const intMax = question.max.trim() !== '' && Number.isInteger(max);
    if (!intMin) check.add(`${path}.min`, 'integer');
    if (!intMax) check.add(`${path}.max`, 'integer');
    if (intMin && intMax) {
      if (min >= max) check.add(`${path}.max`, 'scaleOrder');
      else if (max - min + 1 > MAX_SCALE_POINTS) check.add(`${path}.max`, 'scalePoints', { max: MAX_SCALE_POINTS });
    }
    checkTexts(check, `${path}.minLabel`, question.minLabel, defaultLanguage, false);
    checkTexts(check, `${path}.maxLabel`, question.maxLabel, defaultLanguage, false);
  }
  if (question.type === 'number') {
    check.number(`${path}.min`, question.min);
    check.number(`${path}.max`, question.max);
    const min = bound(question.min);
    const max = bound(question.max);
    if (min !== null && max !== null && Number.isFinite(min) && Number.isFinite(max) && min > max) check.add(`${path}.max`, 'numberOrder');
  }

  if (question.showIf) {
    const source = earlier.find((candidate) => candidate.id === question.showIf?.questionId);
    if (!source) check.add(`${path}.showIf.questionId`, 'showIfEarlier');
    else if (!CONDITION_TYPES.includes(source.type)) check.add(`${path}.showIf.questionId`, 'showIfType');
    if (question.showIf.anyOf.length === 0) check.add(`${path}.showIf.anyOf`, 'showIfAnyOf');
    else if (source && question.showIf.anyOf.some((value) => !isAnswerOf(source, value))) check.add(`${path}.showIf.anyOf`, 'showIfAnswer');
  }

  if (question.dimension) {
    if (!(DIMENSIONS as readonly string[]).includes(question.dimension)) check.add(`${path}.dimension`, 'dimension');
    else if (!DIMENSION_TYPES.includes(question.type)) check.add(`${path}.dimension`, 'dimensionType');
    else {
      const owner = earlier.findIndex(
        (candidate) => candidate.dimension === question.dimension && DIMENSION_TYPES.includes(candidate.type),
      );
      if (owner >= 0) check.add(`${path}.dimension`, 'dimensionRepeat', { number: owner + 1 });
    }
  }
}

/** validateContent: languages first, then the texts and the questions in them. */
export function checkDraft(draft: BuilderDraft): Problems {
  const check = new Checker();
  checkLanguages(check, draft.languages, draft.defaultLanguage);
  if (!check.ok) return check.problems;
  checkTexts(check, 'title', draft.title, draft.defaultLanguage, true);
  checkTexts(check, 'description', draft.description, draft.defaultLanguage, false);
  if (draft.questions.length > MAX_QUESTIONS) check.add('questions', 'tooMany', { max: MAX_QUESTIONS });
  draft.questions.forEach((question, n) => checkQuestion(check, question, n, draft.questions.slice(0, n), draft.defaultLanguage));
  return check.problems;
}

/** Every path a message can be shown beside, for the API's errors to find their input. */
export function draftSlots(draft: BuilderDraft): Set<string> {
  const slots = new Set<string>([
    'title',
    'description',
    'languages',
    'defaultLanguage',
    'questions',
    'slug',
    'planId',
    'opensAt',
    'closesAt',
  ]);
  const texts = (field: string): void => {
    slots.add(field);
    for (const language of draft.languages) slots.add(`${field}.${language}`);
  };
  texts('title');
  texts('description');
  draft.languages.forEach((_, n) => slots.add(`languages.${n}`));
  draft.questions.forEach((question, n) => {
    const path = `questions.${n}`;
    for (const key of [
      '',
      '.type',
      '.required',
      '.allowPreferNot',
      '.choices',
      '.min',
      '.max',
      '.showIf',
      '.showIf.questionId',
      '.showIf.anyOf',
      '.dimension',
      '.id',
    ]) {
      slots.add(`${path}${key}`);
    }
    for (const key of ['label', 'help', 'minLabel', 'maxLabel']) texts(`${path}.${key}`);
    question.choices.forEach((_, m) => {
      slots.add(`${path}.choices.${m}`);
      slots.add(`${path}.choices.${m}.code`);
      texts(`${path}.choices.${m}.label`);
    });
  });
  return slots;
}
