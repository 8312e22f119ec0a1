import { randomBytes } from 'node:crypto';
import { sniff } from './sniff';

describe(sniff.name, () => {
  it('reads a workbook renamed .csv as XLSX, from its ZIP signature', () => {
    // Arrange
    const head = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.from('[Content_Types].xml')]);

    // Act
    const sniffed = sniff(head, 'csv');

    // Assert
    expect(sniffed).toEqual({ ok: true, format: 'xlsx', encoding: 'utf8' });
  });

  it('refuses an Excel 97-2003 or Word file, telling to save it as .xlsx or CSV', () => {
    // Arrange
    const head = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 0)]);

    // Act
    const sniffed = sniff(head, 'csv');

    // Assert
    expect(sniffed).toMatchObject({ ok: false, code: 'not_text' });
    expect(sniffed.ok === false && sniffed.message).toMatch(/\.xlsx or CSV/);
  });

  it('refuses bytes holding a NUL as not text', () => {
    // Arrange
    const head = Buffer.from('Horodateur,Langue\n2022-03-05,fr\u0000\n', 'utf8');

    // Act
    const sniffed = sniff(head, 'csv');

    // Assert
    expect(sniffed).toMatchObject({ ok: false, code: 'not_text' });
  });

  it.each([1, 2, 3, 4, 5])('refuses random binary data as not text (sample %i)', () => {
    // Arrange
    const head = randomBytes(4096);
    head[0] = 0x42; // never a signature that is read otherwise (ZIP, OLE, UTF-16 BOM)

    // Act
    const sniffed = sniff(head, 'csv');

    // Assert
    expect(sniffed).toMatchObject({ ok: false, code: 'not_text' });
  });

  it('refuses text full of control characters', () => {
    // Arrange
    const head = Buffer.from('a\u0001b\u0002c\u0003d\u0004', 'latin1');

    // Act
    const sniffed = sniff(head, 'text');

    // Assert
    expect(sniffed).toMatchObject({ ok: false, code: 'not_text' });
  });

  it.each(['csv', 'text'] as const)('reads UTF-8 text as UTF-8, in the %s format asked', (textFormat) => {
    // Arrange
    const head = Buffer.from('Horodateur;Langue parlée;Ville\r\n2022-03-05;Français;Montréal\r\n2022-03-06;العربية;Laval\r\n', 'utf8');

    // Act
    const sniffed = sniff(head, textFormat);

    // Assert
    expect(sniffed).toEqual({ ok: true, format: textFormat, encoding: 'utf8' });
  });

  it('reads UTF-8 text whose sample ends inside a character as UTF-8', () => {
    // Arrange
    const full = Buffer.from('Ville\nMontréal', 'utf8');
    const head = full.subarray(0, full.length - 4); // cuts « é » in two

    // Act
    const sniffed = sniff(head, 'csv');

    // Assert
    expect(sniffed).toEqual({ ok: true, format: 'csv', encoding: 'utf8' });
  });

  it('reads French text of Excel on Windows as Windows-1252', () => {
    // Arrange
    const head = Buffer.from([0x45, 0x9c, 0x75, 0x76, 0x72, 0x65, 0x20, 0xe9, 0x74, 0xe9]); // « Eœuvre été »

    // Act
    const sniffed = sniff(head, 'csv');

    // Assert
    expect(sniffed).toEqual({ ok: true, format: 'csv', encoding: 'windows-1252' });
  });

  it('reads text with a UTF-16LE byte-order mark as UTF-16LE', () => {
    // Arrange
    const head = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Horodateur\tLangue\r\n', 'utf16le')]);

    // Act
    const sniffed = sniff(head, 'csv');

    // Assert
    expect(sniffed).toEqual({ ok: true, format: 'csv', encoding: 'utf16le' });
  });

  it('refuses an empty file', () => {
    // Act
    const sniffed = sniff(Buffer.alloc(0), 'csv');

    // Assert
    expect(sniffed).toMatchObject({ ok: false, code: 'empty_file' });
  });
});
