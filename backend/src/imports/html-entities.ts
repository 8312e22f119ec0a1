// Entities that Word's and web pages' HTML leave in extracted text (« &eacute; », « &#8217; », « &nbsp; »).

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '\u00ad',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  bull: '•',
  middot: '·',
  deg: '°',
  euro: '€',
  oelig: 'œ',
  OElig: 'Œ',
  aelig: 'æ',
  AElig: 'Æ',
};

// Accented letters have regular names (&eacute; &Ecirc; &ccedil;…): composed instead of listed one by one.
const ACCENTS: Readonly<Record<string, string>> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  uml: '\u0308',
  cedil: '\u0327',
  tilde: '\u0303',
};

function decodeEntity(entity: string, body: string): string {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  }
  const named = NAMED_ENTITIES[body];
  if (named !== undefined) return named;
  const accent = /^([a-zA-Z])(acute|grave|circ|uml|cedil|tilde)$/.exec(body);
  if (accent !== null) return (accent[1] + ACCENTS[accent[2]]).normalize('NFC');
  return entity;
}

/** Decodes named and numeric entities; an unknown one (« &bogus; ») stays as written. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);/g, decodeEntity);
}
