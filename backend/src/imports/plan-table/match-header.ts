import { foldAccents } from '@backend/common/fold-text';
import { cellPlainText } from './split-cell-items';

export const COLUMN_KEYS = ['objective', 'action', 'schedule', 'resources', 'expectedResults', 'indicators', 'followUps'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** Without these, a row is not an action of the plan; the other columns may be left out. */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['objective', 'action', 'indicators'];

/** How a missing column is named to the user: the plan template's own headers. */
export const COLUMN_NAMES: Readonly<Record<ColumnKey, string>> = {
  objective: 'OBJECTIF',
  action: 'MOYENS-ACTIONS',
  schedule: 'ÉCHÉANCIER',
  resources: 'RESSOURCES',
  expectedResults: 'RÉSULTATS ATTENDUS',
  indicators: 'INDICATEURS DE RÉUSSITE',
  followUps: 'SUIVIS',
};

// Written as normalizeHeader leaves them: lower case, no accents, words singular, punctuation gone.
const HEADER_NAMES: Readonly<Record<ColumnKey, readonly string[]>> = {
  objective: ['objectif', 'objective', 'objectif specifique', 'specific objective', 'objectif general', 'goal'],
  action: ['moyen action', 'moyen', 'action', 'moyen et action', 'action moyen', 'mean', 'mean action', 'activite', 'activity'],
  schedule: ['echeancier', 'echeance', 'calendrier', 'schedule', 'timeline', 'deadline', 'timeframe', 'due date'],
  resources: ['ressource', 'resource', 'ressource requise', 'required resource'],
  expectedResults: ['resultat attendu', 'resultat', 'resultat vise', 'expected result', 'result', 'expected outcome', 'outcome'],
  indicators: [
    'indicateur',
    'indicateur de reussite',
    'indicateur de succe',
    'indicateur de resultat',
    'indicator',
    'success indicator',
    'indicator of success',
    'performance indicator',
  ],
  followUps: [
    'suivi',
    'moyen de suivi',
    'mode de suivi',
    'outil de suivi',
    'follow up',
    'follow up mean',
    'mean of follow up',
    'monitoring',
  ],
};

/** Folds case, accents, punctuation and plurals: « INDICATEURS DE RÉUSSITES » and « Indicateur de réussite » meet. */
export function normalizeHeader(text: string): string {
  return foldAccents(text)
    .replace(/\(s\)/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => (word.length >= 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
    .join(' ');
}

const KEY_BY_NAME = new Map<string, ColumnKey>(COLUMN_KEYS.flatMap((key) => HEADER_NAMES[key].map((name) => [name, key] as const)));

export function columnKeyOf(header: string): ColumnKey | null {
  return KEY_BY_NAME.get(normalizeHeader(header)) ?? null;
}

export interface HeaderColumn {
  readonly index: number;
  /** The header as the file writes it, to name the column in problems. */
  readonly label: string;
}

export interface HeaderMatch {
  readonly columns: Partial<Readonly<Record<ColumnKey, HeaderColumn>>>;
  /** Cells up to the last named one: what every row of the table should have. */
  readonly width: number;
  readonly missing: readonly ColumnKey[];
}

/**
 * Reads a row as the table's header, or returns null when it is not one: at least two cells must name known
 * columns, and at least half of the named cells must. Unknown columns are ignored; the first of two cells
 * naming the same column wins.
 */
export function matchHeader(cells: readonly string[]): HeaderMatch | null {
  const texts = cells.map(cellPlainText);
  const named = texts.filter((text) => text !== '');
  const columns: Partial<Record<ColumnKey, HeaderColumn>> = {};
  let recognized = 0;
  texts.forEach((label, index) => {
    const key = label === '' ? null : columnKeyOf(label);
    if (key === null) return;
    recognized += 1;
    if (columns[key] === undefined) columns[key] = { index, label };
  });
  if (recognized < 2 || recognized * 2 < named.length) return null;
  const width = texts.reduce((last, text, index) => (text === '' ? last : index + 1), 0);
  const missing = REQUIRED_COLUMNS.filter((key) => columns[key] === undefined);
  return { columns, width, missing };
}
