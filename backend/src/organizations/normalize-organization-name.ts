import { foldAccents } from '@backend/common/fold-text';
import { Network } from '@backend/organizations/network';

export interface OrganizationName {
  name: string;
  acronym: string | null;
}

// PDF extraction leaves words cut at the end of a table line (« développe- ment », « so- ciaux »).
// A hyphen followed by a space and a lower-case letter is such a cut; « pré- et post-natal » is not,
// hence the conjunctions left alone.
export const LINE_BREAK_HYPHEN = /(\p{L})[-\u00ad]\s+(?!(?:et|ou|and|or)\b)(\p{Ll})/gu;

// An acronym holds a word written in capitals (« OMH », « RLPRÉ », « TRÎL », « CISSSL de Laval »);
// « (public) », « (groupe ressource technique) » or « (Immeubles Val-Martin) » explain the name instead
// and stay in it.
const LOOKS_LIKE_ACRONYM = /(^|\s)(?=(?:\S*\p{Lu}){2})[\p{Lu}\p{N}&.'-]+(?=\s|$)/u;

const TRAILING_PARENTHESIS = /^(.*\S)\s*\(([^()]+)\)$/u;

/** Rejoins the words that line breaks cut in two and collapses spaces. */
function repairLineBreaks(raw: string): string {
  return raw
    .replace(/\u00ad(?!\s)/g, '')
    .replace(LINE_BREAK_HYPHEN, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Splits « Office Municipale de l'habitation (OMH) » into its name and acronym.
 * Only a parenthesis at the end is an acronym: in « Revitalisation urbaine intégrée (RUI) Pont-Viau »
 * the acronym names the program, not the organization, so the name is kept whole.
 */
export function splitNameAndAcronym(raw: string): OrganizationName {
  const repaired = repairLineBreaks(raw);
  const match = TRAILING_PARENTHESIS.exec(repaired);
  if (match === null) return { name: repaired, acronym: null };
  const inside = match[2].trim();
  if (!LOOKS_LIKE_ACRONYM.test(inside)) return { name: repaired, acronym: null };
  return { name: match[1].trim(), acronym: inside };
}

/**
 * The key under which organizations merge: « Centre de Services Scolaire de Laval » and
 * « Centre de services scolaire de Laval » are one organization, and so are two spellings of one acronym.
 */
export function organizationKey(s: string): string {
  return foldAccents(repairLineBreaks(s))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Matched on singular words, so « Bailleurs de fond » and « Bailleur de fonds » meet.
const NETWORK_PATTERNS: ReadonlyArray<readonly [RegExp, Network]> = [
  [/^(communautaire|community)$/, 'communautaire'],
  [/^(institutionnel|institutionnelle|institution|institutional)$/, 'institutionnel'],
  [/^(philanthropique|philanthropie|philanthropic|philanthropy)$/, 'philanthropique'],
  [/^(concertation locale|local concertation|local round table)$/, 'concertation_locale'],
  [/^(bailleur de fond|bailleur|funder)$/, 'bailleur_de_fonds'],
];

/** Reads a « Réseau représenté » label; null when it names no known network. */
export function parseNetwork(label: string): Network | null {
  const singular = organizationKey(label.replace(/\([^()]*\)/g, ' '))
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => word.replace(/(?<=\p{L}{3})[sx]$/u, ''))
    .join(' ');
  const found = NETWORK_PATTERNS.find(([pattern]) => pattern.test(singular));
  return found === undefined ? null : found[1];
}
