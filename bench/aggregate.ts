import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import { Queue, QueueEvents } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from '../backend/src/config/defaults';
import { onServer as onServerOf, withDatabase } from './support/database';
import { randomBody, welcomeIds, WelcomeIds } from './aggregate/dataset';
import { API_MAIN, backend, DIST, ROOT, WORKERS_MAIN } from './aggregate/dist';
import { CpuMeter, CpuShare, share, waitForQuiet } from './aggregate/cpu';
import type { NaiveOptions, NaiveResult } from './aggregate/naive';
import { loadResponses, Plan, Questionnaire, seedAdmin, seedIndicator, seedPlan, seedQuestionnaire } from './aggregate/seed';
import { freshness, median, ms, n, percentile } from './aggregate/stats';
import type { TrafficOptions, TrafficResult } from './aggregate/traffic';
import { abortBench, finished, freePort, killAll, start, stop, waitForHttp } from './support/processes';

// npm run bench:aggregate — indicator values from a million responses (issue 4, « Speed »). Builds the server
// first (the npm script runs build:server), then on a fresh database `repere_bench_agg_<timestamp>`:
//   1. loads BENCH_ROWS (1,000,000) responses to the Welcome Day questionnaire (ADS+ block) over three years,
//      made by PostgreSQL in multi-row INSERT … SELECT generate_series chunks on two connections;
//   2. times the real AggregationService.recompute (dist/, constructed by hand) of a response_count and an
//      answer_share, each broken down by gender and age group: a first run, then BENCH_RUNS (3), median;
//   3. times the floor: the plain GROUP BY over the same rows, once per indicator, median of BENCH_RUNS;
//   3b. times the disclosure layer's share (issue 13): the scan with and without the sum of the record keys, and
//      protectCells beside the roll-up in JavaScript;
//   4. times the naive baseline: the rows as TypeORM Response entities, aggregated in JavaScript, in a child with
//      a bounded heap (BENCH_NAIVE_HEAP_MB, 2048) and time (BENCH_NAIVE_SECONDS, 120): all at once, then paged;
//   5. prints the table and the targets;
//   6. starts the real API and workers (dist/) and, while BENCH_RATE (500) responses/s arrive for
//      BENCH_FRESHNESS_SECONDS (20), measures freshness (201 → visible in GET /api/indicators/{id}/values) and
//      the latency of GET /api/plans/{id}/progress: on a new questionnaire, then on the million-response one.
// Then it stops its children and drops the database (also on Ctrl-C and after a time limit).
//   BENCH_SKIP=naive,freshness  BENCH_EXPLAIN=1 (print the plans of the recompute's queries)
//   BENCH_KEEP_DB=1 (keep the database, for EXPLAIN by hand)  BENCH_DIST=…/dist (another build, to compare)
//   BENCH_QUIET_WAIT=300 (before each timed phase, wait up to 300 s for the machine to be nearly idle)
//   DATABASE_URL REDIS_URL (as for the app; the database named in DATABASE_URL is not touched)

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const NAIVE_SECONDS = Number(process.env.BENCH_NAIVE_SECONDS ?? 120);
const NAIVE_HEAP_MB = Number(process.env.BENCH_NAIVE_HEAP_MB ?? 2048);
const NAIVE_PAGE = Number(process.env.BENCH_NAIVE_PAGE ?? 10_000);
const FRESH_SECONDS = Number(process.env.BENCH_FRESHNESS_SECONDS ?? 20);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const SKIP = new Set(
  (process.env.BENCH_SKIP ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';
/** Before each timed phase, wait up to this many seconds for the machine to be nearly idle (0: do not wait). */
const QUIET_WAIT = Number(process.env.BENCH_QUIET_WAIT ?? 0);
const BASE_URL = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const REDIS_URL = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
const TARGET = { recomputeMs: 1500, overFloor: 3, overNaive: 20, freshnessP95Ms: 2000, progressP95Ms: 30 };

const NAME = `repere_bench_agg_${Date.now()}`;
const URL_ = withDatabase(BASE_URL, NAME);
const say = (line = '') => process.stdout.write(`${line}\n`);
/** Children whose CPU counts as the bench's. */
const childPids = new Set<number>();
let meter: CpuMeter;
const cpuBy: Record<string, CpuShare> = {};
async function quiet(): Promise<void> {
  if (QUIET_WAIT <= 0) return;
  const q = await waitForQuiet(QUIET_WAIT);
  say(
    q.quiet
      ? `   (waited ${n(q.waited)} s for a quiet machine)`
      : `   (the machine was still busy after ${n(q.waited)} s: ${q.busy.toFixed(2)} cores; going on)`,
  );
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const since = (t: number) => performance.now() - t;

const onServer = <T>(fn: (c: Client) => Promise<T>): Promise<T> => onServerOf(BASE_URL, fn);

async function connect(): Promise<Client> {
  const c = new Client({ connectionString: URL_ });
  c.on('error', () => undefined); // the database is dropped under it when the bench is interrupted
  await c.connect();
  return c;
}

// ─── 1. Load ────────────────────────────────────────────────────────────────────────────────────────────────

interface Loaded {
  plan: Plan;
  q: Questionnaire;
  ids: WelcomeIds;
  loadMs: number;
  vacuumMs: number;
  tableMb: number;
}

async function loadPhase(db: Client): Promise<Loaded> {
  const welcome = backend.welcomeDay();
  const ids = welcomeIds(welcome.WELCOME_QUESTION_IDS, welcome.WELCOME_DAY_QUESTIONS);
  const to = new Date();
  const from = new Date(to);
  from.setUTCFullYear(to.getUTCFullYear() - 3);
  const plan = await seedPlan(db, `${from.toISOString().slice(0, 7)}-01`);
  const q = await seedQuestionnaire(db, plan, 'bench-agg-bienvenue', {
    title: welcome.WELCOME_DAY_TITLE,
    description: welcome.WELCOME_DAY_DESCRIPTION,
    questions: welcome.WELCOME_DAY_QUESTIONS,
  });
  say(
    `1. Loading ${n(ROWS)} responses (Welcome Day questionnaire, ADS+ block) answered ${from.toISOString().slice(0, 10)} → ${to.toISOString().slice(0, 10)}…`,
  );
  const second = await connect();
  const t = performance.now();
  let shown = 0;
  try {
    // The JSON is keyed as stored (the version's answer keys), and so is what the encoder reads.
    const codes = (answers: string) => backend.answerCodes().encodeAnswersSql(welcome.WELCOME_DAY_QUESTIONS, answers, q.answerKeys);
    await loadResponses([db, second], q, ids, codes, ROWS, from, to, (done) => {
      if (done - shown >= ROWS / 10 || done === ROWS) {
        shown = done;
        process.stdout.write(`\r   ${n(done)} rows, ${n(since(t) / 1000, 1)} s`);
      }
    });
  } finally {
    await second.end();
  }
  const loadMs = since(t);
  say();
  // The codes made in SQL are those the ingest's encoder gives (a sample), from the answers by question id; the
  // rows are stored as the ingest stores them (answers by answer key, body_hash a 32-byte SHA-256).
  const sample = (
    await db.query<{ answers: Record<string, never>; codes: number[]; hash_bytes: number }>(
      'SELECT answers, codes, octet_length(body_hash) AS hash_bytes FROM responses TABLESAMPLE SYSTEM (0.5) LIMIT 2000',
    )
  ).rows;
  const { encodeAnswers } = backend.answerCodes();
  const { fromStoredAnswers } = backend.answerKeys();
  const wrong = sample.filter(
    (r) =>
      r.hash_bytes !== 32 ||
      JSON.stringify(r.codes) !== JSON.stringify(encodeAnswers(welcome.WELCOME_DAY_QUESTIONS, fromStoredAnswers(r.answers, q.answerKeys))),
  );
  if (wrong.length)
    throw new Error(`${wrong.length} of ${sample.length} sampled rows have codes the ingest would not give: ${JSON.stringify(wrong[0])}`);
  const tv = performance.now();
  await db.query('VACUUM ANALYZE responses');
  await db.query('CHECKPOINT');
  const vacuumMs = since(tv);
  const [{ bytes, heap, row }] = (
    await db.query<{ bytes: string; heap: string; row: string }>(
      `SELECT pg_total_relation_size('responses') AS bytes, pg_relation_size('responses') AS heap,
            (SELECT avg(pg_column_size(r.*)) FROM responses r TABLESAMPLE SYSTEM (1)) AS row`,
    )
  ).rows;
  const tableMb = Number(bytes) / 2 ** 20;
  say(
    `   loaded in ${ms(loadMs)} (${n(ROWS / (loadMs / 1000))} rows/s), VACUUM ANALYZE + CHECKPOINT ${ms(vacuumMs)}; responses: ${n(tableMb)} MB with indexes, ${n(Number(heap) / 2 ** 20)} MB heap, ${n(Number(row))} bytes a row (pg_column_size, 1 % sample)`,
  );
  return { plan, q, ids, loadMs, vacuumMs, tableMb };
}

// ─── 2. Recompute ───────────────────────────────────────────────────────────────────────────────────────────

interface Bench {
  id: string;
  label: string;
}
type Aggregation = InstanceType<ReturnType<typeof backend.aggregation>['AggregationService']>;

function aggregationService(ds: DataSource): Aggregation {
  const { AggregationService } = backend.aggregation();
  const { AggregationRepository } = backend.aggregationRepository();
  return new AggregationService(new AggregationRepository(ds), backend.configuration().appConfig());
}

interface RecomputeFigures {
  first: number;
  runs: number[];
  medianTotal: number;
  cells: number[];
}

async function recomputePhase(svc: Aggregation, indicators: Bench[]): Promise<RecomputeFigures> {
  say(
    `\n2. Full recompute with AggregationService.recomputeMany (${DIST}) of the questionnaire's ${indicators.length} indicators (one shared read, as the workers do): a first run, then ${RUNS} (load ${load()})`,
  );
  const once = async () => {
    const t = performance.now();
    const result = await svc.recomputeMany(
      indicators.map((i) => i.id),
      { full: true },
    );
    return { time: since(t), cells: indicators.map((i) => result.get(i.id)?.cells ?? 0) };
  };
  await quiet();
  const first = await once();
  await meter.start();
  say(`   first run: ${ms(first.time)} (${indicators.map((i, k) => `${i.label}: ${n(first.cells[k])} cells`).join(', ')})`);
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const { time } = await once();
    runs.push(time);
    say(`   run ${r + 1}: ${ms(time)}`);
  }
  cpuBy.recompute = await meter.stop();
  say(`   ${share(cpuBy.recompute)} (the ${RUNS} timed runs)`);
  return { first: first.time, runs, cells: first.cells, medianTotal: median(runs) };
}

// ─── 3. Floor ───────────────────────────────────────────────────────────────────────────────────────────────

interface FloorVariant {
  label: string;
  sql: string;
  settings: string[];
  repeat: number;
  median: number;
  runs: number[];
}

async function floorPhase(q: Questionnaire, ids: WelcomeIds, indicators: number): Promise<FloorVariant[]> {
  const offsets = backend.answerCodes().codeOffsets(backend.welcomeDay().WELCOME_DAY_QUESTIONS);
  const offset = (id: string) => offsets.get(id)!.offset;
  say(
    `\n3. Floor: the plain GROUP BY over the same rows (month: the responses' answered_month column), median of ${RUNS}; a fresh session each`,
  );
  // The JSON forms read the answers under their stored keys (the version's answer keys), as SQL over the rows must.
  const crossTab = `SELECT answered_month, answers->>$2 AS gender, answers->>$3 AS age_group, count(*) FROM responses WHERE questionnaire_id = $1`;
  const variants: Omit<FloorVariant, 'median' | 'runs'>[] = [
    {
      label: `GROUP BY month, gender, age (cross-tab), once per indicator (${indicators}×)`,
      settings: [],
      repeat: indicators,
      sql: `${crossTab} GROUP BY 1, 2, 3`,
    },
    { label: 'the same, with SET jit = off', settings: ['SET jit = off'], repeat: indicators, sql: `${crossTab} GROUP BY 1, 2, 3` },
    {
      label: `GROUP BY GROUPING SETS (m), (m, gender), (m, age), ${indicators}×`,
      settings: [],
      repeat: indicators,
      sql: `${crossTab} GROUP BY GROUPING SETS ((1), (1, 2), (1, 3))`,
    },
    {
      label: 'GROUP BY month, knows, gender, age (one cross-tab for both), jit off',
      settings: ['SET jit = off'],
      repeat: 1,
      sql: `SELECT answered_month, answers->>$2 AS gender, answers->>$3 AS age_group, answers->>$4 AS knows, count(*) FROM responses WHERE questionnaire_id = $1 GROUP BY 1, 2, 3, 4`,
    },
    // The same cross-tab over the answers' codes (what the ingest stores for the aggregation): the bytes at the offsets
    // of the three questions.
    {
      label: 'the same over the codes (get_byte at the three offsets), jit off',
      settings: ['SET jit = off'],
      repeat: 1,
      sql: `SELECT answered_month, get_byte(codes, ${offset(ids.gender)}) AS gender, get_byte(codes, ${offset(ids.age_group)}) AS age_group,
                   get_byte(codes, ${offset(ids.knowsTable)}) AS knows, count(*) FROM responses WHERE questionnaire_id = $1 GROUP BY 1, 2, 3, 4`,
    },
  ];
  const out: FloorVariant[] = [];
  await quiet();
  await meter.start();
  for (const v of variants) {
    const runs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const db = await connect();
      try {
        for (const s of v.settings) await db.query(s);
        const t = performance.now();
        // Each form binds the keys it names ($1 the questionnaire, then gender, age group, knows: their answer keys).
        const params = [q.id, ...[ids.gender, ids.age_group, ids.knowsTable].map((id) => q.answerKeys[id])].slice(
          0,
          Math.max(...[...v.sql.matchAll(/\$(\d)/g)].map((m) => Number(m[1]))),
        );
        for (let k = 0; k < v.repeat; k++) await db.query(v.sql, params);
        runs.push(since(t));
      } finally {
        await db.end();
      }
    }
    out.push({ ...v, runs, median: median(runs) });
    say(`   ${v.label}: ${runs.map(ms).join(', ')} → median ${ms(median(runs))}`);
  }
  cpuBy.floor = await meter.stop();
  say(`   ${share(cpuBy.floor)}`);
  return out;
}

// ─── 3b. The disclosure layer's cost ───────────────────────────────────────────────────────────────────────

interface ProtectionFigures {
  scanMs: number;
  scanWithKeysMs: number;
  rollUpMs: number;
  protectMs: number;
  cells: number;
}

/**
 * What the cell-key method adds to a recompute (issue 13): in SQL, summing the rows' record keys beside their count in
 * the scan (the codes' cross-tab with and without sum(record_key), median of BENCH_RUNS each, jit off); in JavaScript,
 * protectCells over the indicators' cells rolled up from their stored month cells (median of 20).
 */
async function protectionPhase(q: Questionnaire, ids: WelcomeIds, indicators: Bench[]): Promise<ProtectionFigures> {
  const offsets = backend.answerCodes().codeOffsets(backend.welcomeDay().WELCOME_DAY_QUESTIONS);
  const at = (id: string) => offsets.get(id)!.offset;
  say(
    `\n3b. The disclosure layer's cost: the scan with and without the record keys' sum (median of ${RUNS}), protectCells in JavaScript (median of 20)`,
  );
  const scan = (keys: boolean) => `SELECT answered_month, get_byte(codes, ${at(ids.gender)}), get_byte(codes, ${at(ids.age_group)}),
      get_byte(codes, ${at(ids.knowsTable)}), count(*)${keys ? ', sum(record_key)' : ''} FROM responses WHERE questionnaire_id = $1 GROUP BY 1, 2, 3, 4`;
  const timed = async (keys: boolean) => {
    const runs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const db = await connect();
      try {
        await db.query('SET jit = off');
        const t = performance.now();
        await db.query(scan(keys), [q.id]);
        runs.push(since(t));
      } finally {
        await db.end();
      }
    }
    return median(runs);
  };
  await quiet();
  const scanMs = await timed(false);
  const scanWithKeysMs = await timed(true);
  const db = await connect();
  let rollUpMs = 0;
  let protectMs = 0;
  let cells = 0;
  try {
    const { rollUp } = backend.rollup();
    const { protectCells } = backend.protectCells();
    const app = backend.configuration().appConfig();
    const table = backend.disclosure().disclosureTable({ k: app.suppressionK, maxDeviation: app.disclosureMaxDeviation });
    const kinds = ['response_count', 'answer_share'] as const;
    for (const [i, indicator] of indicators.entries()) {
      const months = (
        await db.query<{ cells: Parameters<typeof rollUp>[1] }>('SELECT cells FROM indicator_months WHERE indicator_id = $1', [
          indicator.id,
        ])
      ).rows.flatMap((r) => r.cells);
      const rolls: number[] = [];
      const protects: number[] = [];
      for (let r = 0; r < 20; r++) {
        let t = performance.now();
        const rolled = rollUp(kinds[i], months, '2000-01-01');
        rolls.push(since(t));
        t = performance.now();
        protectCells(kinds[i], rolled, table);
        protects.push(since(t));
        cells = Math.max(cells, rolled.length);
      }
      rollUpMs += median(rolls);
      protectMs += median(protects);
    }
  } finally {
    await db.end();
  }
  say(
    `   scan ${ms(scanMs)}, with the keys' sum ${ms(scanWithKeysMs)}; roll-up ${ms(rollUpMs)}, protectCells ${ms(protectMs)} (${n(cells)} cells per indicator)`,
  );
  return { scanMs, scanWithKeysMs, rollUpMs, protectMs, cells };
}

