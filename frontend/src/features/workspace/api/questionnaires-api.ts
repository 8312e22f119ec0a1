import type { Question, QuestionnaireStatus, Translations } from '@repere/contract';
import { apiBlob, apiRequest, type Paginated } from '@/lib/api-client';

// backend/src/questionnaires: the working copy evaluators edit, publishing, closing and the poster's QR code.

// Question types, questions and their translations are the contract's (@repere/contract).

export interface QuestionnaireListItem {
  id: string;
  slug: string;
  title: string;
  status: QuestionnaireStatus;
  languages: string[];
  defaultLanguage: string;
  planId: string;
  instrumentId: string | null;
  currentVersion: number;
}

export interface QuestionnaireContent {
  title: Translations;
  description: Translations;
  languages: string[];
  defaultLanguage: string;
  questions: Question[];
}

export interface Questionnaire extends QuestionnaireContent {
  id: string;
  planId: string;
  instrumentId: string | null;
  slug: string;
  status: QuestionnaireStatus;
  currentVersion: number;
  opensAt: string | null;
  closesAt: string | null;
  publicUrl: string;
  hasUnpublishedChanges: boolean;
  versions: { version: number; createdAt: string; responseCount: number }[];
  missingTranslations: Record<string, string[]>;
}

export interface CreateQuestionnaireBody extends QuestionnaireContent {
  planId: string;
  slug?: string;
}

export function fetchQuestionnaires(planId: string | undefined, signal?: AbortSignal): Promise<Paginated<QuestionnaireListItem>> {
  return apiRequest<Paginated<QuestionnaireListItem>>('/questionnaires', { query: { planId, page: 1, limit: 200 }, signal });
}

export function fetchQuestionnaire(id: string, signal?: AbortSignal): Promise<Questionnaire> {
  return apiRequest<Questionnaire>(`/questionnaires/${encodeURIComponent(id)}`, { signal });
}

export function createQuestionnaire(body: CreateQuestionnaireBody): Promise<Questionnaire> {
  return apiRequest<Questionnaire>('/questionnaires', { method: 'POST', body });
}

export function updateQuestionnaire(id: string, body: Partial<QuestionnaireContent>): Promise<Questionnaire> {
  return apiRequest<Questionnaire>(`/questionnaires/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deleteQuestionnaire(id: string): Promise<void> {
  return apiRequest<void>(`/questionnaires/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export type QuestionnaireCommand = 'ads-block' | 'publish' | 'close';

export function runQuestionnaireCommand(id: string, command: QuestionnaireCommand): Promise<Questionnaire> {
  return apiRequest<Questionnaire>(`/questionnaires/${encodeURIComponent(id)}/${command}`, {
    method: 'POST',
    body: command === 'publish' ? {} : undefined,
  });
}

/** The QR code of the public link, fetched with the bearer token: an <img src> could not send it. */
export function fetchQrSvg(id: string, language: string | null, signal?: AbortSignal): Promise<Blob> {
  const query = language ? `?lang=${encodeURIComponent(language)}` : '';
  return apiBlob(`/questionnaires/${encodeURIComponent(id)}/qr.svg${query}`, signal);
}
