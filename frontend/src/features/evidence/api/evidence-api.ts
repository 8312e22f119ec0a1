import { EVIDENCE_INLINE_TYPES } from '@repere/contract';
import { apiBlob, apiUpload } from '@/lib/api-client';
import { api, call, type Schemas } from '@/lib/api/client';

// backend/src/evidence: the documents behind a figure (issue 19). The file is the raw body of the POST, its type
// decided by the server from its bytes; reading it back needs the session's token, so it comes as a Blob.

export type Evidence = Schemas['EvidenceDto'];
export type EvidenceOwnerKind = Schemas['EvidenceOwnerKind'];

export interface EvidenceOwner {
  ownerKind: EvidenceOwnerKind;
  ownerId: string;
}

export interface NewEvidence extends EvidenceOwner {
  title: string;
  /** YYYY-MM-DD: the day of what the file shows (a meeting, an event). */
  date: string;
  file: File;
}

/** A record's evidence, by date (archived files left out). */
export function fetchEvidence({ ownerKind, ownerId }: EvidenceOwner, signal?: AbortSignal): Promise<Evidence[]> {
  return call(api.GET('/api/evidence', { params: { query: { ownerKind, ownerId } }, signal }));
}

export function addEvidence({ file, ...query }: NewEvidence): Promise<Evidence> {
  // A file the browser cannot type is still sent: the server reads its bytes, and refuses it (415) if they say no.
  return apiUpload<Evidence>('/evidence', file, { query, contentType: file.type || 'application/octet-stream' });
}

/** Removes a file from its record: archived, never erased. */
export function archiveEvidence(id: string): Promise<void> {
  return call(api.DELETE('/api/evidence/{id}', { params: { path: { id } } }));
}

/** The file or its thumbnail (`url`, `thumbnailUrl` of an Evidence), fetched with the session's token. */
export function fetchEvidenceBlob(url: string, signal?: AbortSignal): Promise<Blob> {
  return apiBlob(url.replace(/^\/api(?=\/)/, ''), signal);
}

/** PDFs and images open in a tab of their own; office documents are downloaded (the API serves them as attachments). */
export function opensInline(evidence: Pick<Evidence, 'mediaType'>): boolean {
  return EVIDENCE_INLINE_TYPES.includes(evidence.mediaType);
}
