import { parse } from 'csv-parse/sync';
import type { SourceRow } from '../import-problem';
import { CsvReader, CsvSyntaxError, detectDelimiter } from './csv-reader';

/** A small seeded generator (mulberry32): every run builds the same files, a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rand: () => number, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

// What a cell of an export holds: plain words, accents, Arabic, numbers written in French, and everything that
// must be quoted (delimiters, quotes, line breaks).
const FRAGMENTS = [
  'Montréal',
  'Élodie',
  'œuvre',
  'Ça va',
  'مرحبا بكم',
  'الفرنسية',
  'Québec',
  '3,5',
  '1 234',
  'oui',
  'No',
  ' ',
  '',
  ',',
  ';',
  '\t',
  '"',
  '""',
  '\n',
  '\r\n',
  'a',
  'Je préfère ne pas répondre',
  '2022-03-05 14:07:09',
  '«',
  '»',
];

interface Generated {
  text: string;
  delimiter: string;
  records: string[][];
  /** The 1-based line where each record starts. */
  lines: number[];
}

function generateCell(rand: () => number): string {
  let cell = '';
  for (let i = int(rand, 0, 4); i > 0; i -= 1) cell += pick(rand, FRAGMENTS);
  return cell;
}

function encodeCell(cell: string, delimiter: string, rand: () => number, alone: boolean): string {
  const mustQuote = cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r');
  // A record of one empty cell written bare would be a blank line: it is quoted, as every tool writes it.
  if (mustQuote || rand() < 0.2 || (alone && cell === '')) return `"${cell.replace(/"/g, '""')}"`;
  return cell;
}

/** A CSV file with its records and where each starts, from a seed. */
function generate(seed: number): Generated {
  const rand = random(seed);
  const delimiter = pick(rand, [',', ';', '\t']);
  const eol = rand() < 0.5 ? '\n' : '\r\n';
  const records: string[][] = [];
  const lines: number[] = [];
  let text = '';
  let line = 1;
  const count = int(rand, 1, 12);
  for (let r = 0; r < count; r += 1) {
    // Blank lines between records (and before the first one).
    for (let b = rand() < 0.3 ? int(rand, 1, 2) : 0; b > 0; b -= 1) {
      text += eol;
      line += 1;
    }
    const cells = Array.from({ length: int(rand, 1, 6) }, () => generateCell(rand));
    const encoded = cells.map((c) => encodeCell(c, delimiter, rand, cells.length === 1)).join(delimiter);
    records.push(cells);
    lines.push(line);
    text += encoded;
    line += encoded.split('\n').length - 1;
    if (r < count - 1 || rand() < 0.5) {
      text += eol;
      line += 1;
    }
  }
  return { text, delimiter, records, lines };
}

/** Feeds the text to a reader in pieces of the given sizes (the last one takes the rest). */
function readInChunks(text: string, delimiter: string, sizes: () => number): SourceRow[] {
  const reader = new CsvReader(delimiter);
  const rows: SourceRow[] = [];
  for (let pos = 0; pos < text.length;) {
    const size = Math.max(1, sizes());
    rows.push(...reader.push(text.slice(pos, pos + size)));
    pos += size;
  }
  rows.push(...reader.end());
  return rows;
}

function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (e) {
    return e;
  }
  return undefined;
}

function readAll(text: string, delimiter = ','): SourceRow[] {
  const reader = new CsvReader(delimiter);
  return [...reader.push(text), ...reader.end()];
}

const csvParse = (text: string, delimiter: string): string[][] =>
  parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];

