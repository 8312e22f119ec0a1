import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@backend/database/data-source-options';
import { WELCOME_DAY_SLUG, WELCOME_QUESTION_IDS as Q } from '@backend/demo/welcome-day-questionnaire';
import { createDatabase, dropDatabase } from './setup/test-database';
import { assertBuilt } from './support/child-processes';

/**
 * Migration CompactResponses on a copy of the demo plus a million responses stored the old way (answers by question
 * UUID, text hashes, imported rows marked in body_hash), while a process of the previous release keeps writing.
 */
// A million old rows unless COMPACT_TEST_ROWS says otherwise: CI converts fewer to stay within its time budget (the
// million takes 5–6 min on a 2-core machine; run `npx jest --selectProjects e2e -- compact-responses` for it).
const MILLION = Number(process.env.COMPACT_TEST_ROWS ?? 1_000_000);
const SEED_DEMO = resolve(__dirname, '../../dist/backend/src/demo/seed-demo.js');
const MIGRATE = resolve(__dirname, '../../dist/backend/src/database/migrate.js');

/** Every response as the old release stored it, in one canonical text per row; compared through md5. */
const CANONICAL_BEFORE = `SELECT count(*)::int AS n, md5(string_agg(concat_ws('|', id, questionnaire_id, version, language, received_at, answered_at,
    answered_month, idempotency_key, record_key, encode(codes, 'hex'), body_hash, answers::text), ',' ORDER BY id)) AS digest
  FROM responses WHERE NOT (idempotency_key = ANY($1::uuid[]))`;
/** The same, read from the new rows: answers back by question id, the hash as hex, an import as its marker. */
const CANONICAL_AFTER = `SELECT count(*)::int AS n, md5(string_agg(concat_ws('|', id, questionnaire_id, version, language, received_at, answered_at,
    answered_month, idempotency_key, record_key, encode(codes, 'hex'), coalesce(encode(body_hash, 'hex'), 'import:' || import_id),
    response_answers_by_id(questionnaire_id, version, answers)::text), ',' ORDER BY id)) AS digest
  FROM responses WHERE NOT (idempotency_key = ANY($1::uuid[]))`;
/** Average bytes per row as stored (the heap tuple's data, header included), over the whole table. */
const ROW_BYTES = 'SELECT avg(pg_column_size(r.*))::int AS bytes FROM responses r';

/** Undoes the migrations applied after `name`, newest first, then `name` itself. */
async function undoThrough(db: DataSource, name: string): Promise<void> {
  for (;;) {
    const [last] = await db.query<{ name: string }[]>('SELECT name FROM migrations ORDER BY id DESC LIMIT 1');
    await db.undoLastMigration({ transaction: 'each' });
    if (last.name === name) return;
  }
}

