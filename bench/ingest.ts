import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DEFAULT_DATABASE_URL } from '../backend/src/config/defaults';
import { onServer as onServerOf, withDatabase } from './support/database';
import type { LoadOptions, LoadResult } from './load';
import { BENCH_QUESTIONS, BENCH_SLUG, LANGUAGES, Q } from './support/bench-questionnaire';
import { seedPlan } from './aggregate/seed';
import { prefill } from './ingest/prefill';
import { abortBench, cpuByPid, cpuSeconds, finished, freePort, killAll, machineCpu, start, stop, waitForHttp } from './support/processes';

// npm run bench:ingest — residents' responses per second on the public endpoint of the real API (with its workers
// recomputing the indicators the questionnaire feeds, as `npm start` runs them), against the same endpoint written the
// obvious way (naive) and against the floor (bench/floor/server.ts: one INSERT of the body per request). Builds the
// server first (the npm script runs build:server), then: a fresh database, one published questionnaire and three
// indicators it feeds, each server started as a child process and loaded from a second process (bench/load.ts) with a
// fresh Idempotency-Key and body per request. A response counts once committed: the ids of all 201s are looked up in
// the database afterwards. Then the API again, against a table already holding BENCH_PREFILL_ROWS responses.
//   BENCH_SECONDS (20)  BENCH_CONNECTIONS (64)  BENCH_WARMUP_SECONDS (3)  DATABASE_URL  REDIS_URL
//   BENCH_ONLY=ours (skip the baselines)  BENCH_BASELINES=floor,naive (which ones)  BENCH_PREFILL_ROWS (1000000; 0: skip)
//   BENCH_ANALYZE=0 (no ANALYZE after the prefill or the warm-up: stale statistics)  BENCH_LOG_LEVEL (info, npm start's)  BENCH_STATS_SETTLE_SECONDS (11)  BENCH_NO_WORKERS=1
//   BENCH_AUTO_EXPLAIN=<ms> (auto_explain in the bench database; plans scanning `responses` are counted from BENCH_PG_LOG)
//   BENCH_SERVER_NODE_ARGS="--cpu-prof" (node flags for the API)  BENCH_API=…/main.js (another build of it, to compare)

