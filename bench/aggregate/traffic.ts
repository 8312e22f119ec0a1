import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { randomBody, WelcomeIds } from './dataset';

// Freshness under load, a process of its own: sends `rate` responses/s to the public endpoint for `seconds`
// (a fresh Idempotency-Key and a valid body each), polls GET /api/indicators/{id}/values?grain=year&view=unpublished (the true
// count, as the admin token may read it: published figures are perturbed, so they cannot say when a response was counted) every
// `pollMs`, and meanwhile times GET /api/plans/{planId}/progress. Everything is timed on this process's one
// monotonic clock. Writes what it saw to `out`; the parent computes the percentiles.
//
// A response is seen once a poll that ended after its 201 shows a cumulative count ≥ base + k, k being its rank
// among the 201s (the k-th acknowledged response). Every response acknowledged before it was committed before
// its 201 (the writer commits before it answers), so the count reaches base + k no later than the response is
// in; it may reach it a little earlier if rows committed but not yet acknowledged fill the gap: an
// approximation within the writer's in-flight window (a few ms).

export interface TrafficOptions {
  base: string;
  slug: string;
  indicatorId: string;
  planId: string;
  token: string;
  ids: WelcomeIds;
  seconds: number;
  rate: number;
  pollMs: number;
  progressEveryMs: number;
  /** After the last send, how long to keep polling for responses not yet seen. */
  settleSeconds: number;
  baseCount: number;
  out: string;
}

export interface TrafficResult {
  sendSeconds: number;
  sent: number;
  statusCounts: Record<string, number>;
  networkErrors: number;
  postLatencyMs: number[];
  /** Time of each 201, in the order they arrived (ms on this process's clock). */
  acks: number[];
  /** Each poll: when it ended and the cumulative count it showed (null: no value yet, or an error status). */
  polls: { t: number; count: number | null; status: number }[];
  progress: { ms: number; status: number }[];
  startedAt: number;
  sendEndedAt: number;
  finalCount: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const MAX_IN_FLIGHT = 512;

async function main(): Promise<void> {
  const o = JSON.parse(process.argv[2]) as TrafficOptions;
  const bodies = Array.from({ length: 2048 }, () => JSON.stringify(randomBody(o.ids)));
  const auth = { authorization: `Bearer ${o.token}` };
  const r: TrafficResult = {
    sendSeconds: 0,
    sent: 0,
    statusCounts: {},
    networkErrors: 0,
    postLatencyMs: [],
    acks: [],
    polls: [],
    progress: [],
    startedAt: performance.now(),
    sendEndedAt: 0,
    finalCount: null,
  };
  let inFlight = 0;
  let sending = true;
  let polling = true;

  const post = async (n: number) => {
    inFlight += 1;
    const t = performance.now();
    try {
      const res = await fetch(`${o.base}/api/public/questionnaires/${o.slug}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: bodies[n % bodies.length],
      });
      await res.arrayBuffer();
      const now = performance.now();
      r.statusCounts[res.status] = (r.statusCounts[res.status] ?? 0) + 1;
      r.postLatencyMs.push(now - t);
      if (res.status === 201) r.acks.push(now);
    } catch {
      r.networkErrors += 1;
    } finally {
      inFlight -= 1;
    }
  };

  const sender = async () => {
    const start = performance.now();
    const end = start + o.seconds * 1000;
    const pending: Promise<void>[] = [];
    for (;;) {
      const now = performance.now();
      if (now >= end) break;
      const due = Math.floor(((now - start) / 1000) * o.rate);
      while (r.sent < due && inFlight < MAX_IN_FLIGHT) pending.push(post(r.sent++));
      await sleep(5);
    }
    await Promise.all(pending);
    r.sendSeconds = (performance.now() - start) / 1000;
    r.sendEndedAt = performance.now();
    sending = false;
  };

  const count = async (): Promise<{ count: number | null; status: number }> => {
    const res = await fetch(`${o.base}/api/indicators/${o.indicatorId}/values?grain=year&view=unpublished`, { headers: auth });
    if (res.status !== 200) {
      await res.arrayBuffer();
      return { count: null, status: res.status };
    }
    const rows = (await res.json()) as { cumulativeValue: number | null }[];
    const last = rows[rows.length - 1];
    return { count: last?.cumulativeValue ?? null, status: 200 };
  };

  const poller = async () => {
    const target = () => o.baseCount + r.acks.length;
    let settleUntil = Infinity;
    while (polling) {
      const t = performance.now();
      try {
        const c = await count();
        r.polls.push({ t: performance.now(), ...c });
        r.finalCount = c.count ?? r.finalCount;
        if (!sending) {
          if (settleUntil === Infinity) settleUntil = performance.now() + o.settleSeconds * 1000;
          if ((c.count ?? 0) >= target() || performance.now() >= settleUntil) polling = false;
        }
      } catch {
        r.polls.push({ t: performance.now(), count: null, status: 0 });
      }
      await sleep(o.pollMs - (performance.now() - t));
    }
  };

  const progress = async () => {
    while (sending) {
      const t = performance.now();
      try {
        const res = await fetch(`${o.base}/api/plans/${o.planId}/progress`, { headers: auth });
        await res.arrayBuffer();
        r.progress.push({ ms: performance.now() - t, status: res.status });
      } catch {
        r.progress.push({ ms: performance.now() - t, status: 0 });
      }
      await sleep(o.progressEveryMs - (performance.now() - t));
    }
  };

  await Promise.all([sender(), poller(), progress()]);
  writeFileSync(o.out, JSON.stringify(r));
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err.stack ?? err.message);
    process.exit(1);
  },
);
