import { useEffect, useRef, useState } from 'react';
import { postResponse, PublicApiError, type StoredResponse } from '@/resident/api/public-api';
import type { PendingSubmission } from '@/resident/lib/storage';

export type SubmissionPhase = 'idle' | 'sending' | 'waiting';

export interface SubmissionState {
  phase: SubmissionPhase;
  /** The last attempt failed for want of a connection (rather than a server in trouble). */
  offline: boolean;
  sendNow: () => void;
}

const MAX_DELAY_MS = 30_000;
// A 409 can come from two identical requests racing; the next try answers as the first did. It is not
// retried for ever in case it means something else.
const MAX_CONFLICT_RETRIES = 5;

/** Timeouts, rate limits and conflicts are worth another try with the same key; other 4xx answers are final. */
function isFinal(error: PublicApiError, conflicts: number): boolean {
  const { status } = error;
  if (status === 409) return conflicts > MAX_CONFLICT_RETRIES;
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

function delayFor(error: PublicApiError, attempt: number): number {
  if (error.retryAfterSeconds) return Math.min(error.retryAfterSeconds * 1000, 5 * MAX_DELAY_MS);
  const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(attempt, 10));
  // Some jitter, so that a room full of phones coming out of a tunnel together does not knock at once.
  return base / 2 + Math.random() * (base / 2);
}

/**
 * Sends a pending submission until the server acknowledges it: always the same Idempotency-Key and body,
 * with backoff, at once when the connection returns or the page becomes visible again. The server stores it
 * once however many of these arrive.
 */
export function useSubmission(
  slug: string,
  pending: PendingSubmission | null,
  onStored: (stored: StoredResponse) => void,
  onRejected: (error: PublicApiError) => void,
): SubmissionState {
  const [phase, setPhase] = useState<SubmissionPhase>(pending ? 'sending' : 'idle');
  const [offline, setOffline] = useState(false);
  const callbacks = useRef({ onStored, onRejected });
  callbacks.current = { onStored, onRejected };
  const sendNowRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!pending) {
      setPhase('idle');
      return undefined;
    }
    const controller = new AbortController();
    let timer: number | undefined;
    let attempt = 0;
    let conflicts = 0;
    let inFlight = false;
    let finished = false;

    const send = async (): Promise<void> => {
      if (finished || inFlight) return;
      window.clearTimeout(timer);
      inFlight = true;
      setPhase('sending');
      try {
        const stored = await postResponse(slug, pending.idempotencyKey, pending.body, controller.signal);
        finished = true;
        callbacks.current.onStored(stored);
      } catch (caught) {
        if (controller.signal.aborted) return;
        const error = caught instanceof PublicApiError ? caught : new PublicApiError(0, null);
        if (error.status === 409) conflicts += 1;
        if (isFinal(error, conflicts)) {
          finished = true;
          callbacks.current.onRejected(error);
          return;
        }
        setOffline(error.status === 0);
        setPhase('waiting');
        timer = window.setTimeout(() => void send(), delayFor(error, attempt));
        attempt += 1;
      } finally {
        inFlight = false;
      }
    };

    const retryNow = (): void => {
      attempt = 0;
      void send();
    };
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') retryNow();
    };
    sendNowRef.current = retryNow;
    window.addEventListener('online', retryNow);
    document.addEventListener('visibilitychange', onVisible);
    void send();

    return () => {
      finished = true;
      controller.abort();
      window.clearTimeout(timer);
      window.removeEventListener('online', retryNow);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [slug, pending]);

  return { phase, offline, sendNow: () => sendNowRef.current() };
}
