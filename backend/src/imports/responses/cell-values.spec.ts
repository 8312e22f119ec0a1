import type { Question } from '@backend/questionnaires/question.types';
import { cellReader, parseDay, parseNumber } from './cell-values';

const language: Question = {
  id: 'langue',
  type: 'single_choice',
  required: true,
  label: { fr: 'Langue parlée à la maison', en: 'Language spoken at home' },
  choices: [
    { code: 'fr', label: { fr: 'Français', en: 'French', ar: 'الفرنسية' } },
    { code: 'en', label: { fr: 'Anglais', en: 'English', ar: 'الإنجليزية' } },
    { code: 'other', label: { fr: 'Autre langue', en: 'Other language' } },
  ],
};

const languages: Question = { ...language, id: 'langues', type: 'multiple_choice', required: false };

const services: Question = {
  id: 'services',
  type: 'multiple_choice',
  required: false,
  label: { fr: 'Services utilisés', en: 'Services used' },
  choices: [
    { code: 'a', label: { fr: 'Aide alimentaire', en: 'Food aid' } },
    { code: 'b', label: { fr: 'Bibliothèque', en: 'Library' } },
    { code: 'c', label: { fr: 'Oui, souvent', en: 'Yes, often' } },
  ],
};

const children: Question = {
  id: 'enfants',
  type: 'yes_no',
  required: false,
  label: { fr: 'Avez-vous des enfants ?', en: 'Do you have children?' },
};
const satisfaction: Question = {
  id: 'satisfaction',
  type: 'scale',
  required: false,
  min: 1,
  max: 5,
  label: { fr: 'Satisfaction', en: 'Satisfaction' },
};
const people: Question = { id: 'personnes', type: 'number', required: false, label: { fr: 'Nombre de personnes', en: 'Number of people' } };
const arrival: Question = { id: 'arrivee', type: 'date', required: false, label: { fr: "Date d'arrivée", en: 'Arrival date' } };
const comment: Question = { id: 'commentaire', type: 'short_text', required: false, label: { fr: 'Commentaire', en: 'Comment' } };

const preferNot = (q: Question): Question => ({ ...q, allowPreferNot: true });

