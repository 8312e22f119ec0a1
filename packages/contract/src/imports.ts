// Imports (backend/src/imports): what the API accepts and the web app offers, from one place.

import { PLAN_TEXT_MAX } from './plans';

/** What a file brings in: an action plan's table, a work cell's « fiche synthèse », or a questionnaire's past responses. */
export const IMPORT_KINDS = ['plan', 'work-cell', 'responses'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * analyzing: the workers read the file and build the preview; ready: nothing wrong, awaiting confirmation;
 * invalid: problems block it; importing: confirmed, being written in one transaction; done; failed: the workers
 * could not read or write it (not the file's fault, or no retry helped).
 */
export const IMPORT_STATUSES = ['analyzing', 'ready', 'invalid', 'importing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_FORMATS = ['text', 'csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The largest file accepted (413 past it): a million responses with a dozen columns is about 100 MB of CSV. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** What a responses file's column may hold besides a question's answers: the row's date, identifier or language, or nothing. */
export const COLUMN_TARGETS = ['@date', '@id', '@language', '@ignore'] as const;
export type ColumnTarget = (typeof COLUMN_TARGETS)[number];

/** The longest options' texts, in characters: what the plan or work cell they name accepts. */
export const IMPORT_OPTION_MAX = {
  /** plan */
  title: PLAN_TEXT_MAX.planTitle,
  /** plan: an organization's name */
  ownerName: 300,
  /** plan */
  description: PLAN_TEXT_MAX.planDescription,
  /** work-cell */
  name: 300,
} as const;
