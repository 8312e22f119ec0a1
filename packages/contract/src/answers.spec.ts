import { answerProblem, isConditionAnswer, showIfMet, validateAnswers, visibleQuestions } from './answers';
import type { Question } from './questions';

// The API (responses, imports) and the resident's page run these functions: what they accept and refuse here is what
// both do. The problem keys are what the API returns (API.md), localized by backend/src/responses/answer-messages.ts.

const label = { fr: 'Question', en: 'Question' };
const question = (overrides: Partial<Question> & Pick<Question, 'id' | 'type'>): Question => ({ required: false, label, ...overrides });

const QUESTIONS: Question[] = [
  question({ id: 'came', type: 'yes_no', required: true }),
  question({
    id: 'heard',
    type: 'single_choice',
    required: true,
    choices: [
      { code: 'friends', label },
      { code: 'poster', label },
    ],
  }),
  question({
    id: 'services',
    type: 'multiple_choice',
    choices: [
      { code: 'food', label },
      { code: 'housing', label },
    ],
  }),
  question({ id: 'satisfaction', type: 'scale', required: true, min: 1, max: 5 }),
  question({ id: 'why', type: 'long_text', required: true, showIf: { questionId: 'satisfaction', anyOf: [1, 2] } }),
  question({ id: 'detail', type: 'short_text', showIf: { questionId: 'why', anyOf: ['other'] } }),
  question({ id: 'people', type: 'number', min: 0, max: 20 }),
  question({ id: 'word', type: 'short_text' }),
  question({ id: 'day', type: 'date' }),
  question({ id: 'age', type: 'single_choice', allowPreferNot: true, choices: [{ code: '18_24', label }] }),
  question({ id: 'food_kind', type: 'yes_no', showIf: { questionId: 'services', anyOf: ['food'] } }),
];

const base: Record<string, unknown> = { came: true, heard: 'friends', satisfaction: 4 };
const entries = (values: Record<string, unknown>) => Object.entries(values).map(([questionId, value]) => ({ questionId, value }));
const check = (overrides: Record<string, unknown>) => validateAnswers(QUESTIONS, entries({ ...base, ...overrides }));

describe(validateAnswers.name, () => {
  it('accepts valid answers and keeps only the given ones', () => {
    // Act
    const result = check({ services: ['food'], people: 2.5, word: 'Merci', day: '2024-02-29', age: '18_24', food_kind: false });
    // Assert
    expect(result.problems).toEqual([]);
    expect(result.answers).toEqual({
      ...base,
      services: ['food'],
      people: 2.5,
      word: 'Merci',
      day: '2024-02-29',
      age: '18_24',
      food_kind: false,
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['yes/no given as text', { came: 'true' }, 'came', 'yes_no'],
    ['a choice not offered', { heard: 'radio' }, 'heard', 'choice'],
    ['multiple choices given twice', { services: ['food', 'food'] }, 'services', 'choices'],
    ['multiple choices as a string', { services: 'food' }, 'services', 'choices'],
    ['a scale value below its minimum', { satisfaction: 0 }, 'satisfaction', 'scale'],
    ['a scale value that is not whole', { satisfaction: 4.5 }, 'satisfaction', 'scale'],
    ['a number above its maximum', { people: 21 }, 'people', 'number_range'],
    ['a number that is not finite', { people: Number.POSITIVE_INFINITY }, 'people', 'number_range'],
    ['a short text over 500 characters', { word: 'x'.repeat(501) }, 'word', 'text'],
    ['a date that does not exist', { day: '2023-02-29' }, 'day', 'date'],
    ['a required answer missing', { came: undefined }, 'came', 'required'],
    ['a required text left blank', { heard: '   ' }, 'heard', 'required'],
    ['null where « prefer not » is not offered', { word: null }, 'word', 'prefer_not'],
    ['null for a required question without « prefer not »', { came: null }, 'came', 'required'],
    ['an answer to a hidden question', { why: 'Trop long' }, 'why', 'hidden'],
    ['an answer to a question hidden by a hidden one', { detail: 'x' }, 'detail', 'hidden'],
    ['a multiple-choice show-if not met', { services: ['housing'], food_kind: true }, 'food_kind', 'hidden'],
  ])('refuses %s', (_case, overrides, questionId, key) => {
    // Act
    const { problems } = check(overrides);
    // Assert
    expect(problems).toEqual([expect.objectContaining({ field: `answers.${questionId}`, questionId, key })]);
  });

  it('counts characters, not UTF-16 units, against the text limits', () => {
    expect(check({ word: '😀'.repeat(500) }).problems).toEqual([]);
  });

  it('accepts « prefer not » (null) where offered', () => {
    expect(check({ age: null })).toEqual({ answers: { ...base, age: null }, problems: [] });
  });

  it('does not require a hidden required question, and requires it once shown', () => {
    expect(check({}).problems).toEqual([]);
    expect(check({ satisfaction: 2 }).problems).toEqual([expect.objectContaining({ questionId: 'why', key: 'required' })]);
    expect(check({ satisfaction: 2, why: 'Trop long' }).problems).toEqual([]);
  });

  it('ignores empty answers to optional questions and to hidden ones', () => {
    expect(check({ word: '', services: [], why: '' })).toEqual({ answers: base, problems: [] });
  });

  it('refuses unknown questions once and entries without a questionId', () => {
    const { problems } = validateAnswers(QUESTIONS, [
      ...entries(base),
      { questionId: 'nope', value: 1 },
      { questionId: 'nope', value: 2 },
      { value: 3 },
      'x',
    ]);
    expect(problems).toEqual([
      { field: 'answers.nope', questionId: 'nope', key: 'unknown_question' },
      { field: 'answers.5', key: 'entry' },
      { field: 'answers.6', key: 'entry' },
    ]);
  });

  it('refuses a question answered twice and an entry with extra fields, one problem per question', () => {
    const { problems } = validateAnswers(QUESTIONS, [
      ...entries(base),
      { questionId: 'word', value: 'a' },
      { questionId: 'word', value: 'b' },
      { questionId: 'day', value: '2024-01-01', note: 'x' },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ questionId: 'word', key: 'duplicate_question' }),
      expect.objectContaining({ questionId: 'day', key: 'entry' }),
    ]);
  });

  it('never meets a show-if that points to a later question', () => {
    const questions = [
      question({ id: 'a', type: 'yes_no', showIf: { questionId: 'b', anyOf: [true] } }),
      question({ id: 'b', type: 'yes_no' }),
    ];
    expect(validateAnswers(questions, entries({ a: true, b: true })).problems).toEqual([
      expect.objectContaining({ questionId: 'a', key: 'hidden' }),
    ]);
  });
});