describe(cellReader.name, () => {
  describe('single choice', () => {
    it.each([
      ['Français', 'fr'],
      ['français', 'fr'],
      ['FRANCAIS', 'fr'],
      ['  French ', 'fr'],
      ['الفرنسية', 'fr'],
      ['anglais', 'en'],
      ['Autre  langue', 'other'],
      ['other', 'other'],
      ['EN', 'en'],
    ])('reads « %s » as the choice %s (any language, case and accents ignored, or its code)', (text, code) => {
      // Act
      const cell = cellReader(language)(text);

      // Assert
      expect(cell).toEqual({ value: code });
    });

    it('reads a label of the extra map as its choice', () => {
      // Arrange
      const read = cellReader(language, { F: 'fr', 'Langue des signes': 'other' });

      // Act
      const cells = [read('F'), read('f'), read('langue des signes')];

      // Assert
      expect(cells).toEqual([{ value: 'fr' }, { value: 'fr' }, { value: 'other' }]);
    });

    it('gives a problem naming an unknown label', () => {
      // Act
      const cell = cellReader(language)(' Espagnol ');

      // Assert
      expect(cell).toEqual({ problem: 'unknown_choice', label: 'Espagnol' });
    });
  });

  describe('multiple choice', () => {
    it.each<[string, string[]]>([
      ['Français; Anglais', ['fr', 'en']],
      ['Français;Anglais', ['fr', 'en']],
      ['French | english', ['fr', 'en']],
      ['Français\nAutre langue', ['fr', 'other']],
      ['Anglais; Français; French', ['en', 'fr']],
      ['Français', ['fr']],
    ])('reads « %s » as %j', (text, codes) => {
      // Act
      const cell = cellReader(languages)(text);

      // Assert
      expect(cell).toEqual({ value: codes });
    });

    it('reads « a, b » as two choices by their codes', () => {
      // Act
      const cell = cellReader(services)('a, b');

      // Assert
      expect(cell).toEqual({ value: ['a', 'b'] });
    });

    it('reads a label that holds a comma as one choice', () => {
      // Act
      const cell = cellReader(services)('Oui, souvent');

      // Assert
      expect(cell).toEqual({ value: ['c'] });
    });

    it('gives a problem naming the unknown part', () => {
      // Act
      const cell = cellReader(languages)('Français; Espagnol');

      // Assert
      expect(cell).toEqual({ problem: 'unknown_choice', label: 'Espagnol' });
    });
  });

  describe('yes or no', () => {
    it.each([
      ['Oui', true],
      ['OUI', true],
      ['yes', true],
      ['Vrai', true],
      ['نعم', true],
      ['Non', false],
      ['no', false],
      ['FAUX', false],
      ['لا', false],
    ])('reads « %s » as %s', (text, value) => {
      // Act
      const cell = cellReader(children)(text);

      // Assert
      expect(cell).toEqual({ value });
    });

    it('gives a problem for another word', () => {
      // Act
      const cell = cellReader(children)('Peut-être');

      // Assert
      expect(cell).toEqual({ problem: 'bad_yes_no', label: 'Peut-être' });
    });
  });

  describe('numbers', () => {
    it.each([
      ['3,5', 3.5],
      ['3.5', 3.5],
      ['1 234', 1234],
      ['1\u00a0234', 1234],
      ['1\u202f234,5', 1234.5],
      ['-2', -2],
      [' 4 ', 4],
    ])('reads « %s » as %d', (text, value) => {
      // Act
      const cell = cellReader(people)(text);

      // Assert
      expect(cell).toEqual({ value });
    });

    it('reads a scale answer as a number', () => {
      // Act
      const cell = cellReader(satisfaction)('4');

      // Assert
      expect(cell).toEqual({ value: 4 });
    });

    it.each(['beaucoup', '3 ou 4', '1,2,3'])('gives a problem for « %s »', (text) => {
      // Act
      const cell = cellReader(people)(text);

      // Assert
      expect(cell).toEqual({ problem: 'bad_number', label: text });
    });
  });

  describe('dates', () => {
    it.each([
      ['2022-03-05', '2022-03-05'],
      ['05/03/2022', '2022-03-05'],
      ['2022/3/5', '2022-03-05'],
      ['2022-03-05 14:07:09', '2022-03-05'],
    ])('reads « %s » as %s', (text, day) => {
      // Act
      const cell = cellReader(arrival)(text);

      // Assert
      expect(cell).toEqual({ value: day });
    });

    it('gives a problem for an impossible day', () => {
      // Act
      const cell = cellReader(arrival)('31/02/2022');

      // Assert
      expect(cell).toEqual({ problem: 'bad_date', label: '31/02/2022' });
    });
  });

  it('reads a text answer trimmed', () => {
    // Act
    const cell = cellReader(comment)('  Très bien, merci  ');

    // Assert
    expect(cell).toEqual({ value: 'Très bien, merci' });
  });

  describe('prefer not to answer', () => {
    const questions = [language, languages, children, satisfaction, people];

    it.each(questions.map((q) => [q.type, q] as const))('reads the label as null for a %s question that allows it', (_, q) => {
      // Arrange
      const read = cellReader(preferNot(q));

      // Act
      const cells = [read('Je préfère ne pas répondre'), read('prefer not to say'), read('NSP')];

      // Assert
      expect(cells).toEqual([{ value: null }, { value: null }, { value: null }]);
    });

    it.each(questions.map((q) => [q.type, q] as const))(
      'gives a problem for the label for a %s question that does not allow it',
      (_, q) => {
        // Act
        const cell = cellReader(q)('Je préfère ne pas répondre');

        // Assert
        expect(cell).toHaveProperty('problem');
      },
    );
  });

  describe('blank cells', () => {
    const questions = [language, languages, children, satisfaction, people, arrival, comment];

    it.each(questions.map((q) => [q.type, q] as const))('reads a blank cell of a %s question as not answered', (_, q) => {
      // Arrange
      const read = cellReader(q);

      // Act
      const cells = [read(''), read('   '), read('\t')];

      // Assert
      expect(cells).toEqual([{ value: undefined }, { value: undefined }, { value: undefined }]);
    });
  });
});

describe(parseNumber.name, () => {
  it.each<[string, number | null]>([
    ['3,5', 3.5],
    ['1 234', 1234],
    ['.5', 0.5],
    ['+7', 7],
    ['12.', 12],
    ['', null],
    ['abc', null],
    ['1e3', null],
  ])('reads « %s » as %s', (text, expected) => {
    // Act
    const n = parseNumber(text);

    // Assert
    expect(n).toBe(expected);
  });
});

describe(parseDay.name, () => {
  it.each<[string, string | null]>([
    ['2022-03-05', '2022-03-05'],
    ['2022.3.5', '2022-03-05'],
    ['05/03/2022', '2022-03-05'],
    ['5-3-2022', '2022-03-05'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', null],
    ['31/04/2022', null],
    ['03/13/2022', null],
    ['2022-03', null],
  ])('reads « %s » as %s', (text, expected) => {
    // Act
    const day = parseDay(text);

    // Assert
    expect(day).toBe(expected);
  });
});
