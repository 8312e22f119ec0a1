/**
 * What `npm run backup` and `npm run restore` share: the database URL and how to hand it to pg_dump/pg_restore
 * (the password only ever in PGPASSWORD, never on a command line or in a message), finding those tools, connecting
 * with messages that say what is wrong, and the row counts both print.
 */
import { spawnSync } from 'node:child_process';
import { isAbsolute, resolve } from 'node:path';
import { Client } from 'pg';
import { DEFAULT_DATABASE_URL } from '../../backend/src/config/defaults';

/** A failure the operator can act on: printed as is (no stack), exit code 1. */
export class ScriptError extends Error {}

/** Runs a script's main and turns a failure into a message and exit code 1. */
export function runScript(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    const message = err instanceof ScriptError ? err.message : `Unexpected failure: ${(err as Error)?.stack ?? String(err)}`;
    console.error(`\n${message}\n`);
    process.exitCode = 1;
  });
}

export interface Target {
  /** The URL as configured, password included: for the Node client only. */
  url: string;
  database: string;
  /** host:port (or the socket directory), for messages. */
  where: string;
  /** The URL with the password masked, for messages. */
  safe: string;
}

/** DATABASE_URL (default: the local `repere` database), parsed. */
export function target(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): Target {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ScriptError('DATABASE_URL is not a URL: it should read postgres://user:password@host:5432/database.');
  }
  if (!/^postgres(ql)?:$/.test(u.protocol)) throw new ScriptError('DATABASE_URL must be a postgres:// URL.');
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database) throw new ScriptError(`DATABASE_URL names no database (${redact(url)}).`);
  return { url, database, where: decodeURIComponent(u.host) || 'localhost', safe: redact(url) };
}

/** The URL with its password replaced by `***`. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** The same server, another database (`postgres`: the maintenance one, to create a database). */
export function onDatabase(t: Target, database: string): Target {
  const u = new URL(t.url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return target(u.toString());
}

/**
 * How to run a libpq tool on the target: `--dbname=<URL without its password>` (so sslmode and the like carry over)
 * and an environment with PGPASSWORD when the URL has one. `-w`: never prompt, fail instead.
 */
export function libpqConnection(t: Target): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(t.url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { args: ['-w', `--dbname=${u.toString()}`], env };
}

/** The major version of a PostgreSQL client tool on PATH; a clear failure when it is missing. */
export function clientTool(name: 'pg_dump' | 'pg_restore', serverMajor?: number): number {
  const run = spawnSync(name, ['--version'], { encoding: 'utf8' });
  const install =
    `Install the PostgreSQL client tools matching the server's version${serverMajor ? ` (${serverMajor})` : ''}, ` +
    `e.g. \`apt-get install postgresql-client${serverMajor ? `-${serverMajor}` : ''}\` (Debian/Ubuntu, PGDG repository) or \`brew install libpq\` (macOS), and make sure ${name} is on PATH.`;
  if (run.error || run.status !== 0) {
    const why =
      (run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
        ? 'is not on PATH'
        : `does not run (${run.error?.message ?? run.stderr.trim()})`;
    throw new ScriptError(`${name} ${why}. ${install}`);
  }
  const major = Number(/(\d+)(?:\.\d+)?/.exec(run.stdout)?.[1]);
  if (!major) throw new ScriptError(`Could not read the version of ${name} (${run.stdout.trim()}). ${install}`);
  return major;
}

/** pg error codes: the database does not exist; the password or user is refused. */
const NO_DATABASE = '3D000';
const AUTH_FAILED = new Set(['28P01', '28000']);

export class MissingDatabase extends ScriptError {}

/** A connected client; a ScriptError naming the problem (unreachable server, refused login, missing database). */
export async function connect(t: Target): Promise<Client> {
  const client = new Client({ connectionString: t.url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return client;
  } catch (err) {
    await client.end().catch(() => undefined);
    const { code, message } = err as { code?: string; message: string };
    if (code === NO_DATABASE)
      throw new MissingDatabase(`The database ${t.database} does not exist on ${t.where} (DATABASE_URL=${t.safe}).`);
    if (code && AUTH_FAILED.has(code))
      throw new ScriptError(
        `PostgreSQL at ${t.where} refused the login (${message}): check the user and password in DATABASE_URL (${t.safe}).`,
      );
    throw new ScriptError(
      `The database is unreachable: PostgreSQL at ${t.where} did not answer (${message}). Check that it runs and that DATABASE_URL (${t.safe}) points at it.`,
    );
  }
}

/** The server's major version (15 for 15.4). */
export async function serverMajor(client: Client): Promise<number> {
  const [{ v }] = (await client.query<{ v: number }>(`SELECT current_setting('server_version_num')::int AS v`)).rows;
  return Math.floor(v / 10000);
}

/** The tables whose row counts say what a backup holds; the secret's value is never read. */
export const KEY_TABLES = [
  'organizations',
  'users',
  'plans',
  'indicators',
  'questionnaires',
  'responses',
  'evaluations',
  'reports',
  'deployment_secrets',
] as const;

/** Row counts of KEY_TABLES (null: no such table, e.g. an older schema) and the migrations applied. */
export interface Contents {
  counts: Record<string, number | null>;
  migrations: number;
  latestMigration: string | null;
}

export async function contents(client: Client): Promise<Contents> {
  const counts: Record<string, number | null> = {};
  for (const table of [...KEY_TABLES, 'migrations']) {
    const [{ exists }] = (await client.query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [`public.${table}`]))
      .rows;
    counts[table] = exists ? Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM public."${table}"`)).rows[0].n) : null;
  }
  let latestMigration: string | null = null;
  if (counts.migrations) {
    latestMigration = (await client.query<{ name: string }>('SELECT name FROM public.migrations ORDER BY "timestamp" DESC LIMIT 1')).rows[0]
      .name;
  }
  const migrations = counts.migrations ?? 0;
  delete counts.migrations;
  return { counts, migrations, latestMigration };
}

export function printContents(c: Contents): void {
  const width = Math.max(...Object.keys(c.counts).map((k) => k.length));
  for (const [table, n] of Object.entries(c.counts))
    console.log(`  ${table.padEnd(width)}  ${n === null ? '— (no such table)' : n.toLocaleString('en-US')}`);
  console.log(
    `  schema: ${c.migrations} migration${c.migrations === 1 ? '' : 's'} applied${c.latestMigration ? `, latest ${c.latestMigration}` : ''}`,
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A path the operator typed: relative to where they ran `npm run` (npm itself runs scripts at the root). */
export function operatorPath(file: string): string {
  return isAbsolute(file) ? file : resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

/** `"name"` for SQL. */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