const ROOT = resolve(__dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const BASE_URL = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const PREFILL_ROWS = Number(process.env.BENCH_PREFILL_ROWS ?? 1_000_000);
const BASELINES = process.env.BENCH_ONLY === 'ours' ? [] : (process.env.BENCH_BASELINES ?? 'floor,naive').split(',').filter(Boolean);
/** npm start's level (LOG_LEVEL's default): the ingest route logs nothing per response at it. */
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
/**
 * A backend reports its table statistics at most once a second, and an idle one only after 10 s: the counters are
 * read that long after the load has stopped (and before it starts), so that they hold everything done during it.
 */
const SETTLE_SECONDS = Number(process.env.BENCH_STATS_SETTLE_SECONDS ?? 11);
const AUTO_EXPLAIN_MS = process.env.BENCH_AUTO_EXPLAIN;
const PG_LOG = process.env.BENCH_PG_LOG ?? '/var/log/postgresql/postgresql-15-main.log';
const TARGET = { perSecond: 5000, p99Ms: 50, naiveRatio: 3, floorRatio: 1.5, prefilledWithin: 0.1 };
const PATH = `/api/public/questionnaires/${BENCH_SLUG}/responses`;
/** Extra node flags for the API (e.g. `--cpu-prof`), for finding where its time goes. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** What pg_stat_user_tables counts for a table. */
interface TableStats {
  seqScan: number;
  seqTupRead: number;
  idxScan: number;
  idxTupFetch: number;
  inserted: number;
}

interface Figures {
  name: string;
  storedBefore: number;
  perSecond: number;
  acknowledged: number;
  committed: number;
  rowsWritten: number;
  p50: number;
  p99: number;
  errors: number;
  statusCounts: Record<string, number>;
  cpu: { server: number; workers: number; load: number; postgres: number; machine: number };
  /** For the API's runs: `responses`' counters over the load, the other tables sequentially scanned, the indicators' lag after it. */
  responses?: TableStats;
  otherSeqScans?: string[];
  catchUpMs?: number | null;
  scanPlans?: Map<string, number>;
}

interface Run {
  name: string;
  command: string[];
  env: NodeJS.ProcessEnv;
  /** Where its responses go: the ids of its 201s are looked up there. */
  table: 'responses' | 'floor_responses';
  /** The worker process, started with the API (same environment). */
  workers?: string[];
}

const onServer = <T>(fn: (c: Client) => Promise<T>): Promise<T> => onServerOf(BASE_URL, fn);

/** The PostgreSQL processes working for the bench: its database's backends and the WAL writer, checkpointer and background writer. */
async function postgresPids(db: Client, database: string): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 OR backend_type IN ('walwriter', 'checkpointer', 'background writer')`,
    [database],
  );
  return rows.map((r) => r.pid);
}

async function tableStats(db: Client): Promise<Map<string, TableStats>> {
  const { rows } = await db.query<{
    relname: string;
    seq_scan: string;
    seq_tup_read: string;
    idx_scan: string | null;
    idx_tup_fetch: string | null;
    n_tup_ins: string;
  }>('SELECT relname, seq_scan, seq_tup_read, idx_scan, idx_tup_fetch, n_tup_ins FROM pg_stat_user_tables');
  return new Map(
    rows.map((r) => [
      r.relname,
      {
        seqScan: Number(r.seq_scan),
        seqTupRead: Number(r.seq_tup_read),
        idxScan: Number(r.idx_scan ?? 0),
        idxTupFetch: Number(r.idx_tup_fetch ?? 0),
        inserted: Number(r.n_tup_ins),
      },
    ]),
  );
}

const minus = (a: TableStats | undefined, b: TableStats | undefined): TableStats => ({
  seqScan: (a?.seqScan ?? 0) - (b?.seqScan ?? 0),
  seqTupRead: (a?.seqTupRead ?? 0) - (b?.seqTupRead ?? 0),
  idxScan: (a?.idxScan ?? 0) - (b?.idxScan ?? 0),
  idxTupFetch: (a?.idxTupFetch ?? 0) - (b?.idxTupFetch ?? 0),
  inserted: (a?.inserted ?? 0) - (b?.inserted ?? 0),
});

/** Indicators fed by the bench questionnaire whose stored months are behind its change log (0: all caught up). */
async function behind(db: Client): Promise<number> {
  const {
    rows: [{ n }],
  } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n
       FROM indicators i JOIN questionnaires q ON q.id::text = i.source->>'questionnaireId' AND q.slug = $1
       JOIN (SELECT questionnaire_id, month, sum(weight) AS version FROM response_changes GROUP BY 1, 2) c ON c.questionnaire_id = q.id
       LEFT JOIN indicator_months m ON m.indicator_id = i.id AND m.month = c.month
      WHERE m.source_version IS DISTINCT FROM c.version`,
    [BENCH_SLUG],
  );
  return n;
}

/** Waits until the indicators have caught up with the responses; how long it took (null: not within `timeoutMs`). */
async function caughtUp(db: Client, timeoutMs: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if ((await behind(db)) === 0) return Date.now() - started;
    await sleep(100);
  }
  return null;
}

/** CPU seconds used between two readings; a process absent from the first started in between. */
function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += Math.max(0, seconds - (before.get(pid) ?? 0));
  return total;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The bench questionnaire, the indicators it feeds, and the baselines' tables; its version's answer keys. */
