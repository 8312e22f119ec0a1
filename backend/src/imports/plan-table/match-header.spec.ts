import { type ColumnKey, columnKeyOf, matchHeader } from './match-header';

describe(columnKeyOf.name, () => {
  it.each<[string, ColumnKey]>([
    ['OBJECTIF', 'objective'],
    ['Objectifs', 'objective'],
    ['Objective(s)', 'objective'],
    ['MOYENS-ACTIONS', 'action'],
    ['Means', 'action'],
    ['Actions', 'action'],
    ['ÉCHÉANCIER', 'schedule'],
    ['echeances', 'schedule'],
    ['Timeline', 'schedule'],
    ['Deadline', 'schedule'],
    ['RESSOURCES', 'resources'],
    ['Resources', 'resources'],
    ['RÉSULTATS ATTENDUS', 'expectedResults'],
    ['RÉSULTATS', 'expectedResults'],
    ['Expected results', 'expectedResults'],
    ['INDICATEURS DE RÉUSSITES', 'indicators'],
    ['Indicateur de réussite', 'indicators'],
    ['Success indicators', 'indicators'],
    ['SUIVIS', 'followUps'],
    ['Moyens de suivi', 'followUps'],
    ['Follow-up means', 'followUps'],
    ['Monitoring', 'followUps'],
  ])('reads « %s » as %s', (header, expected) => {
    // Act
    const key = columnKeyOf(header);

    // Assert
    expect(key).toBe(expected);
  });

  it('knows no other column', () => {
    // Act
    const key = columnKeyOf('Budget');

    // Assert
    expect(key).toBeNull();
  });
});

describe(matchHeader.name, () => {
  it('maps the columns in their order, ignores unknown ones and says which required column is missing', () => {
    // Act
    const header = matchHeader(['Actions', 'Budget', 'Objective', 'Schedule', '', '']);

    // Assert
    expect(header).toEqual({
      columns: {
        action: { index: 0, label: 'Actions' },
        objective: { index: 2, label: 'Objective' },
        schedule: { index: 3, label: 'Schedule' },
      },
      width: 4,
      missing: ['indicators'],
    });
  });

  it('does not take a row of data for a header', () => {
    // Act
    const header = matchHeader(['Aider à relocaliser les services', 'Mettre en place une concertation', 'Suivi', 'En continu']);

    // Assert
    expect(header).toBeNull();
  });
});
