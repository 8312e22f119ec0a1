/** How labels and headers are compared: case, accents, punctuation and spacing ignored. */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/[^\p{L}\p{N}+]+/gu, ' ')
    .trim();
}