async function seed(url: string): Promise<{ questionnaireId: string; answerKeys: Record<string, string> }> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const title = { fr: 'Journée de Bienvenue (banc d’essai)', en: 'Welcome Day (bench)', ar: 'يوم الترحيب (اختبار)' };
    // A plan in its fourth year of six, so that every response of the load falls within it.
    const start = new Date();
    start.setUTCFullYear(start.getUTCFullYear() - 3);
    const { planId, objectiveId } = await seedPlan(db, start.toISOString().slice(0, 10));
    const [{ id: questionnaireId }] = (
      await db.query<{ id: string }>(
        `INSERT INTO questionnaires (plan_id, slug, title, default_language, languages, questions, status, current_version)
       VALUES ($1, $2, $3, 'fr', $4, $5, 'published', 1) RETURNING id`,
        [planId, BENCH_SLUG, JSON.stringify(title), LANGUAGES, JSON.stringify(BENCH_QUESTIONS)],
      )
    ).rows;
    // answer_keys: assigned by the database's trigger (migration CompactResponses).
    const [{ answer_keys: answerKeys }] = (
      await db.query<{ answer_keys: Record<string, string> }>(
        `INSERT INTO questionnaire_versions (questionnaire_id, version, title, default_language, languages, questions) VALUES ($1, 1, $2, 'fr', $3, $4)
       RETURNING answer_keys`,
        [questionnaireId, JSON.stringify(title), LANGUAGES, JSON.stringify(BENCH_QUESTIONS)],
      )
    ).rows;
    // What the workers recompute while responses arrive: a count, a share and a mean, broken down by single- and
    // multiple-choice ADS+ questions (a multiple choice takes a scan of its own).
    const indicators: [string, string, string, string[], object][] = [
      ['Réponses', 'response_count', 'month', ['gender'], { questionnaireId }],
      [
        'Ont entendu parler de la journée par des proches',
        'answer_share',
        'quarter',
        ['age_group', 'language'],
        { questionnaireId, questionId: Q.heardFrom, anyOf: ['friends'] },
      ],
      ['Satisfaction', 'scale_mean', 'month', ['immigration'], { questionnaireId, questionId: Q.satisfaction }],
    ];
    for (const [name, kind, grain, dimensions, source] of indicators) {
      await db.query(
        `INSERT INTO indicators (plan_id, objective_id, name, kind, status, grain, dimensions, source, baseline_value, final_target)
         VALUES ($1, $2, $3, $4, 'active', $5, $6::dimension[], $7, 0, 100)`,
        [planId, objectiveId, name, kind, grain, dimensions, JSON.stringify(source)],
      );
    }
    // The naive baseline's one row per answer; the floor's one-column table.
    await db.query(
      `CREATE TABLE naive_answers (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), response_id uuid NOT NULL, question_id uuid NOT NULL, value jsonb)`,
    );
    await db.query(`CREATE TABLE floor_responses (body jsonb)`);
    if (AUTO_EXPLAIN_MS !== undefined) {
      const name = new URL(url).pathname.slice(1);
      await db.query(`ALTER DATABASE "${name}" SET session_preload_libraries = 'auto_explain'`);
      await db.query(`ALTER DATABASE "${name}" SET auto_explain.log_min_duration = '${Number(AUTO_EXPLAIN_MS)}ms'`);
      await db.query(`ALTER DATABASE "${name}" SET auto_explain.log_nested_statements = on`);
    }
    return { questionnaireId, answerKeys };
  } finally {
    await db.end();
  }
}

/**
 * Empties what the first runs wrote (responses, the change log, the indicators' stored months and values), then writes
 * `rows` responses answered over the 24 months before now, then ANALYZE: autovacuum would, after a million inserts;
 * it is off on some servers (this machine's), where the planner would otherwise plan with an empty table's statistics.
 */
