import { describe, expect, it } from '@jest/globals';
import {
  checkDraft,
  draftOf,
  draftSlots,
  MAX_QUESTIONS,
  newQuestion,
  toContent,
  withoutLanguage,
  type BuilderDraft,
  type QuestionDraft,
} from './builder-state';

// The questionnaire builder's working copy: what an evaluator types, what is sent, and the problems shown before
// sending (under the API's own field paths, so its refusals land on the same inputs).

type Content = Parameters<typeof draftOf>[0];

/** A bilingual questionnaire with one of each kind of detail the builder keeps. */
const content: Content = {
  title: { fr: 'Sondage des résidents', en: 'Residents survey' },
  description: { fr: 'Quelques questions', en: 'A few questions' },
  languages: ['fr', 'en'],
  defaultLanguage: 'fr',
  questions: [
    {
      id: 'q-gender',
      type: 'single_choice',
      required: true,
      label: { fr: 'Genre', en: 'Gender' },
      choices: [
        { code: 'woman', label: { fr: 'Femme', en: 'Woman' } },
        { code: 'man', label: { fr: 'Homme', en: 'Man' } },
      ],
      showIf: null,
      allowPreferNot: true,
      dimension: 'gender',
    },
    {
      id: 'q-satisfaction',
      type: 'scale',
      required: false,
      label: { fr: 'Satisfaction', en: 'Satisfaction' },
      help: { fr: '1 : pas du tout', en: '1: not at all' },
      min: 1,
      max: 5,
      minLabel: { fr: 'Pas du tout', en: 'Not at all' },
      maxLabel: { fr: 'Tout à fait', en: 'Completely' },
      showIf: { questionId: 'q-gender', anyOf: ['woman'] },
    },
    { id: 'q-visits', type: 'number', required: false, label: { fr: 'Visites', en: 'Visits' }, min: 0, max: null, showIf: null },
  ],
};

const question = (draft: BuilderDraft, n: number): QuestionDraft => {
  const found = draft.questions[n];
  if (!found) throw new Error(`no question ${n}`);
  return found;
};

/** A valid one-language draft holding the given questions. */
function draftWith(...questions: QuestionDraft[]): BuilderDraft {
  return { title: { fr: 'Titre' }, description: {}, languages: ['fr'], defaultLanguage: 'fr', questions };
}

function choiceQuestion(id: string, codes: string[], overrides: Partial<QuestionDraft> = {}): QuestionDraft {
  return {
    ...newQuestion('single_choice'),
    id,
    label: { fr: `Question ${id}` },
    choices: codes.map((code) => ({ key: code, code, label: { fr: code } })),
    ...overrides,
  };
}

describe('draftOf and toContent', () => {
  it('sends back what was opened when nothing was changed', () => {
    expect(toContent(draftOf(content))).toEqual(content);
  });

  it('keeps bounds as typed text while editing, and sends numbers (a blank bound is none)', () => {
    const draft = draftOf(content);
    expect([question(draft, 1).min, question(draft, 1).max]).toEqual(['1', '5']);
    expect([question(draft, 2).min, question(draft, 2).max]).toEqual(['0', '']);
    question(draft, 2).max = '12';
    question(draft, 2).min = ' ';
    expect(toContent(draft).questions[2]).toMatchObject({ min: null, max: 12 });
  });

  it('never shares objects with the questionnaire it was opened from', () => {
    const draft = draftOf(content);
    draft.title.fr = 'Autre titre';
    question(draft, 0).choices[0]!.label.fr = 'Une femme';
    question(draft, 1).showIf!.anyOf.push('man');
    expect(content.title.fr).toBe('Sondage des résidents');
    expect(content.questions[0]!.choices![0]!.label.fr).toBe('Femme');
    expect(content.questions[1]!.showIf!.anyOf).toEqual(['woman']);
  });

  it('sends no blank translation: an empty text is a missing translation, not a text', () => {
    const draft = draftOf(content);
    draft.title.en = '  ';
    question(draft, 1).help.en = '';
    question(draft, 0).choices[1]!.label.en = ' ';
    const sent = toContent(draft);
    expect(sent.title).toEqual({ fr: 'Sondage des résidents' });
    expect(sent.questions[1]!.help).toEqual({ fr: '1 : pas du tout' });
    expect(sent.questions[0]!.choices![1]!.label).toEqual({ fr: 'Homme' });
  });

  it('sends only what the question type has: choice codes trimmed, no scale labels on a number, no dimension on a scale', () => {
    const draft = draftOf(content);
    question(draft, 0).choices[0]!.code = ' woman ';
    question(draft, 2).minLabel = { fr: 'ignoré' };
    question(draft, 1).dimension = 'gender';
    const [choice, scale, number] = toContent(draft).questions;
    expect(choice!.choices!.map((c) => c.code)).toEqual(['woman', 'man']);
    expect(number).not.toHaveProperty('minLabel');
    expect(number).not.toHaveProperty('choices');
    expect(scale).not.toHaveProperty('dimension');
  });

  it('turns a question type changed to text into a bare question', () => {
    const draft = draftOf(content);
    question(draft, 1).type = 'short_text';
    expect(toContent(draft).questions[1]).toEqual({
      id: 'q-satisfaction',
      type: 'short_text',
      required: false,
      label: { fr: 'Satisfaction', en: 'Satisfaction' },
      help: { fr: '1 : pas du tout', en: '1: not at all' },
      showIf: { questionId: 'q-gender', anyOf: ['woman'] },
    });
  });
});

