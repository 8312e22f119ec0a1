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

/** A file's bytes are kept in the database in pieces of this size: API and workers need no shared disk. */
export const CHUNK_BYTES = 1024 * 1024;

/** The largest file accepted: a million responses with a dozen columns is about 100 MB of CSV. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** Plans and fiches are a few pages: past this, it is not one (and reading it whole would be unwise). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** The problems stored and shown; the count says how many there were in all. */
export const MAX_PROBLEMS = 500;
