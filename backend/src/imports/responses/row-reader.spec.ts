import type { Question } from '@backend/questionnaires/question.types';
import type { SourceRow } from '../import-problem';
import { ResponseRowReader, ResponsesImportOptions } from './row-reader';

const QUESTIONNAIRE_ID = '0f8a4c52-3a1e-4c6b-9d0e-2b7f6a1c9e10';

const QUESTIONS: Question[] = [
  {
    id: 'langue',
    type: 'single_choice',
    required: true,
    label: { fr: 'Langue parlée à la maison', en: 'Language spoken at home' },
    choices: [
      { code: 'fr', label: { fr: 'Français', en: 'French' } },
      { code: 'en', label: { fr: 'Anglais', en: 'English' } },
      { code: 'other', label: { fr: 'Autre', en: 'Other' } },
    ],
  },
  { id: 'enfants', type: 'yes_no', required: false, label: { fr: 'Avez-vous des enfants ?', en: 'Do you have children?' } },
  { id: 'satisfaction', type: 'scale', required: false, min: 1, max: 5, label: { fr: 'Niveau de satisfaction', en: 'Satisfaction level' } },
  { id: 'commentaire', type: 'short_text', required: false, label: { fr: 'Commentaire', en: 'Comment' } },
];

// French and English labels mixed, as a Google Forms export edited by hand would have them.
const HEADER = ['Horodateur', 'Langue parlée à la maison', 'Do you have children?', 'Niveau de satisfaction', 'Comment'];

const row = (line: number, cells: string[]): SourceRow => ({ line, cells });

function reader(header: string[] = HEADER, options: Partial<ResponsesImportOptions> = {}): ResponseRowReader {
  return new ResponseRowReader(row(1, header), QUESTIONNAIRE_ID, QUESTIONS, ['fr', 'en'], 'fr', {
    questionnaireId: QUESTIONNAIRE_ID,
    ...options,
  });
}

const GOOD = ['2022/03/05 2:07:09 PM', 'Français', 'oui', '4', 'Très bien'];

