// Evidence (issue 19): the documents behind a figure — minutes, activity reports, photos, a signed agreement.

/**
 * What a piece of evidence is attached to. `instrument`: a follow-up means of kind « document » (compte rendu,
 * procès-verbal), whose documents are the evidence itself.
 */
export const EVIDENCE_OWNER_KINDS = ['manual_value', 'participation_count', 'work_step', 'action', 'assessment', 'instrument'] as const;
export type EvidenceOwnerKind = (typeof EVIDENCE_OWNER_KINDS)[number];

/**
 * The types a file may be, decided by its bytes (never by its name or the type the client sends): office documents,
 * PDF and still images. Nothing that runs or renders script: no HTML, SVG, macro-enabled office file or executable.
 */
export const EVIDENCE_MEDIA_TYPES = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
} as const;
export type EvidenceMediaType = keyof typeof EVIDENCE_MEDIA_TYPES;

/** Shown by the browser in its own tab (and given a thumbnail when an image): the rest is always downloaded. */
export const EVIDENCE_INLINE_TYPES: readonly EvidenceMediaType[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
];

/** The default largest file, in bytes (EVIDENCE_MAX_BYTES changes it for a deployment). */
export const EVIDENCE_DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

export const EVIDENCE_TITLE_MAX = 200;
