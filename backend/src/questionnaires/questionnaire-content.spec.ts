import type { Question } from './question.types';
import { freeSlug, missingTranslations, pruneLanguages, sameContent, SLUG, slugify } from './questionnaire-content';
import type { QuestionnaireContent } from './validate-questions';

const question = (overrides: Partial<Question> = {}): Question => ({
  id: '11111111-1111-4111-8111-111111111111',
  type: 'short_text',
  required: false,
  label: { fr: 'Nom ?', en: 'Name?' },
  ...overrides,
});
const content = (overrides: Partial<QuestionnaireContent> = {}): QuestionnaireContent => ({
  title: { fr: 'Journée', en: 'Day', ar: 'يوم' },
  description: {},
  languages: ['fr', 'en', 'ar'],
  defaultLanguage: 'fr',
  questions: [],
  ...overrides,
});

describe(missingTranslations.name, () => {
  it('lists, per language but the default, the paths of the strings it lacks', () => {
    // Arrange
    const c = content({
      title: { fr: 'Journée', en: 'Day' },
      description: { fr: 'Dites-nous', en: '', ar: 'أخبرنا' },
      questions: [
        question(),
        question({
          type: 'single_choice',
          label: { fr: 'Venu ?', en: 'Came?', ar: 'جئت؟' },
          choices: [
            { code: 'yes', label: { fr: 'Oui', en: 'Yes', ar: 'نعم' } },
            { code: 'no', label: { fr: 'Non', en: 'No' } },
          ],
        }),
        question({
          type: 'scale',
          min: 1,
          max: 5,
          label: { fr: 'Note', en: 'Score', ar: 'نقطة' },
          minLabel: { fr: 'Peu', en: 'Little', ar: ' ' },
          help: { en: 'only English' },
        }),
      ],
    });
    // Act
    const missing = missingTranslations(c);
    // Assert
    expect(missing).toEqual({
      en: ['description'],
      ar: ['title', 'questions.0.label', 'questions.1.choices.1.label', 'questions.2.minLabel'],
    });
  });

  it('has an empty list for a language with everything translated, and nothing for the default', () => {
    // Act / Assert
    expect(missingTranslations(content())).toEqual({ en: [], ar: [] });
  });
});

describe(sameContent.name, () => {
  it('ignores the order of object keys, as jsonb does', () => {
    // Arrange
    const a = content({ questions: [question()] });
    const b = content({ questions: [{ label: { en: 'Name?', fr: 'Nom ?' }, required: false, type: 'short_text', id: question().id }] });
    // Act / Assert
    expect(sameContent(a, b)).toBe(true);
  });

  it.each([
    ['a label', { questions: [question({ label: { fr: 'Prénom ?', en: 'Name?' } })] }],
    ['the order of the languages', { languages: ['fr', 'ar', 'en'] }],
    ['the default language', { defaultLanguage: 'en' }],
    ['the description', { description: { fr: 'Nouveau' } }],
  ])('sees a change of %s', (_case, overrides) => {
    // Act / Assert
    expect(sameContent(content({ questions: [question()] }), content({ questions: [question()], ...overrides }))).toBe(false);
  });
});

describe(pruneLanguages.name, () => {
  it('drops the strings of languages no longer listed, everywhere', () => {
    // Arrange
    const c = content({
      questions: [question({ type: 'single_choice', help: { ar: 'مساعدة' }, choices: [{ code: 'a', label: { fr: 'A', ar: 'أ' } }] })],
    });
    // Act
    const pruned = pruneLanguages(c, ['fr', 'en']);
    // Assert
    expect(pruned.title).toEqual({ fr: 'Journée', en: 'Day' });
    expect(pruned.questions[0]).toMatchObject({ help: {}, choices: [{ code: 'a', label: { fr: 'A' } }] });
  });
});

describe(slugify.name, () => {
  it.each([
    ['Journée de Bienvenue à Parc-Ex', 'journee-de-bienvenue-a-parc-ex'],
    ['  Œuvre — « Fréquentation » 2023 !  ', 'oeuvre-frequentation-2023'],
    ['يوم الترحيب', 'questionnaire'],
    ['Été', 'ete'],
  ])('makes %s into %s', (title, slug) => {
    // Act / Assert
    expect(slugify(title)).toBe(slug);
  });

  it('keeps a long title within 80 characters, with no hyphen at the end', () => {
    // Act
    const slug = slugify(`${'a'.repeat(79)} b c`);
    // Assert
    expect(slug).toBe('a'.repeat(79));
    expect(slug).toMatch(SLUG);
  });
});

describe(freeSlug.name, () => {
  it('adds the first free number when the slug is taken', () => {
    // Act / Assert
    expect(freeSlug('journee', new Set())).toBe('journee');
    expect(freeSlug('journee', new Set(['journee', 'journee-2']))).toBe('journee-3');
  });

  it('stays within 80 characters', () => {
    // Act
    const slug = freeSlug('a'.repeat(80), new Set(['a'.repeat(80)]));
    // Assert
    expect(slug).toBe(`${'a'.repeat(78)}-2`);
    expect(slug).toMatch(SLUG);
  });
});
