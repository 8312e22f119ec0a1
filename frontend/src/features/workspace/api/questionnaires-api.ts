import { apiBlob } from '@/lib/api-client';
import { api, call, type Schemas } from '@/lib/api/client';

// backend/src/questionnaires: the working copy evaluators edit, publishing, closing and the poster's QR code.

// The shapes are openapi.json's (lib/api/schema.d.ts, generated); questions match the contract's Question.

export type QuestionnaireListItem = Schemas['QuestionnaireListItemDto'];
export type QuestionnaireListPage = Schemas['QuestionnaireListItemPageDto'];
export type Questionnaire = Schemas['QuestionnaireDto'];
/** What the builder edits: the working copy's texts, languages and questions. */
export type QuestionnaireContent = Pick<Questionnaire, 'title' | 'description' | 'languages' | 'defaultLanguage' | 'questions'>;
export type CreateQuestionnaireBody = Schemas['CreateQuestionnaireDto'];

export function fetchQuestionnaires(planId: string | undefined, signal?: AbortSignal): Promise<QuestionnaireListPage> {
  return call(api.GET('/api/questionnaires', { params: { query: { planId, page: 1, limit: 200 } }, signal }));
}

export function fetchQuestionnaire(id: string, signal?: AbortSignal): Promise<Questionnaire> {
  return call(api.GET('/api/questionnaires/{id}', { params: { path: { id } }, signal }));
}

export function createQuestionnaire(body: CreateQuestionnaireBody): Promise<Questionnaire> {
  return call(api.POST('/api/questionnaires', { body }));
}

export function updateQuestionnaire(id: string, body: Schemas['UpdateQuestionnaireDto']): Promise<Questionnaire> {
  return call(api.PATCH('/api/questionnaires/{id}', { params: { path: { id } }, body }));
}

export async function deleteQuestionnaire(id: string): Promise<void> {
  await call(api.DELETE('/api/questionnaires/{id}', { params: { path: { id } } }));
}

export type QuestionnaireCommand = 'ads-block' | 'publish' | 'close';

export function runQuestionnaireCommand(id: string, command: QuestionnaireCommand): Promise<Questionnaire> {
  const params = { path: { id } };
  if (command === 'publish') return call(api.POST('/api/questionnaires/{id}/publish', { params, body: {} }));
  if (command === 'close') return call(api.POST('/api/questionnaires/{id}/close', { params }));
  return call(api.POST('/api/questionnaires/{id}/ads-block', { params }));
}

/** The QR code of the public link, fetched with the bearer token: an <img src> could not send it. */
export function fetchQrSvg(id: string, language: string | null, signal?: AbortSignal): Promise<Blob> {
  const query = language ? `?lang=${encodeURIComponent(language)}` : '';
  return apiBlob(`/questionnaires/${encodeURIComponent(id)}/qr.svg${query}`, signal);
}
