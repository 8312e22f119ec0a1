import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';

// Children of the bench: each in a process group of its own, so that it and anything it starts can be
// stopped together, and all of them are stopped when the bench ends, however it ends.

const children = new Set<ChildProcess>();

/**
 * Starts a child; its standard error is the bench's. `BENCH_CHILD_LOGS=<folder>` keeps each child's standard output
 * (the servers' logs) in `<folder>/<name>.log`, to see what a server was doing when a phase went wrong.
 */
export function start(command: string, args: string[], env: NodeJS.ProcessEnv, name: string): ChildProcess {
  const logs = process.env.BENCH_CHILD_LOGS;
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', logs ? 'pipe' : 'ignore', 'pipe'] });
  if (logs) child.stdout?.pipe(createWriteStream(join(logs, `${name}.log`)));
  children.add(child);
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
  child.on('exit', () => children.delete(child));
  return child;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM, then SIGKILL when it has not exited within `graceMs`. */
export async function stop(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export function killAll(): void {
  for (const child of children) signalGroup(child, 'SIGKILL');
}

/** Resolves with the exit code; rejects when it does not end within `timeoutMs` (and kills it). */
export function finished(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signalGroup(child, 'SIGKILL');
      reject(new Error(`child ${child.pid} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Waits until something answers HTTP at the URL (any status). */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before answering`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`nothing answered at ${url} within ${timeoutMs} ms`);
}

const TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) used so far by each of these processes that still runs. */
export function cpuByPid(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / TICKS);
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

export function cpuSeconds(pids: number[]): number {
  let total = 0;
  for (const seconds of cpuByPid(pids).values()) total += seconds;
  return total;
}

/** CPU seconds used between two readings by the processes present in both. */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += Math.max(0, seconds - (before.get(pid) ?? seconds));
  return total;
}

/** Busy and total CPU seconds of the whole machine so far. */
export function machineCpu(): { busy: number; total: number } {
  const [line] = readFileSync('/proc/stat', 'utf8').split('\n');
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = values[3] + (values[4] ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / TICKS, total: total / TICKS };
}

/** Interrupted or out of time: children stopped, the bench's own clean-up given `bailMs` at most, then out. */
export function abortBench(code: number, why: string, cleanUp: () => Promise<void>, bailMs: number): void {
  console.error(why);
  killAll();
  const bail = setTimeout(() => process.exit(code), bailMs);
  void cleanUp()
    .catch(() => undefined)
    .finally(() => {
      clearTimeout(bail);
      process.exit(code);
    });
}
