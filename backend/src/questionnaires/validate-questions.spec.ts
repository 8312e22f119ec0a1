import { randomUUID } from 'node:crypto';
import { adsBlock } from './ads-block';
import { MAX_QUESTIONS, validateContent, validateLanguages, validateQuestions } from './validate-questions';

const ctx = { languages: ['fr', 'en'], defaultLanguage: 'fr' };
const yesId = '11111111-1111-4111-8111-111111111111';

const q = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: randomUUID(),
  type: 'short_text',
  required: false,
  label: { fr: 'Votre prénom ?', en: 'Your first name?' },
  ...overrides,
});
const choiceQ = (overrides: Record<string, unknown> = {}) =>
  q({
    type: 'single_choice',
    label: { fr: 'Connaissez-vous la Table ?' },
    choices: [
      { code: 'yes', label: { fr: 'Oui' } },
      { code: 'no', label: { fr: 'Non' } },
    ],
    ...overrides,
  });
const fields = (input: unknown[]) => validateQuestions(input, ctx).errors.map((e) => e.field);

describe(validateQuestions.name, () => {
  it('accepts every question type with its own settings', () => {
    // Arrange
    const input = [
      choiceQ({ id: yesId }),
      q({ type: 'multiple_choice', choices: [{ code: 'a', label: { fr: 'A' } }] }),
      q({ type: 'yes_no', showIf: { questionId: yesId, anyOf: ['yes'] } }),
      q({ type: 'scale', min: 1, max: 5, minLabel: { fr: 'Pas du tout' }, maxLabel: { fr: 'Tout à fait', en: 'Totally' } }),
      q({ type: 'scale', min: 0, max: 10 }),
      q({ type: 'number', min: 0, max: null }),
      q({ type: 'number' }),
      q({ type: 'long_text', help: { fr: 'Quelques mots' } }),
      q({ type: 'date', required: true }),
    ];
    // Act
    const { errors, value } = validateQuestions(input, ctx);
    // Assert
    expect(errors).toEqual([]);
    expect(value).toHaveLength(9);
    expect(value[2].showIf).toEqual({ questionId: yesId, anyOf: ['yes'] });
  });

  it('gives an id to a question sent without one and keeps the ids it was given', () => {
    // Act
    const { value, errors } = validateQuestions([q({ id: undefined }), q({ id: yesId })], ctx);
    // Assert
    expect(errors).toEqual([]);
    expect(value[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(value[1].id).toBe(yesId);
  });

  it('defaults required to false and keeps only known keys', () => {
    // Act
    const { value } = validateQuestions([{ type: 'short_text', label: { fr: 'Nom' } }], ctx);
    // Assert
    expect(value[0]).toEqual({ id: expect.any(String), type: 'short_text', required: false, label: { fr: 'Nom' } });
  });

  it('accepts the standard ADS+ block', () => {
    // Act
    const { errors } = validateQuestions(adsBlock(), { languages: ['fr', 'en', 'ar', 'es'], defaultLanguage: 'fr' });
    // Assert
    expect(errors).toEqual([]);
  });

  it.each([
    ['an id that is not a UUID', [q({ id: 'abc' })], 'questions.0.id'],
    ['an id used twice', [q({ id: yesId }), q({ id: yesId })], 'questions.1.id'],
    ['an unknown type', [q({ type: 'ranking' })], 'questions.0.type'],
    ['required that is not a boolean', [q({ required: 'yes' })], 'questions.0.required'],
    ['allowPreferNot that is not a boolean', [q({ allowPreferNot: 1 })], 'questions.0.allowPreferNot'],
    ['a label without the default language', [q({ label: { en: 'Name?' } })], 'questions.0.label'],
    ['an empty label in the default language', [q({ label: { fr: '  ' } })], 'questions.0.label'],
    ['a missing label', [q({ label: undefined })], 'questions.0.label'],
    ['a label that is not an object', [q({ label: 'Nom ?' })], 'questions.0.label'],
    ['a translation in a language the questionnaire lacks', [q({ label: { fr: 'Nom ?', de: 'Name?' } })], 'questions.0.label.de'],
    ['a translation that is not a string', [q({ label: { fr: 'Nom ?', en: 3 } })], 'questions.0.label.en'],
    ['a translation over 2000 characters', [q({ help: { fr: 'x'.repeat(2001) } })], 'questions.0.help.fr'],
    ['an unknown property', [q({ weight: 2 })], 'questions.0.weight'],
    ['a question that is not an object', ['Nom ?'], 'questions.0'],
    ['a choice question without choices', [choiceQ({ choices: [] })], 'questions.0.choices'],
    ['a multiple choice without choices', [q({ type: 'multiple_choice' })], 'questions.0.choices'],
    ['a choice code with capitals', [choiceQ({ choices: [{ code: 'Yes', label: { fr: 'Oui' } }] })], 'questions.0.choices.0.code'],
    [
      'a choice code over 40 characters',
      [choiceQ({ choices: [{ code: 'a'.repeat(41), label: { fr: 'Oui' } }] })],
      'questions.0.choices.0.code',
    ],
    [
      'a choice code used twice',
      [
        choiceQ({
          choices: [
            { code: 'a', label: { fr: 'A' } },
            { code: 'a', label: { fr: 'B' } },
          ],
        }),
      ],
      'questions.0.choices.1.code',
    ],
    ['a choice without a label', [choiceQ({ choices: [{ code: 'a', label: {} }] })], 'questions.0.choices.0.label'],
    [
      'an unknown property of a choice',
      [choiceQ({ choices: [{ code: 'a', label: { fr: 'A' }, score: 1 }] })],
      'questions.0.choices.0.score',
    ],
    ['choices on a text question', [q({ choices: [{ code: 'a', label: { fr: 'A' } }] })], 'questions.0.choices'],
    ['a scale without bounds', [q({ type: 'scale' })], 'questions.0.min'],
    ['a scale with a decimal bound', [q({ type: 'scale', min: 1, max: 4.5 })], 'questions.0.max'],
    ['a scale whose min is not below its max', [q({ type: 'scale', min: 5, max: 5 })], 'questions.0.max'],
    ['a scale of more than 101 points', [q({ type: 'scale', min: 0, max: 1000 })], 'questions.0.max'],
    ['a number whose min is above its max', [q({ type: 'number', min: 10, max: 1 })], 'questions.0.max'],
    ['a number bound that is not a number', [q({ type: 'number', min: '1' })], 'questions.0.min'],
    ['bounds on a yes/no question', [q({ type: 'yes_no', max: 1 })], 'questions.0.max'],
    ['end labels on a number question', [q({ type: 'number', minLabel: { fr: 'Peu' } })], 'questions.0.minLabel'],
    [
      'a show-if on a later question',
      [q({ showIf: { questionId: yesId, anyOf: ['yes'] } }), choiceQ({ id: yesId })],
      'questions.0.showIf.questionId',
    ],
    ['a show-if on itself', [choiceQ({ id: yesId, showIf: { questionId: yesId, anyOf: ['yes'] } })], 'questions.0.showIf.questionId'],
    ['a show-if on an unknown question', [q({ showIf: { questionId: randomUUID(), anyOf: ['yes'] } })], 'questions.0.showIf.questionId'],
    [
      'a show-if on a text question',
      [q({ id: yesId }), q({ showIf: { questionId: yesId, anyOf: ['x'] } })],
      'questions.1.showIf.questionId',
    ],
    [
      'a show-if on a choice code that does not exist',
      [choiceQ({ id: yesId }), q({ showIf: { questionId: yesId, anyOf: ['maybe'] } })],
      'questions.1.showIf.anyOf.0',
    ],
    [
      'a show-if on a yes/no question with a string',
      [q({ id: yesId, type: 'yes_no' }), q({ showIf: { questionId: yesId, anyOf: ['yes'] } })],
      'questions.1.showIf.anyOf.0',
    ],
    [
      'a show-if on a scale value out of range',
      [q({ id: yesId, type: 'scale', min: 1, max: 5 }), q({ showIf: { questionId: yesId, anyOf: [6] } })],
      'questions.1.showIf.anyOf.0',
    ],
    ['a show-if with no values', [choiceQ({ id: yesId }), q({ showIf: { questionId: yesId, anyOf: [] } })], 'questions.1.showIf.anyOf'],
    ['a show-if that is not an object', [q({ showIf: 'yes' })], 'questions.0.showIf'],
    ['an unknown dimension', [choiceQ({ dimension: 'income' })], 'questions.0.dimension'],
    ['a dimension on a text question', [q({ dimension: 'gender' })], 'questions.0.dimension'],
    ['a dimension asked twice', [choiceQ({ dimension: 'gender' }), choiceQ({ dimension: 'gender' })], 'questions.1.dimension'],
  ])('refuses %s, naming %s', (_case, input, field) => {
    // Act / Assert
    expect(fields(input)).toContain(field);
  });

  it('accepts a show-if on a yes/no question with a boolean', () => {
    // Act / Assert
    expect(fields([q({ id: yesId, type: 'yes_no' }), q({ showIf: { questionId: yesId, anyOf: [true] } })])).toEqual([]);
  });

  it(`refuses more than ${MAX_QUESTIONS} questions`, () => {
    // Arrange
    const many = Array.from({ length: MAX_QUESTIONS + 1 }, () => q());
    // Act / Assert
    expect(fields(many)).toEqual(['questions']);
    expect(fields(many.slice(1))).toEqual([]);
  });

  it('says what is wrong in each message, with the path first', () => {
    // Act
    const { errors } = validateQuestions([choiceQ({ choices: [{ code: 'Oui!', label: { fr: 'Oui' } }] })], ctx);
    // Assert
    expect(errors).toEqual([
      { field: 'questions.0.choices.0.code', message: expect.stringMatching(/^questions\.0\.choices\.0\.code must be 1 to 40 lower-case/) },
    ]);
  });

  it('refuses a list that is not an array', () => {
    // Act / Assert
    expect(validateQuestions({}, ctx).errors.map((e) => e.field)).toEqual(['questions']);
  });
});

describe(validateLanguages.name, () => {
  it.each([
    ['a default language that is not listed', { languages: ['fr', 'en'], defaultLanguage: 'ar' }, 'defaultLanguage'],
    ['a code that is not a primary tag', { languages: ['fr', 'en-CA'], defaultLanguage: 'fr' }, 'languages.1'],
    ['a code in capitals', { languages: ['FR'], defaultLanguage: 'FR' }, 'languages.0'],
    ['a language twice', { languages: ['fr', 'fr'], defaultLanguage: 'fr' }, 'languages.1'],
    ['no language', { languages: [], defaultLanguage: 'fr' }, 'languages'],
  ])('refuses %s, naming %s', (_case, input, field) => {
    // Act / Assert
    expect(validateLanguages(input).map((e) => e.field)).toContain(field);
  });

  it('accepts two- and three-letter codes', () => {
    // Act / Assert
    expect(validateLanguages({ languages: ['fr', 'ckb', 'pa'], defaultLanguage: 'ckb' })).toEqual([]);
  });
});

describe(validateContent.name, () => {
  const base = { title: { fr: 'Journée de bienvenue' }, description: {}, languages: ['fr', 'en'], defaultLanguage: 'fr', questions: [] };

  it('needs a title in the default language', () => {
    // Act / Assert
    expect(validateContent({ ...base, title: { en: 'Welcome Day' } }).errors.map((e) => e.field)).toEqual(['title']);
  });

  it('refuses a description in a language the questionnaire lacks', () => {
    // Act / Assert
    expect(validateContent({ ...base, description: { ar: 'يوم' } }).errors.map((e) => e.field)).toEqual(['description.ar']);
  });

  it('checks the languages first and stops there when they are wrong', () => {
    // Act / Assert
    expect(validateContent({ ...base, defaultLanguage: 'ar', title: {} }).errors.map((e) => e.field)).toEqual(['defaultLanguage']);
  });

  it('returns the normalized content', () => {
    // Act
    const { value, errors } = validateContent({ ...base, questions: [{ type: 'yes_no', label: { fr: 'Venu ?' } }] });
    // Assert
    expect(errors).toEqual([]);
    expect(value).toMatchObject({
      title: { fr: 'Journée de bienvenue' },
      languages: ['fr', 'en'],
      questions: [{ type: 'yes_no', required: false }],
    });
  });
});
