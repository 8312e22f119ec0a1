import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DEFAULT_REDIS_URL } from '@backend/config/defaults';
import { dataSourceOptions } from '@backend/database/data-source-options';
import { runMigrations } from '@backend/database/migrate';
import { MIGRATIONS } from '@backend/database/migrations';
import { createDatabase, dropDatabase, onServer, withDatabase } from './setup/test-database';
import { fixtures } from './support/fixtures';
import { createQuestionnaire, sampleQuestions, validAnswers } from './support/questionnaire-factory';
import { deleteKeys } from './support/redis-keys';
import { bearer, startTestApp } from './support/test-app';

// `npm run backup` and `npm run restore` for real: the scripts run as child processes (as an operator runs them)
// against databases of this file's own on the run's PostgreSQL, and what comes back is compared table by table.

const ROOT = resolve(__dirname, '../..');
const BASE = process.env.DATABASE_URL!;
const RUN = process.env.REPERE_TEST_DATABASE!;
const DB = {
  source: `${RUN}_bk_source`,
  copy: `${RUN}_bk_copy`,
  never: `${RUN}_bk_never`,
  old: `${RUN}_bk_old`,
  upgraded: `${RUN}_bk_upgraded`,
};
const QUEUE_PREFIX = `${RUN}_bk`;
const url = (name: string) => withDatabase(BASE, name);

interface Run {
  code: number | null;
  output: string;
}