// ─── 4. Naive ───────────────────────────────────────────────────────────────────────────────────────────────

interface NaiveFigures {
  mode: 'all' | 'paged';
  result: NaiveResult | null;
  outcome: 'done' | 'oom' | 'timeout' | 'failed';
  wallMs: number;
  detail: string;
}

async function naivePhase(q: Questionnaire, ids: WelcomeIds): Promise<NaiveFigures[]> {
  say(
    `\n4. Naive baseline: TypeORM Response entities aggregated in JavaScript, in a child with --max-old-space-size=${NAIVE_HEAP_MB} and ${NAIVE_SECONDS} s at most`,
  );
  const out: NaiveFigures[] = [];
  for (const mode of ['all', 'paged'] as const) {
    const file = join(tmpdir(), `repere-bench-agg-naive-${process.pid}-${mode}.json`);
    const options: NaiveOptions = {
      url: URL_,
      questionnaireId: q.id,
      mode,
      pageSize: NAIVE_PAGE,
      out: file,
      version: 1,
      questions: { gender: ids.gender, age: ids.age_group, knows: ids.knowsTable },
    };
    await quiet();
    await meter.start();
    const t = performance.now();
    const child = start(
      process.execPath,
      [`--max-old-space-size=${NAIVE_HEAP_MB}`, '--import', 'tsx', join(ROOT, 'bench/aggregate/naive.ts'), JSON.stringify(options)],
      process.env,
      `naive ${mode}`,
    );
    if (child.pid) childPids.add(child.pid);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    let figures: NaiveFigures;
    try {
      const code = await finished(child, NAIVE_SECONDS * 1000);
      const wallMs = since(t);
      if (code === 0) {
        const result = JSON.parse(readFileSync(file, 'utf8')) as NaiveResult;
        figures = {
          mode,
          result,
          outcome: 'done',
          wallMs,
          detail: `${n(result.rows)} rows, ${n(result.cells)} cells; load ${ms(result.loadMs)}, JS ${ms(result.aggregateMs)}; peak heap ${n(result.peakHeapMb)} MB, RSS ${n(result.peakRssMb)} MB`,
        };
      } else if (/heap out of memory|Allocation failed/i.test(stderr)) {
        figures = {
          mode,
          result: null,
          outcome: 'oom',
          wallMs,
          detail: `ran out of memory after ${ms(wallMs)} (heap limit ${NAIVE_HEAP_MB} MB)`,
        };
      } else {
        figures = {
          mode,
          result: null,
          outcome: 'failed',
          wallMs,
          detail: `exited ${code}: ${stderr.trim().split('\n').slice(-1)[0] ?? ''}`,
        };
      }
    } catch {
      figures = { mode, result: null, outcome: 'timeout', wallMs: since(t), detail: `did not finish within ${NAIVE_SECONDS} s (stopped)` };
    } finally {
      rmSync(file, { force: true });
    }
    out.push(figures);
    cpuBy[`naive ${mode}`] = await meter.stop();
    say(
      `   ${mode === 'all' ? 'one repo.find()' : `pages of ${n(NAIVE_PAGE)} (keyset)`}: ${figures.outcome === 'done' ? ms(figures.result!.totalMs) : figures.outcome.toUpperCase()} — ${figures.detail}`,
    );
    say(`     ${share(cpuBy[`naive ${mode}`])}`);
  }
  return out;
}

