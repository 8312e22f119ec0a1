// Text repair for what a PDF, Word or web page extraction leaves in a fiche: markup, entities, cut words.

import { foldText } from '@backend/common/fold-text';
import { LINE_BREAK_HYPHEN } from '@backend/organizations/normalize-organization-name';
import { decodeHtmlEntities } from '../html-entities';

// LINE_BREAK_HYPHEN: a hyphen, spaces, then a lower-case letter is a word cut at a line break (« so- ciaux »).
// A hyphen with no space after it (« ba-lises », « rendez-vous ») cannot be told from a compound word, so it stays.

// Tags that separate words (« a<br>b ») become a space; inline ones (« <u>PHASE 1</u> ») vanish.
// The name must be followed by a space, « / » or « > », so that « <https://…> » is not taken for a tag.
const BREAKING_TAG = /<\/?(?:br|p|div|li|ul|ol|tr|td|th|h[1-6])\b[^<>]*>/gi;
const ANY_TAG = /<\/?[a-z][a-z0-9]*(?:[\s/][^<>]*)?>/gi;

const MARKDOWN_LINK = /\[([^\]]*)\]\([^()\s]*\)/g;
const BOLD = /(\*\*|__)(.+?)\1/g;

/**
 * One piece of fiche text as it should be stored: tags and Markdown emphasis and links removed, entities
 * decoded, words cut at a line break rejoined, whitespace collapsed. Wording is otherwise kept as written.
 */
export function repairText(raw: string): string {
  const plain = raw.replace(BREAKING_TAG, ' ').replace(ANY_TAG, '').replace(MARKDOWN_LINK, '$1').replace(BOLD, '$2');
  // Decoded after the tags are gone, so that an escaped « &lt;u&gt; » stays text.
  return decodeHtmlEntities(plain)
    .replace(/\u00ad(?!\s)/g, '')
    .replace(LINE_BREAK_HYPHEN, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folds case, accents, apostrophes and dashes, so that labels are matched in plain ASCII. */
export const fold = foldText;

/** A form field (« Nom de la cellule de travail : X. ») closes with a period that is not part of the value. */
export function withoutClosingPeriod(value: string): string {
  // « … etc.. » or « … » are left alone: only a single closing period is the form's.
  return value.replace(/(?<![.…])\.$/, '').trim();
}
