import { apiBlob } from '@/lib/api-client';
import { api, call, type Schemas } from '@/lib/api/client';

// backend/src/reports: a report is asked for, rendered by the workers, then downloaded with the bearer token.

/** The answer to a request (202): where the report stands; GET /api/reports/{id} follows it. */
export type ReportRequested = Schemas['ReportRequestedDto'];
export type ReportStatus = Schemas['ReportStatusDto'];
export type ReportFormat = ReportStatus['format'];
export type ReportLanguage = ReportStatus['language'];
export type ReportState = ReportStatus['state'];

// The choices the page offers, in its order; `satisfies` fails the typecheck if the API drops one.
export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const satisfies readonly ReportFormat[];
export const REPORT_LANGUAGES = ['fr', 'en'] as const satisfies readonly ReportLanguage[];

/**
 * Asks for the evaluation's report: an up-to-date one comes back as it is (state ready), otherwise the workers render it.
 * The POST answers JSON in every case, where GET report.{format} answers either the file or a 202; the page wants
 * the job to follow and the file's name, which the POST and GET /api/reports/{id} give.
 */
export function requestEvaluationReport(evaluationId: string, format: ReportFormat, language: ReportLanguage): Promise<ReportRequested> {
  return call(api.POST('/api/evaluations/{id}/reports', { params: { path: { id: evaluationId } }, body: { format, language } }));
}

/** Asks for a plan's annual activity report (PDF): the workers render it, GET /api/reports/{id} follows it. */
export function requestActivityReport(planId: string, year: number, language: ReportLanguage): Promise<ReportRequested> {
  return call(api.POST('/api/plans/{id}/activity-reports', { params: { path: { id: planId } }, body: { year, language } }));
}

export function fetchReportStatus(reportId: string, signal?: AbortSignal): Promise<ReportStatus> {
  return call(api.GET('/api/reports/{id}', { params: { path: { id: reportId } }, signal }));
}

/** The rendered file, fetched with the session's token (a plain link could not send it). */
export function fetchReportFile(status: ReportStatus, signal?: AbortSignal): Promise<Blob> {
  const path = (status.downloadUrl ?? `/api/reports/${encodeURIComponent(status.id)}/file`).replace(/^\/api(?=\/)/, '');
  return apiBlob(path, signal);
}
