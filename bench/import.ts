import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from '../backend/src/config/defaults';
import { onServer as onServerOf, withDatabase } from './support/database';
import { API_MAIN, backend, WORKERS_MAIN } from './aggregate/dist';
import { ms, n } from './aggregate/stats';
import { seedAdmin, seedPlan, seedQuestionnaire } from './aggregate/seed';
import { abortBench, freePort, killAll, start, stop, waitForHttp } from './support/processes';

// npm run bench:import — past responses from a CSV (issue 6: « 1,000,000 response rows from CSV in under 10 s, with
// the ratio to a plain COPY of the same file »). Builds the server first, then on a fresh database
// `repere_bench_import_<timestamp>`:
//   1. writes BENCH_ROWS (1,000,000) rows of another tool's export of the Welcome Day questionnaire: timestamp,
//      identifier, French labels as answers (choices, yes/no, several services, a scale, ADS+ answers, some comments);
//   2. baseline: a plain COPY of that file into a table of text columns (PostgreSQL parses the CSV, checks nothing);
//   3. starts the real API and workers (dist/) and imports the file as the web app does: upload (POST /api/imports),
//      the workers' analysis (every row read, checked and staged) until the preview is ready, then the confirmation
//      until the rows are in `responses`; each phase timed from the client, polling the import every 50 ms;
//   4. checks the responses are all there, and that a second import of the same file creates none;
//   5. prints the figures and the ratio of the import (analysis + writing) to the COPY.
// Then it stops its children and drops the database (also on Ctrl-C).
//   BENCH_ROWS  DATABASE_URL  REDIS_URL  BENCH_KEEP_DB=1

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';
const TARGET_MS = 10_000;
const BASE_URL = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const REDIS_URL = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
const NAME = `repere_bench_import_${Date.now()}`;
const URL_ = withDatabase(BASE_URL, NAME);
const FILE = join(tmpdir(), `${NAME}.csv`);
const say = (line = '') => process.stdout.write(`${line}\n`);
const since = (t: number) => performance.now() - t;

const onServer = <T>(fn: (c: Client) => Promise<T>): Promise<T> => onServerOf(BASE_URL, fn);

// ─── 1. The file ────────────────────────────────────────────────────────────────────────────────────────────

/** A deterministic export: the same rows on every run, so runs compare. */
async function writeExport(): Promise<{ bytes: number; columns: number }> {
  const welcome = backend.welcomeDay();
  const qs = welcome.WELCOME_DAY_QUESTIONS;
  const byId = (id: string) => qs.find((q) => q.id === id)!;
  const ids = welcome.WELCOME_QUESTION_IDS;
  const labels = (id: string) => byId(id).choices!.map((c) => c.label.fr);
  const heard = labels(ids.heardFrom);
  const services = labels(ids.services);
  const gender = labels(ids.gender);
  const age = labels(ids.age_group);
  const columns = [
    'Horodateur',
    'ID de réponse',
    ...[ids.heardFrom, ids.firstTime, ids.knowsTable, ids.services, ids.satisfaction, ids.improve, ids.gender, ids.age_group].map(
      (id) => byId(id).label.fr,
    ),
  ];
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const out = createWriteStream(FILE);
  let seed = 42;
  const rand = (k: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % k;
  };
  const start = Date.UTC(2021, 7, 1);
  const span = 3 * 365 * 86_400;
  let text = `${columns.map(quote).join(',')}\n`;
  for (let i = 0; i < ROWS; i += 1) {
    const at = new Date(start + ((i * 7919) % span) * 1000).toISOString().slice(0, 19).replace('T', ' ');
    const first = rand(3) > 0;
    const picked = first ? services.filter(() => rand(4) === 0).join('; ') : '';
    const comment = rand(10) === 0 ? quote('Plus d’interprètes, et des activités pour les enfants, merci') : '';
    text += `${at},R${i},${quote(heard[rand(heard.length)])},${first ? 'Oui' : 'Non'},${rand(2) ? 'Oui' : 'Non'},${quote(picked)},${1 + rand(5)},${comment},${quote(gender[rand(gender.length)])},${quote(age[rand(age.length)])}\n`;
    if (text.length > 1 << 20) {
      if (!out.write(text)) await new Promise<void>((r) => out.once('drain', () => r()));
      text = '';
    }
  }
  out.end(text);
  await new Promise<void>((r) => out.once('finish', () => r()));
  return { bytes: statSync(FILE).size, columns: columns.length };
}

