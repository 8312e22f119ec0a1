import { EVIDENCE_MEDIA_TYPES } from '@repere/contract';

/**
 * The types a client may name an evidence upload with: the accepted ones, and what browsers and tools send when they
 * do not know (a .docx from some systems, a file picked with no type). The bytes decide in the end (sniff-evidence.ts).
 */
export const EVIDENCE_UPLOAD_TYPES: readonly string[] = [...Object.keys(EVIDENCE_MEDIA_TYPES), 'application/octet-stream'];
