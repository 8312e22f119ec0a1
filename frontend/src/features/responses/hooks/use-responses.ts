import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  fetchQuestionnaire,
  fetchResponses,
  fetchResponsesExport,
  type ExportQuery,
  type ResponseQuery,
} from '@/features/responses/api/responses-api';
import { downloadUrl } from '@/lib/download-url';

export const RESPONSES_PAGE_SIZE = 25;

export const responseKeys = {
  questionnaire: (id: string) => ['questionnaires', id] as const,
  page: (id: string, query: ResponseQuery) => ['questionnaires', id, 'responses', query] as const,
};

export function useQuestionnaire(id: string) {
  return useQuery({ queryKey: responseKeys.questionnaire(id), queryFn: ({ signal }) => fetchQuestionnaire(id, signal) });
}

export function useResponses(id: string, query: ResponseQuery, enabled: boolean) {
  return useQuery({
    queryKey: responseKeys.page(id, query),
    queryFn: ({ signal }) => fetchResponses(id, query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Asks for the file and hands it to the browser as a download (an object URL, revoked once clicked). */
export function useResponsesExport(id: string) {
  return useMutation({
    mutationFn: async ({ query, fileName }: { query: ExportQuery; fileName: string }) => {
      const blob = await fetchResponsesExport(id, query);
      const url = URL.createObjectURL(blob);
      try {
        downloadUrl(url, fileName);
      } finally {
        // After the click has started the download: the browser holds the bytes by then.
        window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
      return fileName;
    },
  });
}
