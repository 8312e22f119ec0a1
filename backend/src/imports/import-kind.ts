// Kinds, statuses, formats and the largest file: declared once in @repere/contract (the web app offers the same).
export {
  IMPORT_FORMATS,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  MAX_IMPORT_BYTES,
  type ImportFormat,
  type ImportKind,
  type ImportStatus,
} from '@repere/contract';

/** A file's bytes are kept in the database in pieces of this size: API and workers need no shared disk. */
export const CHUNK_BYTES = 1024 * 1024;

/** Plans and fiches are a few pages: past this, it is not one (and reading it whole would be unwise). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** The problems stored and shown; the count says how many there were in all. */
export const MAX_PROBLEMS = 500;
