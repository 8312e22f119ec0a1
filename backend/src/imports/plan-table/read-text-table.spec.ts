import type { SourceRow } from '@backend/imports/import-problem';
import { readTextTable } from './read-text-table';

describe(readTextTable.name, () => {
  it('splits lines on tabs and keeps the file’s line numbers across blank lines', () => {
    // Arrange
    const text = '\n\nPlan d’action 2021/2023\n\nOBJECTIF\tMOYENS-ACTIONS\n \nA\tB\t\n';

    // Act
    const rows = readTextTable(text);

    // Assert
    expect(rows).toEqual<SourceRow[]>([
      { line: 3, cells: ['Plan d’action 2021/2023'] },
      { line: 5, cells: ['OBJECTIF', 'MOYENS-ACTIONS'] },
      { line: 7, cells: ['A', 'B', ''] },
    ]);
  });

  it('reads Excel’s quoted cells: doubled quotes and line breaks inside a cell', () => {
    // Arrange
    const text = 'OBJECTIF\tSUIVIS\r\n"Un ""grand"" objectif"\t"-Évaluation\r\n-Observation"\r\nSuivant\tX';

    // Act
    const rows = readTextTable(text);

    // Assert
    expect(rows).toEqual<SourceRow[]>([
      { line: 1, cells: ['OBJECTIF', 'SUIVIS'] },
      { line: 2, cells: ['Un "grand" objectif', '-Évaluation\n-Observation'] },
      { line: 4, cells: ['Suivant', 'X'] },
    ]);
  });

  it('keeps quotes Word text writes as they are', () => {
    // Arrange
    const text = '"Ici Parc-Ex" WebTV\tMensuel\n"Bienvenue"\tAnnuel';

    // Act
    const rows = readTextTable(text);

    // Assert
    expect(rows).toEqual<SourceRow[]>([
      { line: 1, cells: ['"Ici Parc-Ex" WebTV', 'Mensuel'] },
      { line: 2, cells: ['"Bienvenue"', 'Annuel'] },
    ]);
  });

  it('reads an unclosed quote as text rather than swallowing the rest of the file', () => {
    // Arrange
    const text = '"Unclosed\tB\nC\tD';

    // Act
    const rows = readTextTable(text);

    // Assert
    expect(rows).toEqual<SourceRow[]>([
      { line: 1, cells: ['"Unclosed', 'B'] },
      { line: 2, cells: ['C', 'D'] },
    ]);
  });
});