describe(answerProblem.name, () => {
  const scale = question({ id: 's', type: 'scale', required: true, min: 1, max: 5 });
  const count = question({ id: 'n', type: 'number', min: 0 });

  it.each<[string, Question, unknown, ReturnType<typeof answerProblem>]>([
    ['an answer within bounds', scale, 3, null],
    ['nothing to a required question', scale, undefined, { key: 'required' }],
    ['nothing to an optional one', count, undefined, null],
    ['a scale point out of bounds, with the bounds', scale, 6, { key: 'scale', params: { min: 1, max: 5 } }],
    ['a number below its only bound', count, -1, { key: 'number_min', params: { min: 0 } }],
    ['text typed into a number question (NaN)', count, Number.NaN, { key: 'number_min', params: { min: 0 } }],
  ])('%s', (_case, q, value, expected) => {
    expect(answerProblem(q, value)).toEqual(expected);
  });

  it('refuses any answer to a hidden question and requires nothing of it', () => {
    expect(answerProblem(scale, 3, false)).toEqual({ key: 'hidden' });
    expect(answerProblem(scale, undefined, false)).toBeNull();
    expect(answerProblem(scale, [], false)).toBeNull();
  });

  it("reads only the rules of a question: a question with labels in one language (the resident page's) fits", () => {
    const publicQuestion = {
      id: 'c',
      type: 'single_choice' as const,
      required: true,
      label: 'Choix',
      choices: [{ code: 'a', label: 'A' }],
    };
    expect(answerProblem(publicQuestion, 'a')).toBeNull();
    expect(answerProblem(publicQuestion, 'b')).toEqual({ key: 'choice' });
  });
});

describe(showIfMet.name, () => {
  it.each<[string, unknown, boolean]>([
    ['a value among anyOf', 2, true],
    ['a value not among them', 4, false],
    ['a list holding one of them', ['x', 1], true],
    ['a list holding none', ['x'], false],
    ['no answer', undefined, false],
    ['« prefer not »', null, false],
  ])('%s → %s', (_case, answer, expected) => {
    expect(showIfMet({ anyOf: [1, 2] }, answer)).toBe(expected);
  });
});

describe(visibleQuestions.name, () => {
  const answersOf =
    (values: Record<string, unknown>) =>
    (id: string): unknown =>
      values[id];
  const ids = (values: Record<string, unknown>) => visibleQuestions(QUESTIONS, answersOf(values)).map((q) => q.id);

  it('hides a question whose show-if is not met, and one whose condition names a hidden question', () => {
    expect(ids({ satisfaction: 4 })).not.toContain('why');
    expect(ids({ satisfaction: 4, why: 'other' })).not.toContain('detail');
  });

  it('shows them, in order, once the earlier answers meet their conditions', () => {
    expect(ids({ satisfaction: 1, why: 'other', services: ['food'] })).toEqual(QUESTIONS.map((q) => q.id));
  });

  it('never shows a question whose show-if names a later one', () => {
    const questions = [
      question({ id: 'a', type: 'yes_no', showIf: { questionId: 'b', anyOf: [true] } }),
      question({ id: 'b', type: 'yes_no' }),
    ];
    expect(visibleQuestions(questions, answersOf({ b: true })).map((q) => q.id)).toEqual(['b']);
  });
});

describe(isConditionAnswer.name, () => {
  const choice = { type: 'multiple_choice' as const, choices: [{ code: 'food' }] };
  it.each<[string, Parameters<typeof isConditionAnswer>[0], unknown, boolean]>([
    ['one code of a multiple choice', choice, 'food', true],
    ['a list of codes (a show-if waits for one)', choice, ['food'], false],
    ['a code not offered', choice, 'rent', false],
    ['true for a yes/no', { type: 'yes_no' }, true, true],
    ['a point of the scale', { type: 'scale', min: 1, max: 5 }, 5, true],
    ['half a point', { type: 'scale', min: 1, max: 5 }, 2.5, false],
    ['a scale without bounds reads them as 0', { type: 'scale' }, 1, false],
    ['a number above an open minimum', { type: 'number', min: 0, max: null }, 1e6, true],
    ['a number below it', { type: 'number', min: 0 }, -1, false],
    ['anything for a text question', { type: 'short_text' }, 'x', false],
  ])('%s → %s', (_case, source, value, expected) => {
    expect(isConditionAnswer(source, value)).toBe(expected);
  });
});
