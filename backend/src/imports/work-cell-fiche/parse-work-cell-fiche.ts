import type { ImportProblem } from '@backend/imports/import-problem';
import type { ParsedWorkCell } from '@backend/imports/parsed.types';
import { parseFrenchPeriod } from '@backend/plans/schedule/parse-schedule';
import { CONTACT_DATA, FicheField, FicheLine, FieldKind, isBlank, paragraphsOf, readLayout } from './fiche-layout';
import { badDate, duplicateField, missingName, notAFiche } from './fiche-problems';
import { repairText, withoutClosingPeriod } from './fiche-text';
import { parsePartners } from './parse-fiche-partners';
import { parseSteps } from './parse-fiche-steps';

// « 3.2.1— Développer… », « 4.2 - Favoriser… », « 3.2.1 : Identifier… »: the code, then any dash or colon.
const OBJECTIVE = /^(\d+(?:\.\d+)*)\.?(?:\s*[—–‒―:-]\s*|\s+|$)(.*)$/su;
// « Courriel : prds@laval.ca » keeps the address only; « https://… » is no label.
const CONTACT_LABEL = /^[^:@\d/]{1,40}:\s*(?!\/\/)(?=\S)/u;

/** The first occurrence of each field; a repeated one is a problem, since nothing tells which one is meant. */
function firstFields(fields: readonly FicheField[], problems: ImportProblem[]): Partial<Record<FieldKind, FicheField>> {
  const first: Partial<Record<FieldKind, FicheField>> = {};
  for (const field of fields) {
    const previous = first[field.field];
    if (previous === undefined) {
      first[field.field] = field;
      continue;
    }
    problems.push(duplicateField(field.line, field.label, field.field, previous.line));
  }
  return first;
}

function readObjective(field: FicheField | undefined): { code: string; text: string } {
  if (field === undefined) return { code: '', text: '' };
  const value = withoutClosingPeriod(field.value);
  const match = OBJECTIVE.exec(value);
  return match === null ? { code: '', text: value } : { code: match[1], text: match[2].trim() };
}

function readStartDate(field: FicheField | undefined, problems: ImportProblem[]): string {
  if (field === undefined) return '';
  const value = withoutClosingPeriod(field.value);
  if (value !== '' && parseFrenchPeriod(value, 'start') === null) {
    problems.push(badDate(field.line, field.label, value));
  }
  return value;
}

/** The fiches print the contact as lines (e-mail, telephone); one string joins them. */
function readContact(lines: readonly FicheLine[]): string {
  return lines
    .filter((line) => !isBlank(line))
    .map((line) => repairText(line.text))
    .map((text) => (CONTACT_DATA.test(text) ? text.replace(CONTACT_LABEL, '') : text))
    .filter((text) => text !== '')
    .join(' · ');
}

/**
 * Reads a work cell's « fiche synthèse » as extracted from its PDF, Word document or web page (the seeds show
 * the variants). Nothing is written: the caller stores `cell` only when `problems` is empty.
 */
export function parseWorkCellFiche(text: string): ParsedWorkCell {
  const layout = readLayout(text);
  if (layout.recognized === 0) {
    return { cell: null, problems: [notAFiche()] };
  }
  const problems: ImportProblem[] = [];
  const fields = firstFields(layout.fields, problems);
  const name = fields.name === undefined ? '' : withoutClosingPeriod(fields.name.value);
  const objective = readObjective(fields.objective);
  const startDateText = readStartDate(fields.startDate, problems);
  const partners = parsePartners(layout.sections.partners);
  problems.push(...partners.problems);
  if (name === '') {
    // Problems are in the fiche's order where they have a line; the missing name has none and comes first.
    problems.unshift(missingName());
    return { cell: null, problems };
  }
  return {
    cell: {
      name,
      objectiveCode: objective.code,
      objectiveText: objective.text,
      startDateText,
      mandate: paragraphsOf(layout.sections.mandate).join('\n\n'),
      contact: readContact(layout.sections.contact),
      steps: parseSteps(layout.sections.steps),
      partners: partners.partners,
      partnersNote: partners.note,
    },
    problems,
  };
}