describe(ResponseRowReader.name, () => {
  it('maps the columns by French or English label, and « Horodateur » as the date', () => {
    // Act
    const r = reader([...HEADER, 'Colonne inconnue']);

    // Assert
    expect(r.targets).toEqual(['@date', 'langue', 'enfants', 'satisfaction', 'commentaire', '@ignore']);
    expect(r.problems.count).toBe(0);
  });

  it('reads a good row into a response holding the choice codes', () => {
    // Arrange
    const r = reader();

    // Act
    const staged = r.read(row(2, GOOD));

    // Assert
    expect(staged).not.toBeNull();
    expect(staged).toMatchObject({ line: 2, answeredAt: '2022-03-05 14:07:09', language: 'fr' });
    expect(JSON.parse(staged!.answersJson)).toEqual({ langue: 'fr', enfants: true, satisfaction: 4, commentaire: 'Très bien' });
    expect(staged!.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(r.problems.count).toBe(0);
  });

  it('leaves unanswered optional questions out of the answers', () => {
    // Arrange
    const r = reader();

    // Act
    const staged = r.read(row(2, ['2022-03-05', 'English', '', '', '']));

    // Assert
    expect(JSON.parse(staged!.answersJson)).toEqual({ langue: 'en' });
    expect(staged!.answeredAt).toBe('2022-03-05 12:00:00');
  });

  describe('idempotency key', () => {
    it('gives the same row twice in a file two keys, and the same keys when the file is read again', () => {
      // Arrange
      const first = reader();
      const again = reader();

      // Act
      const keys = [first.read(row(2, GOOD))!.key, first.read(row(3, GOOD))!.key];
      const keysAgain = [again.read(row(2, GOOD))!.key, again.read(row(3, GOOD))!.key];

      // Assert
      expect(keys[0]).not.toBe(keys[1]);
      expect(keysAgain).toEqual(keys);
    });

    it('does not depend on the line where the row is', () => {
      // Act
      const a = reader().read(row(2, GOOD))!.key;
      const b = reader().read(row(40, GOOD))!.key;

      // Assert
      expect(b).toBe(a);
    });

    it('gives different rows different keys', () => {
      // Arrange
      const r = reader();

      // Act
      const a = r.read(row(2, GOOD))!.key;
      const b = r.read(row(3, [...GOOD.slice(0, 4), 'Bien']))!.key;

      // Assert
      expect(b).not.toBe(a);
    });

    it('depends on the identifier and the date, not on the answers, when an « ID » column gives one', () => {
      // Arrange
      const header = ['ID', ...HEADER];
      const r = reader(header);

      // Act
      const a = r.read(row(2, ['R-17', ...GOOD]))!.key;
      const sameId = r.read(row(3, ['R-17', GOOD[0], 'Anglais', 'non', '1', '']))!.key;
      const inAnotherFile = reader(header).read(row(9, [' R-17 ', GOOD[0], 'Autre', '', '', '']))!.key;
      const otherDate = r.read(row(5, ['R-17', '2023-02-02', ...GOOD.slice(1)]))!.key;
      const otherId = r.read(row(4, ['R-18', ...GOOD]))!.key;

      // Assert
      expect(r.targets[0]).toBe('@id');
      expect(sameId).toBe(a);
      expect(inAnotherFile).toBe(a);
      expect(otherId).not.toBe(a);
      expect(otherDate).not.toBe(a);
    });
  });

  it('reports a label no choice matches, with its line and column, and counts it in unmatched', () => {
    // Arrange
    const r = reader();

    // Act
    const staged = r.read(row(7, ['2022-03-05', 'Espagnol', 'oui', '4', '']));
    r.read(row(8, ['2022-03-05', 'Espagnol', 'oui', '4', '']));
    r.read(row(9, ['2022-03-05', 'Créole', '', '', '']));

    // Assert
    expect(staged).toBeNull();
    expect(r.problems.items[0]).toMatchObject({
      row: 7,
      column: 'Langue parlée à la maison',
      code: 'unknown_choice',
      params: { value: 'Espagnol', question: 'langue' },
    });
    expect(r.problems.count).toBe(3);
    expect(r.unmatched.get('langue')).toEqual(
      new Map([
        ['Espagnol', 2],
        ['Créole', 1],
      ]),
    );
  });

  it('reports a missing required answer as an invalid answer of its column', () => {
    // Arrange
    const r = reader();

    // Act
    const staged = r.read(row(4, ['2022-03-05', '', 'oui', '4', '']));

    // Assert
    expect(staged).toBeNull();
    expect(r.problems.items).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'Langue parlée à la maison',
        code: 'invalid_answer',
        params: expect.objectContaining({ reason: 'required' }),
      }),
    ]);
  });

  it('reports an answer out of the scale as an invalid answer', () => {
    // Arrange
    const r = reader();

    // Act
    const staged = r.read(row(5, ['2022-03-05', 'Français', '', '9', '']));

    // Assert
    expect(staged).toBeNull();
    expect(r.problems.items).toEqual([
      expect.objectContaining({
        row: 5,
        column: 'Niveau de satisfaction',
        code: 'invalid_answer',
        params: expect.objectContaining({ reason: 'scale' }),
      }),
    ]);
  });

  it('reports a yes/no cell that is neither', () => {
    // Arrange
    const r = reader();

    // Act
    const staged = r.read(row(5, ['2022-03-05', 'Français', 'peut-être', '', '']));

    // Assert
    expect(staged).toBeNull();
    expect(r.problems.items).toEqual([expect.objectContaining({ row: 5, column: 'Do you have children?', code: 'invalid_answer' })]);
  });

  it('reports a row with more cells than the header', () => {
    // Arrange
    const r = reader();

    // Act
    const staged = r.read(row(3, [...GOOD, 'de trop']));

    // Assert
    expect(staged).toBeNull();
    expect(r.problems.items).toEqual([expect.objectContaining({ row: 3, code: 'wrong_cell_count', params: { expected: 5, found: 6 } })]);
  });

  it('reads a row with fewer cells than the header as blank at its end', () => {
    // Arrange
    const r = reader();

    // Act
    const staged = r.read(row(3, ['2022-03-05', 'Français']));

    // Assert
    expect(JSON.parse(staged!.answersJson)).toEqual({ langue: 'fr' });
    expect(r.problems.count).toBe(0);
  });

  it('reports a date that is not one, and a missing date', () => {
    // Arrange
    const r = reader();

    // Act
    const bad = r.read(row(2, ['31/02/2022', 'Français', '', '', '']));
    const missing = r.read(row(3, ['', 'Français', '', '', '']));

    // Assert
    expect([bad, missing]).toEqual([null, null]);
    expect(r.problems.items).toEqual([
      expect.objectContaining({ row: 2, column: 'Horodateur', code: 'bad_date' }),
      expect.objectContaining({ row: 3, column: 'Horodateur', code: 'missing_value' }),
    ]);
  });

  it('reports a file without a date column, and stages none of its rows', () => {
    // Arrange
    const r = reader(HEADER.slice(1));

    // Act
    const staged = r.read(row(2, GOOD.slice(1)));

    // Assert
    expect(r.problems.items).toContainEqual(expect.objectContaining({ row: 1, code: 'missing_column', params: { column: 'date' } }));
    expect(staged).toBeNull();
  });

  it('lets the chosen columns override the headers', () => {
    // Arrange
    const header = ['Soumis le', 'Date', 'Q1', 'Commentaire'];
    const r = reader(header, { columns: { 'Soumis le': '@date', Date: '@ignore', Q1: 'langue', Commentaire: '@ignore' } });

    // Act
    const staged = r.read(row(2, ['2022-03-05 09:00', 'pas une date', 'Anglais', 'ignoré']));

    // Assert
    expect(r.targets).toEqual(['@date', '@ignore', 'langue', '@ignore']);
    expect(staged).toMatchObject({ answeredAt: '2022-03-05 09:00:00' });
    expect(JSON.parse(staged!.answersJson)).toEqual({ langue: 'en' });
  });

  it('reads a label of the chosen choice mapping as its choice', () => {
    // Arrange
    const r = reader(HEADER, { choices: { langue: { F: 'fr', A: 'en' } } });

    // Act
    const staged = r.read(row(2, ['2022-03-05', 'F', '', '', '']));

    // Assert
    expect(JSON.parse(staged!.answersJson)).toEqual({ langue: 'fr' });
    expect(r.unmatched.size).toBe(0);
  });

  it('reads the language column, and reports a language the questionnaire does not have', () => {
    // Arrange
    const r = reader([...HEADER, 'Language']);

    // Act
    const english = r.read(row(2, [...GOOD, 'EN']));
    const german = r.read(row(3, [...GOOD, 'de']));

    // Assert
    expect(english).toMatchObject({ language: 'en' });
    expect(german).toBeNull();
    expect(r.problems.items).toEqual([expect.objectContaining({ row: 3, column: 'Language', code: 'unknown_language' })]);
  });
});
