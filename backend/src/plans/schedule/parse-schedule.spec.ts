import { ParsedSchedule, parseFrenchPeriod, parseSchedule } from './parse-schedule';

describe(parseSchedule.name, () => {
  describe('dates', () => {
    it.each([
      ['31 décembre 2022', '2022-12-31'],
      ['31 decembre 2022', '2022-12-31'],
      ['1er mars 2023', '2023-03-01'],
      ['December 31, 2022', '2022-12-31'],
      ['31 December 2022', '2022-12-31'],
      ['2022-12-31', '2022-12-31'],
      ['28.06.2021', '2021-06-28'],
      ['29 février 2024', '2024-02-29'],
    ])('reads the day « %s » as %s', (text, expected) => {
      // Act
      const result = parseSchedule(text);

      // Assert
      expect(result).toEqual<ParsedSchedule>({ kind: 'date', date: expected, recurrence: null, text });
    });

    it.each([
      ['Mars 2023', '2023-03-31'],
      ['mars 2023', '2023-03-31'],
      ['Février 2024', '2024-02-29'],
      ['fevrier 2023', '2023-02-28'],
      ['Août 2022', '2022-08-31'],
      ['June 2022', '2022-06-30'],
      ['sept. 2022', '2022-09-30'],
    ])('reads the deadline month « %s » as its last day, %s', (text, expected) => {
      // Act
      const result = parseSchedule(text);

      // Assert
      expect(result.kind).toBe('date');
      expect(result.date).toBe(expected);
    });

    it.each([
      ['2021– 2023', '2023-12-31'],
      ['2021 — 2023', '2023-12-31'],
      ['2021-2023', '2023-12-31'],
      ['2021/2023', '2023-12-31'],
      ['De mars 2022 à juin 2023', '2023-06-30'],
      ['Début 2021 – 2023', '2023-12-31'],
      ['2021 – début 2023', '2023-01-01'],
    ])('reads the range « %s » as its end, %s', (text, expected) => {
      // Act
      const result = parseSchedule(text);

      // Assert
      expect(result.kind).toBe('date');
      expect(result.date).toBe(expected);
    });

    it('reads a bare year as its last day', () => {
      // Act
      const result = parseSchedule('2022');

      // Assert
      expect(result).toEqual<ParsedSchedule>({ kind: 'date', date: '2022-12-31', recurrence: null, text: '2022' });
    });

    it.each([
      ['Hiver 2021', '2021-03-19'],
      ['Printemps 2022', '2022-06-20'],
      ['Été 2021', '2021-09-22'],
      ['Automne 2021', '2021-12-20'],
      ['Fall 2021', '2021-12-20'],
      ['Summer 2021', '2021-09-22'],
    ])('reads the plain season « %s » as its end, %s', (text, expected) => {
      // Act
      const result = parseSchedule(text);

      // Assert
      expect(result.kind).toBe('date');
      expect(result.date).toBe(expected);
    });

    it.each([
      ['Fin été 2021', '2021-09-22'],
      ['FIN ETE 2021', '2021-09-22'],
      ["D'ici l'automne 2021", '2021-09-23'],
      ['D’ici l’automne 2021', '2021-09-23'],
      ['Début du projet Automne 2021', '2021-09-23'],
      ['Début 2022', '2022-01-01'],
      ['Début mars 2023', '2023-03-01'],
      ['Avant le printemps 2022', '2022-03-20'],
      ['By fall 2021', '2021-09-23'],
      ['Late spring 2022', '2022-06-20'],
      ["D'ici la fin de l'automne 2021", '2021-12-20'],
    ])('reads the qualified period « %s » as %s', (text, expected) => {
      // Act
      const result = parseSchedule(text);

      // Assert
      expect(result.kind).toBe('date');
      expect(result.date).toBe(expected);
    });
  });

  describe('ongoing', () => {
    it.each(['En continu', 'en continu', 'EN CONTINU', 'Continu', 'Ongoing', 'En continu.', '  En continu  '])(
      'reads « %s » as ongoing',
      (text) => {
        // Act
        const result = parseSchedule(text);

        // Assert
        expect(result).toEqual<ParsedSchedule>({ kind: 'ongoing', date: null, recurrence: null, text: text.trim() });
      },
    );
  });

  describe('to be determined', () => {
    it.each(['À déterminer', 'A determiner', 'à déterminer', 'TBD', 'To be determined', ''])('reads « %s » as tbd', (text) => {
      // Act
      const result = parseSchedule(text);

      // Assert
      expect(result).toEqual<ParsedSchedule>({ kind: 'tbd', date: null, recurrence: null, text });
    });

    it('reads blank text as tbd with an empty text', () => {
      // Act
      const result = parseSchedule('   \n ');

      // Assert
      expect(result).toEqual<ParsedSchedule>({ kind: 'tbd', date: null, recurrence: null, text: '' });
    });

    it.each(['Selon le financement', 'Août', '31 février 2022', 'Quand le local sera prêt'])(
      'keeps unrecognized text « %s » as tbd, without a date',
      (text) => {
        // Act
        const result = parseSchedule(text);

        // Assert
        expect(result).toEqual<ParsedSchedule>({ kind: 'tbd', date: null, recurrence: null, text });
      },
    );
  });

  describe('recurrences', () => {
    it.each([
      ['Mensuel', 'FREQ=MONTHLY'],
      ['Mensuelle', 'FREQ=MONTHLY'],
      ['Monthly', 'FREQ=MONTHLY'],
      ['Annuel', 'FREQ=YEARLY'],
      ['Annuelle', 'FREQ=YEARLY'],
      ['Annual', 'FREQ=YEARLY'],
      ['Yearly', 'FREQ=YEARLY'],
      ['Annuel – août', 'FREQ=YEARLY;BYMONTH=8'],
      ['Annuel — aout', 'FREQ=YEARLY;BYMONTH=8'],
      ['Annuel - août', 'FREQ=YEARLY;BYMONTH=8'],
      ['ANNUEL – AOÛT', 'FREQ=YEARLY;BYMONTH=8'],
      ['Annuel (mars et septembre)', 'FREQ=YEARLY;BYMONTH=3,9'],
      ['Hebdomadaire', 'FREQ=WEEKLY'],
      ['Weekly', 'FREQ=WEEKLY'],
      ['Hebdomadaire – mardi', 'FREQ=WEEKLY;BYDAY=TU'],
      ['Bihebdomadaire', 'FREQ=WEEKLY;INTERVAL=2'],
      ['Trimestriel', 'FREQ=MONTHLY;INTERVAL=3'],
      ['Quarterly', 'FREQ=MONTHLY;INTERVAL=3'],
      ['Semestriel', 'FREQ=MONTHLY;INTERVAL=6'],
      ['Quotidien', 'FREQ=DAILY'],
    ])('reads « %s » as %s', (text, expected) => {
      // Act
      const result = parseSchedule(text);

      // Assert
      expect(result).toEqual<ParsedSchedule>({ kind: 'recurrence', date: null, recurrence: expected, text });
    });

    it('does not read a month with a year as the month of a yearly event', () => {
      // Act
      const result = parseSchedule('Annuel à partir de mars 2022');

      // Assert
      expect(result.recurrence).toBe('FREQ=YEARLY');
    });
  });

  it('keeps the original text, trimmed', () => {
    // Arrange
    const text = '  Annuel – août \n';

    // Act
    const result = parseSchedule(text);

    // Assert
    expect(result.text).toBe('Annuel – août');
  });
});

