import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { onServer as onServerOf, withDatabase } from './support/database';
import { DEFAULT_DATABASE_URL } from '../backend/src/config/defaults';
import type { LoadOptions, LoadResult } from './load';
import { BENCH_QUESTIONS, BENCH_SLUG, LANGUAGES } from './support/bench-questionnaire';
import { abortBench, cpuBetween, cpuByPid, cpuSeconds, finished, freePort, killAll, machineCpu, start, stop, waitForHttp } from './support/processes';

// npm run bench:ingest — residents' responses per second on the public endpoint of the real API, against the
// same endpoint written the obvious way. Builds the server first (the npm script runs build:server), then:
// a fresh database, one published questionnaire, each server started as a child process and loaded from a
// second process (bench/load.ts) with a fresh Idempotency-Key and body per request. A response counts once
// committed: the ids of all 201s are looked up in the database afterwards.
//   BENCH_SECONDS (30)  BENCH_CONNECTIONS (128)  BENCH_WARMUP_SECONDS (3)  DATABASE_URL  REDIS_URL
//   BENCH_ONLY=ours (skip the baseline)  BENCH_SERVER_NODE_ARGS="--cpu-prof" (node flags for the API)
//   BENCH_API=…/main.js (another build of the API, to compare)

const ROOT = resolve(__dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 128);
const BASE_URL = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const TARGET = { perSecond: 5000, p99Ms: 100, ratio: 3 };
const PATH = `/api/public/questionnaires/${BENCH_SLUG}/responses`;
/** Extra node flags for the API (e.g. `--cpu-prof`), for finding where its time goes. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

interface Figures {
  name: string;
  perSecond: number;
  acknowledged: number;
  committed: number;
  rowsWritten: number;
  p50: number;
  p99: number;
  errors: number;
  statusCounts: Record<string, number>;
  cpu: { server: number; load: number; postgres: number; machine: number };
}


const onServer = <T>(fn: (c: Client) => Promise<T>): Promise<T> => onServerOf(BASE_URL, fn);

/** The PostgreSQL processes working for the bench: its database's backends and the WAL writer, checkpointer and background writer. */
async function postgresPids(db: Client, database: string): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 OR backend_type IN ('walwriter', 'checkpointer', 'background writer')`, [database]);
  return rows.map((r) => r.pid);
}

async function seed(url: string): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const title = { fr: 'Journée de Bienvenue (banc d’essai)', en: 'Welcome Day (bench)', ar: 'يوم الترحيب (اختبار)' };
    const [{ id: planId }] = (await db.query<{ id: string }>(
      `INSERT INTO plans (title, start_date, end_date, midterm_date) VALUES ('Banc d’essai', '2024-01-01', '2026-12-31', '2025-07-01') RETURNING id`)).rows;
    const [{ id: questionnaireId }] = (await db.query<{ id: string }>(
      `INSERT INTO questionnaires (plan_id, slug, title, default_language, languages, questions, status, current_version)
       VALUES ($1, $2, $3, 'fr', $4, $5, 'published', 1) RETURNING id`,
      [planId, BENCH_SLUG, JSON.stringify(title), LANGUAGES, JSON.stringify(BENCH_QUESTIONS)])).rows;
    await db.query(
      `INSERT INTO questionnaire_versions (questionnaire_id, version, title, default_language, languages, questions) VALUES ($1, 1, $2, 'fr', $3, $4)`,
      [questionnaireId, JSON.stringify(title), LANGUAGES, JSON.stringify(BENCH_QUESTIONS)]);
    // The baseline's one row per answer.
    await db.query(`CREATE TABLE naive_answers (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), response_id uuid NOT NULL, question_id uuid NOT NULL, value jsonb)`);
  } finally {
    await db.end();
  }
}

async function load(url: string, seconds: number): Promise<LoadResult & { loadCpu: number }> {
  const out = join(tmpdir(), `repere-bench-load-${process.pid}-${Date.now()}.json`);
  const options: LoadOptions = { url, path: PATH, connections: CONNECTIONS, seconds, out };
  const child = start(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/load.ts'), JSON.stringify(options)], process.env, 'load');
  let cpu = 0;
  const sample = setInterval(() => { if (child.pid) cpu = Math.max(cpu, cpuSeconds([child.pid])); }, 250);
  try {
    const code = await finished(child, (seconds + 60) * 1000);
    if (code !== 0) throw new Error(`the load generator failed (exit ${code})`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as LoadResult;
    return { ...result, loadCpu: cpu };
  } finally {
    clearInterval(sample);
    rmSync(out, { force: true });
  }
}

async function measure(name: string, url: string, command: string[], env: NodeJS.ProcessEnv): Promise<Figures> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  process.stdout.write(`\n${name}: starting on port ${port}…\n`);
  const server = start(process.execPath, command, { ...env, PORT: String(port) }, name);
  const db = new Client({ connectionString: url });
  db.on('error', () => undefined); // the database is dropped under it when the bench is interrupted
  await db.connect();
  try {
    await waitForHttp(`${base}/api/health`, server);
    process.stdout.write(`${name}: warming up for ${WARMUP} s…\n`);
    await load(base, WARMUP);
    await db.query('CHECKPOINT');
    const rowsBefore = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM responses')).rows[0].n);
    process.stdout.write(`${name}: loading for ${SECONDS} s with ${CONNECTIONS} connections…\n`);
    const database = new URL(url).pathname.slice(1);
    const pg = await postgresPids(db, database);
    const before = { server: cpuSeconds([server.pid as number]), pg: cpuByPid(pg), machine: machineCpu() };
    const result = await load(base, SECONDS);
    const after = { server: cpuSeconds([server.pid as number]), pg: cpuByPid(pg), machine: machineCpu() };
    await new Promise((r) => setTimeout(r, 500)); // requests in flight when the load stopped finish
    const ids = result.acknowledgedIds;
    const committed = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM responses WHERE id = ANY($1::uuid[])', [ids])).rows[0].n);
    const rowsAfter = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM responses')).rows[0].n);
    const acknowledged = result.statusCounts['201'] ?? 0;
    const other = Object.entries(result.statusCounts).filter(([code]) => code !== '201').reduce((n, [, c]) => n + c, 0);
    const wall = result.seconds;
    const window = (after.machine.total - before.machine.total) / cpus().length || wall; // wall seconds between the snapshots
    return {
      name, acknowledged, committed, rowsWritten: rowsAfter - rowsBefore,
      perSecond: committed / wall, p50: result.latency.p50, p99: result.latency.p99,
      errors: other + result.errors + result.timeouts, statusCounts: result.statusCounts,
      cpu: {
        server: (after.server - before.server) / window, load: result.loadCpu / window, postgres: cpuBetween(before.pg, after.pg) / window,
        machine: (after.machine.busy - before.machine.busy) / window,
      },
    };
  } finally {
    await db.end();
    await stop(server);
  }
}

function report(ours: Figures, naive: Figures | null): void {
  const runs = naive ? [ours, naive] : [ours];
  const ratio = naive ? ours.perSecond / Math.max(naive.perSecond, 1e-9) : null;
  const n = (v: number, d = 0) => v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  const row = (label: string, f: (x: Figures) => string) => `  ${label.padEnd(40)}${runs.map((x) => f(x).padStart(14)).join('')}`;
  const lines = [
    '',
    `Responses ingest: ${SECONDS} s, ${CONNECTIONS} connections, a fresh Idempotency-Key and body per request`,
    `  ${''.padEnd(40)}${runs.map((x) => x.name.padStart(14)).join('')}`,
    row('accepted responses/s (committed)', (x) => n(x.perSecond)),
    row('201 answers', (x) => n(x.acknowledged)),
    row('  of which found in the database', (x) => n(x.committed)),
    row('rows written (incl. in flight at the stop)', (x) => n(x.rowsWritten)),
    row('latency p50 (ms)', (x) => n(x.p50, 1)),
    row('latency p99 (ms)', (x) => n(x.p99, 1)),
    row('errors (non-201, socket, timeouts)', (x) => n(x.errors)),
    row('CPU cores used: API server', (x) => n(x.cpu.server, 2)),
    row('CPU cores used: load generator', (x) => n(x.cpu.load, 2)),
    row('CPU cores used: PostgreSQL', (x) => n(x.cpu.postgres, 2)),
    row('CPU cores used: anything else', (x) => n(Math.max(0, x.cpu.machine - x.cpu.server - x.cpu.load - x.cpu.postgres), 2)),
    row(`CPU cores used: whole machine (of ${cpus().length})`, (x) => n(x.cpu.machine, 2)),
    ...(ratio !== null ? [`  ratio group commit / naive: ${n(ratio, 2)}×`] : []),
    '',
    'Targets (issue 3):',
    `  ≥ ${n(TARGET.perSecond)} responses/s: ${ours.perSecond >= TARGET.perSecond ? 'yes' : 'no'} (${n(ours.perSecond)})`,
    `  p99 < ${TARGET.p99Ms} ms: ${ours.p99 < TARGET.p99Ms ? 'yes' : 'no'} (${n(ours.p99, 1)} ms)`,
    ...(ratio !== null ? [`  ≥ ${TARGET.ratio}× the naive baseline: ${ratio >= TARGET.ratio ? 'yes' : 'no'} (${n(ratio, 2)}×)`] : []),
    `  every 201 committed: ${runs.every((x) => x.committed === x.acknowledged) ? 'yes' : 'NO'}`,
  ];
  const others = Math.max(...runs.map((x) => x.cpu.machine - x.cpu.server - x.cpu.load - x.cpu.postgres));
  if (others > 0.3) lines.push(`  note: other work on this machine took up to ${n(others, 2)} cores during the runs; these figures are lower than on a quiet machine`);
  console.log(lines.join('\n'));
  for (const x of runs) if (x.errors > 0) console.log(`  ${x.name} status counts: ${JSON.stringify(x.statusCounts)}`);
}

async function main(): Promise<void> {
  const api = process.env.BENCH_API || join(ROOT, 'dist/backend/src/main.js');
  const migrate = join(ROOT, 'dist/backend/src/database/migrate.js');
  if (!existsSync(api) || !existsSync(migrate)) throw new Error('dist/ is missing: run `npm run build:server` first (npm run bench:ingest does).');
  const name = benchDatabase;
  await onServer((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(BASE_URL, name);
  try {
    const migrated = start(process.execPath, [migrate], { ...process.env, DATABASE_URL: url }, 'migrate');
    if ((await finished(migrated, 120_000)) !== 0) throw new Error('migrating the bench database failed');
    await seed(url);
    const ours = await measure('group commit', url, [...SERVER_NODE_ARGS, api], {
      ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', DATABASE_URL: url, PUBLIC_RATE_LIMIT: '0', LOG_LEVEL: 'warn',
      JWT_SECRET: randomBytes(32).toString('hex'), QUEUE_PREFIX: name, WEB_DIST: join(tmpdir(), 'repere-bench-no-web'),
    });
    if (process.env.BENCH_ONLY === 'ours') {
      report(ours, null);
      return;
    }
    const naive = await measure('naive', url, ['--import', 'tsx', join(ROOT, 'bench/naive/server.ts')], { ...process.env, DATABASE_URL: url });
    report(ours, naive);
  } finally {
    killAll();
    await dropBenchDatabase();
  }
}

const benchDatabase = `repere_bench_${Date.now()}`;
let dropped = false;
async function dropBenchDatabase(): Promise<void> {
  if (dropped) return;
  dropped = true;
  await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${benchDatabase}" WITH (FORCE)`));
}

/** Interrupted or out of time: children stopped, the bench database dropped (within 10 s), then out. */
const abort = (code: number, why: string) => abortBench(code, why, dropBenchDatabase, 10_000);

// Bounded: whatever happens, the bench ends (and its children with it).
const deadline = setTimeout(() => abort(2, 'bench:ingest took too long; stopping.'), ((SECONDS + WARMUP) * 2 + 300) * 1000);
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => abort(130, `bench:ingest: ${signal}, stopping.`));

main().then(() => {
  clearTimeout(deadline);
  process.exit(0);
}, (err: Error) => {
  console.error(`bench:ingest failed: ${err.stack ?? err.message}`);
  killAll();
  process.exit(1);
});
