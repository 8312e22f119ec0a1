import { api, call, type Schemas } from '@/lib/api/client';

/**
 * A file behind an indicator's figure (GET /api/indicators/{id}/evidence, and each indicator of an evaluation's
 * snapshot): title, date, type, what it is attached to, and the `url` that serves it.
 */
export type EvidenceItem = Schemas['IndicatorEvidenceDto'];

/** The files behind the indicator's figure as they stood at `at` (an instant; now without it), by date. */
export function fetchIndicatorEvidence(id: string, at: string | null, signal?: AbortSignal): Promise<EvidenceItem[]> {
  return call(api.GET('/api/indicators/{id}/evidence', { params: { path: { id }, query: at ? { at } : {} }, signal }));
}
