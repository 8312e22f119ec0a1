import { useQuery } from '@tanstack/react-query';
import { EVIDENCE_MEDIA_TYPES } from '@repere/contract';
import { type EvidenceItem, fetchIndicatorEvidence } from '@/features/dashboard/api/indicator-evidence-api';
import { useOpenEvidence } from '@/features/evidence/hooks/use-evidence';

/**
 * Under the evidence feature's key: adding or removing a file anywhere (which invalidates ['evidence']) refreshes
 * the indicators' lists too.
 */
const indicatorEvidenceKey = (id: string, at: string | null) => ['evidence', 'indicator', id, at] as const;

/** The evidence behind the indicator's figure, as of the end of the day `day` (YYYY-MM-DD, the reader's) or now. */
export function useIndicatorEvidence(id: string, day: string | null) {
  const at = day ? new Date(`${day}T23:59:59.999`).toISOString() : null;
  return useQuery({
    queryKey: indicatorEvidenceKey(id, at),
    queryFn: ({ signal }) => fetchIndicatorEvidence(id, at, signal),
    enabled: id !== '',
  });
}

/** Opens a file listed under an indicator, as any evidence opens; its download name as the API gives it. */
export function useOpenEvidenceItem() {
  const open = useOpenEvidence();
  return {
    ...open,
    mutate: (item: EvidenceItem) =>
      open.mutate({ ...item, fileName: `${item.date}-${item.title}.${EVIDENCE_MEDIA_TYPES[item.mediaType]}` }),
  };
}
