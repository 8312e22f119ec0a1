import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useObjectUrl } from '@/lib/use-object-url';
import {
  createQuestionnaire,
  deleteQuestionnaire,
  fetchQrSvg,
  fetchQuestionnaires,
  runQuestionnaireCommand,
  updateQuestionnaire,
  type CreateQuestionnaireBody,
  type Questionnaire,
  type QuestionnaireCommand,
  type QuestionnaireContent,
} from '@/features/workspace/api/questionnaires-api';
import { readPageKeys, workspaceKeys } from '@/features/workspace/hooks/workspace-keys';

export { useQuestionnaireDetail } from '@/features/workspace/hooks/use-indicator-editor';

export function useAllQuestionnaires() {
  return useQuery({ queryKey: workspaceKeys.questionnaires(undefined), queryFn: ({ signal }) => fetchQuestionnaires(undefined, signal) });
}

/** After any write the API answers with the questionnaire as stored: it becomes the cached one at once. */
function useStore() {
  const queryClient = useQueryClient();
  return async (saved: Questionnaire): Promise<void> => {
    queryClient.setQueryData(workspaceKeys.questionnaire(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: readPageKeys.questionnaires });
    await queryClient.invalidateQueries({ queryKey: ['workspace', 'questionnaires'] });
  };
}

export function useCreateQuestionnaire() {
  const store = useStore();
  return useMutation({ mutationFn: (body: CreateQuestionnaireBody) => createQuestionnaire(body), onSuccess: store });
}

export function useSaveQuestionnaire(id: string) {
  const store = useStore();
  return useMutation({ mutationFn: (content: QuestionnaireContent) => updateQuestionnaire(id, content), onSuccess: store });
}

/** « Ajouter le bloc ADS+ », publish and close: each answers with the questionnaire as it now is. */
export function useQuestionnaireCommand(id: string) {
  const store = useStore();
  return useMutation({ mutationFn: (command: QuestionnaireCommand) => runQuestionnaireCommand(id, command), onSuccess: store });
}

export function useDeleteQuestionnaire() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteQuestionnaire(id),
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: readPageKeys.questionnaires });
      await queryClient.invalidateQueries({ queryKey: ['workspace', 'questionnaires'] });
    },
  });
}

/**
 * The QR code as an object URL for an <img>. The blob is cached like any server state; the URL belongs to the
 * component that shows it and is revoked when it stops showing it.
 */
export function useQrCode(id: string, language: string | null) {
  const query = useQuery({
    queryKey: workspaceKeys.qr(id, language),
    queryFn: ({ signal }) => fetchQrSvg(id, language, signal),
    staleTime: Infinity,
  });
  const url = useObjectUrl(query.data);
  return { ...query, url };
}
