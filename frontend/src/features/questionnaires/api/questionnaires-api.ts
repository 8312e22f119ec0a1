import { apiBlob } from '@/lib/api-client';
import { api, call, type Schemas } from '@/lib/api/client';

/** `archivedAt` is set when the questionnaire is archived: out of the lists, its public link answers 410, read-only. */
export type QuestionnaireSummary = Schemas['QuestionnaireListItemDto'];
export type QuestionnairePage = Schemas['QuestionnaireListItemPageDto'];
/** `versions[].responseCount` as the reader may see it: perturbed below evaluator, null when hidden (1 to k − 1). */
export type QuestionnaireDetail = Schemas['QuestionnaireDto'];

/** `archived`: the archived questionnaires only (admins and evaluators). */
export function fetchQuestionnaires(signal?: AbortSignal, archived = false): Promise<QuestionnairePage> {
  return call(api.GET('/api/questionnaires', { params: { query: { limit: 200, archived: archived || undefined } }, signal }));
}

export function fetchQuestionnaire(id: string, signal?: AbortSignal): Promise<QuestionnaireDetail> {
  return call(api.GET('/api/questionnaires/{id}', { params: { path: { id } }, signal }));
}

/** The QR code to print on posters (the page makes it an object URL to show and offer for download). */
export function fetchQrCode(id: string, format: 'svg' | 'png', signal?: AbortSignal): Promise<Blob> {
  return apiBlob(`/questionnaires/${encodeURIComponent(id)}/qr.${format}`, signal);
}
