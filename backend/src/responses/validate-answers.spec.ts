import type { Question } from '@backend/questionnaires/question.types';
import { isRealDate, validateAnswers } from './validate-answers';

const label = { fr: 'Question', en: 'Question' };
const question = (overrides: Partial<Question> & Pick<Question, 'id' | 'type'>): Question => ({ required: false, label, ...overrides });

const QUESTIONS: Question[] = [
  question({ id: 'came', type: 'yes_no', required: true }),
  question({ id: 'heard', type: 'single_choice', required: true, choices: [{ code: 'friends', label }, { code: 'poster', label }] }),
  question({ id: 'services', type: 'multiple_choice', choices: [{ code: 'food', label }, { code: 'housing', label }] }),
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
    expect(result.answers).toEqual({ ...base, services: ['food'], people: 2.5, word: 'Merci', day: '2024-02-29', age: '18_24', food_kind: false });
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
    const { problems } = validateAnswers(QUESTIONS, [...entries(base), { questionId: 'nope', value: 1 }, { questionId: 'nope', value: 2 }, { value: 3 }, 'x']);
    expect(problems).toEqual([
      { field: 'answers.nope', questionId: 'nope', key: 'unknown_question' },
      { field: 'answers.5', key: 'entry' },
      { field: 'answers.6', key: 'entry' },
    ]);
  });

  it('refuses a question answered twice and an entry with extra fields, one problem per question', () => {
    const { problems } = validateAnswers(QUESTIONS, [
      ...entries(base), { questionId: 'word', value: 'a' }, { questionId: 'word', value: 'b' }, { questionId: 'day', value: '2024-01-01', note: 'x' },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ questionId: 'word', key: 'duplicate_question' }),
      expect.objectContaining({ questionId: 'day', key: 'entry' }),
    ]);
  });

  it('never meets a show-if that points to a later question', () => {
    const questions = [question({ id: 'a', type: 'yes_no', showIf: { questionId: 'b', anyOf: [true] } }), question({ id: 'b', type: 'yes_no' })];
    expect(validateAnswers(questions, entries({ a: true, b: true })).problems).toEqual([expect.objectContaining({ questionId: 'a', key: 'hidden' })]);
  });
});

describe(isRealDate.name, () => {
  it.each([['2024-02-29', true], ['2023-02-29', false], ['2024-04-31', false], ['2024-13-01', false], ['2024-1-01', false], ['1900-02-29', false], ['2000-02-29', true]])(
    '%s → %s', (value, expected) => {
      expect(isRealDate(value)).toBe(expected);
    });
});
