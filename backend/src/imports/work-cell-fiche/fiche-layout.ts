import { fold, repairText } from './fiche-text';

// Cuts a fiche into its form fields and its sections, keeping each line's number for the problems.

/** One line of the text, 1-based as an editor numbers it, with its raw content (tabs kept for tables). */
export interface FicheLine {
  readonly line: number;
  readonly text: string;
}

export type FieldKind = 'name' | 'objective' | 'startDate';
export type SectionKind = 'mandate' | 'steps' | 'partners' | 'contact';

export interface FicheField {
  readonly field: FieldKind;
  /** The label as the fiche writes it, for the problems' column. */
  readonly label: string;
  /** Repaired, closing period still there. */
  readonly value: string;
  readonly line: number;
}

export interface FicheLayout {
  /** In the fiche's order, a repeated field included. */
  readonly fields: readonly FicheField[];
  /** Each section's lines after its heading, blank lines included (they separate paragraphs). */
  readonly sections: Readonly<Record<SectionKind, readonly FicheLine[]>>;
  /** How many fields and section headings were recognized: none means the text is not a fiche. */
  readonly recognized: number;
}

// Labels are matched whole, folded (lower case, no accents, apostrophes as spaces), French and English.
const FIELD_LABELS: ReadonlyArray<readonly [RegExp, FieldKind]> = [
  [/^(nom de la cellule( de travail)?|name of the (work )?cell|(work )?cell name)$/, 'name'],
  [/^(sous-? ?objectif|sub-? ?objective)( (du|de|au) plan d action| of the action plan)?$/, 'objective'],
  [/^(date (du|de) debut( des travaux)?|debut des travaux|(work )?start date( of the work)?|date started)$/, 'startDate'],
];

const SECTION_HEADINGS: ReadonlyArray<readonly [RegExp, SectionKind]> = [
  [/^(mandat|mandate)( de la cellule( de travail)?| of the (work )?cell)?$/, 'mandate'],
  [/^(etapes( des travaux| de travail| de realisation)?|(work )?steps|steps of the work|milestones)$/, 'steps'],
  [/^(partenaires( impliques)?|(involved )?partners( involved)?)$/, 'partners'],
  [/^(contacts?|nous joindre|pour nous joindre|contact us|contactez-nous)$/, 'contact'],
];

// The sentence that opens the contact block (« Vous avez des questions ou des commentaires? … »): it is
// an invitation, not a contact, so it is dropped.
const CONTACT_INVITATION =
  /^(vous avez des questions|des questions ?\?|questions ?\?|(do you )?have (any )?questions|any questions|questions or comments)/;
const EMAIL_ONLY = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An e-mail address or a telephone number: what a contact line holds. */
export const CONTACT_DATA = /[^\s@]+@[^\s@]+\.[^\s@]+|\d[\d\s().-]{6,}\d/;

const MARKDOWN_HEADING = /^\s*#{1,6}\s+/;
// A Markdown or text rule (« --- », « ____ ») only separates; « |---| » is a table's and is kept.
const RULE = /^\s*([-=_*])(?:\s*\1){2,}\s*$/;

type LineKind =
  | { readonly kind: 'field'; readonly field: FieldKind; readonly label: string; readonly rest: string }
  | { readonly kind: 'heading'; readonly section: SectionKind; readonly rest: string }
  | { readonly kind: 'invitation' }
  | { readonly kind: 'contactData' }
  | { readonly kind: 'content' };

const CONTENT: LineKind = { kind: 'content' };

export function isBlank(line: FicheLine): boolean {
  return line.text.trim() === '' || RULE.test(line.text);
}

/** A table row: a tab between cells, or Markdown's leading pipe. Never a heading or a field. */
export function isTableLike(text: string): boolean {
  return text.includes('\t') || text.trimStart().startsWith('|');
}

/** The section's paragraphs (lines between blank lines, joined), repaired. */
export function paragraphsOf(lines: readonly FicheLine[]): string[] {
  const paragraphs: string[] = [];
  let parts: string[] = [];
  for (const line of lines) {
    if (!isBlank(line)) {
      parts.push(line.text);
      continue;
    }
    if (parts.length > 0) paragraphs.push(repairText(parts.join(' ')));
    parts = [];
  }
  if (parts.length > 0) paragraphs.push(repairText(parts.join(' ')));
  return paragraphs.filter((paragraph) => paragraph !== '');
}

