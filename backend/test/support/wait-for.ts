import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** Give up after this long (ms). */
  timeoutMs: number;
  /** Pause between two probes (ms). */
  intervalMs?: number;
}

/** Thrown by a probe to stop waiting at once (a process it depends on died): waitFor rejects with it. */
export class GiveUp extends Error {}

/**
 * Polls `probe` until it returns something other than undefined or false, and resolves with it. A probe that
 * throws counts as « not yet » (a service that is coming back; or, on purpose, to say what is still missing), unless
 * it throws a GiveUp. On timeout, rejects naming what was awaited, with the last thing the probe said or threw, so a
 * failure explains itself.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs, intervalMs = 250 }: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: string;
  for (;;) {
    try {
      const result = await probe();
      if (result !== undefined && result !== false) return result;
      last = `last answer: ${String(result)}`;
    } catch (err) {
      if (err instanceof GiveUp) throw err;
      last = `last: ${(err as Error).message}`;
    }
    if (Date.now() >= deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (${last})`);
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
}
