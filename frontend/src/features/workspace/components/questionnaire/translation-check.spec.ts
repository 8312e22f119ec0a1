import { describe, expect, it } from '@jest/globals';
import type { QuestionnaireContent } from '@/features/workspace/api/questionnaires-api';
import { describeMissing, missingByLanguage } from '@/features/workspace/components/questionnaire/translation-check';

const content: QuestionnaireContent = {
  title: { fr: 'Bienvenue', ar: 'أهلا' },
  description: { fr: 'Trois questions' },
  languages: ['fr', 'ar', 'en'],
  defaultLanguage: 'fr',
  questions: [
    { id: 'a', type: 'yes_no', required: true, label: { fr: 'Êtes-vous venu en famille ?' } },
    {
      id: 'b',
      type: 'single_choice',
      required: false,
      label: { fr: 'Par quel moyen ?', ar: 'بأي وسيلة؟' },
      help: { fr: 'Le principal' },
      choices: [
        { code: 'bus', label: { fr: 'Autobus', ar: 'حافلة' } },
        { code: 'walk', label: { fr: 'À pied' } },
      ],
    },
  ],
};

describe(describeMissing.name, () => {
  it('names a question by its number and its text in the default language, never by its path', () => {
    expect(describeMissing(content, 'questions.0.label')).toMatchObject({
      part: 'label',
      question: 1,
      text: 'Êtes-vous venu en famille ?',
    });
    expect(describeMissing(content, 'questions.1.choices.1.label')).toMatchObject({
      part: 'choice',
      question: 2,
      choice: 2,
      questionText: 'Par quel moyen ?',
      text: 'À pied',
    });
    expect(describeMissing(content, 'questions.1.help')).toMatchObject({ part: 'help', question: 2, text: 'Le principal' });
    expect(describeMissing(content, 'description')).toMatchObject({ part: 'description', question: null, text: 'Trois questions' });
  });
});

describe(missingByLanguage.name, () => {
  it('keeps the incomplete languages only, in the questionnaire order', () => {
    const found = missingByLanguage(content, { en: ['title'], ar: ['questions.0.label', 'questions.1.choices.1.label'] });
    expect(found.map((entry) => [entry.language, entry.items.map((item) => item.text)])).toEqual([
      ['ar', ['Êtes-vous venu en famille ?', 'À pied']],
      ['en', ['Bienvenue']],
    ]);
    expect(missingByLanguage(content, { ar: [], en: [] })).toEqual([]);
  });
});