describe(parseFrenchPeriod.name, () => {
  it.each([
    ['Hiver 2021', 'start', '2021-01-01'],
    ['Hiver 2021', 'end', '2021-03-19'],
    ['hiver 2024', 'start', '2024-01-01'],
    ['Printemps 2022', 'start', '2022-03-20'],
    ['Été 2021', 'start', '2021-06-21'],
    ['Automne 2021', 'start', '2021-09-23'],
    ['Automne 2021', 'end', '2021-12-20'],
    ['5 juin 2019', 'start', '2019-06-05'],
    ['5 juin 2019', 'end', '2019-06-05'],
    ['novembre 2019', 'start', '2019-11-01'],
    ['novembre 2019', 'end', '2019-11-30'],
    ['octobre 2023', 'start', '2023-10-01'],
    ['octobre 2023', 'end', '2023-10-31'],
    ['janvier 2024', 'start', '2024-01-01'],
    ['Décembre 2023', 'end', '2023-12-31'],
    ['decembre 2023', 'end', '2023-12-31'],
    ['Février 2023', 'end', '2023-02-28'],
    ['August 2022', 'start', '2022-08-01'],
    ['2022', 'start', '2022-01-01'],
    ['2021– 2023', 'start', '2021-01-01'],
    ['2021– 2023', 'end', '2023-12-31'],
  ] as const)('reads « %s » (%s) as %s', (text, bound, expected) => {
    // Act
    const result = parseFrenchPeriod(text, bound);

    // Assert
    expect(result).toBe(expected);
  });

  it.each(['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'])(
    'knows the month « %s »',
    (month) => {
      // Act
      const result = parseFrenchPeriod(`${month} 2022`, 'start');

      // Assert
      expect(result).toMatch(/^2022-\d{2}-01$/);
    },
  );

  it('numbers the French months in order', () => {
    // Arrange
    const months = [
      'janvier',
      'fevrier',
      'mars',
      'avril',
      'mai',
      'juin',
      'juillet',
      'aout',
      'septembre',
      'octobre',
      'novembre',
      'decembre',
    ];

    // Act
    const starts = months.map((month) => parseFrenchPeriod(`${month} 2022`, 'start'));

    // Assert
    expect(starts).toEqual(months.map((_, i) => `2022-${String(i + 1).padStart(2, '0')}-01`));
  });

  it('numbers the English months in order', () => {
    // Arrange
    const months = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];

    // Act
    const starts = months.map((month) => parseFrenchPeriod(`${month} 2022`, 'start'));

    // Assert
    expect(starts).toEqual(months.map((_, i) => `2022-${String(i + 1).padStart(2, '0')}-01`));
  });

  it('finds the period inside a sentence', () => {
    // Act
    const result = parseFrenchPeriod('Date du début des travaux : Hiver 2021.', 'start');

    // Assert
    expect(result).toBe('2021-01-01');
  });

  it('lets the text’s own « fin » win over the bound asked for', () => {
    // Act
    const result = parseFrenchPeriod('Fin été 2021', 'start');

    // Assert
    expect(result).toBe('2021-09-22');
  });

  it.each(['', 'En continu', 'À déterminer', 'hiver', 'novembre', '31 février 2022', 'Annuel – août'])(
    'returns null for « %s »',
    (text) => {
      // Act
      const result = parseFrenchPeriod(text, 'start');

      // Assert
      expect(result).toBeNull();
    },
  );
});