describe(CsvReader.name, () => {
  describe('against csv-parse, on generated files fed in random pieces', () => {
    const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);

    it.each(SEEDS)('reads file #%i as csv-parse does, with the line where each record starts', (seed) => {
      // Arrange
      const file = generate(seed);
      const expected = csvParse(file.text, file.delimiter);
      const rand = random(seed * 7919);
      const chunkings: [string, () => number][] = [
        ['whole', () => file.text.length],
        ['one character at a time', () => 1],
        ['random pieces', () => int(rand, 1, Math.max(1, file.text.length))],
        ['small random pieces', () => int(rand, 1, 5)],
      ];

      for (const [how, sizes] of chunkings) {
        // Act
        const rows = readInChunks(file.text, file.delimiter, sizes);

        // Assert
        expect({ how, cells: rows.map((r) => [...r.cells]) }).toEqual({ how, cells: expected });
        expect({ how, cells: expected }).toEqual({ how, cells: file.records });
        expect({ how, lines: rows.map((r) => r.line) }).toEqual({ how, lines: file.lines });
      }
    });
  });

  it('reads plain records, skipping blank lines but counting them', () => {
    // Act
    const rows = readAll('a,b,c\n\n1,2,3\n\n\n4,,6\n');

    // Assert
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 3, cells: ['1', '2', '3'] },
      { line: 6, cells: ['4', '', '6'] },
    ]);
  });

  it('reads a file without a final newline', () => {
    // Act
    const rows = readAll('a;b\r\nc;"d"', ';');

    // Assert
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
    ]);
  });

  it('reads CRLF endings without leaving a carriage return in the last cell', () => {
    // Act
    const rows = readAll('Nom,Ville\r\nÉlodie,Montréal\r\n"Sami","Laval"\r\n\r\nZoé,Québec\r\n');

    // Assert
    expect(rows).toEqual([
      { line: 1, cells: ['Nom', 'Ville'] },
      { line: 2, cells: ['Élodie', 'Montréal'] },
      { line: 3, cells: ['Sami', 'Laval'] },
      { line: 5, cells: ['Zoé', 'Québec'] },
    ]);
  });

  it('reads quoted cells holding delimiters, doubled quotes and line breaks, and numbers the lines after them', () => {
    // Act
    const rows = readAll('id,texte\n1,"Il a dit ""bonjour"", puis\r\nil est parti"\n2,"a\nb\nc"\n3,fin\n');

    // Assert
    expect(rows).toEqual([
      { line: 1, cells: ['id', 'texte'] },
      { line: 2, cells: ['1', 'Il a dit "bonjour", puis\r\nil est parti'] },
      { line: 4, cells: ['2', 'a\nb\nc'] },
      { line: 7, cells: ['3', 'fin'] },
    ]);
  });

  it('gives a record only once its closing quote has arrived', () => {
    // Arrange
    const reader = new CsvReader(',');

    // Act
    const first = reader.push('1,"début\n');
    const second = reader.push('suite",x\n2,y\n');
    const last = reader.end();

    // Assert
    expect(first).toEqual([]);
    expect(second).toEqual([
      { line: 1, cells: ['1', 'début\nsuite', 'x'] },
      { line: 3, cells: ['2', 'y'] },
    ]);
    expect(last).toEqual([]);
  });

  it('numbers lines right when a piece ends between the CR and the LF of a quoted record', () => {
    // Arrange
    const reader = new CsvReader(',');

    // Act
    const rows = [...reader.push('"a\nb",c\r'), ...reader.push('\nd,e\r\n'), ...reader.end()];

    // Assert
    expect(rows).toEqual([
      { line: 1, cells: ['a\nb', 'c'] },
      { line: 3, cells: ['d', 'e'] },
    ]);
  });

  it('throws a syntax error at the start line of a record whose quote is never closed', () => {
    // Arrange
    const reader = new CsvReader(',');
    reader.push('a,b\n\n1,"never\nclosed,\n');

    // Act
    const error = thrownBy(() => reader.end());

    // Assert
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(3);
  });

  it('throws a syntax error at the line of its record for text after a closing quote', () => {
    // Arrange
    const reader = new CsvReader(',');

    // Act
    const error = thrownBy(() => reader.push('a,b\n"x"\ny\n1,"quoted"tail\n'));

    // Assert
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(4);
  });

  it('reads a quote inside an unquoted cell as a character', () => {
    // Act
    const rows = readAll('5" pouces,ok\n');

    // Assert
    expect(rows).toEqual([{ line: 1, cells: ['5" pouces', 'ok'] }]);
  });

  it('gives nothing for an empty file or one of blank lines', () => {
    // Act
    const empty = readAll('');
    const blank = readAll('\n\r\n\n');

    // Assert
    expect(empty).toEqual([]);
    expect(blank).toEqual([]);
  });
});

describe(detectDelimiter.name, () => {
  it.each([
    ['Horodateur,Langue,Âge', ','],
    ['Horodateur;Langue;Âge', ';'],
    ['Horodateur\tLangue\tÂge', '\t'],
    ['"Date, heure";"Langue, parlée";Âge', ';'],
    ['"a;b;c;d"\t"e;f"\tg', '\t'],
    ['"Nom; prénom, âge",Ville', ','],
    ['Une seule colonne', ','],
  ])('finds the delimiter of « %s »', (header, expected) => {
    // Act
    const delimiter = detectDelimiter(header);

    // Assert
    expect(delimiter).toBe(expected);
  });
});