async function prefillTable(url: string, questionnaireId: string, answerKeys: Record<string, string>, rows: number): Promise<void> {
  const connections = [new Client({ connectionString: url }), new Client({ connectionString: url })];
  await Promise.all(connections.map((c) => c.connect()));
  try {
    const [db] = connections;
    await db.query('TRUNCATE responses, response_changes, indicator_months, indicator_values, indicator_computations, naive_answers');
    const to = new Date();
    const from = new Date(to.getTime() - 730 * 86_400_000);
    const started = Date.now();
    let shown = 0;
    await prefill(connections, questionnaireId, answerKeys, rows, from, to, (done) => {
      if (done - shown >= rows / 4 || done === rows) {
        shown = done;
        process.stdout.write(
          `prefill: ${done.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} responses (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
        );
      }
    });
    const {
      rows: [{ autovacuum }],
    } = await db.query<{ autovacuum: string }>('SHOW autovacuum');
    if (process.env.BENCH_ANALYZE === '0') {
      process.stdout.write(
        `prefill: no ANALYZE (BENCH_ANALYZE=0; autovacuum is ${autovacuum}): the planner keeps the empty table's statistics\n`,
      );
    } else {
      process.stdout.write(
        `prefill: ANALYZE responses, response_changes (autovacuum is ${autovacuum} on this server${autovacuum === 'off' ? ': nothing else would' : ''}; production's would after these inserts)\n`,
      );
      await db.query('ANALYZE responses, response_changes');
    }
    await db.query('CHECKPOINT');
  } finally {
    await Promise.all(connections.map((c) => c.end()));
  }
}

async function load(url: string, seconds: number): Promise<LoadResult & { loadCpu: number }> {
  const out = join(tmpdir(), `repere-bench-load-${process.pid}-${Date.now()}.json`);
  const options: LoadOptions = { url, path: PATH, connections: CONNECTIONS, seconds, out };
  const child = start(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/load.ts'), JSON.stringify(options)], process.env, 'load');
  let cpu = 0;
  const sample = setInterval(() => {
    if (child.pid) cpu = Math.max(cpu, cpuSeconds([child.pid]));
  }, 250);
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

/** Plans auto_explain logged for this database from `offset` on that scan `responses` sequentially, by query. */
function scanPlansLogged(database: string, offset: number, end: number): Map<string, number> {
  const out = new Map<string, number>();
  let text: string;
  try {
    text = readFileSync(PG_LOG).subarray(offset, end).toString('utf8');
  } catch {
    return out;
  }
  let ours = false;
  let query = '';
  for (const line of text.split('\n')) {
    const head = /^\S+ \S+ \S+ \[\d+\] \S*@(\S+) /.exec(line);
    if (head) {
      ours = head[1] === database;
      query = '';
      continue;
    }
    if (!ours) continue;
    const q = /Query Text: (.*)/.exec(line);
    if (q) query = q[1].replace(/\s+/g, ' ').slice(0, 160);
    else if (/Seq Scan on responses\b/.test(line)) out.set(query, (out.get(query) ?? 0) + 1);
  }
  return out;
}

const logSize = (): number => {
  try {
    return statSync(PG_LOG).size;
  } catch {
    return 0;
  }
};

async function measure(run: Run, url: string): Promise<Figures> {
  const { name } = run;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  process.stdout.write(`\n${name}: starting on port ${port}${run.workers ? ' with the workers' : ''}…\n`);
  const workers = run.workers ? start(process.execPath, run.workers, run.env, `${name} workers`) : null;
  const server = start(process.execPath, run.command, { ...run.env, PORT: String(port) }, name);
  const db = new Client({ connectionString: url });
  db.on('error', () => undefined); // the database is dropped under it when the bench is interrupted
  await db.connect();
  const database = new URL(url).pathname.slice(1);
  try {
    await waitForHttp(`${base}/api/health`, server);
    process.stdout.write(`${name}: warming up for ${WARMUP} s…\n`);
    await load(base, WARMUP);
    if (workers) {
      // The indicators are computed before the load (a first computation reads every month: not what live traffic costs).
      const waited = await caughtUp(db, 180_000);
      process.stdout.write(
        `${name}: indicators ${waited === null ? 'NOT caught up after 180 s' : `caught up in ${(waited / 1000).toFixed(1)} s`}\n`,
      );
    }
    if (workers && process.env.BENCH_ANALYZE !== '0') {
      // What autovacuum does to a table that grew by a tenth (it is off on this machine's server: see prefillTable): the
      // planner then knows that the current month holds most of the rows the load wrote.
      await db.query('ANALYZE responses, response_changes');
      process.stdout.write(
        `${name}: ANALYZE responses, response_changes (as autovacuum would after the warm-up's inserts; it is off here)\n`,
      );
    }
    await db.query('CHECKPOINT');
    const storedBefore = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${run.table}`)).rows[0].n);
    if (workers) await sleep(SETTLE_SECONDS * 1000);
    const logFrom = logSize();
    const statsBefore = await tableStats(db);
    process.stdout.write(
      `${name}: loading for ${SECONDS} s with ${CONNECTIONS} connections (${storedBefore.toLocaleString('en-US')} rows stored)…\n`,
    );
    const pg = await postgresPids(db, database);
    const before = {
      server: cpuSeconds([server.pid as number]),
      workers: workers ? cpuSeconds([workers.pid as number]) : 0,
      pg: cpuByPid(pg),
      machine: machineCpu(),
    };
    const result = await load(base, SECONDS);
    // The pools open connections as they need them (and close those idle for 10 s): a backend that started during the
    // load counts from zero.
    const pgNow = [...new Set([...pg, ...(await postgresPids(db, database))])];
    const after = {
      server: cpuSeconds([server.pid as number]),
      workers: workers ? cpuSeconds([workers.pid as number]) : 0,
      pg: cpuByPid(pgNow),
      machine: machineCpu(),
    };
    let catchUpMs: number | null | undefined;
    let statsAfter: Map<string, TableStats> | undefined;
    let logTo = 0;
    if (workers) {
      const stopped = Date.now();
      catchUpMs = await caughtUp(db, SETTLE_SECONDS * 1000);
      await sleep(Math.max(0, SETTLE_SECONDS * 1000 - (Date.now() - stopped)));
      statsAfter = await tableStats(db);
      logTo = logSize();
    } else {
      await sleep(500); // requests in flight when the load stopped finish
    }
    const ids = result.acknowledgedIds;
    const found =
      run.table === 'responses'
        ? 'SELECT count(*) AS n FROM responses WHERE id = ANY($1::uuid[])'
        : `SELECT count(*) AS n FROM floor_responses WHERE body->>'id' = ANY($1::text[])`;
    const committed = Number((await db.query<{ n: string }>(found, [ids])).rows[0].n);
    const rowsAfter = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${run.table}`)).rows[0].n);
    const acknowledged = result.statusCounts['201'] ?? 0;
    const other = Object.entries(result.statusCounts)
      .filter(([code]) => code !== '201')
      .reduce((n, [, c]) => n + c, 0);
    const wall = result.seconds;
    const window = (after.machine.total - before.machine.total) / cpus().length || wall; // wall seconds between the snapshots
    const figures: Figures = {
      name,
      storedBefore,
      acknowledged,
      committed,
      rowsWritten: rowsAfter - storedBefore,
      perSecond: committed / wall,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: other + result.errors + result.timeouts,
      statusCounts: result.statusCounts,
      cpu: {
        server: (after.server - before.server) / window,
        workers: (after.workers - before.workers) / window,
        load: result.loadCpu / window,
        postgres: cpuSince(before.pg, after.pg) / window,
        machine: (after.machine.busy - before.machine.busy) / window,
      },
    };
    if (statsAfter) {
      figures.responses = minus(statsAfter.get('responses'), statsBefore.get('responses'));
      figures.otherSeqScans = [...statsAfter]
        .filter(([t]) => t !== 'responses')
        .map(([t, s]) => [t, minus(s, statsBefore.get(t))] as const)
        .filter(([, d]) => d.seqScan > 0)
        .map(([t, d]) => `${t} ${d.seqScan} (${d.seqTupRead.toLocaleString('en-US')} rows)`);
      figures.catchUpMs = catchUpMs;
      if (AUTO_EXPLAIN_MS !== undefined) figures.scanPlans = scanPlansLogged(database, logFrom, logTo);
    }
    return figures;
  } finally {
    await db.end();
    await stop(server);
    if (workers) await stop(workers);
  }
}

function report(runs: Figures[]): void {
  const ours = runs.find((x) => x.name === 'Repère')!;
  const prefilled = runs.find((x) => x.name.startsWith('Repère, '));
  const floor = runs.find((x) => x.name === 'floor');
  const naive = runs.find((x) => x.name === 'naive');
  const n = (v: number, d = 0) => v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  const row = (label: string, f: (x: Figures) => string) => `  ${label.padEnd(44)}${runs.map((x) => f(x).padStart(16)).join('')}`;
  const api = (f: (x: Figures) => string) => (x: Figures) => (x.responses ? f(x) : '');
  const ratio = (a: Figures, b: Figures | undefined) => (b ? a.perSecond / Math.max(b.perSecond, 1e-9) : null);
  const floorRatio = ratio(ours, floor);
  const naiveRatio = ratio(ours, naive);
  const change = prefilled ? prefilled.perSecond / ours.perSecond - 1 : null;
  const lines = [
    '',
    `Responses ingest: ${SECONDS} s, ${CONNECTIONS} connections, a fresh Idempotency-Key and body per request; the API with its workers (LOG_LEVEL=${LOG_LEVEL})`,
    `  ${''.padEnd(44)}${runs.map((x) => x.name.padStart(16)).join('')}`,
    row('rows stored when the load started', (x) => n(x.storedBefore)),
    row('accepted responses/s (committed)', (x) => n(x.perSecond)),
    row('201 answers', (x) => n(x.acknowledged)),
    row('  of which found in the database', (x) => n(x.committed)),
    row('rows written (incl. in flight at the stop)', (x) => n(x.rowsWritten)),
    row('latency p50 (ms)', (x) => n(x.p50, 1)),
    row('latency p99 (ms)', (x) => n(x.p99, 1)),
    row('errors (non-201, socket, timeouts)', (x) => n(x.errors)),
    row('CPU cores used: API server', (x) => n(x.cpu.server, 2)),
    row('CPU cores used: workers', (x) => (x.responses ? n(x.cpu.workers, 2) : '')),
    row('CPU cores used: load generator', (x) => n(x.cpu.load, 2)),
    row('CPU cores used: PostgreSQL', (x) => n(x.cpu.postgres, 2)),
    row('CPU cores used: anything else', (x) =>
      n(Math.max(0, x.cpu.machine - x.cpu.server - x.cpu.workers - x.cpu.load - x.cpu.postgres), 2),
    ),
    row(`CPU cores used: whole machine (of ${cpus().length})`, (x) => n(x.cpu.machine, 2)),
    row(
      'CPU µs per response: API (+ workers)',
      (x) =>
        `${n((x.cpu.server * 1e6) / Math.max(x.perSecond, 1e-9))}${x.responses ? ` + ${n((x.cpu.workers * 1e6) / Math.max(x.perSecond, 1e-9))}` : ''}`,
    ),
    row('CPU µs per response: PostgreSQL', (x) => n((x.cpu.postgres * 1e6) / Math.max(x.perSecond, 1e-9))),
    `  responses' pg_stat_user_tables, from the load's start to ${SETTLE_SECONDS} s after its end:`,
    row(
      '  sequential scans of responses',
      api((x) => n(x.responses!.seqScan)),
    ),
    row(
      '  rows they read (seq_tup_read)',
      api((x) => n(x.responses!.seqTupRead)),
    ),
    row(
      '  index scans of responses',
      api((x) => n(x.responses!.idxScan)),
    ),
    row(
      '  rows they fetched (idx_tup_fetch)',
      api((x) => n(x.responses!.idxTupFetch)),
    ),
    row(
      'indicators caught up after the load (s)',
      api((x) => (x.catchUpMs == null ? `> ${SETTLE_SECONDS}` : n(x.catchUpMs / 1000, 1))),
    ),
    ...runs
      .filter((x) => x.otherSeqScans?.length)
      .map((x) => `  ${x.name}: other tables scanned sequentially: ${x.otherSeqScans!.join(', ')}`),
    ...runs
      .filter((x) => x.scanPlans?.size)
      .flatMap((x) => [
        `  ${x.name}: plans with a Seq Scan on responses (auto_explain):`,
        ...[...x.scanPlans!].map(([q, c]) => `    ${c}× ${q}`),
      ]),
    ...(floorRatio !== null ? [`  Repère ÷ floor: ${n(floorRatio, 2)}×`] : []),
    ...(naiveRatio !== null ? [`  Repère ÷ naive: ${n(naiveRatio, 2)}×`] : []),
    ...(change !== null
      ? [`  Repère with ${n(prefilled!.storedBefore)} stored vs empty: ${change >= 0 ? '+' : ''}${n(change * 100, 1)} %`]
      : []),
    '',
    'Targets (issues 3 and 16):',
    `  ≥ ${n(TARGET.perSecond)} responses/s: ${ours.perSecond >= TARGET.perSecond ? 'yes' : 'no'} (${n(ours.perSecond)})`,
    ...[ours, ...(prefilled ? [prefilled] : [])].map(
      (x) => `  ${x.name}: p99 ≤ ${TARGET.p99Ms} ms: ${x.p99 <= TARGET.p99Ms ? 'yes' : 'no'} (${n(x.p99, 1)} ms)`,
    ),
    ...(floorRatio !== null
      ? [`  ≥ ${TARGET.floorRatio}× the floor: ${floorRatio >= TARGET.floorRatio ? 'yes' : 'no'} (${n(floorRatio, 2)}×)`]
      : []),
    ...(naiveRatio !== null
      ? [`  ≥ ${TARGET.naiveRatio}× the naive baseline: ${naiveRatio >= TARGET.naiveRatio ? 'yes' : 'no'} (${n(naiveRatio, 2)}×)`]
      : []),
    ...(change !== null
      ? [
          `  with ${n(prefilled!.storedBefore)} stored, within ${TARGET.prefilledWithin * 100} % of the empty table: ${Math.abs(change) <= TARGET.prefilledWithin ? 'yes' : 'no'} (${n(change * 100, 1)} %)`,
        ]
      : []),
    ...runs
      .filter((x) => x.responses)
      .map(
        (x) =>
          `  ${x.name}: no sequential scan of responses during the load: ${x.responses!.seqScan === 0 ? 'yes' : 'no'} (${x.responses!.seqScan})`,
      ),
    `  every 201 committed: ${runs.every((x) => x.committed === x.acknowledged) ? 'yes' : 'NO'}`,
  ];
  const others = Math.max(...runs.map((x) => x.cpu.machine - x.cpu.server - x.cpu.workers - x.cpu.load - x.cpu.postgres));
  if (others > 0.3)
    lines.push(
      `  note: other work on this machine took up to ${n(others, 2)} cores during the runs; these figures are lower than on a quiet machine`,
    );
  console.log(lines.join('\n'));
  for (const x of runs) if (x.errors > 0) console.log(`  ${x.name} status counts: ${JSON.stringify(x.statusCounts)}`);
}

async function main(): Promise<void> {
  const api = process.env.BENCH_API || join(ROOT, 'dist/backend/src/main.js');
  const workers = join(ROOT, 'dist/workers/src/main.js');
  const migrate = join(ROOT, 'dist/backend/src/database/migrate.js');
  if (!existsSync(api) || !existsSync(workers) || !existsSync(migrate))
    throw new Error('dist/ is missing: run `npm run build:server` first (npm run bench:ingest does).');
  const name = benchDatabase;
  await onServer((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(BASE_URL, name);
  try {
    const migrated = start(process.execPath, [migrate], { ...process.env, DATABASE_URL: url }, 'migrate');
    if ((await finished(migrated, 120_000)) !== 0) throw new Error('migrating the bench database failed');
    const { questionnaireId, answerKeys } = await seed(url);
    // As `npm start` runs it (the API and the workers, its default log level), in production mode, without the
    // per-client limit (one client sends everything) and with a queue prefix of its own.
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      PUBLIC_RATE_LIMIT: '0',
      LOG_LEVEL,
      JWT_SECRET: randomBytes(32).toString('hex'),
      QUEUE_PREFIX: name,
      WEB_DIST: join(tmpdir(), 'repere-bench-no-web'),
    };
    const ours = (label: string): Run => ({
      name: label,
      command: [...SERVER_NODE_ARGS, api],
      env,
      table: 'responses',
      workers: process.env.BENCH_NO_WORKERS === '1' ? undefined : [workers],
    });
    const runs: Figures[] = [await measure(ours('Repère'), url)];
    if (BASELINES.includes('floor')) {
      runs.push(
        await measure(
          {
            name: 'floor',
            command: ['--import', 'tsx', join(ROOT, 'bench/floor/server.ts')],
            env: { ...process.env, DATABASE_URL: url },
            table: 'floor_responses',
          },
          url,
        ),
      );
    }
    if (BASELINES.includes('naive')) {
      runs.push(
        await measure(
          {
            name: 'naive',
            command: ['--import', 'tsx', join(ROOT, 'bench/naive/server.ts')],
            env: { ...process.env, DATABASE_URL: url },
            table: 'responses',
          },
          url,
        ),
      );
    }
    if (PREFILL_ROWS > 0) {
      process.stdout.write(
        `\nprefill: ${PREFILL_ROWS.toLocaleString('en-US')} responses over 24 months, written in SQL (bench/ingest/prefill.ts)…\n`,
      );
      await prefillTable(url, questionnaireId, answerKeys, PREFILL_ROWS);
      runs.push(await measure(ours(`Repère, ${PREFILL_ROWS >= 1e6 ? `${PREFILL_ROWS / 1e6}M` : `${PREFILL_ROWS / 1e3}k`}`), url));
    }
    report(runs);
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
const deadline = setTimeout(
  () => abort(2, 'bench:ingest took too long; stopping.'),
  ((SECONDS + WARMUP + 2 * SETTLE_SECONDS + 240) * 4 + 600) * 1000,
);
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => abort(130, `bench:ingest: ${signal}, stopping.`));

main().then(
  () => {
    clearTimeout(deadline);
    process.exit(0);
  },
  (err: Error) => {
    console.error(`bench:ingest failed: ${err.stack ?? err.message}`);
    killAll();
    process.exit(1);
  },
);
