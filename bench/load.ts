import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { randomResponse } from './support/bench-questionnaire';

// The load generator, a process of its own: a fresh Idempotency-Key for every request and a valid body drawn
// from a few thousand different ones made beforehand (so that making them does not take the CPU the server
// needs). Writes what it saw, with the id of every acknowledged (201) response, to the file it is given.

const BODIES = Array.from({ length: 4096 }, () => JSON.stringify(randomResponse()));

export interface LoadOptions {
  url: string;
  path: string;
  connections: number;
  seconds: number;
  out: string;
}

export interface LoadResult {
  seconds: number;
  statusCounts: Record<string, number>;
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  acknowledgedIds: string[];
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]) as LoadOptions;
  const acknowledgedIds: string[] = [];
  let n = 0;
  const started = Date.now();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: [{
      method: 'POST',
      path: options.path,
      setupRequest: (req) => ({
        ...req,
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: BODIES[n++ & (BODIES.length - 1)],
      }),
      onResponse: (status, body) => {
        // The reply is {"id":"<uuid>",…}: cut the id out rather than parse every reply.
        if (status === 201) acknowledgedIds.push(body.startsWith('{"id":"') ? body.slice(7, 43) : (JSON.parse(body) as { id: string }).id);
      },
    }],
  });
  const statusCounts: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCounts[code] = Number((stats as { count: number | string }).count);
  const out: LoadResult = {
    seconds: (Date.now() - started) / 1000,
    statusCounts,
    latency: { p50: result.latency.p50, p99: result.latency.p99, average: result.latency.average, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    acknowledgedIds,
  };
  writeFileSync(options.out, JSON.stringify(out));
}

main().then(() => process.exit(0), (err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