// ─── 2. Baseline ────────────────────────────────────────────────────────────────────────────────────────────

async function plainCopy(db: Client, columns: number): Promise<number> {
  await db.query(`CREATE UNLOGGED TABLE plain_copy (${Array.from({ length: columns }, (_, i) => `c${i} text`).join(', ')})`);
  const t = performance.now();
  await pipeline(createReadStream(FILE), db.query(copyFrom('COPY plain_copy FROM STDIN WITH (FORMAT csv, HEADER true)')));
  const took = since(t);
  const [{ count }] = (await db.query<{ count: number }>('SELECT count(*)::int AS count FROM plain_copy')).rows;
  if (count !== ROWS) throw new Error(`COPY loaded ${count} rows, not ${ROWS}`);
  await db.query('DROP TABLE plain_copy');
  return took;
}

// ─── 3. The import, as the web app does it ──────────────────────────────────────────────────────────────────

interface ImportState {
  status: string;
  problemCount: number;
  problems: unknown[];
  preview: { rows: number; newRows: number; alreadyImported: number } | null;
  result: { created: number; skipped: number } | null;
  error: string | null;
}

async function importOnce(
  base: string,
  token: string,
  questionnaireId: string,
  db: Client,
  children: ChildProcess[],
): Promise<{ uploadMs: number; analyzeMs: number; writeMs: number; state: ImportState }> {
  const auth = { authorization: `Bearer ${token}` };
  const t0 = performance.now();
  const up = await fetch(`${base}/api/imports?kind=responses&fileName=export.csv&questionnaireId=${questionnaireId}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/csv' },
    body: createReadStream(FILE) as unknown as BodyInit,
    duplex: 'half',
  } as RequestInit);
  if (up.status !== 202) throw new Error(`upload answered ${up.status}: ${await up.text()}`);
  const uploadMs = since(t0);
  const { id } = (await up.json()) as { id: string };
  const until = async (done: (s: string) => boolean): Promise<string> => {
    for (;;) {
      const dead = children.find((c) => c.exitCode !== null || c.signalCode !== null);
      if (dead) throw new Error(`a child process exited (${dead.exitCode ?? dead.signalCode}) during the import`);
      const [{ status }] = (await db.query<{ status: string }>('SELECT status FROM imports WHERE id = $1', [id])).rows;
      if (done(status)) return status;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const t1 = performance.now();
  const analysed = await until((s) => s !== 'analyzing');
  const analyzeMs = since(t1);
  if (analysed !== 'ready') {
    const res = await fetch(`${base}/api/imports/${id}`, { headers: auth });
    throw new Error(`the import is ${analysed}: ${JSON.stringify(await res.json()).slice(0, 2000)}`);
  }
  const t2 = performance.now();
  const confirm = await fetch(`${base}/api/imports/${id}/confirm`, { method: 'POST', headers: auth });
  if (confirm.status !== 202) throw new Error(`confirm answered ${confirm.status}: ${await confirm.text()}`);
  const written = await until((s) => s !== 'importing');
  const writeMs = since(t2);
  const state = (await (await fetch(`${base}/api/imports/${id}`, { headers: auth })).json()) as ImportState;
  if (written !== 'done') throw new Error(`the import is ${written}: ${state.error}`);
  return { uploadMs, analyzeMs, writeMs, state };
}

async function main(): Promise<void> {
  process.on('SIGINT', () => abortBench(130, 'interrupted', cleanUp, 5000));
  say(`bench:import — ${n(ROWS)} responses from a CSV export, database ${NAME}`);
  await onServer((c) => c.query(`CREATE DATABASE "${NAME}"`));
  await backend.migrate().runMigrations(URL_);
  const db = new Client({ connectionString: URL_ });
  db.on('error', () => undefined);
  await db.connect();
  try {
    const t = performance.now();
    const file = await writeExport();
    say(`1. Export written: ${n(file.bytes / 2 ** 20, 1)} MB, ${file.columns} columns, in ${ms(since(t))} (${FILE})`);

    const copyMs = await plainCopy(db, file.columns);
    say(`2. Baseline, plain COPY of the same file into text columns: ${ms(copyMs)} (${n(ROWS / (copyMs / 1000))} rows/s)`);

    const welcome = backend.welcomeDay();
    const plan = await seedPlan(db, '2021-06-01');
    const q = await seedQuestionnaire(db, plan, 'bench-import-bienvenue', {
      title: welcome.WELCOME_DAY_TITLE,
      description: welcome.WELCOME_DAY_DESCRIPTION,
      questions: welcome.WELCOME_DAY_QUESTIONS,
    });
    const email = 'bench-import@repere.test';
    const password = randomBytes(12).toString('hex');
    await seedAdmin(db, email, await argon2.hash(password, { type: argon2.argon2id }));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: URL_,
      REDIS_URL,
      LOG_LEVEL: 'warn',
      JWT_SECRET: randomBytes(32).toString('hex'),
      QUEUE_PREFIX: NAME,
      WEB_DIST: join(tmpdir(), 'repere-bench-no-web'),
    };
    const api = start(process.execPath, [API_MAIN], env, 'api');
    const workers = start(process.execPath, [WORKERS_MAIN], env, 'workers');
    try {
      await waitForHttp(`${base}/api/health`, api);
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      say('3. Importing through the API and the workers…');
      const first = await importOnce(base, accessToken, q.id, db, [api, workers]);
      const [{ count }] = (
        await db.query<{ count: number }>('SELECT count(*)::int AS count FROM responses WHERE questionnaire_id = $1', [q.id])
      ).rows;
      if (count !== ROWS || first.state.result?.created !== ROWS)
        throw new Error(`${count} responses stored, ${first.state.result?.created} created, for ${ROWS} rows`);
      const [{ coded }] = (
        await db.query<{ coded: number }>(
          'SELECT count(*)::int AS coded FROM responses WHERE questionnaire_id = $1 AND codes IS NOT NULL',
          [q.id],
        )
      ).rows;
      const importMs = first.analyzeMs + first.writeMs;
      say(`   upload (file → 1 MB chunks in PostgreSQL)      ${ms(first.uploadMs)}`);
      say(`   analysis (read, check, stage every row)        ${ms(first.analyzeMs)}`);
      say(`   writing (confirm → rows in responses)          ${ms(first.writeMs)}`);
      say(
        `   import = analysis + writing                    ${ms(importMs)} (${n(ROWS / (importMs / 1000))} rows/s); with the upload ${ms(importMs + first.uploadMs)}`,
      );
      say(`   ${n(count)} responses stored, ${n(coded)} with answer codes`);

      say('4. The same file again (idempotence)…');
      const second = await importOnce(base, accessToken, q.id, db, [api, workers]);
      const [{ again }] = (
        await db.query<{ again: number }>('SELECT count(*)::int AS again FROM responses WHERE questionnaire_id = $1', [q.id])
      ).rows;
      say(
        `   preview: ${n(second.state.preview?.newRows ?? -1)} new, ${n(second.state.preview?.alreadyImported ?? -1)} already imported; written: ${n(second.state.result?.created ?? -1)} created, ${n(second.state.result?.skipped ?? -1)} skipped; ${n(again)} responses in all`,
      );
      if (again !== ROWS || second.state.result?.created !== 0) throw new Error('the second import stored rows again');

      say();
      say('| | figure | target |');
      say('|---|---|---|');
      const verdict = ROWS !== 1_000_000 ? '(the target is for 1,000,000 rows)' : importMs < TARGET_MS ? '✓' : '✗ not met';
      say(`| import of ${n(ROWS)} rows (analysis + writing) | **${ms(importMs)}** | < ${ms(TARGET_MS)} ${verdict} |`);
      say(`| plain COPY of the same file | ${ms(copyMs)} | baseline |`);
      say(`| import ÷ COPY | **${n(importMs / copyMs, 1)}×** | printed |`);
      say(`| upload, not counted above | ${ms(first.uploadMs)} | |`);
    } finally {
      await Promise.all([stop(api), stop(workers)]);
    }
  } finally {
    await db.end();
    await cleanUp();
  }
}

async function cleanUp(): Promise<void> {
  killAll();
  rmSync(FILE, { force: true });
  if (!KEEP_DB) await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`)).catch(() => undefined);
}

main().catch(async (err: Error) => {
  process.stderr.write(`bench:import failed: ${err.stack ?? err.message}\n`);
  await cleanUp();
  process.exit(1);
});
