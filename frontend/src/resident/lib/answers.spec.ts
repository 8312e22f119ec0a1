import { describe, expect, it } from '@jest/globals';
import { validateAnswers } from '@repere/contract';
import type { PublicQuestion, PublicQuestionnaire } from '@/resident/api/public-api';
import { buildResponse, countedQuestions, validateAnswer, visibleQuestions, type DraftAnswers } from '@/resident/lib/answers';

// The page checks drafts with the server's own rules: what it lets through, the API accepts.
// A question as the API renders it (openapi.json's RenderedQuestion): every field present, null when unset.
const question = (overrides: Partial<PublicQuestion> & Pick<PublicQuestion, 'id' | 'type'>): PublicQuestion => ({
  required: false,
  label: 'Question',
  help: null,
  choices: [],
  min: null,
  max: null,
  minLabel: null,
  maxLabel: null,
  allowPreferNot: false,
  showIf: null,
  ...overrides,
});
const QUESTIONS: PublicQuestion[] = [
  question({ id: 'people', type: 'number', required: true, min: 0, max: 20 }),
  question({ id: 'many', type: 'yes_no', showIf: { questionId: 'people', anyOf: [10, 20] } }),
  question({ id: 'why', type: 'short_text', showIf: { questionId: 'many', anyOf: [true] } }),
  question({ id: 'day', type: 'date' }),
  question({ id: 'age', type: 'single_choice', allowPreferNot: true, choices: [{ code: '18_24', label: '18-24' }] }),
];
const questionnaire: PublicQuestionnaire = {
  id: 'q',
  slug: 'accueil',
  title: 'Accueil',
  description: null,
  language: 'fr',
  languages: ['fr'],
  direction: 'ltr',
  version: 1,
  kiosk: false,
  questions: QUESTIONS,
};
const ids = (answers: DraftAnswers) => visibleQuestions(QUESTIONS, answers).map((q) => q.id);

describe(visibleQuestions.name, () => {
  it('reads a typed number as the number it will be sent as (a comma is a decimal point)', () => {
    expect(ids({ people: '10' })).toEqual(['people', 'many', 'day', 'age']);
    expect(ids({ people: '10,0', many: true })).toEqual(['people', 'many', 'why', 'day', 'age']);
  });

  it('hides a question whose condition names a hidden one', () => {
    expect(ids({ people: '3', many: true })).toEqual(['people', 'day', 'age']);
  });
});

describe(countedQuestions.name, () => {
  const counted = (answers: DraftAnswers, current: string | null) => countedQuestions(QUESTIONS, answers, current).map((q) => q.id);

  it('counts the conditional questions that can still appear, so the total never grows mid-way', () => {
    expect(counted({}, null)).toEqual(['people', 'many', 'why', 'day', 'age']);
    expect(counted({}, 'people')).toEqual(['people', 'many', 'why', 'day', 'age']);
    expect(counted({ people: '10' }, 'many')).toEqual(['people', 'many', 'why', 'day', 'age']);
    expect(counted({ people: '10', many: true }, 'why')).toEqual(['people', 'many', 'why', 'day', 'age']);
  });

  it('drops a branch once an answer rules it out, and one whose source was passed unanswered', () => {
    expect(counted({ people: '3' }, 'people')).toEqual(['people', 'day', 'age']);
    expect(counted({ people: '10', many: false }, 'many')).toEqual(['people', 'many', 'day', 'age']);
    expect(counted({ people: '10' }, 'day')).toEqual(['people', 'many', 'day', 'age']);
  });
});

describe(validateAnswer.name, () => {
  it.each<[string, PublicQuestion, DraftAnswers[string] | undefined, ReturnType<typeof validateAnswer>]>([
    ['a required number left blank', QUESTIONS[0]!, '  ', { key: 'errorRequired' }],
    ['text typed into a number', QUESTIONS[0]!, 'dix', { key: 'errorNumber' }],
    ['a number out of bounds', QUESTIONS[0]!, '21', { key: 'errorBetween', values: { min: 0, max: 20 } }],
    ['a date that does not exist', QUESTIONS[3]!, '2023-02-29', { key: 'errorDate' }],
    ['« prefer not » where offered', QUESTIONS[4]!, null, null],
    ['a choice not offered', QUESTIONS[4]!, '65_plus', { key: 'errorChoice' }],
  ])('%s', (_case, q, value, expected) => {
    expect(validateAnswer(q, value)).toEqual(expected);
  });
});

describe(buildResponse.name, () => {
  it('sends what the server accepts: the shown answers only, typed as API.md says', () => {
    const body = buildResponse(questionnaire, { people: '3', many: true, why: ' hidden ', day: '2024-02-29', age: null });
    expect(body.answers).toEqual([
      { questionId: 'people', value: 3 },
      { questionId: 'day', value: '2024-02-29' },
      { questionId: 'age', value: null },
    ]);
    expect(validateAnswers(QUESTIONS, body.answers).problems).toEqual([]);
  });
});