function classify(text: string, startsParagraph: boolean): LineKind {
  if (isTableLike(text)) return CONTENT;
  const plain = repairText(text.replace(MARKDOWN_HEADING, ''));
  const colon = plain.indexOf(':');
  // No period stripped: « mandate. » ending a wrapped sentence is no heading.
  const label = (colon < 0 ? plain : plain.slice(0, colon)).trim();
  const rest = colon < 0 ? '' : plain.slice(colon + 1).trim();
  const folded = fold(label);
  const field = FIELD_LABELS.find(([pattern]) => pattern.test(folded));
  // A field needs its colon: « Date de début » alone could be a step's wording.
  if (field !== undefined && colon >= 0) return { kind: 'field', field: field[1], label, rest };
  const heading = SECTION_HEADINGS.find(([pattern]) => pattern.test(folded));
  if (heading !== undefined) return { kind: 'heading', section: heading[1], rest };
  if (startsParagraph && CONTACT_INVITATION.test(fold(plain))) return { kind: 'invitation' };
  if (EMAIL_ONLY.test(plain)) return { kind: 'contactData' };
  return CONTENT;
}

function emptySections(): Record<SectionKind, FicheLine[]> {
  return { mandate: [], steps: [], partners: [], contact: [] };
}

export function splitLines(text: string): FicheLine[] {
  // A form feed is a PDF page break: a blank, not a character of the text.
  return text.split(/\r\n|\r|\n/).map((raw, index) => ({ line: index + 1, text: raw.replace(/\f/g, '') }));
}

export function readLayout(text: string): FicheLayout {
  const lines = splitLines(text);
  const fields: FicheField[] = [];
  const sections = emptySections();
  let section: SectionKind | null = null;
  let recognized = 0;
  let startsParagraph = true;

  // The lines that go on the paragraph started at `from` (a field's value wrapped by the extraction).
  const continuation = (from: number): number => {
    let end = from;
    while (end < lines.length && !isBlank(lines[end]) && classify(lines[end].text, false).kind === 'content') end += 1;
    return end;
  };

  for (let i = 0; i < lines.length; i += 1) {
    const current = lines[i];
    if (isBlank(current)) {
      if (section !== null) sections[section].push(current);
      startsParagraph = true;
      continue;
    }
    const kind = classify(current.text, startsParagraph);
    startsParagraph = false;
    switch (kind.kind) {
      case 'field': {
        recognized += 1;
        let end = continuation(i + 1);
        const parts = [kind.rest, ...lines.slice(i + 1, end).map((l) => l.text)];
        // « Nom de la cellule de travail : » with its value in the next paragraph.
        if (repairText(parts.join(' ')) === '') {
          let next = end;
          while (next < lines.length && isBlank(lines[next])) next += 1;
          if (next < lines.length && classify(lines[next].text, true).kind === 'content') {
            end = continuation(next);
            parts.push(...lines.slice(next, end).map((l) => l.text));
          }
        }
        fields.push({ field: kind.field, label: kind.label, value: repairText(parts.join(' ')), line: current.line });
        // Fields sit outside the sections: what follows one belongs to none until the next heading.
        section = null;
        i = end - 1;
        break;
      }
      case 'heading':
        recognized += 1;
        section = kind.section;
        if (kind.rest !== '') sections[section].push({ line: current.line, text: kind.rest });
        break;
      case 'invitation': {
        section = 'contact';
        // The rest of the invitation's paragraph goes with it, up to a line that holds the contact itself.
        let end = i + 1;
        while (end < lines.length && !isBlank(lines[end]) && !CONTACT_DATA.test(lines[end].text)) end += 1;
        i = end - 1;
        break;
      }
      case 'contactData':
        section = 'contact';
        sections.contact.push(current);
        break;
      case 'content':
        // Lines before the first heading that are no field (the title « Fiche synthèse ») carry nothing.
        if (section !== null) sections[section].push(current);
        break;
    }
  }
  return { fields, sections, recognized };
}
