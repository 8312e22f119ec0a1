/** What a client gets when it asks for one more request. */
export type RateDecision = { allowed: true; remaining: number; resetSeconds: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Requests per minute per client, counted in this process's memory (it keeps working when Redis is down), in
 * fixed one-minute windows: a map of the current window's clients, dropped whole when the minute turns, so memory
 * is bounded by the clients of one minute and a decision costs one map lookup — it runs on every resident's
 * request, on the direct ingest route as on the Fastify ones.
 */
export class ClientRateLimit {
  private window = -1;
  private counts = new Map<string, number>();

  constructor(readonly perMinute: number, private readonly now: () => number = Date.now) {}

  take(client: string): RateDecision {
    const t = this.now();
    const window = Math.floor(t / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.counts = new Map();
    }
    const resetSeconds = Math.max(1, Math.ceil(((window + 1) * 60_000 - t) / 1000));
    const used = (this.counts.get(client) ?? 0) + 1;
    if (used > this.perMinute) return { allowed: false, retryAfterSeconds: resetSeconds };
    this.counts.set(client, used);
    return { allowed: true, remaining: this.perMinute - used, resetSeconds };
  }

  /** The 429's message, the same wherever the limit is applied. */
  message(retryAfterSeconds: number): string {
    return `Too many requests from this address: at most ${this.perMinute} a minute. Try again in ${retryAfterSeconds} seconds.`;
  }
}
