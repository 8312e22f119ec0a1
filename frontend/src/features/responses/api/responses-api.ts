import { apiBlob, queryString } from '@/lib/api-client';
import { api, call, type Schemas } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

export type Questionnaire = Schemas['QuestionnaireDto'];
export type Question = Schemas['QuestionDto'];
export type StoredResponse = Schemas['StoredResponseDto'];
export type StoredResponsePage = Schemas['StoredResponsePageDto'];
export type ResponseQuery = NonNullable<paths['/api/questionnaires/{id}/responses']['get']['parameters']['query']>;
export type ResponseFilters = Omit<ResponseQuery, 'page' | 'limit'>;
export type ExportQuery = paths['/api/questionnaires/{id}/responses/export']['get']['parameters']['query'];
export type ExportFormat = ExportQuery['format'];

export function fetchQuestionnaire(id: string, signal?: AbortSignal): Promise<Questionnaire> {
  return call(api.GET('/api/questionnaires/{id}', { params: { path: { id } }, signal }));
}

/** The questionnaire's raw responses, filtered, newest answered first (evaluators and admins). */
export function fetchResponses(id: string, query: ResponseQuery, signal?: AbortSignal): Promise<StoredResponsePage> {
  return call(api.GET('/api/questionnaires/{id}/responses', { params: { path: { id }, query }, signal }));
}

/** The filtered responses as a file (CSV or XLSX), read with the bearer token; the page offers it for download. */
export function fetchResponsesExport(id: string, query: ExportQuery): Promise<Blob> {
  // The typed path, checked against the schema: /api/questionnaires/{id}/responses/export.
  const path: keyof paths = '/api/questionnaires/{id}/responses/export';
  return apiBlob(`${path.replace(/^\/api/, '').replace('{id}', encodeURIComponent(id))}?${queryString(query)}`);
}
