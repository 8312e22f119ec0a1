import { cellItems, joinAsList, splitCellItems } from './split-cell-items';

describe(cellItems.name, () => {
  it.each<[string, string, string[]]>([
    ['paragraphs, with a lone dash dropped', '<p>Un.</p> <p>-</p> <p>Deux</p>', ['Un.', 'Deux']],
    ['leading dashes', '-Levées de fonds -Focus groups -Forum citoyen', ['Levées de fonds', 'Focus groups', 'Forum citoyen']],
    [
      'the commas between dashed items, and the one ending the cell',
      '-Assemblée générale -Forum citoyen, -évaluation, communication RS,',
      ['Assemblée générale', 'Forum citoyen', 'évaluation, communication RS'],
    ],
    ['other punctuation', '-Comptes rendus de rencontre. -Contacts', ['Comptes rendus de rencontre.', 'Contacts']],
    [
      'a spaced dash, which is not a list',
      'partenaires principaux - Arrondissement - CSSDM',
      ['partenaires principaux - Arrondissement - CSSDM'],
    ],
    ['a dash inside a word', 'Consulter-Impliquer-Informer la population', ['Consulter-Impliquer-Informer la population']],
    ['an age range', 'Jeunes de 12 -17 ans', ['Jeunes de 12 -17 ans']],
    ['real line breaks with bullets', '• Évaluation,\n– Observation\r\n* Sondage\n\n', ['Évaluation', 'Observation', 'Sondage']],
    ['lines without bullets', 'Première ligne\nDeuxième ligne', ['Première ligne', 'Deuxième ligne']],
    ['entities and inline tags', '<p>Table &amp; partenaires&nbsp;<b>clés</b> &#39;A&#x27;</p>', ["Table & partenaires clés 'A'"]],
    ['escaped tags, which stay text', '&lt;p&gt; x', ['<p> x']],
    ['runs of whitespace', '  Un   texte\t long ', ['Un texte long']],
  ])('splits %s', (_, raw, expected) => {
    // Act
    const items = cellItems(raw);

    // Assert
    expect(items).toEqual(expected);
  });

  it('tells the items a marker introduced', () => {
    // Act
    const items = splitCellItems('suite du texte -Nouvel item');

    // Assert
    expect(items).toEqual([
      { text: 'suite du texte', marked: false },
      { text: 'Nouvel item', marked: true },
    ]);
  });
});

describe(joinAsList.name, () => {
  it('separates items with a comma unless they end with punctuation', () => {
    // Act
    const joined = joinAsList(['Table de quartier', 'Coordination.', 'GRT']);

    // Assert
    expect(joined).toBe('Table de quartier, Coordination. GRT');
  });
});
