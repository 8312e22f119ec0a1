/**
 * The content types an upload may carry. Browsers name a .csv text/csv, or application/vnd.ms-excel on Windows with
 * Excel installed; a pasted table comes as text/plain. The file's first bytes decide what it is (sources/sniff.ts).
 */
export const UPLOAD_TYPES = [
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