/** `npx tsx scripts/<script>.ts …args` with DATABASE_URL pointing at `database`; resolves with its exit code and output. */
function script(name: 'backup' | 'restore', database: string, args: string[]): Promise<Run> {
  return new Promise((ok, fail) => {
    const proc = spawn('npx', ['tsx', `scripts/${name}.ts`, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url(database) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    proc.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    proc.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    proc.once('error', fail);
    proc.once('close', (code) => ok({ code, output }));
  });
}

async function onDatabase<T>(database: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url(database) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Every table of the database's own schemas: its row count and an md5 of its rows in order. */
function tableContents(database: string): Promise<Record<string, { rows: number; md5: string }>> {
  return onDatabase(database, async (c) => {
    const { rows: tables } = await c.query<{ schema: string; name: string }>(
      `SELECT schemaname AS schema, tablename AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
    );
    const result: Record<string, { rows: number; md5: string }> = {};
    for (const { schema, name } of tables) {
      const [row] = (
        await c.query<{ rows: number; md5: string }>(
          `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM "${schema}"."${name}" t`,
        )
      ).rows;
      result[`${schema}.${name}`] = row;
    }
    return result;
  });
}

const databaseExists = (name: string) =>
  onServer(BASE, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);

const secretOf = (database: string) =>
  onDatabase(
    database,
    async (c) => (await c.query<{ value: string }>(`SELECT value FROM deployment_secrets WHERE name = 'jwt'`)).rows[0]?.value,
  );

describe('npm run backup / npm run restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'repere-backup-'));
  const dump = join(dir, 'repere.dump');
  const secret = randomBytes(32).toString('hex');
  let planId: string;
  let source: Record<string, { rows: number; md5: string }>;

  beforeAll(async () => {
    for (const name of Object.values(DB)) await dropDatabase(BASE, name);
    await runMigrations(await createDatabase(BASE, DB.source));
    // The real application on the source database (with the demo data), on a queue prefix of its own.
    const runQueuePrefix = process.env.QUEUE_PREFIX;
    process.env.DATABASE_URL = url(DB.source);
    process.env.QUEUE_PREFIX = QUEUE_PREFIX;
    const t = await startTestApp();
    try {
      ({ planId } = await fixtures(t).plan());
      const { questions, ids } = sampleQuestions();
      const q = await createQuestionnaire(t.db, { planId, versions: [questions] });
      for (const satisfaction of [3, 4, 5]) {
        await t
          .http()
          .post(`/api/public/questionnaires/${q.slug}/responses`)
          .set('Idempotency-Key', randomUUID())
          .send({ language: 'fr', version: 1, answers: validAnswers(ids, { satisfaction }) })
          .expect(201);
      }
      await t
        .http()
        .post(`/api/plans/${planId}/evaluations`)
        .set(bearer(t.tokens.admin))
        .send({ kind: 'midterm', cutoff: '2024-06-30' })
        .expect(201);
      // What the API draws when JWT_SECRET is not set (the tests set it): the deployment's session-signing key.
      await t.db.query(`INSERT INTO deployment_secrets (name, value) VALUES ('jwt', $1)`, [secret]);
    } finally {
      await t.close();
      process.env.DATABASE_URL = BASE;
      if (runQueuePrefix === undefined) delete process.env.QUEUE_PREFIX;
      else process.env.QUEUE_PREFIX = runQueuePrefix;
    }
    source = await tableContents(DB.source);
  });

  afterAll(async () => {
    for (const name of Object.values(DB)) await dropDatabase(BASE, name);
    await deleteKeys(process.env.REDIS_URL ?? DEFAULT_REDIS_URL, QUEUE_PREFIX);
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds what the source database holds before the backup (the data this test put in)', () => {
    expect(source['public.plans'].rows).toBeGreaterThanOrEqual(2);
    expect(source['public.responses'].rows).toBeGreaterThanOrEqual(3);
    // The demo's mid-term and final, and the one this test opened.
    expect(source['public.evaluations'].rows).toBe(3);
    expect(source['public.deployment_secrets'].rows).toBe(1);
  });

  it('backs up the whole database to the given file and says what it saved', async () => {
    const run = await script('backup', DB.source, [dump]);
    expect(run).toMatchObject({ code: 0 });
    expect(statSync(dump).size).toBeGreaterThan(0);
    expect(existsSync(`${dump}.partial`)).toBe(false);
    expect(run.output).toContain(dump);
    expect(run.output).toMatch(new RegExp(`responses\\s+${source['public.responses'].rows}\\n`));
    expect(run.output).toMatch(new RegExp(`plans\\s+${source['public.plans'].rows}\\n`));
    expect(run.output).toMatch(new RegExp(`evaluations\\s+${source['public.evaluations'].rows}\\n`));
    expect(run.output).toMatch(/deployment_secrets\s+1\n/);
    expect(run.output).not.toContain(secret);
  });

  it('restores into a database that does not exist yet: every table identical, the session secret included', async () => {
    const run = await script('restore', DB.copy, [dump]);
    expect(run).toMatchObject({ code: 0 });
    expect(run.output).toContain(`Created the database ${DB.copy}`);
    expect(run.output).toMatch(new RegExp(`responses\\s+${source['public.responses'].rows}\\n`));
    expect(await tableContents(DB.copy)).toEqual(source);
    expect(await secretOf(DB.copy)).toBe(secret);
  });

  it('refuses a database that already holds Repère data unless --force, and leaves it as it was', async () => {
    await onDatabase(DB.copy, async (c) => {
      await c.query(`UPDATE deployment_secrets SET value = 'changed since the backup'`);
      await c.query(`DELETE FROM responses`);
    });
    const changed = await tableContents(DB.copy);

    const refused = await script('restore', DB.copy, [dump]);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('--force');
    expect(refused.output).toContain(DB.copy);
    expect(await tableContents(DB.copy)).toEqual(changed);
  });

  it('with --force, replaces what the database holds by the backup', async () => {
    const run = await script('restore', DB.copy, [dump, '--force']);
    expect(run).toMatchObject({ code: 0 });
    expect(await tableContents(DB.copy)).toEqual(source);
    expect(await secretOf(DB.copy)).toBe(secret);
  });

  it('is all or nothing: a backup that breaks off midway restores nothing', async () => {
    // The archive's table of contents is whole, its data cut short: pg_restore fails partway through.
    const broken = join(dir, 'broken.dump');
    const bytes = readFileSync(dump);
    writeFileSync(broken, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await onDatabase(DB.copy, (c) => c.query(`UPDATE deployment_secrets SET value = 'changed again'`));
    const before = await tableContents(DB.copy);

    const replacing = await script('restore', DB.copy, [broken, '--force']);
    expect(replacing.code).not.toBe(0);
    expect(replacing.output).toContain('Nothing was restored');
    expect(await tableContents(DB.copy)).toEqual(before);

    const creating = await script('restore', DB.never, [broken]);
    expect(creating.code).not.toBe(0);
    expect(await databaseExists(DB.never)).toBe(false);
  });

  it('brings a backup of an older version up to date: the migrations run after the restore', async () => {
    const latest = MIGRATIONS[MIGRATIONS.length - 1].name;
    const old = await new DataSource(dataSourceOptions(await createDatabase(BASE, DB.old))).initialize();
    try {
      await old.runMigrations();
      await old.undoLastMigration();
    } finally {
      await old.destroy();
    }
    const oldDump = join(dir, 'old.dump');
    expect(await script('backup', DB.old, [oldDump])).toMatchObject({ code: 0 });

    const run = await script('restore', DB.upgraded, [oldDump]);
    expect(run).toMatchObject({ code: 0 });
    expect(run.output).toContain(`applied ${latest}`);
    const applied = await onDatabase(DB.upgraded, async (c) =>
      (await c.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((r) => r.name),
    );
    expect(applied).toEqual(MIGRATIONS.map((m) => m.name));
  });
});