// ─── Profile: the recompute's own queries, EXPLAIN ANALYZE ──────────────────────────────────────────────────

class Capture implements TypeOrmLogger {
  queries: { sql: string; params: unknown[] }[] = [];
  logQuery(sql: string, params?: unknown[]) {
    this.queries.push({ sql, params: params ?? [] });
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

async function profilePhase(indicators: Bench[]): Promise<void> {
  say(
    `\nProfile: the source queries of one recompute of the indicators, EXPLAIN (ANALYZE, BUFFERS), in a transaction with the settings the recompute made (SET, set_config) before them`,
  );
  const capture = new Capture();
  const ds = await new DataSource({
    ...backend.dataSourceOptions().dataSourceOptions(URL_),
    logging: ['query'],
    logger: capture,
  }).initialize();
  try {
    const svc = aggregationService(ds);
    const label = `${indicators.length} indicators`;
    await svc.recomputeMany(
      indicators.map((x) => x.id),
      { full: true },
    );
    const heavy = capture.queries.filter((x) => /FROM responses r WHERE r\.questionnaire_id/.test(x.sql));
    for (const query of heavy) {
      const settings = capture.queries
        .slice(0, capture.queries.indexOf(query))
        .filter((x) => /^\s*SET\s|set_config\(/i.test(x.sql) && !/SET TRANSACTION/i.test(x.sql));
      const db = await connect();
      try {
        await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        for (const x of settings) await db.query(x.sql, x.params);
        if (settings.length) say(`   ${label}: settings ${settings.map((x) => x.sql.replace(/\s+/g, ' ').trim()).join('; ')}`);
        const plan = (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.params)).rows.map(
          (r) => r['QUERY PLAN'],
        );
        const pick = (re: RegExp) => plan.filter((l) => re.test(l)).map((l) => l.trim());
        const nodes = plan
          .filter((l) => /^\s*(->\s*)?[A-Z][A-Za-z ]+ {2}\(cost/.test(l))
          .map((l) =>
            l
              .replace(/^\s*(->\s*)?/, '')
              .replace(/ {2}\(cost.*?\)/, '')
              .replace(/\(actual time=[\d.]+\.\./, '(')
              .trim(),
          );
        say(`   ${label}: ${pick(/^Execution Time/)[0] ?? ''}`);
        for (const l of pick(/Timing: Generation/)) say(`     JIT ${l}`);
        for (const l of pick(/Sort Method|Batches:/)) say(`     ${l}`);
        say(`     plan: ${nodes.join(' ← ')}`);
        if (EXPLAIN)
          say(
            `     ${query.sql.replace(/\s+/g, ' ')}\n     params ${JSON.stringify(query.params)}\n${plan.map((l) => `       ${l}`).join('\n')}`,
          );
      } finally {
        await db.query('ROLLBACK').catch(() => undefined);
        await db.end();
      }
    }
  } finally {
    await ds.destroy();
  }
}

// ─── 6. Freshness and progress latency under load ───────────────────────────────────────────────────────────

interface FreshFigures {
  label: string;
  rowsBefore: number;
  traffic: TrafficResult;
  baseCount: number;
  seen: number[];
  unseen: number;
  changes: number;
  gaps: number[];
  jobs: { reconciles: number; recomputes: number; recomputeMs: number[]; waitMs: number[] };
}

const idleProgressMs: number[] = [];
const redisConnection = () => backend.redisOptions().redisOptions(REDIS_URL, 'worker');

async function waitForWorkers(prefix: string): Promise<void> {
  const { SYSTEM_QUEUE, SystemJob } = backend.queues();
  const queue = new Queue(SYSTEM_QUEUE, { connection: redisConnection(), prefix: `${prefix}:bull` });
  const events = new QueueEvents(SYSTEM_QUEUE, { connection: redisConnection(), prefix: `${prefix}:bull` });
  try {
    await events.waitUntilReady();
    const job = await queue.add(
      SystemJob.Ping,
      { sentAt: new Date().toISOString() },
      { removeOnComplete: { age: 3600 }, removeOnFail: { age: 3600 } },
    );
    await job.waitUntilFinished(events, 60_000);
  } finally {
    await events.close();
    await queue.close();
  }
}

/** Finished aggregation jobs (BullMQ keeps the last 1000): what the workers did during the run. */
async function aggregationJobs(prefix: string, sinceMs: number): Promise<FreshFigures['jobs']> {
  const { AGGREGATION_QUEUE, AggregationJob } = backend.queues();
  const queue = new Queue(AGGREGATION_QUEUE, { connection: redisConnection(), prefix: `${prefix}:bull` });
  try {
    const jobs = (await queue.getJobs(['completed', 'failed'], 0, 2000)).filter((j) => j && (j.finishedOn ?? 0) >= sinceMs);
    const recomputes = jobs.filter(
      (j) => (j.name === AggregationJob.Recompute || j.name === AggregationJob.RecomputeQuestionnaire) && j.processedOn && j.finishedOn,
    );
    return {
      reconciles: jobs.filter((j) => j.name === AggregationJob.Reconcile).length,
      recomputes: recomputes.length,
      recomputeMs: recomputes.map((j) => j.finishedOn! - j.processedOn!),
      waitMs: recomputes.map((j) => j.processedOn! - j.timestamp),
    };
  } finally {
    await queue.close();
  }
}

const WARMUP_S = 3;

/** The same requests for a few seconds, unmeasured: the API's JIT and connection pool warm, as in a running server. */
async function warmUp(base: string, token: string, slug: string, planId: string, indicatorId: string, ids: WelcomeIds): Promise<void> {
  const until = performance.now() + WARMUP_S * 1000;
  const auth = { authorization: `Bearer ${token}` };
  const loop = async (request: () => Promise<Response>) => {
    while (performance.now() < until) await (await request()).arrayBuffer();
  };
  await Promise.all([
    ...Array.from({ length: 4 }, () =>
      loop(() =>
        fetch(`${base}/api/public/questionnaires/${slug}/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify(randomBody(ids)),
        }),
      ),
    ),
    loop(() => fetch(`${base}/api/plans/${planId}/progress`, { headers: auth })),
    loop(() => fetch(`${base}/api/indicators/${indicatorId}/values?grain=year&view=unpublished`, { headers: auth })),
  ]);
}

async function indicatorCount(base: string, token: string, indicatorId: string): Promise<number | null> {
  const res = await fetch(`${base}/api/indicators/${indicatorId}/values?grain=year&view=unpublished`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`GET values answered ${res.status}: ${await res.text()}`);
  const rows = (await res.json()) as { cumulativeValue: number | null }[];
  return rows[rows.length - 1]?.cumulativeValue ?? null;
}

async function freshnessPhase(db: Client, svc: Aggregation, loaded: Loaded): Promise<FreshFigures[] | string> {
  say(
    `\n6. Freshness and progress latency: the real API and workers (${DIST}), ${n(RATE)} responses/s for ${FRESH_SECONDS} s (load ${load()})`,
  );
  const { plan, ids } = loaded;
  const email = 'bench-admin@repere.test';
  const password = randomBytes(12).toString('hex');
  await seedAdmin(db, email, await argon2.hash(password, { type: argon2.argon2id }));
  const welcome = backend.welcomeDay();
  const small = await seedQuestionnaire(db, plan, 'bench-agg-nouveau', {
    title: welcome.WELCOME_DAY_TITLE,
    description: welcome.WELCOME_DAY_DESCRIPTION,
    questions: welcome.WELCOME_DAY_QUESTIONS,
  });
  const targets = [
    { label: 'new questionnaire (no earlier responses)', q: small },
    { label: `the questionnaire with ${n(ROWS)} responses`, q: loaded.q },
  ];
  const fresh = await Promise.all(
    targets.map((x) =>
      seedIndicator(db, plan, {
        name: `Réponses reçues (${x.q.slug})`,
        kind: 'response_count',
        grain: 'year',
        dimensions: [],
        source: { questionnaireId: x.q.id },
      }),
    ),
  );
  // Everything computed before the workers start: nothing is stale, the reconcile job has nothing to catch up.
  for (const id of fresh) await svc.recompute(id);

  await quiet();
  const prefix = NAME;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: URL_,
    REDIS_URL,
    PUBLIC_RATE_LIMIT: '0',
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
    QUEUE_PREFIX: prefix,
    WEB_DIST: join(tmpdir(), 'repere-bench-no-web'),
  };
  const api = start(process.execPath, [API_MAIN], env, 'api');
  const workers = start(process.execPath, [WORKERS_MAIN], env, 'workers');
  for (const c of [api, workers]) if (c.pid) childPids.add(c.pid);
  try {
    await waitForHttp(`${base}/api/health`, api);
    await waitForWorkers(prefix);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (login.status !== 200 && login.status !== 201) throw new Error(`login answered ${login.status}: ${await login.text()}`);
    const { accessToken: token } = (await login.json()) as { accessToken: string };

    // Is the public ingest there? One valid response, to the new questionnaire.
    const probe = await fetch(`${base}/api/public/questionnaires/${small.slug}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(randomBody(ids)),
    });
    if (probe.status !== 201) {
      return `the public ingest is not available (POST /api/public/questionnaires/{slug}/responses answered ${probe.status}: ${(await probe.text()).slice(0, 200)}); step 6 skipped`;
    }
    say(`   warming the API up for ${WARMUP_S} s (not measured)…`);
    await warmUp(base, token, small.slug, plan.planId, fresh[0], ids);
    // The same endpoint with nothing else going on, for comparison: 200 requests one after the other.
    await new Promise((r) => setTimeout(r, 2000));
    for (let k = 0; k < 200; k++) {
      const t = performance.now();
      await (await fetch(`${base}/api/plans/${plan.planId}/progress`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer();
      idleProgressMs.push(since(t));
    }
    say(
      `   GET /api/plans/{id}/progress with no load: p50 ${ms(percentile(idleProgressMs, 50))}, p95 ${ms(percentile(idleProgressMs, 95))}`,
    );
    const out: FreshFigures[] = [];
    for (const [k, target] of targets.entries()) {
      const indicatorId = fresh[k];
      // Start from values that include every stored row (the probe too), served by the API.
      await svc.recompute(indicatorId);
      const baseCount = (await indicatorCount(base, token, indicatorId)) ?? 0;
      const [{ rows }] = (
        await db.query<{ rows: number }>('SELECT count(*)::int AS rows FROM responses WHERE questionnaire_id = $1', [target.q.id])
      ).rows;
      if (rows !== baseCount) throw new Error(`the served count (${baseCount}) is not the stored one (${rows})`);
      say(`   ${target.label}: sending (${n(baseCount)} responses before; load ${load()})…`);
      const file = join(tmpdir(), `repere-bench-agg-traffic-${process.pid}-${k}.json`);
      const options: TrafficOptions = {
        base,
        slug: target.q.slug,
        indicatorId,
        planId: plan.planId,
        token,
        ids,
        seconds: FRESH_SECONDS,
        rate: RATE,
        pollMs: 50,
        progressEveryMs: 50,
        settleSeconds: 40,
        baseCount,
        out: file,
      };
      const startedAt = Date.now();
      await meter.start();
      const child = start(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'bench/aggregate/traffic.ts'), JSON.stringify(options)],
        process.env,
        'traffic',
      );
      if (child.pid) childPids.add(child.pid);
      const code = await finished(child, (FRESH_SECONDS + options.settleSeconds + 60) * 1000);
      cpuBy[`freshness ${k}`] = await meter.stop();
      if (code !== 0) throw new Error(`the traffic process failed (exit ${code})`);
      const traffic = JSON.parse(readFileSync(file, 'utf8')) as TrafficResult;
      rmSync(file, { force: true });
      const f = freshness(traffic, baseCount);
      const jobs = await aggregationJobs(prefix, startedAt);
      out.push({ label: target.label, rowsBefore: rows, traffic, baseCount, ...f, jobs });
      say(
        `     ${n(traffic.acks.length)} acknowledged in ${n(traffic.sendSeconds, 1)} s; seen ${n(f.seen.length)}, not seen within the bound ${n(f.unseen)}; ` +
          `served count changed ${f.changes}×; ${jobs.reconciles} reconcile and ${jobs.recomputes} recompute job(s) ran`,
      );
      say(`     ${share(cpuBy[`freshness ${k}`])}`);
    }
    return out;
  } finally {
    await Promise.all([stop(api), stop(workers)]);
  }
}

// ─── Report ─────────────────────────────────────────────────────────────────────────────────────────────────

function report(
  loaded: Loaded,
  indicators: Bench[],
  rc: RecomputeFigures,
  floors: FloorVariant[],
  naive: NaiveFigures[] | null,
  fresh: FreshFigures[] | string | null,
  protection: ProtectionFigures,
): boolean {
  const floor = floors.reduce((a, b) => (b.median < a.median ? b : a));
  const done = naive?.filter((x) => x.outcome === 'done') ?? [];
  const bestNaive = done.length ? Math.min(...done.map((x) => x.result!.totalMs)) : null;
  const naiveOom = naive?.some((x) => x.outcome === 'oom') ?? false;
  const overFloor = rc.medianTotal / floor.median;
  const overNaive = bestNaive !== null ? bestNaive / rc.medianTotal : null;
  const row = (label: string, value: string) => say(`  ${label.padEnd(64)} ${value}`);
  say(
    `\n── bench:aggregate — ${n(ROWS)} responses, ${indicators.length} indicators × 2 breakdowns (gender, age group); ${cpus().length} CPUs, load ${load()} ──`,
  );
  row('load (INSERT … SELECT generate_series, 2 connections)', `${ms(loaded.loadMs)}  (+ VACUUM ANALYZE ${ms(loaded.vacuumMs)})`);
  row(`recompute, all ${indicators.length} indicators (median of ${RUNS})`, ms(rc.medianTotal));
  indicators.forEach((i, k) => row(`  ${i.label}`, `${n(rc.cells[k])} cells`));
  row(`floor, median of ${RUNS} (the fastest of:)`, ms(floor.median));
  for (const v of floors) row(`  ${v.label}${v === floor ? ' ←' : ''}`, ms(v.median));
  for (const x of naive ?? []) {
    row(
      `naive, ${x.mode === 'all' ? 'one repo.find()' : `pages of ${n(NAIVE_PAGE)}`}`,
      x.outcome === 'done' ? ms(x.result!.totalMs) : `${x.outcome.toUpperCase()} (${x.detail})`,
    );
  }
  if (!naive) row('naive', 'skipped (BENCH_SKIP)');
  row(
    "disclosure layer: the scan with / without the record keys' sum",
    `${ms(protection.scanWithKeysMs)} / ${ms(protection.scanMs)} (${n(protection.scanWithKeysMs / protection.scanMs, 2)}×)`,
  );
  row(
    'disclosure layer: protectCells (both indicators), beside their roll-up',
    `${ms(protection.protectMs)} (roll-up ${ms(protection.rollUpMs)})`,
  );
  row(
    "disclosure layer: its cost in the recompute (keys' sum + protectCells)",
    `≈ ${ms(Math.max(0, protection.scanWithKeysMs - protection.scanMs) + protection.protectMs)} of ${ms(rc.medianTotal)}`,
  );
  row('ratio recompute / floor', `${n(overFloor, 2)}×`);
  row('ratio naive / recompute', overNaive !== null ? `${n(overNaive, 1)}×` : naive ? 'no naive run finished' : '—');
  row('ratio naive / floor (for scale)', bestNaive !== null ? `${n(bestNaive / floor.median, 1)}×` : '—');
  row(
    'CPU of other processes during: recompute / floor / naive',
    ['recompute', 'floor', 'naive all'].map((k) => (cpuBy[k] ? `${cpuBy[k].otherCores.toFixed(2)}` : '—')).join(' / ') +
      ` cores of ${cpus().length}`,
  );
  const lines: [string, boolean | null, string][] = [
    [`recompute < ${n(TARGET.recomputeMs)} ms (all indicators)`, rc.medianTotal < TARGET.recomputeMs, ms(rc.medianTotal)],
    [`recompute ≤ ${TARGET.overFloor}× floor`, overFloor <= TARGET.overFloor, `${n(overFloor, 2)}×`],
    [
      `≥ ${TARGET.overNaive}× faster than naive (or naive OOM)`,
      naive ? naiveOom || (overNaive !== null && overNaive >= TARGET.overNaive) : null,
      naiveOom
        ? `naive ran out of memory${overNaive !== null ? `; paged naive ${n(overNaive, 1)}×` : ''}`
        : overNaive !== null
          ? `${n(overNaive, 1)}×`
          : 'not measured',
    ],
  ];
  if (typeof fresh === 'string') {
    say(`\n  freshness: ${fresh}`);
  } else if (fresh) {
    if (idleProgressMs.length)
      say(
        `\n  GET /api/plans/{id}/progress with no load: p50 ${ms(percentile(idleProgressMs, 50))}, p95 ${ms(percentile(idleProgressMs, 95))} (${idleProgressMs.length} in a row)`,
      );
    for (const f of fresh) {
      const t = f.traffic;
      const prog = t.progress.filter((p) => p.status === 200).map((p) => p.ms);
      const posts = t.postLatencyMs;
      say(`\n  freshness — ${f.label} (${n(f.rowsBefore)} responses before)`);
      row(
        '  responses/s sent (201s)',
        `${n(t.acks.length / t.sendSeconds)} /s; statuses ${JSON.stringify(t.statusCounts)}${t.networkErrors ? `, ${t.networkErrors} network errors` : ''}`,
      );
      row('  POST latency p50 / p95', `${ms(percentile(posts, 50))} / ${ms(percentile(posts, 95))}`);
      row(
        '  freshness 201 → in GET values, p50 / p95 / max',
        `${ms(percentile(f.seen, 50))} / ${ms(percentile(f.seen, 95))} / ${ms(Math.max(...f.seen))}` +
          (f.unseen ? `; ${n(f.unseen)} not seen within ${40} s after the last send` : ''),
      );
      row('  served count changed', `${f.changes}× (every ${ms(median(f.gaps))} median)`);
      row(
        '  aggregation jobs during the run',
        `${f.jobs.reconciles} reconcile, ${f.jobs.recomputes} recompute; recompute p50 ${ms(median(f.jobs.recomputeMs))}, max ${ms(f.jobs.recomputeMs.length ? Math.max(...f.jobs.recomputeMs) : NaN)}; queue wait p50 ${ms(median(f.jobs.waitMs))}`,
      );
      const c = cpuBy[`freshness ${fresh.indexOf(f)}`];
      if (c)
        row(
          '  CPU: bench (API, workers, PostgreSQL, sender) / other processes',
          `${c.oursCores.toFixed(2)} / ${c.otherCores.toFixed(2)} cores`,
        );
      if (t.acks.length / t.sendSeconds < 0.9 * RATE)
        row('  WARNING', `sent ${n(t.acks.length / t.sendSeconds)} /s, not the ${n(RATE)} /s asked: the machine could not keep up`);
      row(
        '  GET /api/plans/{id}/progress p50 / p95 (n)',
        `${ms(percentile(prog, 50))} / ${ms(percentile(prog, 95))} (${n(prog.length)}; non-200: ${t.progress.length - prog.length})`,
      );
      const p95 = f.unseen > 0 ? Infinity : percentile(f.seen, 95);
      lines.push([
        `freshness p95 < ${n(TARGET.freshnessP95Ms)} ms — ${f.label}`,
        p95 < TARGET.freshnessP95Ms,
        f.unseen ? `${n(f.unseen)} not seen` : ms(p95),
      ]);
      lines.push([
        `progress p95 < ${TARGET.progressP95Ms} ms — ${f.label}`,
        percentile(prog, 95) < TARGET.progressP95Ms,
        ms(percentile(prog, 95)),
      ]);
    }
  } else {
    say('\n  freshness: skipped (BENCH_SKIP)');
  }
  say('\nTargets (issue 4):');
  for (const [label, met, value] of lines)
    say(`  targets met — ${label}: ${met === null ? 'not measured' : met ? 'yes' : 'NO'} (${value})`);
  return lines.slice(0, 2).some(([, met]) => met === false);
}

// ─── Main ───────────────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const [{ version, jit, work_mem: workMem, par }] = await onServer(
    async (c) =>
      (
        await c.query<{ version: string; jit: string; work_mem: string; par: string }>(
          `SELECT split_part(version(), ' ', 2) AS version, current_setting('jit') AS jit, current_setting('work_mem') AS work_mem,
            current_setting('max_parallel_workers_per_gather') AS par`,
        )
      ).rows,
  );
  say(
    `bench:aggregate on ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${load()}; PostgreSQL ${version} (jit ${jit}, work_mem ${workMem}, max_parallel_workers_per_gather ${par})`,
  );
  say(`database ${NAME}; backend from ${DIST}`);
  const { runMigrations } = backend.migrate();
  await onServer((c) => c.query(`CREATE DATABASE "${NAME}"`));
  created = true;
  await runMigrations(URL_);
  const db = await connect();
  const meterDb = await connect();
  meter = new CpuMeter(meterDb, NAME, () => [...childPids]);
  const ds = await new DataSource(backend.dataSourceOptions().dataSourceOptions(URL_)).initialize();
  try {
    const loaded = await loadPhase(db);
    const { q, plan, ids } = loaded;
    const indicators: Bench[] = [
      {
        label: 'response_count by gender, age_group',
        id: await seedIndicator(db, plan, {
          name: 'Réponses au questionnaire',
          kind: 'response_count',
          grain: 'quarter',
          dimensions: ['gender', 'age_group'],
          source: { questionnaireId: q.id },
        }),
      },
      {
        label: 'answer_share by gender, age_group',
        id: await seedIndicator(db, plan, {
          name: 'Résidents qui connaissent la Table',
          kind: 'answer_share',
          grain: 'quarter',
          dimensions: ['gender', 'age_group'],
          source: { questionnaireId: q.id, questionId: ids.knowsTable, anyOf: [true] },
        }),
      },
    ];
    const svc = aggregationService(ds);
    const rc = await recomputePhase(svc, indicators);
    const [{ total }] = (
      await db.query<{ total: number }>(
        `SELECT cumulative_n AS total FROM indicator_values WHERE indicator_id = $1 AND grain = 'year' AND dimension = '' ORDER BY period_start DESC LIMIT 1`,
        [indicators[0].id],
      )
    ).rows;
    say(
      `   check: the response count's cumulative total is ${n(total)} (${total === ROWS ? 'every row' : `NOT the ${n(ROWS)} rows loaded`})`,
    );
    const floors = await floorPhase(q, ids, indicators.length);
    const protection = await protectionPhase(q, ids, indicators);
    const naive = SKIP.has('naive') ? null : await naivePhase(q, ids);
    const missed = rc.medianTotal >= TARGET.recomputeMs || rc.medianTotal / Math.min(...floors.map((f) => f.median)) > TARGET.overFloor;
    if (missed || EXPLAIN) await profilePhase(indicators);
    let fresh: FreshFigures[] | string | null = null;
    if (!SKIP.has('freshness')) {
      try {
        fresh = await freshnessPhase(db, svc, loaded);
      } catch (err) {
        fresh = `failed: ${(err as Error).message}`;
      }
    }
    report(loaded, indicators, rc, floors, naive, fresh, protection);
  } finally {
    await ds.destroy().catch(() => undefined);
    await db.end().catch(() => undefined);
    await meterDb.end().catch(() => undefined);
  }
}

let created = false;
let cleaning: Promise<void> | null = null;
/** Once, however many times it is asked for (a signal may arrive twice: to the group, and relayed by tsx). */
function cleanUp(): Promise<void> {
  cleaning ??= cleanUpOnce();
  return cleaning;
}

async function cleanUpOnce(): Promise<void> {
  killAll();
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${NAME}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    // Redis gone: nothing of ours to remove there that matters.
  } finally {
    redis.disconnect();
  }
  if (!created) return;
  if (KEEP_DB) {
    say(`database ${NAME} kept (BENCH_KEEP_DB=1): drop it with  psql -c 'DROP DATABASE "${NAME}"'`);
    return;
  }
  await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`));
}

/** Interrupted or out of time: children stopped, the bench database dropped (within 15 s), then out. */
const abort = (code: number, why: string) => abortBench(code, why, cleanUp, 15_000);

// Bounded: whatever happens, the bench ends (and its children with it).
const LIMIT_S = Number(process.env.BENCH_LIMIT_SECONDS ?? 1800);
const deadline = setTimeout(() => abort(2, `bench:aggregate took more than ${LIMIT_S} s; stopping.`), LIMIT_S * 1000);
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => abort(130, `bench:aggregate: ${signal}, stopping.`));

main().then(
  async () => {
    clearTimeout(deadline);
    await cleanUp();
    process.exit(0);
  },
  async (err: Error) => {
    if (cleaning) return; // interrupted: abort() is cleaning up and will exit
    console.error(`bench:aggregate failed: ${err.stack ?? err.message}`);
    await cleanUp().catch(() => undefined);
    process.exit(1);
  },
);
