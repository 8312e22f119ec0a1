import type { QuestionnaireStatus } from '@repere/contract';
import { apiBlob, apiRequest, type Paginated } from '@/lib/api-client';

export interface QuestionnaireSummary {
  id: string;
  slug: string;
  title: string;
  status: QuestionnaireStatus;
  languages: string[];
  defaultLanguage: string;
  currentVersion: number;
  /** Set when the questionnaire is archived: out of the lists, its public link answers 410, read-only. */
  archivedAt: string | null;
}

export interface QuestionnaireDetail extends Omit<QuestionnaireSummary, 'title'> {
  title: Record<string, string>;
  publicUrl: string;
  hasUnpublishedChanges: boolean;
  /** Response counts as the reader may see them: perturbed below evaluator, null when hidden (1 to k − 1). */
  versions: { version: number; createdAt: string; responseCount: number | null }[];
  missingTranslations: Record<string, string[]>;
}

/** `archived`: the archived questionnaires only (admins and evaluators). */
export function fetchQuestionnaires(signal?: AbortSignal, archived = false): Promise<Paginated<QuestionnaireSummary>> {
  return apiRequest('/questionnaires', { query: { limit: 200, archived: archived || undefined }, signal });
}

export function fetchQuestionnaire(id: string, signal?: AbortSignal): Promise<QuestionnaireDetail> {
  return apiRequest(`/questionnaires/${encodeURIComponent(id)}`, { signal });
}

/** The QR code to print on posters (the page makes it an object URL to show and offer for download). */
export function fetchQrCode(id: string, format: 'svg' | 'png', signal?: AbortSignal): Promise<Blob> {
  return apiBlob(`/questionnaires/${encodeURIComponent(id)}/qr.${format}`, signal);
}
