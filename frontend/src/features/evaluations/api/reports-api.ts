import { apiBlob, apiRequest } from '@/lib/api-client';

// backend/src/reports: a report is asked for, rendered by the workers, then downloaded with the bearer token.

export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_LANGUAGES = ['fr', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export type ReportState = 'queued' | 'running' | 'ready' | 'failed';

/** The answer to a request (202): where the report stands; GET /api/reports/{id} follows it. */
export interface ReportRequested {
  id: string;
  reportId: string;
  state: ReportState;
  progress: number;
}

export interface ReportStatus {
  id: string;
  format: ReportFormat;
  language: ReportLanguage;
  state: ReportState;
  progress: number;
  error?: string;
  fileName: string;
  downloadUrl: string | null;
}

/**
 * Asks for the evaluation's report: an up-to-date one comes back as it is (state ready), otherwise the workers render it.
 * The POST answers JSON in every case, where GET report.{format} answers either the file or a 202; the page wants
 * the job to follow and the file's name, which the POST and GET /api/reports/{id} give.
 */
export function requestEvaluationReport(evaluationId: string, format: ReportFormat, language: ReportLanguage): Promise<ReportRequested> {
  return apiRequest<ReportRequested>(`/evaluations/${encodeURIComponent(evaluationId)}/reports`, {
    method: 'POST',
    body: { format, language },
  });
}

/** Asks for a plan's annual activity report (PDF): the workers render it, GET /api/reports/{id} follows it. */
export function requestActivityReport(planId: string, year: number, language: ReportLanguage): Promise<ReportRequested> {
  return apiRequest<ReportRequested>(`/plans/${encodeURIComponent(planId)}/activity-reports`, {
    method: 'POST',
    body: { year, language },
  });
}

export function fetchReportStatus(reportId: string, signal?: AbortSignal): Promise<ReportStatus> {
  return apiRequest<ReportStatus>(`/reports/${encodeURIComponent(reportId)}`, { signal });
}

/** The rendered file, fetched with the session's token (a plain link could not send it). */
export function fetchReportFile(status: ReportStatus, signal?: AbortSignal): Promise<Blob> {
  const path = (status.downloadUrl ?? `/api/reports/${encodeURIComponent(status.id)}/file`).replace(/^\/api(?=\/)/, '');
  return apiBlob(path, signal);
}