describe('Migration CompactResponses', () => {
  const base = process.env.DATABASE_URL!;
  const name = `${process.env.REPERE_TEST_DATABASE}_compact`;
  let url: string;
  let db: DataSource;

  beforeAll(async () => {
    assertBuilt();
    url = await createDatabase(base, name);
    db = await new DataSource(dataSourceOptions(url)).initialize();
    await db.runMigrations({ transaction: 'each' });
    await promisify(execFile)(process.execPath, [SEED_DEMO], { env: { ...process.env, DATABASE_URL: url } });
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(base, name);
  });

  it('halves the rows of the demo plus a million, losing nothing, while the previous release keeps writing, even killed halfway', async () => {
    // Arrange: back to the old rows (the demo's, converted back by the migration's down), then a million more
    const arranging = performance.now();
    await undoThrough(db, 'CompactResponses1796700000000');
    const [welcome] = await db.query<{ id: string; version_id: string }[]>(
      `SELECT q.id, v.id AS version_id FROM questionnaires q JOIN questionnaire_versions v ON v.questionnaire_id = q.id AND v.version = 1
        WHERE q.slug = $1`,
      [WELCOME_DAY_SLUG],
    );
    await db.query(
      `
      INSERT INTO responses (questionnaire_id, version_id, version, language, received_at, answered_at, idempotency_key, body_hash, answers, answered_month)
      SELECT $1::uuid, $2::uuid, 1, (ARRAY['fr', 'en', 'ar'])[1 + g % 3], at, at, gen_random_uuid(),
             -- One in ten imported (marked as the old import wrote it), the others a resident's hash.
             CASE WHEN g % 10 = 0 THEN 'import:' || $3 ELSE encode(sha256(int4send(g)), 'hex') END,
             -- Answers to every question of the Welcome Day, as residents give them: a comment one time in seven.
             jsonb_build_object('${Q.heardFrom}', (ARRAY['poster', 'friends', 'social_media', 'organization'])[1 + g % 4],
                                '${Q.firstTime}', g % 2 = 0, '${Q.knowsTable}', g % 3 = 0,
                                '${Q.services}', jsonb_build_array((ARRAY['food', 'housing', 'employment', 'french'])[1 + g % 4], 'health'),
                                '${Q.satisfaction}', 1 + g % 5, '${Q.gender}', (ARRAY['woman', 'man', 'non_binary'])[1 + g % 3],
                                '${Q.age_group}', CASE WHEN g % 11 = 0 THEN 'null'::jsonb ELSE to_jsonb((ARRAY['18_24', '25_34', '35_44'])[1 + g % 3]) END,
                                '${Q.immigration}', (ARRAY['born_canada', 'arrived_5plus'])[1 + g % 2],
                                '${Q.language}', jsonb_build_array((ARRAY['fr', 'ar', 'pa', 'ur'])[1 + g % 4]), '${Q.disability}', g % 9 = 0)
             || CASE WHEN g % 7 = 0 THEN jsonb_build_object('${Q.improve}', 'Plus de café ' || g) ELSE '{}'::jsonb END,
             date_trunc('month', at AT TIME ZONE 'America/Toronto')::date
        FROM (SELECT g, '2021-09-01T12:00:00Z'::timestamptz + (g % 1000) * interval '1 day' AS at FROM generate_series(1, $4::int) g) s`,
      [welcome.id, welcome.version_id, randomUUID(), MILLION],
    );
    await db.query('ANALYZE responses');
    console.log(`${MILLION} old rows written in ${((performance.now() - arranging) / 1000).toFixed(1)} s`);
    const before = (await db.query(CANONICAL_BEFORE, [[]]))[0];
    const [{ bytes: bytesBefore }] = await db.query(ROW_BYTES);

    // Act: the migration, while another connection writes as the previous release does (version_id, hex hash,
    // answers by question id, the hash read back), until the old columns are gone; its first run killed once a fifth
    // of the rows are converted, then run again
    const writer = new Client({ connectionString: url });
    await writer.connect();
    const written: string[] = [];
    let slowestMs = 0;
    let stop = false;
    const writing = (async () => {
      while (!stop) {
        const key = randomUUID();
        const started = performance.now();
        try {
          const { rows } = await writer.query<{ body_hash: string }>(
            `INSERT INTO responses (questionnaire_id, version_id, version, language, idempotency_key, body_hash, answers)
             VALUES ($1, $2, 1, 'fr', $3, $4, $5) RETURNING body_hash`,
            [welcome.id, welcome.version_id, key, 'ab'.repeat(32), JSON.stringify({ [Q.firstTime]: true, [Q.gender]: 'woman' })],
          );
          expect(rows[0].body_hash).toBe('ab'.repeat(32)); // what the old release compares a resend with
          written.push(key);
          slowestMs = Math.max(slowestMs, performance.now() - started);
        } catch (err) {
          if (/column "(version_id|body_hash)" .*does not exist|is of type bytea/.test((err as Error).message)) return; // the old release's end
          throw err;
        }
      }
    })();
    const started = performance.now();
    const first = spawn(process.execPath, [MIGRATE], { env: { ...process.env, DATABASE_URL: url }, stdio: 'ignore' });
    const firstExit = new Promise((done) => first.once('exit', done));
    for (;;) {
      const [{ converted }] = await db.query('SELECT count(*) FILTER (WHERE version_id IS NULL)::int AS converted FROM responses');
      if (converted >= MILLION / 5) break;
      await new Promise((done) => setTimeout(done, 200));
    }
    first.kill('SIGKILL');
    await firstExit;
    expect(await db.query("SELECT 1 FROM migrations WHERE name = 'CompactResponses1796700000000'")).toEqual([]);
    await db.runMigrations({ transaction: 'each' });
    const migrationMs = performance.now() - started;
    stop = true;
    await writing;
    await writer.end();

    // Assert: every row there, as it was
    const after = (await db.query(CANONICAL_AFTER, [written]))[0];
    expect(after).toEqual(before);
    expect(before.n).toBeGreaterThan(MILLION);
    // The previous release's rows, written while the migration ran, stored the new way
    expect(written.length).toBeGreaterThan(0);
    const theirs = await db.query<{ answers: Record<string, unknown>; hash: string; by_id: Record<string, unknown> }[]>(
      `SELECT answers, encode(body_hash, 'hex') AS hash, response_answers_by_id(questionnaire_id, version, answers) AS by_id
         FROM responses WHERE idempotency_key = ANY($1::uuid[])`,
      [written],
    );
    expect(theirs).toHaveLength(written.length);
    const keys = (
      await db.query('SELECT answer_keys FROM questionnaire_versions WHERE questionnaire_id = $1 AND version = 1', [welcome.id])
    )[0].answer_keys;
    for (const row of theirs) {
      expect(row).toEqual({
        answers: { [keys[Q.firstTime]]: true, [keys[Q.gender]]: 'woman' },
        hash: 'ab'.repeat(32),
        by_id: { [Q.firstTime]: true, [Q.gender]: 'woman' },
      });
    }
    // Half the bytes a row
    const [{ bytes: bytesAfter }] = await db.query(ROW_BYTES);
    expect(bytesAfter).toBeLessThanOrEqual(bytesBefore / 2);
    // One foreign key on responses, valid; the old columns gone
    const fks = await db.query(`SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'responses'::regclass AND contype = 'f'`);
    expect(fks).toEqual([{ conname: 'fk_responses_version', convalidated: true }]);
    console.log(
      `CompactResponses on ${before.n} rows, killed once and run again: ${(migrationMs / 1000).toFixed(1)} s; ${bytesBefore} → ${bytesAfter} bytes a row; ` +
        `${written.length} rows written meanwhile by the previous release, the slowest in ${slowestMs.toFixed(0)} ms`,
    );
  }, 600_000);
});