describe(newQuestion.name, () => {
  it('starts a scale at 1 to 5, a choice question with one empty choice, and gives each question its own id', () => {
    const scale = newQuestion('scale');
    const choice = newQuestion('multiple_choice');
    expect([scale.min, scale.max]).toEqual(['1', '5']);
    expect(choice.choices).toHaveLength(1);
    expect(choice.choices[0]).toMatchObject({ code: '', label: {} });
    expect(newQuestion('date')).toMatchObject({ choices: [], min: '', max: '', required: false, showIf: null });
    expect(scale.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set([scale.id, choice.id, newQuestion('scale').id]).size).toBe(3);
  });
});

describe(withoutLanguage.name, () => {
  it('drops every string of the language taken out, and keeps the others', () => {
    const draft = withoutLanguage(draftOf(content), 'en');
    expect(draft.languages).toEqual(['fr']);
    expect(toContent(draft)).toEqual({
      ...content,
      title: { fr: 'Sondage des résidents' },
      description: { fr: 'Quelques questions' },
      languages: ['fr'],
      questions: [
        {
          ...content.questions[0],
          label: { fr: 'Genre' },
          choices: [
            { code: 'woman', label: { fr: 'Femme' } },
            { code: 'man', label: { fr: 'Homme' } },
          ],
        },
        {
          ...content.questions[1],
          label: { fr: 'Satisfaction' },
          help: { fr: '1 : pas du tout' },
          minLabel: { fr: 'Pas du tout' },
          maxLabel: { fr: 'Tout à fait' },
        },
        { ...content.questions[2], label: { fr: 'Visites' } },
      ],
    });
  });
});

