import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { connect, Socket } from 'node:net';
import { randomResponse } from './support/bench-questionnaire';

// The load generator, a process of its own: keep-alive HTTP/1.1 connections, each with one request in flight
// (as phones send: no pipelining), a fresh Idempotency-Key for every request and a valid body drawn from a few
// thousand made beforehand. It writes requests and reads replies on plain sockets: autocannon spent about 140 µs
// of CPU per request here, which on a 2-core machine is CPU taken from the server it measures; this costs a
// fraction of that. Writes what it saw, with the id of every acknowledged (201) response, to the file it is given.

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

const TIMEOUT_MS = 10_000;
const HEADER_END = Buffer.from('\r\n\r\n');

/** One connection: sends a request, reads its whole reply, sends the next, until told to stop. */
class Connection {
  private socket!: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private sentAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private n: number;

  constructor(
    private readonly run: Run,
    index: number,
  ) {
    this.n = index * 997;
  }

  open(): void {
    this.buffer = Buffer.alloc(0);
    this.socket = connect({ host: this.run.host, port: this.run.port, noDelay: true });
    this.socket.on('connect', () => this.send());
    this.socket.on('data', (chunk) => this.onData(chunk));
    this.socket.on('error', () => this.fail('errors'));
  }

  private send(): void {
    if (this.run.stopped) {
      this.socket.end();
      this.run.closed();
      return;
    }
    const body = BODIES[this.n++ & (BODIES.length - 1)];
    this.sentAt = performance.now();
    this.timer = setTimeout(() => this.fail('timeouts'), TIMEOUT_MS);
    this.socket.write(
      `POST ${this.run.path} HTTP/1.1\r\nHost: ${this.run.hostHeader}\r\nContent-Type: application/json\r\n` +
        `Idempotency-Key: ${randomUUID()}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const end = this.buffer.indexOf(HEADER_END);
    if (end < 0) return;
    const head = this.buffer.subarray(0, end).toString('latin1');
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffer.length < end + 4 + length) return;
    const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
    this.buffer = this.buffer.subarray(end + 4 + length);
    if (this.timer) clearTimeout(this.timer);
    const status = Number(head.slice(9, 12));
    this.run.record(status, performance.now() - this.sentAt, body);
    if (/\r\nconnection: *close/i.test(head)) {
      this.socket.destroy();
      this.open();
    } else {
      this.send();
    }
  }

  private fail(kind: 'errors' | 'timeouts'): void {
    if (this.timer) clearTimeout(this.timer);
    this.run[kind] += 1;
    this.socket.destroy();
    if (this.run.stopped) this.run.closed();
    else this.open();
  }
}

class Run {
  readonly host: string;
  readonly port: number;
  readonly hostHeader: string;
  stopped = false;
  errors = 0;
  timeouts = 0;
  readonly statusCounts: Record<string, number> = {};
  readonly latencies: number[] = [];
  readonly acknowledgedIds: string[] = [];
  private open: number;
  private onAllClosed: () => void = () => undefined;

  constructor(
    readonly options: LoadOptions,
    readonly path = options.path,
  ) {
    const url = new URL(options.url);
    this.host = url.hostname;
    this.port = Number(url.port || 80);
    this.hostHeader = url.host;
    this.open = options.connections;
  }

  record(status: number, ms: number, body: string): void {
    this.statusCounts[status] = (this.statusCounts[status] ?? 0) + 1;
    this.latencies.push(ms);
    // The reply is {"id":"<uuid>",…}: cut the id out rather than parse every reply.
    if (status === 201) this.acknowledgedIds.push(body.startsWith('{"id":"') ? body.slice(7, 43) : (JSON.parse(body) as { id: string }).id);
  }

  closed(): void {
    if (--this.open === 0) this.onAllClosed();
  }

  /** Runs for the given time, then lets every connection finish its request in flight. */
  go(): Promise<void> {
    const all = new Promise<void>((resolve) => {
      this.onAllClosed = resolve;
    });
    for (let i = 0; i < this.options.connections; i++) new Connection(this, i).open();
    setTimeout(() => {
      this.stopped = true;
    }, this.options.seconds * 1000);
    return all;
  }
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]) as LoadOptions;
  const run = new Run(options);
  const started = performance.now();
  await run.go();
  const seconds = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(run.latencies).sort();
  const sum = run.latencies.reduce((a, b) => a + b, 0);
  const out: LoadResult = {
    seconds,
    statusCounts: run.statusCounts,
    latency: {
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      average: sum / (sorted.length || 1),
      max: sorted[sorted.length - 1] ?? 0,
    },
    errors: run.errors,
    timeouts: run.timeouts,
    acknowledgedIds: run.acknowledgedIds,
  };
  writeFileSync(options.out, JSON.stringify(out));
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err.stack ?? err.message);
    process.exit(1);
  },
);
