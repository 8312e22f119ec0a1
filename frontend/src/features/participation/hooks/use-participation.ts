import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import {
  createParticipationCount,
  fetchCountedInstruments,
  fetchPlanOptions,
  fetchRecentCounts,
  type CreateParticipationCount,
} from '@/features/participation/api/participation-api';
import { ApiError, NETWORK_ERROR_CODE } from '@/lib/api-client';
import { newIdempotencyKey } from '@/lib/idempotency-key';

export const participationKeys = {
  plans: (organizationId: string | null) => ['participation', 'plans', organizationId ?? 'all'] as const,
  instruments: (planId: string) => ['participation', 'instruments', planId] as const,
  counts: (instrumentId: string) => ['participation', 'counts', instrumentId] as const,
};

/** `organizationId`: a partner's organization, whose plans alone it counts for; null for staff who count for any plan. */
export function usePlanOptions(organizationId: string | null, enabled = true) {
  return useQuery({
    queryKey: participationKeys.plans(organizationId),
    queryFn: ({ signal }) => fetchPlanOptions(organizationId, signal),
    enabled,
  });
}

export function useCountedInstruments(planId: string) {
  return useQuery({
    queryKey: participationKeys.instruments(planId),
    queryFn: ({ signal }) => fetchCountedInstruments(planId, signal),
    enabled: planId !== '',
  });
}

export function useRecentCounts(instrumentId: string) {
  return useQuery({
    queryKey: participationKeys.counts(instrumentId),
    queryFn: ({ signal }) => fetchRecentCounts(instrumentId, signal),
    enabled: instrumentId !== '',
  });
}

/** Lost connections, timeouts, rate limits and server trouble may pass on another try with the same key. */
function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.code === NETWORK_ERROR_CODE || error.statusCode === 408 || error.statusCode === 429 || error.statusCode >= 500;
}

/**
 * Records a count with an Idempotency-Key that lives until the server acknowledges the body it was made for:
 * a double click, an automatic retry or a second click after a timeout reuse it, so the count is stored once.
 * A corrected form is another body, so it gets a new key.
 */
export function useRecordCount() {
  const queryClient = useQueryClient();
  const pending = useRef<{ key: string; body: string } | null>(null);

  const mutation = useMutation({
    mutationFn: ({ body, key }: { body: CreateParticipationCount; key: string }) => createParticipationCount(body, key),
    retry: (failureCount, error) => failureCount < 3 && isRetryable(error),
    retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
    onSuccess: (_count, { body, key }) => {
      if (pending.current?.key === key) pending.current = null;
      void queryClient.invalidateQueries({ queryKey: participationKeys.counts(body.instrumentId) });
    },
  });

  const record = (body: CreateParticipationCount): void => {
    const serialized = JSON.stringify(body);
    if (pending.current?.body !== serialized) pending.current = { key: newIdempotencyKey(), body: serialized };
    // A second click while the first is still on its way would only repeat it.
    if (mutation.isPending) return;
    mutation.mutate({ body, key: pending.current.key });
  };

  return { ...mutation, record };
}
