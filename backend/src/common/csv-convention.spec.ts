import { csvConvention, csvField, csvNumber, parseCsv, parseCsvNumber, csvDocument } from './csv-convention';

describe('csvConvention', () => {
  const fr = csvConvention('fr');
  const en = csvConvention('en');

  it('gives French readers « ; » and a decimal comma, English ones « , » and a point', () => {
    // Arrange / Act / Assert
    expect(fr).toEqual({ separator: ';', decimal: ',' });
    expect(en).toEqual({ separator: ',', decimal: '.' });
    expect(csvConvention('ar')).toEqual(en);
  });

  it('writes figures with the reader’s decimal mark and no grouping, negative ones as figures', () => {
    // Arrange / Act / Assert
    expect([csvNumber(43.33, fr), csvNumber(-2.5, fr), csvNumber(12500, fr), csvNumber(Number.NaN, fr)]).toEqual([
      '43,33',
      '-2,5',
      '12500',
      '',
    ]);
    expect([csvField(43.33, en), csvField(-2.5, en), csvField(null, en)]).toEqual(['43.33', '-2.5', '']);
  });

  it('quotes a text holding the separator, a quote or a line break, and never lets a text start a formula', () => {
    // Arrange / Act / Assert
    expect([csvField('a;b', fr), csvField('a,b', fr), csvField('a,b', en), csvField('a;b', en)]).toEqual(['"a;b"', 'a,b', '"a,b"', 'a;b']);
    expect(csvField('dit « "oui" »', fr)).toBe('"dit « ""oui"" »"');
    expect(csvField('-2', fr)).toBe("'-2");
    expect(csvField('=1+1', en)).toBe("'=1+1");
  });

  it('writes UTF-8 with a BOM and CRLF records that a French spreadsheet reads back as columns and numbers', () => {
    // Arrange
    const rows = [
      ['Période', 'Valeur', 'Commentaire'],
      ['2021', 3.4, 'Deux lignes;\r\n« citées »'],
      ['2022', 4.25, null],
    ];
    // Act
    const file = csvDocument(rows, fr);
    // Assert
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.toString('utf8');
    expect(text.split('\r\n')[1]).toBe('2021;3,4;"Deux lignes;');
    const [header, ...records] = parseCsv(text, fr);
    expect(header).toEqual(['Période', 'Valeur', 'Commentaire']);
    expect(records.map((r) => parseCsvNumber(r[1], fr))).toEqual([3.4, 4.25]);
    expect(records[0][2]).toBe('Deux lignes;\r\n« citées »');
    expect(parseCsv(csvDocument(rows, en).toString('utf8'), en)[2]).toEqual(['2022', '4.25', '']);
  });
});
