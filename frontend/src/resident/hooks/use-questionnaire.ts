import { useCallback, useEffect, useState } from 'react';
import { fetchQuestionnaire, PublicApiError, type PublicQuestionnaire } from '@/resident/api/public-api';

export interface QuestionnaireState {
  /** The last questionnaire loaded; kept on screen while another language loads. */
  data: PublicQuestionnaire | null;
  error: PublicApiError | null;
  loading: boolean;
  reload: () => void;
}

/** The published questionnaire in the asked language (the server falls back to its default language). */
export function useQuestionnaire(slug: string, language: string | null): QuestionnaireState {
  const [data, setData] = useState<PublicQuestionnaire | null>(null);
  const [error, setError] = useState<PublicApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((value) => value + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    fetchQuestionnaire(slug, language, controller.signal).then(
      (questionnaire) => {
        setData(questionnaire);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure instanceof PublicApiError ? failure : new PublicApiError(0, null));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [slug, language, attempt]);

  // A page opened in a tunnel loads by itself once the connection is back.
  useEffect(() => {
    if (!error || error.status !== 0) return undefined;
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, [error, reload]);

  return { data, error, loading, reload };
}
