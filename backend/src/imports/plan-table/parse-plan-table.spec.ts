import { readFileSync } from 'fs';
import { join } from 'path';
import type { DemoOrientation } from '@backend/demo/demo-data.types';
import { PARC_EXTENSION_PLAN } from '@backend/demo/parc-extension-plan';
import type { ImportProblem, SourceRow } from '@backend/imports/import-problem';
import { parsePlanTable, readTextTable } from './parse-plan-table';

const SEED_PATH = join(__dirname, '../../../test/fixtures/seeds/003_ae833e418bd2f86e.txt');
const FRENCH_HEADER = [
  'OBJECTIF',
  'MOYENS-ACTIONS',
  'ÉCHÉANCIER',
  'RESSOURCES',
  'RÉSULTATS ATTENDUS',
  'INDICATEURS DE RÉUSSITES',
  'SUIVIS',
];

/** Pasted Word text, one array of cells per line. */
const pasted = (...lines: ReadonlyArray<readonly string[]>): SourceRow[] =>
  readTextTable(lines.map((cells) => cells.join('\t')).join('\n'));

const codes = (problems: readonly ImportProblem[]): string[] => problems.map((p) => p.code);

describe(parsePlanTable.name, () => {
  describe('the Parc-Extension seed', () => {
    const parsed = parsePlanTable(readTextTable(readFileSync(SEED_PATH, 'utf8')));

    it('gives the hand transcription’s orientations, objectives and actions', () => {
      // Assert
      expect(parsed.orientations).toStrictEqual(PARC_EXTENSION_PLAN.orientations);
    });

    it('reads the title, its years and the date', () => {
      // Assert
      expect(parsed.title).toBe("Plan d'action 2021/2023");
      expect(parsed.firstYear).toBe(2021);
      expect(parsed.lastYear).toBe(2023);
      expect(parsed.date).toBe('2021-06-28');
    });

    it('finds nothing wrong', () => {
      // Assert
      expect(parsed.problems).toEqual([]);
    });
  });

  it('reads a CSV with line breaks in cells, English headers in another order and orientation rows', () => {
    // Arrange
    const rows: SourceRow[] = [
      { line: 1, cells: ['Action plan 2022-2024', '', '', '', '', '', '', ''] },
      { line: 2, cells: ['Date:', '15 March 2022', '', '', '', '', '', ''] },
      { line: 3, cells: ['Orientation 1: Food security', '', '', '', '', '', '', ''] },
      {
        line: 4,
        cells: ['Actions', 'Objective', 'Success indicators', 'Schedule', 'Resources', 'Expected results', 'Follow-up means', 'Notes'],
      },
      {
        line: 5,
        cells: [
          'Open a pantry\nRecruit volunteers',
          'Improve access\nto food',
          '• 200 families served\n• 30 volunteers',
          'Fall 2022',
          'Coordination\nVolunteers',
          'A pantry opens',
          '- Monthly count\n- Survey',
          'not read',
        ],
      },
      { line: 8, cells: ['Run a community kitchen', '', 'Meals served', 'Weekly', 'Partners', '', 'Attendance', ''] },
      { line: 9, cells: ['Orientation 2 - Housing', '', '', '', '', '', '', ''] },
      { line: 10, cells: ['Objective', 'Actions', 'Indicators', '', '', '', '', ''] },
      { line: 11, cells: ['Keep tenants housed', 'Legal clinic', 'Evictions avoided', '', '', '', '', ''] },
    ];

    // Act
    const parsed = parsePlanTable(rows);

    // Assert
    expect(parsed.problems).toEqual([]);
    expect(parsed.title).toBe('Action plan 2022-2024');
    expect(parsed.firstYear).toBe(2022);
    expect(parsed.lastYear).toBe(2024);
    expect(parsed.date).toBe('2022-03-15');
    expect(parsed.orientations).toStrictEqual<DemoOrientation[]>([
      {
        number: 1,
        title: 'Food security',
        objectives: [
          {
            code: '1.1',
            title: 'Improve access to food',
            actions: [
              {
                description: 'Open a pantry\nRecruit volunteers',
                scheduleText: 'Fall 2022',
                resources: 'Coordination, Volunteers',
                expectedResults: ['A pantry opens'],
                indicators: ['200 families served', '30 volunteers'],
                followUps: ['Monthly count', 'Survey'],
              },
              {
                description: 'Run a community kitchen',
                scheduleText: 'Weekly',
                resources: 'Partners',
                expectedResults: [],
                indicators: ['Meals served'],
                followUps: ['Attendance'],
              },
            ],
          },
        ],
      },
      {
        number: 2,
        title: 'Housing',
        objectives: [
          {
            code: '2.1',
            title: 'Keep tenants housed',
            actions: [
              {
                description: 'Legal clinic',
                scheduleText: '',
                resources: '',
                expectedResults: [],
                indicators: ['Evictions avoided'],
                followUps: [],
              },
            ],
          },
        ],
      },
    ]);
  });

  it('appends a row a page break cut to the row above it', () => {
    // Arrange
    const rows = pasted(
      ['ORIENTATION 1 : Logement'],
      FRENCH_HEADER,
      ['Objectif A', 'Action A', 'Fin', 'Table de', '<p>Un.</p> <p>Deux</p>', 'Les résidents sont', '-Sondage'],
      ['', '', 'été 2022', 'quartier', '', 'informés', '-Compte rendu'],
    );

    // Act
    const parsed = parsePlanTable(rows);

    // Assert
    expect(parsed.problems).toEqual([]);
    expect(parsed.orientations[0].objectives[0].actions).toStrictEqual([
      {
        description: 'Action A',
        scheduleText: 'Fin été 2022',
        resources: 'Table de quartier',
        expectedResults: ['Un.', 'Deux'],
        indicators: ['Les résidents sont informés'],
        followUps: ['Sondage', 'Compte rendu'],
      },
    ]);
  });

  it('gives an objective’s row that lost its empty first cell back to that objective', () => {
    // Arrange
    const rows = pasted(
      ['ORIENTATION 4 : Visibilité'],
      FRENCH_HEADER,
      ['Objectif A', 'Action 1', 'Annuel', 'Table', 'R1', 'I1', '-S1'],
      ['Action 2', 'Mensuel', 'Table', 'R2', 'I2', '-S2'],
    );

    // Act
    const parsed = parsePlanTable(rows);

    // Assert
    expect(parsed.problems).toEqual([]);
    expect(parsed.orientations[0].objectives.map((o) => [o.code, o.title, o.actions.map((a) => a.description)])).toEqual([
      ['4.1', 'Objectif A', ['Action 1', 'Action 2']],
    ]);
  });

  it('numbers objectives within their orientation, and an orientation without a number after the last one', () => {
    // Arrange
    const rows = pasted(
      ['Orientation 2 : Deux'],
      FRENCH_HEADER,
      ['Objectif A', 'Action 1', '', '', '', 'I', ''],
      ['Objectif B', 'Action 2', '', '', '', 'I', ''],
      ['ORIENTATION'],
      ['Trois, titre à la ligne'],
      ['Objectif C', 'Action 3', '', '', '', 'I', ''],
    );

    // Act
    const parsed = parsePlanTable(rows);

    // Assert
    expect(parsed.problems).toEqual([]);
    expect(parsed.orientations.map((o) => [o.number, o.title, o.objectives.map((b) => `${b.code} ${b.title}`)])).toEqual([
      [2, 'Deux', ['2.1 Objectif A', '2.2 Objectif B']],
      [3, 'Trois, titre à la ligne', ['3.1 Objectif C']],
    ]);
  });

  it('goes on with the same objective after a heading and a header repeated by a page break', () => {
    // Arrange
    const rows = pasted(
      ['ORIENTATION 1 : Logement'],
      FRENCH_HEADER,
      ['Objectif A', 'Action 1', '', '', '', 'I', ''],
      ['ORIENTATION 1 : Logement'],
      FRENCH_HEADER,
      ['', 'Action 2', '', '', '', 'I', ''],
      ['Objectif A', 'Action 3', '', '', '', 'I', ''],
    );

    // Act
    const parsed = parsePlanTable(rows);

    // Assert
    expect(parsed.problems).toEqual([]);
    expect(parsed.orientations).toHaveLength(1);
    expect(parsed.orientations[0].objectives.map((o) => o.actions.map((a) => a.description))).toEqual([
      ['Action 1', 'Action 2', 'Action 3'],
    ]);
  });

  it('reports two orientations with the same number', () => {
    // Arrange
    const rows = pasted(
      ['ORIENTATION 1 : Logement'],
      FRENCH_HEADER,
      ['Objectif A', 'Action 1', '', '', '', 'I', ''],
      ['ORIENTATION 1 : Sécurité'],
    );

    // Act
    const parsed = parsePlanTable(rows);

    // Assert
    expect(parsed.problems.map((p) => [p.row, p.code, p.params])).toEqual([[4, 'duplicate_orientation', { number: 1 }]]);
  });

  it('reports a header without a required column, on the header’s line', () => {
    // Arrange
    const rows = pasted(
      ['ORIENTATION 1 : Logement'],
      ['OBJECTIF', 'MOYENS-ACTIONS', 'ÉCHÉANCIER', 'SUIVIS'],
      ['Objectif A', 'Action A', 'En continu', '-Sondage'],
    );

    // Act
    const parsed = parsePlanTable(rows);

    // Assert
    expect(parsed.problems).toEqual<ImportProblem[]>([
      {
        row: 2,
        column: null,
        code: 'missing_column',
        message: 'Line 2: the table header has no column INDICATEURS DE RÉUSSITE',
        params: { column: 'INDICATEURS DE RÉUSSITE' },
      },
    ]);
  });

  it('reports an impossible date in ÉCHÉANCIER, and keeps a schedule it cannot read', () => {
    // Arrange
    const rows = pasted(
      ['ORIENTATION 1 : Logement'],
      FRENCH_HEADER,
      ['Objectif A', 'Action A', '31 février 2022', '', '', 'I', ''],
      ['', 'Action B', 'Quand le financement arrivera', '', '', 'I', ''],
      ['', 'Action C', '45/13/2022', '', '', 'I', ''],
    );

    // Act
    const parsed = parsePlanTable(rows);

    // Assert
    expect(parsed.problems).toEqual<ImportProblem[]>([
      {
        row: 3,
        column: 'ÉCHÉANCIER',
        code: 'bad_date',
        message: 'Line 3, column ÉCHÉANCIER: "31 février 2022" is not a date',
        params: { column: 'ÉCHÉANCIER', value: '31 février 2022' },
      },
      {
        row: 5,
        column: 'ÉCHÉANCIER',
        code: 'bad_date',
        message: 'Line 5, column ÉCHÉANCIER: "45/13/2022" is not a date',
        params: { column: 'ÉCHÉANCIER', value: '45/13/2022' },
      },
    ]);
    expect(parsed.orientations[0].objectives[0].actions[1].scheduleText).toBe('Quand le financement arrivera');
  });

  it('reports table rows that come before any header, once', () => {
    // Arrange
    const rows = pasted(
      ['ORIENTATION 1 : Logement'],
      ['Objectif A', 'Action A', 'En continu'],
      ['', 'Action B', 'En continu'],
      FRENCH_HEADER,
      ['Objectif B', 'Action C', '', '', '', 'I', ''],
    );

    // Act
    const parsed = parsePlanTable(rows);

    // Assert
    expect(parsed.problems).toEqual<ImportProblem[]>([
      { row: 2, column: null, code: 'missing_header', message: 'Line 2: a table row comes before any header row naming its columns' },
    ]);
  });

  it('reports a row whose cells do not line up with the header', () => {
    // Arrange
    const rows = pasted(
      ['ORIENTATION 1 : Logement'],
      FRENCH_HEADER,
      ['Objectif A', 'Action A', 'En continu', 'Table', 'R'],
      ['Objectif B', 'Action B', '', '', '', 'I', '', '', ''],
    );

    // Act
    const parsed = parsePlanTable(rows);

    // Assert
    expect(parsed.problems).toEqual<ImportProblem[]>([
      {
        row: 3,
        column: null,
        code: 'wrong_cell_count',
        message: 'Line 3: the row has 5 cells where the header has 7',
        params: { expected: 7, found: 5 },
      },
    ]);
  });

  it('reports a row without an action, and one without an objective to belong to', () => {
    // Arrange
    const rows = pasted(
      ['ORIENTATION 1 : Logement'],
      FRENCH_HEADER,
      ['', 'Action A', '', '', '', 'I', ''],
      ['Objectif A', '', 'En continu', '', '', 'I', ''],
    );

    // Act
    const parsed = parsePlanTable(rows);

    // Assert
    expect(parsed.problems.map((p) => [p.row, p.column, p.code, p.params])).toEqual([
      [3, 'OBJECTIF', 'missing_value', { column: 'OBJECTIF' }],
      [4, 'MOYENS-ACTIONS', 'missing_value', { column: 'MOYENS-ACTIONS' }],
    ]);
  });

  it('reports a table with no orientation heading above it', () => {
    // Arrange
    const rows = pasted(FRENCH_HEADER, ['Objectif A', 'Action A', '', '', '', 'I', '']);

    // Act
    const parsed = parsePlanTable(rows);

    // Assert
    expect(codes(parsed.problems)).toEqual(['missing_orientation']);
  });

  it.each([
    ['random text', 'Bonjour,\nVoici le compte rendu de la réunion du 3 mars.\n\nMerci'],
    ['an empty file', ''],
  ])('reports %s as no table at all', (_, text) => {
    // Act
    const parsed = parsePlanTable(readTextTable(text));

    // Assert
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ row: null, column: null, code: 'no_table' });
    expect(parsed.orientations).toEqual([]);
  });
});
