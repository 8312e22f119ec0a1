import { readDocumentDate, readOrientationHeading, readYears } from './document-lines';
import { findImpossibleDate } from './find-impossible-date';

describe(readOrientationHeading.name, () => {
  it.each([
    ['ORIENTATION 1 : Relocalisation des organismes', { number: 1, title: 'Relocalisation des organismes' }],
    ['Orientation 2 - Centre communautaire (PIC – Centraide)', { number: 2, title: 'Centre communautaire (PIC – Centraide)' }],
    ['Orientation 3: Visibility', { number: 3, title: 'Visibility' }],
    ['AXE 4 : Sécurité alimentaire', { number: 4, title: 'Sécurité alimentaire' }],
    ['Orientation : Logement', { number: null, title: 'Logement' }],
    ['ORIENTATION 5', { number: 5, title: '' }],
    ['Orientation', { number: null, title: '' }],
  ])('reads « %s »', (text, expected) => {
    // Act
    const heading = readOrientationHeading(text);

    // Assert
    expect(heading).toEqual(expected);
  });

  it.each(['Orientations adoptées en assemblée', 'Axe central du quartier', 'Le masculin est utilisé pour faciliter la lecture'])(
    'does not read « %s » as a heading',
    (text) => {
      // Act
      const heading = readOrientationHeading(text);

      // Assert
      expect(heading).toBeNull();
    },
  );
});

describe(readYears.name, () => {
  it.each([
    ["Plan d'action 2021/2023", 2021, 2023],
    ["Plan d'action 2021-2023", 2021, 2023],
    ["Plan d'action 2021 – 2023", 2021, 2023],
    ['Action plan 2022-24', 2022, 2024],
    ["Plan d'action 2022", 2022, 2022],
  ])('reads the years of « %s »', (title, firstYear, lastYear) => {
    // Act
    const years = readYears(title);

    // Assert
    expect(years).toEqual({ firstYear, lastYear });
  });
});

describe(readDocumentDate.name, () => {
  it.each(['28.06.2021', '2021-06-28', '28/06/2021', '28 juin 2021'])('reads « %s » as 2021-06-28', (text) => {
    // Act
    const date = readDocumentDate(text);

    // Assert
    expect(date).toEqual({ kind: 'date', date: '2021-06-28' });
  });

  it('does not take a month for a day', () => {
    // Act
    const date = readDocumentDate('juin 2021');

    // Assert
    expect(date).toBeNull();
  });
});

describe(findImpossibleDate.name, () => {
  it.each([
    ['31 février 2022', '31 février 2022'],
    ['Au plus tard le 45/13/2022', '45/13/2022'],
    ['2022-02-30', '2022-02-30'],
    ['February 30, 2022', 'February 30, 2022'],
  ])('finds the impossible day in « %s »', (text, expected) => {
    // Act
    const found = findImpossibleDate(text);

    // Assert
    expect(found).toBe(expected);
  });

  it.each(['31 décembre 2022', '29 février 2024', 'Début du projet Automne 2021', '2021– 2023', 'Phase 2 2022', 'Quand ce sera prêt'])(
    'finds nothing wrong in « %s »',
    (text) => {
      // Act
      const found = findImpossibleDate(text);

      // Assert
      expect(found).toBeNull();
    },
  );
});
