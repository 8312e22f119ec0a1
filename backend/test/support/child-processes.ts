import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// Children inherit the test file's own Redis prefix.

// Processes a test starts for real (the built API and workers, a Redis server of its own), so that it can kill them
// the way production gets killed. Each is tracked until it exits; stopAll() ends those still running, and an exit
// hook SIGKILLs any left over should the test process end without its afterAll.

const ROOT = resolve(__dirname, '../../..');
/** The built processes, as `npm run start:api` and `npm run start:workers` run them. */
export const API_MAIN = join(ROOT, 'dist/backend/src/main.js');
export const WORKERS_MAIN = join(ROOT, 'dist/workers/src/main.js');
const OUTPUT_KEPT = 32 * 1024;

export interface Child {
  readonly name: string;
  readonly pid: number;
  /** Settles when the process has exited, however it ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
  /** The end of what it wrote (stdout and stderr), for failure messages. */
  output(): string;
  /** Resolves once its output matches; rejects if it exits first or `timeoutMs` passes. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** Sends the signal and waits for the exit (SIGKILL by default: no chance to clean up). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const alive = new Set<Child>();
process.once('exit', () => {
  for (const child of alive) {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
});

export interface OutputOptions {
  /** Called with every whole line it writes (stdout and stderr apart), from the first: output() keeps only the end. */
  onLine?: (line: string) => void;
}

/**
 * The environment of a child: `base` plus `env`, where an undefined value removes the variable (e.g. a child started
 * without the JWT_SECRET the test process has).
 */
export type ChildEnv = Record<string, string | undefined>;

function mergeEnv(base: NodeJS.ProcessEnv, env: ChildEnv): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...base };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return merged;
}

/** Starts a process and keeps the end of its output; rejects if it cannot be started at all (not installed…). */
export async function startProcess(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: OutputOptions = {},
): Promise<Child> {
  const proc: ChildProcess = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((ok, fail) => {
    proc.once('spawn', ok);
    proc.once('error', (err) => fail(new Error(`Could not start ${name} (${command}): ${err.message}`)));
  });
  let output = '';
  proc.on('error', (err) => {
    output += `\n[${name}: ${err.message}]`;
  });
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
    for (const listener of listeners) listener();
  };
  const lines = (stream: NodeJS.ReadableStream | null) => {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop()!;
      for (const line of parts) options.onLine?.(line);
    });
    stream?.on('end', () => {
      if (partial) options.onLine?.(partial);
    });
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  if (options.onLine) {
    lines(proc.stdout);
    lines(proc.stderr);
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) => {
    proc.once('exit', (code, signal) => ok({ code, signal }));
  });
  const running = () => proc.exitCode === null && proc.signalCode === null;

  const child: Child = {
    name,
    pid: proc.pid!,
    exited,
    running,
    output: () => output,
    waitForOutput(pattern, timeoutMs) {
      return new Promise<void>((ok, fail) => {
        const done = (err?: Error) => {
          listeners.delete(check);
          clearTimeout(timer);
          if (err) fail(err);
          else ok();
        };
        const check = () => {
          if (pattern.test(output)) done();
        };
        const timer = setTimeout(
          () => done(new Error(`${name} did not print ${pattern} within ${timeoutMs} ms. Its output:\n${output}`)),
          timeoutMs,
        );
        listeners.add(check);
        void exited.then(({ code, signal }) =>
          done(new Error(`${name} exited (${signal ?? code}) before printing ${pattern}. Its output:\n${output}`)),
        );
        check();
      });
    },
    async kill(signal = 'SIGKILL') {
      if (running()) proc.kill(signal);
      await exited;
    },
    async stop(graceMs = 10_000) {
      if (!running()) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (running()) proc.kill('SIGKILL');
      }, graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  alive.add(child);
  void exited.then(() => alive.delete(child));
  return child;
}

/** Ends every process started here that still runs. */
export async function stopAll(graceMs = 5_000): Promise<void> {
  await Promise.all([...alive].map((child) => child.stop(graceMs)));
}

/** Fails with a clear message when the build is missing: these tests run what `npm run build:server` made. */
export function assertBuilt(): void {
  for (const main of [API_MAIN, WORKERS_MAIN]) {
    if (!existsSync(main))
      throw new Error(
        `These tests run the built processes, and ${main} is missing: run \`npm run build:server\` first (\`npm test\` does).`,
      );
  }
}

/** Starts a built entry point with the test's environment plus `env`, and waits until it says it is ready. */
async function startBuilt(name: string, main: string, ready: RegExp, env: ChildEnv, options: OutputOptions): Promise<Child> {
  assertBuilt();
  const child = await startProcess(name, process.execPath, [main], mergeEnv(process.env, { LOG_LEVEL: 'warn', ...env }), options);
  try {
    await child.waitForOutput(ready, 60_000);
  } catch (err) {
    await child.kill();
    throw err;
  }
  return child;
}

/** The built worker process (dist/workers/src/main.js), once it says it is ready. */
export function startWorkers(name: string, env: ChildEnv, options: OutputOptions = {}): Promise<Child> {
  return startBuilt(name, WORKERS_MAIN, /Repère workers are ready/, env, options);
}

/** The built API (dist/backend/src/main.js) on a free port of 127.0.0.1, once it listens; `url` is its origin. */
export async function startApi(name: string, env: ChildEnv, options: OutputOptions = {}): Promise<{ child: Child; url: string }> {
  const port = await freePort();
  const child = await startBuilt(name, API_MAIN, /Repère is ready at/, { ...env, PORT: String(port), HOST: '127.0.0.1' }, options);
  return { child, url: `http://127.0.0.1:${port}` };
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Starts it (again) on the same port, empty: nothing is saved. */
  start(): Promise<void>;
  /** SIGKILL: the way a crash or an OOM kill takes it away. */
  kill(): Promise<void>;
  /** Stops it for good and removes its directory. */
  close(): Promise<void>;
}

/** A Redis server of the test's own, on a free port, that keeps nothing on disk, so a restart starts empty. */
export async function privateRedis(name = 'redis-server'): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'repere-redis-'));
  let server: Child | null = null;
  const self: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (server?.running()) throw new Error(`${name} is already running`);
      server = await startProcess(
        name,
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
        process.env,
      );
      await server.waitForOutput(/Ready to accept connections/, 30_000);
    },
    async kill() {
      await server?.kill('SIGKILL');
      server = null;
    },
    async close() {
      await server?.kill('SIGKILL');
      server = null;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await self.start();
  } catch (err) {
    await self.close();
    throw err;
  }
  return self;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no free port'))));
    });
  });
}
