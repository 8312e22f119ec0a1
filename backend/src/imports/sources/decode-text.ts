import * as iconv from 'iconv-lite';

/** Thrown when a file said to be UTF-8 stops being so past its first bytes. */
export class EncodingError extends Error {
  constructor(readonly byteOffset: number) {
    super(`The file is not valid UTF-8 (at byte ${byteOffset}): save it as UTF-8`);
  }
}

/** Decodes a stream of bytes as text, chunk by chunk, dropping a byte-order mark. */
export function textDecoder(encoding: 'utf8' | 'utf16le' | 'windows-1252'): { write(chunk: Buffer): string; end(): string } {
  let first = true;
  const stripBom = (s: string) => {
    if (!first) return s;
    if (s.length > 0) first = false;
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  };
  if (encoding === 'utf8') {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let offset = 0;
    return {
      write(chunk) {
        try {
          const s = decoder.decode(chunk, { stream: true });
          offset += chunk.length;
          return stripBom(s);
        } catch {
          throw new EncodingError(offset);
        }
      },
      end() {
        try {
          return stripBom(decoder.decode());
        } catch {
          throw new EncodingError(offset);
        }
      },
    };
  }
  const decoder = iconv.getDecoder(encoding);
  return { write: (chunk) => stripBom(decoder.write(chunk)), end: () => stripBom(decoder.end() ?? '') };
}
