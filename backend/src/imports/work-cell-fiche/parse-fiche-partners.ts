import type { DemoPartner } from '@backend/demo/demo-data.types';
import type { ImportProblem } from '@backend/imports/import-problem';
import { parseNetwork } from '@backend/organizations/normalize-organization-name';
import { FicheLine, isBlank, isTableLike, paragraphsOf } from './fiche-layout';
import { missingOrganization, missingOrganizationColumn, unknownNetwork, wrongCellCount } from './fiche-problems';
import { fold, repairText } from './fiche-text';

// « Partenaires impliqués »: a table (tab-separated as a PDF or Word extraction gives it, or Markdown),
// then optional paragraphs about the partners (« Partenaires de la cellule de travail : … »).

export interface ParsedPartners {
  readonly partners: DemoPartner[];
  readonly note: string | null;
  readonly problems: ImportProblem[];
}

type Format = 'markdown' | 'tabs' | 'single';
type Role = 'organization' | 'network' | 'sector';

interface Header {
  readonly format: Format;
  /** The headers as written, for the problems' column. */
  readonly labels: readonly string[];
  readonly columns: Readonly<Partial<Record<Role, number>>>;
}

// Checked in this order on each header: « Secteur d'activité de l'organisation » is the sector.
const COLUMN_PATTERNS: ReadonlyArray<readonly [RegExp, Role]> = [
  [/\b(reseaux?|networks?)\b/, 'network'],
  [/\b(secteurs?|sectors?)\b/, 'sector'],
  [/\b(organi[sz]ations?|organismes?|partenaires?|partners?)\b/, 'organization'],
];

// « Partenaires de la cellule de travail : la cellule a un mode de fonctionnement ouvert… ».
const NOTE_START = /^(partenaires de la cellule|partners of the (work )?cell|work cell partners)\b/;
const SEPARATOR_CELL = /^:?-+:?$/;

function formatOf(text: string): Format {
  if (text.trimStart().startsWith('|')) return 'markdown';
  return text.includes('\t') ? 'tabs' : 'single';
}

function cellsOf(text: string, format: Format): string[] {
  switch (format) {
    case 'markdown': {
      const inner = text
        .trim()
        .replace(/^\|/, '')
        .replace(/(?<!\\)\|$/, '');
      return inner.split(/(?<!\\)\|/).map((cell) => repairText(cell.replace(/\\\|/g, '|')));
    }
    case 'tabs':
      return text.split('\t').map(repairText);
    case 'single':
      return [repairText(text)];
  }
}

/** A line continues the table, even after blank lines (extractions space rows out), if it has the table's shape. */
function continuesTable(text: string, format: Format): boolean {
  return format !== 'single' && isTableLike(text) && formatOf(text) === format;
}

function readHeader(text: string): Header {
  const format = formatOf(text);
  const labels = cellsOf(text, format);
  const columns: Partial<Record<Role, number>> = {};
  labels.forEach((label, index) => {
    const folded = fold(label);
    const found = COLUMN_PATTERNS.find(([pattern]) => pattern.test(folded));
    if (found !== undefined && columns[found[1]] === undefined) columns[found[1]] = index;
  });
  return { format, labels, columns };
}

function readRow(line: FicheLine, header: Header, problems: ImportProblem[]): DemoPartner | null {
  const cells = cellsOf(line.text, header.format);
  if (cells.every((cell) => cell === '') || cells.every((cell) => SEPARATOR_CELL.test(cell))) return null;
  // Trailing tabs or pipes add empty cells that carry nothing.
  while (cells.length > header.labels.length && cells[cells.length - 1] === '') cells.pop();
  if (cells.length !== header.labels.length) {
    problems.push(wrongCellCount(line.line, header.labels, cells.length));
    return null;
  }
  const cell = (role: Role): string => {
    const index = header.columns[role];
    return index === undefined ? '' : cells[index];
  };
  const organization = cell('organization');
  if (organization === '') {
    problems.push(missingOrganization(line.line, header.labels[header.columns.organization ?? 0]));
    return null;
  }
  const network = cell('network');
  const networkIndex = header.columns.network;
  if (networkIndex !== undefined && network !== '' && parseNetwork(network) === null) {
    problems.push(unknownNetwork(line.line, header.labels[networkIndex], network));
  }
  return { organization, network, sector: cell('sector') };
}

export function parsePartners(lines: readonly FicheLine[]): ParsedPartners {
  const partners: DemoPartner[] = [];
  const problems: ImportProblem[] = [];
  const noteLines: FicheLine[] = [];
  let state: 'before' | 'table' | 'after' = 'before';
  let header: Header | null = null;
  let paragraphStart = true;
  let inNote = false;

  for (const line of lines) {
    if (isBlank(line)) {
      noteLines.push(line);
      paragraphStart = true;
      inNote = false;
      continue;
    }
    inNote = inNote || (paragraphStart && NOTE_START.test(fold(repairText(line.text))));
    const afterBlank = paragraphStart;
    paragraphStart = false;
    if (state === 'table' && header !== null && !inNote && (!afterBlank || continuesTable(line.text, header.format))) {
      // Rows of a table without its Organisation column are not read: the one problem on its header covers them.
      if (header.columns.organization === undefined) continue;
      const partner = readRow(line, header, problems);
      if (partner !== null) partners.push(partner);
    } else if (state === 'before' && !inNote) {
      header = readHeader(line.text);
      state = 'table';
      if (header.columns.organization === undefined) problems.push(missingOrganizationColumn(line.line, header.labels));
    } else {
      // A note about the partners (before the table or after it), kept as written.
      if (state === 'table') state = 'after';
      noteLines.push(line);
    }
  }
  const note = paragraphsOf(noteLines).join('\n\n');
  return { partners, note: note === '' ? null : note, problems };
}
