/**
 * `npm run backup [-- <file>]`: the whole database at DATABASE_URL, as pg_dump's custom format (-Fc), in <file> or in
 * backups/repere-<YYYY-MM-DD-HHMMSS>.dump (local time). Everything is in it: plans, responses, evaluations, reports,
 * users, and deployment_secrets (the session-signing key drawn when JWT_SECRET is not set), so a restored deployment
 * keeps its users signed in. Restore with `npm run restore -- <file>`.
 *
 * The counts printed are those of the dump itself: pg_dump reads the snapshot of the transaction that counts.
 * The dump is written beside its destination and renamed when complete, so a failed run leaves no partial file.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  clientTool,
  connect,
  contents,
  formatBytes,
  libpqConnection,
  MissingDatabase,
  operatorPath,
  printContents,
  runScript,
  ScriptError,
  serverMajor,
  target,
} from './support/database-tools';

const ROOT = resolve(__dirname, '..');
const USAGE = 'Usage: npm run backup [-- <file>]   (default: backups/repere-<YYYY-MM-DD-HHMMSS>.dump)';

function destination(args: string[]): string {
  if (args.includes('-h') || args.includes('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const unknown = args.filter((a) => a.startsWith('-'));
  if (unknown.length) throw new ScriptError(`Unknown option ${unknown.join(' ')}. ${USAGE}`);
  if (args.length > 1) throw new ScriptError(`One file at most. ${USAGE}`);
  const now = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  const name = `repere-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.dump`;
  if (!args[0]) return join(ROOT, 'backups', name);
  const given = operatorPath(args[0]);
  // A folder (existing, or written with a trailing slash): the default name in it.
  return args[0].endsWith('/') || (existsSync(given) && statSync(given).isDirectory()) ? join(given, name) : given;
}

/** Runs pg_dump; rejects with what it printed when it fails. */
function pgDump(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((ok, fail) => {
    const proc = spawn('pg_dump', args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    proc.once('error', (err) => fail(new ScriptError(`pg_dump could not be started: ${err.message}`)));
    proc.once('exit', (code, signal) => {
      if (code === 0) ok();
      else fail(new ScriptError(`pg_dump failed (${signal ?? `exit ${code}`}):\n${stderr.trim()}`));
    });
  });
}

async function main(): Promise<void> {
  const file = destination(process.argv.slice(2));
  const db = target();
  const client = await connect(db).catch((err: unknown) => {
    if (err instanceof MissingDatabase) throw new ScriptError(`${err.message} Nothing to back up.`);
    throw err;
  });
  try {
    const server = await serverMajor(client);
    const dumpMajor = clientTool('pg_dump', server);
    if (dumpMajor < server) {
      throw new ScriptError(
        `pg_dump ${dumpMajor} cannot dump a PostgreSQL ${server} server: install postgresql-client-${server} (the client tools matching the server's version) and put its pg_dump first on PATH.`,
      );
    }
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // Readable by its owner only (it holds residents' answers and the session key); pg_dump keeps the mode.
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    writeFileSync(partial, '', { mode: 0o600 });
    // One snapshot for the counts and for pg_dump: what is printed is what the file holds.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ snapshot }] = (await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot')).rows;
    const saved = await contents(client);
    const { args, env } = libpqConnection(db);
    console.log(`Backing up ${db.database} on ${db.where}…`);
    try {
      await pgDump([...args, '--format=custom', `--snapshot=${snapshot}`, `--file=${partial}`], env);
    } catch (err) {
      rmSync(partial, { force: true });
      throw err;
    }
    await client.query('COMMIT');
    if (existsSync(file)) console.log(`(replacing the existing ${file})`);
    renameSync(partial, file);
    const shown = relative(process.env.INIT_CWD ?? process.cwd(), file);
    console.log(`\nWrote ${shown.startsWith('..') ? file : shown} (${formatBytes(statSync(file).size)}), holding:`);
    printContents(saved);
    if (saved.counts.deployment_secrets)
      console.log('  (the session-signing secret included: a deployment restored from it keeps its users signed in)');
    else if (saved.counts.deployment_secrets === 0)
      console.log('  (no session secret in the database: sessions are signed with JWT_SECRET, which a backup does not hold)');
    console.log(`\nKeep it as private as the database: it holds residents' answers, staff accounts and the session secret.`);
    console.log(`Restore with: npm run restore -- ${shown.startsWith('..') ? file : shown}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

runScript(main);
