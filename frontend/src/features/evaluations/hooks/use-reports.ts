import { useMutation, useQuery } from '@tanstack/react-query';
import {
  fetchReportFile,
  fetchReportStatus,
  requestEvaluationReport,
  type ReportFormat,
  type ReportLanguage,
  type ReportRequested,
  type ReportStatus,
} from '@/features/evaluations/api/reports-api';

/** How often a report in the works is looked at again. */
export const REPORT_POLL_MS = 1000;

const reportKeys = {
  status: (reportId: string) => ['evaluations', 'report', reportId] as const,
  file: (reportId: string) => ['evaluations', 'report', reportId, 'file'] as const,
};

export interface ReportRequest {
  format: ReportFormat;
  language: ReportLanguage;
}

export function useRequestReport(
  evaluationId: string,
  handlers: {
    onSuccess: (report: ReportRequested, request: ReportRequest) => void;
    onError: (error: unknown, request: ReportRequest) => void;
  },
) {
  // Hook-level callbacks run for every request, where mutate()'s own run only for the last one of several in flight.
  return useMutation({
    mutationFn: ({ format, language }: ReportRequest) => requestEvaluationReport(evaluationId, format, language),
    onSuccess: (report, request) => handlers.onSuccess(report, request),
    onError: (error, request) => handlers.onError(error, request),
  });
}

export function useReportStatus(reportId: string) {
  return useQuery({
    queryKey: reportKeys.status(reportId),
    queryFn: ({ signal }) => fetchReportStatus(reportId, signal),
    staleTime: 0,
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state === 'ready' || state === 'failed' ? false : REPORT_POLL_MS;
    },
  });
}

/** The file once ready: fetched once with the bearer token and kept while the page lives. */
export function useReportFile(status: ReportStatus | undefined) {
  return useQuery({
    queryKey: reportKeys.file(status?.id ?? ''),
    queryFn: ({ signal }) => fetchReportFile(status as ReportStatus, signal),
    enabled: status?.state === 'ready',
    staleTime: Infinity,
  });
}
