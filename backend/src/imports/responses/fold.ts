import { foldAccents } from '@backend/common/fold-text';

/** How labels and headers are compared: case, accents, punctuation and spacing ignored. */
export function fold(s: string): string {
  return foldAccents(s)
    .replace(/[^\p{L}\p{N}+]+/gu, ' ')
    .trim();
}
