import { EncodingError, textDecoder } from './decode-text';

/** Decodes the pieces in order, as a stream of the file would hand them. */
function decode(encoding: 'utf8' | 'utf16le' | 'windows-1252', pieces: Buffer[]): string {
  const decoder = textDecoder(encoding);
  return pieces.map((p) => decoder.write(p)).join('') + decoder.end();
}

/** The bytes cut at every position given. */
function cut(bytes: Buffer, at: number[]): Buffer[] {
  const bounds = [0, ...at, bytes.length];
  return bounds.slice(1).map((end, i) => bytes.subarray(bounds[i], end));
}

describe(textDecoder.name, () => {
  describe('UTF-8', () => {
    const text = 'Montréal; œuvre; مرحبا; 😀 fin';
    const bytes = Buffer.from(text, 'utf8');

    it('decodes characters of 2, 3 and 4 bytes split across pieces', () => {
      // Arrange: every cut inside a multi-byte character
      const inside = [...bytes.keys()].filter((i) => i > 0 && (bytes[i] & 0xc0) === 0x80);

      // Act
      const decoded = decode('utf8', cut(bytes, inside));

      // Assert
      expect(inside.length).toBeGreaterThan(5);
      expect(decoded).toBe(text);
    });

    it('decodes the text fed one byte at a time', () => {
      // Act
      const decoded = decode(
        'utf8',
        [...bytes].map((b) => Buffer.from([b])),
      );

      // Assert
      expect(decoded).toBe(text);
    });

    it('drops the byte-order mark, even when it comes byte by byte', () => {
      // Arrange
      const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Horodateur,Langue', 'utf8')]);

      // Act
      const whole = decode('utf8', [withBom]);
      const split = decode('utf8', cut(withBom, [1, 2, 3, 4]));

      // Assert
      expect(whole).toBe('Horodateur,Langue');
      expect(split).toBe('Horodateur,Langue');
    });

    it('throws an EncodingError when a later piece is not UTF-8', () => {
      // Arrange
      const decoder = textDecoder('utf8');
      decoder.write(Buffer.from('Ville\nMontréal\n', 'utf8'));

      // Act
      const act = () => decoder.write(Buffer.from([0x4c, 0x61, 0x76, 0x61, 0x6c, 0xe9, 0x0a])); // « Laval » + Windows-1252 « é »

      // Assert
      expect(act).toThrow(EncodingError);
      expect(act).toThrow(/not valid UTF-8/);
    });

    it('throws an EncodingError when the file ends inside a character', () => {
      // Arrange
      const decoder = textDecoder('utf8');
      decoder.write(Buffer.from([0x61, 0xc3]));

      // Act
      const act = () => decoder.end();

      // Assert
      expect(act).toThrow(EncodingError);
    });
  });

  describe('Windows-1252', () => {
    it('decodes « é » and « œ »', () => {
      // Arrange: « Eœuvre été » then « « é » »
      const bytes = Buffer.from([0x45, 0x9c, 0x75, 0x76, 0x72, 0x65, 0x20, 0xe9, 0x74, 0xe9, 0x20, 0xab, 0xa0, 0xe9, 0xa0, 0xbb]);

      // Act
      const decoded = decode('windows-1252', cut(bytes, [2, 8]));

      // Assert
      expect(decoded).toBe('Eœuvre été «\u00a0é\u00a0»');
    });
  });

  describe('UTF-16LE', () => {
    it('drops the byte-order mark and decodes characters split across pieces', () => {
      // Arrange
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Langue\tVille\r\nÉlodie\tمرحبا', 'utf16le')]);

      // Act
      const decoded = decode('utf16le', cut(bytes, [1, 3, 9, 20]));

      // Assert
      expect(decoded).toBe('Langue\tVille\r\nÉlodie\tمرحبا');
    });
  });
});