describe(checkDraft.name, () => {
  it('finds nothing wrong with a questionnaire the API accepted', () => {
    expect(checkDraft(draftOf(content))).toEqual({});
  });

  it('checks the languages first, and nothing else until they are right', () => {
    const draft = { ...draftOf(content), title: {}, languages: [] };
    expect(checkDraft(draft)).toEqual({ languages: { key: 'languagesMin' }, defaultLanguage: { key: 'defaultLanguage' } });
    expect(checkDraft({ ...draftOf(content), languages: ['fr', 'FR', 'fr'] })).toEqual({
      'languages.1': { key: 'language' },
      'languages.2': { key: 'languageRepeat', values: { code: 'fr' } },
    });
  });

  it('asks for the title and every label in the default language, not in the others', () => {
    const draft = draftOf(content);
    draft.title = { en: 'Residents survey' };
    question(draft, 0).label.en = '';
    question(draft, 2).label.fr = ' ';
    expect(checkDraft(draft)).toEqual({ 'title.fr': { key: 'defaultText' }, 'questions.2.label.fr': { key: 'defaultText' } });
  });

  it('refuses a text longer than the API keeps, in any language', () => {
    const draft = draftOf(content);
    draft.description.en = 'x'.repeat(2001);
    expect(checkDraft(draft)).toEqual({ 'description.en': { key: 'tooLong', values: { max: 2000 } } });
  });

  it('wants at least one choice, each with a code of its own', () => {
    const empty = choiceQuestion('a', []);
    const codes = choiceQuestion('b', ['yes', 'Oui!', 'yes']);
    expect(checkDraft(draftWith(empty, codes))).toEqual({
      'questions.0.choices': { key: 'choicesMin' },
      'questions.1.choices.1.code': { key: 'choiceCode' },
      'questions.1.choices.2.code': { key: 'choiceRepeat', values: { code: 'yes' } },
    });
  });

  it('wants a scale of whole numbers, low to high, of at most 101 points', () => {
    const scale = (min: string, max: string): QuestionDraft => ({
      ...newQuestion('scale'),
      id: `s${min}${max}`,
      label: { fr: 'Échelle' },
      min,
      max,
    });
    expect(checkDraft(draftWith(scale('1', '5')))).toEqual({});
    expect(checkDraft(draftWith(scale('', '2.5')))).toEqual({
      'questions.0.min': { key: 'integer' },
      'questions.0.max': { key: 'integer' },
    });
    expect(checkDraft(draftWith(scale('5', '5')))).toEqual({ 'questions.0.max': { key: 'scaleOrder' } });
    expect(checkDraft(draftWith(scale('0', '101')))).toEqual({ 'questions.0.max': { key: 'scalePoints', values: { max: 101 } } });
    expect(checkDraft(draftWith(scale('0', '100')))).toEqual({});
  });

  it('takes a number question with either bound or none, low to high', () => {
    const number = (min: string, max: string): QuestionDraft => ({ ...newQuestion('number'), id: 'n', label: { fr: 'Nombre' }, min, max });
    expect(checkDraft(draftWith(number('', '')))).toEqual({});
    expect(checkDraft(draftWith(number('-3.5', '')))).toEqual({});
    expect(checkDraft(draftWith(number('10', '2')))).toEqual({ 'questions.0.max': { key: 'numberOrder' } });
    expect(checkDraft(draftWith(number('abc', '2')))).toEqual({ 'questions.0.min': { key: 'number' } });
  });

  it('shows a question only after an earlier question it can wait on, for answers that question can give', () => {
    const source = choiceQuestion('src', ['a', 'b']);
    const text = { ...newQuestion('short_text'), id: 'txt', label: { fr: 'Texte' } };
    const after = (showIf: QuestionDraft['showIf']): QuestionDraft => choiceQuestion('dep', ['x'], { showIf });
    expect(checkDraft(draftWith(source, after({ questionId: 'src', anyOf: ['b'] })))).toEqual({});
    expect(checkDraft(draftWith(after({ questionId: 'src', anyOf: ['a'] }), source))).toEqual({
      'questions.0.showIf.questionId': { key: 'showIfEarlier' },
    });
    expect(checkDraft(draftWith(text, after({ questionId: 'txt', anyOf: ['a'] })))).toMatchObject({
      'questions.1.showIf.questionId': { key: 'showIfType' },
    });
    expect(checkDraft(draftWith(source, after({ questionId: 'src', anyOf: [] })))).toEqual({
      'questions.1.showIf.anyOf': { key: 'showIfAnyOf' },
    });
    expect(checkDraft(draftWith(source, after({ questionId: 'src', anyOf: ['c'] })))).toEqual({
      'questions.1.showIf.anyOf': { key: 'showIfAnswer' },
    });
  });

  it('matches a condition on a scale or a yes/no question against the answers it can give', () => {
    const scale = { ...newQuestion('scale'), id: 'sc', label: { fr: 'Échelle' } };
    const yesNo = { ...newQuestion('yes_no'), id: 'yn', label: { fr: 'Oui ou non' } };
    const on = (questionId: string, anyOf: (string | number | boolean)[]): QuestionDraft =>
      choiceQuestion(`on-${questionId}`, ['x'], { showIf: { questionId, anyOf } });
    expect(checkDraft(draftWith(scale, yesNo, on('sc', [4, 5]), on('yn', [true])))).toEqual({});
    expect(checkDraft(draftWith(scale, on('sc', [6])))).toEqual({ 'questions.1.showIf.anyOf': { key: 'showIfAnswer' } });
    expect(checkDraft(draftWith(yesNo, on('yn', ['oui'])))).toEqual({ 'questions.1.showIf.anyOf': { key: 'showIfAnswer' } });
  });

  it('puts each ADS+ dimension on one choice or yes/no question, naming the question that has it already', () => {
    const first = choiceQuestion('g1', ['w', 'm'], { dimension: 'gender' });
    const second = choiceQuestion('g2', ['w', 'm'], { dimension: 'gender' });
    const scale = { ...newQuestion('scale'), id: 'sc', label: { fr: 'Âge' }, dimension: 'age_group' };
    const unknown = choiceQuestion('u', ['a'], { dimension: 'shoe_size' });
    expect(checkDraft(draftWith(first, second, scale, unknown))).toEqual({
      'questions.1.dimension': { key: 'dimensionRepeat', values: { number: 1 } },
      'questions.2.dimension': { key: 'dimensionType' },
      'questions.3.dimension': { key: 'dimension' },
    });
  });

  it(`refuses more than ${MAX_QUESTIONS} questions`, () => {
    const questions = Array.from({ length: MAX_QUESTIONS + 1 }, (_, n) => ({
      ...newQuestion('yes_no'),
      id: `q${n}`,
      label: { fr: `Q${n}` },
    }));
    expect(checkDraft(draftWith(...questions))).toEqual({ questions: { key: 'tooMany', values: { max: MAX_QUESTIONS } } });
  });
});

describe(draftSlots.name, () => {
  it('has a place for every path the API may name, in every language', () => {
    const slots = draftSlots(draftOf(content));
    for (const path of [
      'title.en',
      'languages.1',
      'questions.0.choices.1.code',
      'questions.0.choices.1.label.en',
      'questions.1.showIf.anyOf',
      'questions.1.maxLabel.fr',
      'questions.2.max',
      'slug',
    ]) {
      expect(slots.has(path)).toBe(true);
    }
    expect(slots.has('questions.3')).toBe(false);
    expect(slots.has('title.de')).toBe(false);
  });
});
