import * as fs from 'fs';
import * as path from 'path';
import type { DemoWorkCell } from '@backend/demo/demo-data.types';
import { LAVAL_WORK_CELLS } from '@backend/demo/laval-work-cells';
import type { ImportProblem } from '@backend/imports/import-problem';
import { parseWorkCellFiche } from './parse-work-cell-fiche';

const seed = (file: string): string => fs.readFileSync(path.join(__dirname, '../../../test/fixtures/seeds', file), 'utf8');

const codes = (problems: readonly ImportProblem[]): string[] => problems.map((p) => p.code);

describe(parseWorkCellFiche.name, () => {
  it.each<[string, number]>([
    ['000_030d30e79bcacd50.txt', 0],
    ['001_c3c9cf7dd883bb2b.txt', 1],
    ['002_d170f741c5110f1a.txt', 2],
  ])('reads seed %s as its transcription', (file, index) => {
    // Arrange
    const text = seed(file);

    // Act
    const result = parseWorkCellFiche(text);

    // Assert
    expect(result.problems).toEqual([]);
    expect(result.cell).toEqual<DemoWorkCell>(LAVAL_WORK_CELLS[index]);
  });

  it('reads English headings, a Markdown partners table and a task list', () => {
    // Arrange
    const text = [
      '# Summary sheet',
      '',
      '**Name of the work cell:** Food security &amp; housing.',
      'Sub-objective: 2.1 - Improve access to food',
      'for families.',
      'Start date: Spring 2022.',
      '',
      '## Mandate',
      '',
      'First paragraph of the',
      'mandate.',
      '',
      'Second <b>paragraph</b>.',
      '',
      '## Steps',
      '',
      '1. [x] **Phase 1:** Map the food banks (march 2022).',
      '2. [ ] Share the results',
      '   with the partners.',
      '3. ✔ Write the so- cial report.',
      '',
      '## Partners',
      '',
      '| Organization | Network | Sector |',
      '|:---|:---:|---:|',
      '| Moisson Laval (ML) | Community | Food security |',
      '| Ville de Laval | Institutional | Housing |',
      '',
      'Questions? Contact us.',
      '',
      'Email: someone@example.org',
      'Phone: [555-123-4567](tel:555-123-4567)',
    ].join('\n');

    // Act
    const result = parseWorkCellFiche(text);

    // Assert
    expect(result.problems).toEqual([]);
    expect(result.cell).toEqual<DemoWorkCell>({
      name: 'Food security & housing',
      objectiveCode: '2.1',
      objectiveText: 'Improve access to food for families',
      startDateText: 'Spring 2022',
      mandate: 'First paragraph of the mandate.\n\nSecond paragraph.',
      contact: 'someone@example.org · 555-123-4567',
      steps: [
        { text: 'Map the food banks (march 2022).', done: true, phase: 'Phase 1', dateText: 'march 2022' },
        { text: 'Share the results with the partners.', done: false, phase: 'Phase 1', dateText: null },
        { text: 'Write the social report.', done: true, phase: 'Phase 1', dateText: null },
      ],
      partners: [
        { organization: 'Moisson Laval (ML)', network: 'Community', sector: 'Food security' },
        { organization: 'Ville de Laval', network: 'Institutional', sector: 'Housing' },
      ],
      partnersNote: null,
    });
  });

  it('takes a phase on a line of its own for the steps after it', () => {
    // Arrange
    const text = [
      'Nom de la cellule de travail : Cellule',
      '',
      'Étapes des travaux',
      '',
      'PHASE 2 :',
      '',
      'Une étape.',
      '',
      'Une autre.',
    ].join('\n');

    // Act
    const result = parseWorkCellFiche(text);

    // Assert
    expect(result.cell?.steps).toEqual([
      { text: 'Une étape.', done: false, phase: 'PHASE 2', dateText: null },
      { text: 'Une autre.', done: false, phase: 'PHASE 2', dateText: null },
    ]);
  });

  it('blocks a fiche without a name', () => {
    // Arrange
    const text = seed('000_030d30e79bcacd50.txt').replace(/^Nom de la cellule de travail.*$/m, '');

    // Act
    const result = parseWorkCellFiche(text);

    // Assert
    expect(result.cell).toBeNull();
    expect(result.problems).toEqual<ImportProblem[]>([
      {
        row: null,
        column: null,
        code: 'missing_field',
        message: 'The fiche gives no work cell name ("Nom de la cellule de travail : …").',
        params: { field: 'name' },
      },
    ]);
  });

  it('reports a start date it cannot read, with its line', () => {
    // Arrange
    const text = seed('000_030d30e79bcacd50.txt').replace('Hiver 2021.', 'Bientôt.');

    // Act
    const result = parseWorkCellFiche(text);

    // Assert
    expect(result.problems).toEqual<ImportProblem[]>([
      {
        row: 9,
        column: 'Date du début des travaux',
        code: 'bad_date',
        message:
          'Line 9: "Date du début des travaux" is "Bientôt", which names no readable date (write e.g. "Hiver 2021" or "5 juin 2019").',
        params: { value: 'Bientôt' },
      },
    ]);
  });

  it.each([
    ['garbage', 'lorem ipsum\n\ndolor sit amet: 42\n| a | b |'],
    ['an empty text', ''],
    ["an action plan's table (seed 003)", seed('003_ae833e418bd2f86e.txt')],
  ])('rejects %s as not a fiche', (_label, text) => {
    // Act
    const result = parseWorkCellFiche(text);

    // Assert
    expect(result.cell).toBeNull();
    expect(codes(result.problems)).toEqual(['not_a_fiche']);
    expect(result.problems[0].row).toBeNull();
  });

  it('reports a partner row with two cells', () => {
    // Arrange
    const text = seed('000_030d30e79bcacd50.txt').replace('Centraide\tBailleurs de fond (public)\t', 'Centraide\t');

    // Act
    const result = parseWorkCellFiche(text);

    // Assert
    expect(result.problems).toEqual<ImportProblem[]>([
      {
        row: 30,
        column: null,
        code: 'wrong_cell_count',
        message: "Line 30: the partners table row has 2 cells, expected 3 (Organisation, Réseau représenté, Secteur d'activité).",
        params: { expected: 3, found: 2 },
      },
    ]);
    expect(result.cell?.partners.map((p) => p.organization)).not.toContain('Centraide');
  });

  it('reports a partners table without an Organisation column', () => {
    // Arrange
    const text = seed('000_030d30e79bcacd50.txt').replace("Organisation\tRéseau représenté\tSecteur d'activité", 'Nom\tRéseau\tSecteur');

    // Act
    const result = parseWorkCellFiche(text);

    // Assert
    expect(result.problems.map((p) => [p.code, p.row])).toEqual([['missing_column', 28]]);
    expect(result.cell?.partners).toEqual([]);
  });

  it('reports a network it does not know, with its line and column', () => {
    // Arrange
    const text = seed('001_c3c9cf7dd883bb2b.txt').replace(
      '| Trouve ta ressource | Communautaire |',
      '| Trouve ta ressource | Paroissial |',
    );

    // Act
    const result = parseWorkCellFiche(text);

    // Assert
    expect(result.problems).toEqual([
      expect.objectContaining({ row: 37, column: 'Réseaux représentés', code: 'unknown_network', params: { value: 'Paroissial' } }),
    ]);
  });

  it('reports a field given twice', () => {
    // Arrange
    const text = 'Nom de la cellule de travail : A.\nNom de la cellule de travail : B.';

    // Act
    const result = parseWorkCellFiche(text);

    // Assert
    expect(result.cell?.name).toBe('A');
    expect(result.problems.map((p) => [p.code, p.row])).toEqual([['duplicate_field', 2]]);
  });

  it('reads a field whose value is on the next line', () => {
    // Arrange
    const text = 'Nom de la cellule de travail :\n\nCellule X.\n\nMandat : Un mandat court.';

    // Act
    const result = parseWorkCellFiche(text);

    // Assert
    expect(result.cell).toEqual(
      expect.objectContaining({ name: 'Cellule X', mandate: 'Un mandat court.', objectiveCode: '', startDateText: '' }),
    );
  });
  it('reads a seed saved with Windows line endings as the same cell', () => {
    // Arrange
    const text = seed('002_d170f741c5110f1a.txt').replace(/\n/g, '\r\n');

    // Act
    const result = parseWorkCellFiche(text);

    // Assert
    expect(result).toEqual({ cell: LAVAL_WORK_CELLS[2], problems: [] });
  });

  it('reads a tab table whose rows are spaced out, then its note, and steps as paragraphs', () => {
    // Arrange
    const text = [
      'Nom de la cellule de travail : Cellule Y.',
      'Étapes des travaux :',
      '☑ Première étape',
      'sur deux lignes (automne 2022).',
      '',
      'Deuxième étape (Dynamo).',
      'Partenaires impliqués',
      'Organismes\tRéseaux\tSecteurs',
      '',
      'Organisme A (OA)\tInstitutionnelle\tSanté',
      '',
      'Organisme B\tBailleur de fonds\t',
      '',
      'Partenaires de la cellule de travail : ouverts',
      'à tous.',
      '',
      'Une deuxième note.',
    ].join('\n');

    // Act
    const result = parseWorkCellFiche(text);

    // Assert
    expect(result.problems).toEqual([]);
    expect(result.cell?.steps).toEqual([
      { text: 'Première étape sur deux lignes (automne 2022).', done: true, phase: null, dateText: 'automne 2022' },
      { text: 'Deuxième étape (Dynamo).', done: false, phase: null, dateText: null },
    ]);
    expect(result.cell?.partners).toEqual([
      { organization: 'Organisme A (OA)', network: 'Institutionnelle', sector: 'Santé' },
      { organization: 'Organisme B', network: 'Bailleur de fonds', sector: '' },
    ]);
    expect(result.cell?.partnersNote).toBe('Partenaires de la cellule de travail : ouverts à tous.\n\nUne deuxième note.');
    expect(result.cell?.contact).toBe('');
  });
});
