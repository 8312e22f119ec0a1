import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addEvidence,
  archiveEvidence,
  type Evidence,
  type EvidenceOwner,
  fetchEvidence,
  fetchEvidenceBlob,
  type NewEvidence,
  opensInline,
} from '@/features/evidence/api/evidence-api';
import { downloadUrl } from '@/lib/download-url';

export const evidenceKeys = {
  all: ['evidence'] as const,
  owner: ({ ownerKind, ownerId }: EvidenceOwner) => ['evidence', ownerKind, ownerId] as const,
  thumbnail: (url: string) => ['evidence', 'thumbnail', url] as const,
};

/** `enabled`: false until the reader asks (a closed « Pièces » disclosure fires no request). */
export function useEvidence(owner: EvidenceOwner, enabled = true) {
  return useQuery({
    queryKey: evidenceKeys.owner(owner),
    queryFn: ({ signal }) => fetchEvidence(owner, signal),
    enabled: enabled && owner.ownerId !== '',
  });
}

export function useAddEvidence(owner: EvidenceOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<NewEvidence, keyof EvidenceOwner>) => addEvidence({ ...owner, ...input }),
    // Every list that may show it: the record's, and those built on it (an evaluation's snapshot, an indicator's).
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evidenceKeys.all }),
  });
}

export function useArchiveEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evidence: Evidence) => archiveEvidence(evidence.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evidenceKeys.all }),
  });
}

/** An image's thumbnail, once the workers have made it (null before). */
export function useEvidenceThumbnail(url: string | null) {
  return useQuery({
    queryKey: evidenceKeys.thumbnail(url ?? ''),
    queryFn: ({ signal }) => fetchEvidenceBlob(url ?? '', signal),
    enabled: url !== null,
    staleTime: Infinity,
  });
}

/** How long an opened file's object URL lives: the new tab has read the bytes long before. */
const OBJECT_URL_LIFETIME_MS = 60_000;

/**
 * Opens a file: a plain link could not send the session's token, so the bytes are fetched and handed to the browser
 * as an object URL. A PDF or an image opens in a new tab, opened at the click (a tab opened after the fetch would be
 * taken for a pop-up); an office document, or a PDF whose tab was blocked, is downloaded under its name.
 */
export function useOpenEvidence() {
  return useMutation({
    mutationFn: async (evidence: Pick<Evidence, 'url' | 'mediaType' | 'fileName'>) => {
      const tab = opensInline(evidence) ? window.open('', '_blank') : null;
      try {
        const blob = await fetchEvidenceBlob(evidence.url);
        const url = URL.createObjectURL(blob);
        window.setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
        if (tab) {
          // The file's tab needs nothing of this one.
          tab.opener = null;
          tab.location.href = url;
        } else downloadUrl(url, evidence.fileName);
      } catch (error) {
        tab?.close();
        throw error;
      }
    },
  });
}
