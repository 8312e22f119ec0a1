import { isUtf8 } from 'node:buffer';
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
    // Checked by isUtf8 (simdutf) and decoded by toString, a chunk costs a fraction of what TextDecoder({ fatal }) took
    // (0.45 s of a 200,000-row import, bench:import). A character cut by the chunk's end waits for the next chunk.
    let carry: Buffer | null = null;
    let offset = 0;
    return {
      write(chunk) {
        const bytes: Buffer = carry === null ? chunk : Buffer.concat([carry, chunk]);
        const cut = completeLength(bytes);
        const whole = bytes.subarray(0, cut);
        if (!isUtf8(whole)) throw new EncodingError(offset);
        carry = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null;
        offset += chunk.length;
        return stripBom(whole.toString('utf8'));
      },
      end() {
        if (carry !== null) throw new EncodingError(offset);
        return '';
      },
    };
  }
  const decoder = iconv.getDecoder(encoding);
  return { write: (chunk) => stripBom(decoder.write(chunk)), end: () => stripBom(decoder.end() ?? '') };
}

/** The length of `bytes` without a UTF-8 character its end cuts (1 to 3 bytes of a longer one). */
function completeLength(bytes: Buffer): number {
  const end = bytes.length;
  let start = end - 1;
  while (start >= 0 && start > end - 4 && (bytes[start] & 0xc0) === 0x80) start -= 1;
  if (start < 0) return end;
  const lead = bytes[start];
  const needed = lead < 0x80 ? 1 : (lead & 0xe0) === 0xc0 ? 2 : (lead & 0xf0) === 0xe0 ? 3 : (lead & 0xf8) === 0xf0 ? 4 : 1;
  return end - start < needed ? start : end;
}
