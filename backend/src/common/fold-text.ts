/** Case, accents and ligatures folded (« Œuvre » → « oeuvre »): what every matcher of written French starts from. */
export function foldAccents(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

/** foldAccents, with dashes made plain, apostrophes as spaces and spaces collapsed: patterns are written once, in ASCII. */
export function foldText(text: string): string {
  return foldAccents(text)
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/['\u2018\u2019\u02bc`]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
