/**
 * `npm run restore -- <file> [--force]`: a backup made by `npm run backup` (pg_dump's custom format) into the database
 * at DATABASE_URL, created if it does not exist.
 *
 * - Safe by default: a database that already holds anything (Repère's tables, applied migrations, plans…) is left
 *   alone unless --force is given; then what the backup holds replaces it. A database holding tables or types the
 *   backup does not know (a newer version's, or another application's) is refused even with --force, as
 *   `pg_restore --clean` would leave them behind: restore into a new database, or drop that one first.
 * - All or nothing: one transaction (`pg_restore --single-transaction`); if it fails the database is as it was (and
 *   dropped again if this run created it).
 * - Then the migrations run, so a backup of an older version is brought up to the current schema.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import type { Client } from 'pg';
import {
  clientTool,
  connect,
  contents,
  formatBytes,
  libpqConnection,
  MissingDatabase,
  onDatabase,
  operatorPath,
  printContents,
  quoteIdent,
  runScript,
  ScriptError,
  Target,
  target,
} from './support/database-tools';

const USAGE = 'Usage: npm run restore -- <file> [--force]   (--force replaces what the database at DATABASE_URL holds)';

function parseArgs(argv: string[]): { file: string; force: boolean } {
  if (argv.includes('-h') || argv.includes('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const force = argv.includes('--force');
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--force');
  if (unknown.length) throw new ScriptError(`Unknown option ${unknown.join(' ')}. ${USAGE}`);
  const files = argv.filter((a) => !a.startsWith('-'));
  if (files.length !== 1) throw new ScriptError(`Name one backup file. ${USAGE}`);
  const file = operatorPath(files[0]);
  if (!existsSync(file) || !statSync(file).isFile()) throw new ScriptError(`No such backup file: ${file}`);
  return { file, force };
}

/** `schema.name` of the tables, views and types an archive creates; fails if the file is not an archive. */
function archiveObjects(file: string): Set<string> {
  const list = spawnSync('pg_restore', ['--list', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (list.status !== 0) {
    throw new ScriptError(
      `${file} cannot be read as a backup (pg_dump's custom format, as \`npm run backup\` writes): ${list.stderr.trim() || list.error?.message}`,
    );
  }
  const objects = new Set<string>();
  for (const line of list.stdout.split('\n')) {
    // `229; 1259 18905 TABLE public plans postgres` (not `TABLE DATA public plans postgres`)
    const m = /^\d+; \d+ \d+ (?:TABLE|VIEW|MATERIALIZED VIEW|FOREIGN TABLE|TYPE|DOMAIN) (\S+) (\S+) \S*\s*$/.exec(line);
    if (m) objects.add(`${m[1]}.${m[2]}`);
  }
  return objects;
}

/** Tables, views, enums and domains of the database's own schemas, without those of extensions. */
async function databaseObjects(client: Client): Promise<string[]> {
  const own = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'`;
  const { rows } = await client.query<{ name: string }>(`
    SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${own}
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    UNION ALL
    SELECT n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE t.typtype IN ('e', 'd') AND ${own}
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
    ORDER BY 1`);
  return rows.map((r) => r.name);
}

/** Connects to the target, creating the database if it does not exist; `created` says whether it did. */
async function connectOrCreate(db: Target): Promise<{ client: Client; created: boolean }> {
  try {
    return { client: await connect(db), created: false };
  } catch (err) {
    if (!(err instanceof MissingDatabase)) throw err;
  }
  const server = await connect(onDatabase(db, 'postgres'));
  try {
    await server.query(`CREATE DATABASE ${quoteIdent(db.database)}`);
  } catch (err) {
    throw new ScriptError(
      `The database ${db.database} does not exist on ${db.where} and could not be created (${(err as Error).message}). Create it (createdb ${db.database}), or give the user the CREATEDB right.`,
    );
  } finally {
    await server.end().catch(() => undefined);
  }
  console.log(`Created the database ${db.database} on ${db.where}.`);
  return { client: await connect(db), created: true };
}

async function dropCreated(db: Target): Promise<void> {
  const server = await connect(onDatabase(db, 'postgres'));
  try {
    await server.query(`DROP DATABASE IF EXISTS ${quoteIdent(db.database)}`);
  } finally {
    await server.end().catch(() => undefined);
  }
}

/** What the database already holds, in words, or null when it holds nothing. */
async function describeExisting(client: Client, objects: string[]): Promise<string | null> {
  if (!objects.length) return null;
  const found = await contents(client);
  if (found.migrations || found.counts.plans !== null) {
    const parts = [`${found.migrations} migration${found.migrations === 1 ? '' : 's'} applied`];
    for (const table of ['plans', 'responses', 'users'] as const) {
      if (found.counts[table] !== null) parts.push(`${found.counts[table]} ${table}`);
    }
    return `Repère data (${parts.join(', ')})`;
  }
  return `${objects.length} table${objects.length === 1 ? '' : 's'} or type${objects.length === 1 ? '' : 's'} (${objects.slice(0, 5).join(', ')}${objects.length > 5 ? '…' : ''})`;
}

function pgRestore(args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((ok, fail) => {
    // pg_restore's own messages go straight to the operator.
    const proc = spawn('pg_restore', args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    proc.once('error', (err) => fail(new ScriptError(`pg_restore could not be started: ${err.message}`)));
    proc.once('exit', (code) => ok(code));
  });
}

async function main(): Promise<void> {
  const { file, force } = parseArgs(process.argv.slice(2));
  const db = target();
  clientTool('pg_restore');
  const inArchive = archiveObjects(file);

  const { client, created } = await connectOrCreate(db);
  try {
    const objects = await databaseObjects(client);
    const existing = await describeExisting(client, objects);
    if (existing && !force) {
      throw new ScriptError(
        [
          `Refusing to restore: the database ${db.database} on ${db.where} already holds ${existing}.`,
          `To replace its contents with the backup, run again with --force:  npm run restore -- ${shellWord(file)} --force`,
          'or point DATABASE_URL at a new database (it is created if it does not exist).',
        ].join('\n'),
      );
    }
    if (existing) {
      const leftovers = objects.filter((o) => !inArchive.has(o));
      if (leftovers.length) {
        throw new ScriptError(
          [
            `Refusing to restore: the database ${db.database} on ${db.where} holds tables or types the backup does not (${leftovers.slice(0, 8).join(', ')}${leftovers.length > 8 ? '…' : ''}):`,
            'it is from a newer version of Repère, or holds something else. --force replaces only what the backup holds, so these would stay',
            'and the migrations would then fail. Restore into a new database, or drop this one first (dropdb, or DROP DATABASE) and restore again.',
          ].join('\n'),
        );
      }
      const [{ n }] = (
        await client.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        )
      ).rows;
      if (n)
        console.warn(
          `Warning: ${n} other session${n === 1 ? ' is' : 's are'} connected to ${db.database} (the API? the workers?). Stop them first: the restore waits for their locks.`,
        );
      console.log(`Replacing the contents of ${db.database} on ${db.where} (--force).`);
    }
  } catch (err) {
    await client.end().catch(() => undefined);
    if (created) await dropCreated(db);
    throw err;
  }
  await client.end().catch(() => undefined);

  console.log(`Restoring ${file} (${formatBytes(statSync(file).size)}) into ${db.database} on ${db.where}, in one transaction…`);
  const { args, env } = libpqConnection(db);
  const code = await pgRestore([...args, '--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', file], env);
  if (code !== 0) {
    if (created) await dropCreated(db);
    throw new ScriptError(
      `pg_restore failed (exit ${code}). Nothing was restored: it ran in one transaction, so ${db.database} is as it was${created ? ' (it was created by this run, and dropped again)' : ''}.`,
    );
  }

  // The current code's migrations: a backup of an older version is brought up to date (loaded now: TypeORM and the entities).
  const { runMigrations } = await import('../backend/src/database/migrate');
  let applied: string[];
  try {
    applied = await runMigrations(db.url);
  } catch (err) {
    throw new ScriptError(
      `The backup was restored, but bringing it up to date failed: ${(err as Error).message}\nFix the cause and run \`npm run migrate\` with the same DATABASE_URL.`,
    );
  }
  console.log(applied.length ? `Brought up to date: applied ${applied.join(', ')}.` : 'The schema is up to date (no migration to apply).');

  const check = await connect(db);
  try {
    const restored = await contents(check);
    console.log(`\nRestored ${db.database} on ${db.where}, which now holds:`);
    printContents(restored);
    if (restored.counts.deployment_secrets)
      console.log('  (the session secret came back with it: sessions signed before the backup stay valid, unless JWT_SECRET is set)');
  } finally {
    await check.end().catch(() => undefined);
  }
}

/** The file as the operator would type it again. */
function shellWord(file: string): string {
  return /\s/.test(file) ? `"${file}"` : file;
}

runScript(main);
