import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rows converted per transaction: each holds only its own rows' locks, for about 1–3 s (bench/README.md). */
export const COMPACT_BATCH = 20_000;

/**
 * Responses at half their size (issue 16; bench/README.md): a row of the demo took 719 bytes, 509 of them its answers
 * keyed by 36-character question UUIDs. After this migration:
 * - answers are keyed by short keys (« 0 », « 1 », …) that questionnaire_versions.answer_keys gives per question,
 *   the same in every version of a questionnaire (a trigger assigns them when a version is written);
 * - one composite foreign key (questionnaire_id, version) → questionnaire_versions instead of two (version_id, a
 *   copy of what those two columns say, is dropped);
 * - body_hash is the SHA-256's 32 bytes instead of 64 hex characters; an imported row has none, and import_id
 *   names its import instead (it was written as body_hash « import:<id> »);
 * - one index fewer: (questionnaire_id, received_at), which only the staff's list of responses read.
 *
 * Without one long lock: a trigger converts any row still written the old way while the migration runs (a process
 * of the previous release), existing rows are converted in batches of COMPACT_BATCH in their own transactions, and
 * the constraint is validated without blocking writes. The old columns are dropped at the end, in a moment (from then
 * on, only this release can write), and every row is written once more, in batches, without their bytes. Tested on a
 * copy of the demo plus a million generated rows, killed halfway and run again (backend/test/compact-responses.e2e-spec.ts).
 */
export class CompactResponses1796700000000 implements MigrationInterface {
  name = 'CompactResponses1796700000000';
  /** Each step commits on its own (see above). */
  transaction = false as const;

  /**
   * Stopped halfway (a crash, Ctrl-C), it runs again from where it stopped: each step can be run twice, converted rows
   * are skipped, and once the old columns are gone only the last writing is left.
   */
  public async up(q: QueryRunner): Promise<void> {
    if (await q.hasColumn('responses', 'version_id')) await this.convert(q);
    // A dropped column's bytes stay in each row until the row is written again: writing each one again is what
    // halves it (the old text hash alone was 65 bytes). A no-op UPDATE writes the row without them.
    await inBatches(q, `UPDATE responses r SET record_key = r.record_key FROM batch WHERE r.id = batch.id`);
    // What autovacuum would do: the old row versions' space reused, and the planner told the new sizes.
    await q.query('VACUUM (ANALYZE) responses');
  }

  /** Everything up to the old columns' drop. */
  private async convert(q: QueryRunner): Promise<void> {
    await inTransaction(q, async () => {
      await q.query(LOCK_IN_ORDER);
      await q.query(`ALTER TABLE "questionnaire_versions" ADD IF NOT EXISTS "answer_keys" jsonb`);
      await q.query(ASSIGN_KEYS_FUNCTION);
      await q.query('DROP TRIGGER IF EXISTS questionnaire_versions_answer_keys ON questionnaire_versions');
      await q.query(`CREATE TRIGGER questionnaire_versions_answer_keys BEFORE INSERT OR UPDATE OF questions ON questionnaire_versions
        FOR EACH ROW EXECUTE FUNCTION questionnaire_versions_answer_keys()`);
      // Version by version, so that each one sees the keys of those before it.
      await q.query(`DO $$ DECLARE v uuid; BEGIN
        FOR v IN SELECT id FROM questionnaire_versions ORDER BY questionnaire_id, version LOOP
          UPDATE questionnaire_versions SET questions = questions WHERE id = v;
        END LOOP; END $$`);
      await q.query(`ALTER TABLE "questionnaire_versions" ALTER COLUMN "answer_keys" SET NOT NULL`);
      await q.query(READING_FUNCTIONS);
      await q.query(`ALTER TABLE "responses" ADD IF NOT EXISTS "body_sha256" bytea`);
      await q.query(`ALTER TABLE "responses" ADD IF NOT EXISTS "import_id" uuid`);
      await q.query(`ALTER TABLE "responses" ALTER COLUMN "version_id" DROP NOT NULL`);
      // A row still written the old way (with a version_id) is stored the new way; body_hash stays, which the old
      // release reads back.
      await q.query(`CREATE OR REPLACE FUNCTION responses_compact_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
          IF NEW.version_id IS NOT NULL THEN
            NEW.answers := response_answers_keyed(NEW.questionnaire_id, NEW.version, NEW.answers);
            NEW.body_sha256 := ${SHA_OF_TEXT('NEW.body_hash')};
            NEW.import_id := ${IMPORT_OF_TEXT('NEW.body_hash')};
            NEW.version_id := NULL;
          END IF;
          RETURN NEW; END $$`);
      await q.query('DROP TRIGGER IF EXISTS responses_compact_row ON responses');
      await q.query(
        `CREATE TRIGGER responses_compact_row BEFORE INSERT ON responses FOR EACH ROW EXECUTE FUNCTION responses_compact_row()`,
      );
      await q.query('ALTER TABLE "responses" DROP CONSTRAINT IF EXISTS "fk_responses_version"');
      await q.query(`ALTER TABLE "responses" ADD CONSTRAINT "fk_responses_version" FOREIGN KEY ("questionnaire_id", "version")
        REFERENCES "questionnaire_versions"("questionnaire_id", "version") ON DELETE RESTRICT ON UPDATE NO ACTION NOT VALID`);
    });

    // A converted row has no version_id: running this again (after a failure) skips it.
    // The version's keys joined to each row, rather than looked up by a function call per row.
    await inBatches(
      q,
      `UPDATE responses r
        SET answers = (SELECT coalesce(jsonb_object_agg(coalesce(v.answer_keys->>e.key, e.key), e.value), '{}'::jsonb) FROM jsonb_each(r.answers) e),
            body_sha256 = ${SHA_OF_TEXT('r.body_hash')}, import_id = ${IMPORT_OF_TEXT('r.body_hash')}, version_id = NULL
      FROM batch, questionnaire_versions v
      WHERE r.id = batch.id AND r.version_id IS NOT NULL AND v.questionnaire_id = r.questionnaire_id AND v.version = r.version`,
    );
    // Reads the table without blocking its writers (SHARE UPDATE EXCLUSIVE).
    await inTransaction(q, () => q.query(`ALTER TABLE "responses" VALIDATE CONSTRAINT "fk_responses_version"`));

    await inTransaction(q, async () => {
      await q.query(LOCK_IN_ORDER);
      await q.query(`DROP TRIGGER responses_compact_row ON responses`);
      await q.query(`DROP FUNCTION responses_compact_row()`);
      await q.query(`ALTER TABLE "responses" DROP CONSTRAINT "FK_4ff3e01ab2d625c0bc1fc2ddbbc"`);
      await q.query(`ALTER TABLE "responses" DROP CONSTRAINT "FK_e48df894ef4d293bbd2f2b3c736"`);
      await q.query(`ALTER TABLE "responses" DROP COLUMN "version_id"`);
      await q.query(`ALTER TABLE "responses" DROP COLUMN "body_hash"`);
      await q.query(`ALTER TABLE "responses" RENAME COLUMN "body_sha256" TO "body_hash"`);
      // Only the staff's list read it: it now reads (questionnaire_id, answered_at), which the recompute needs anyway.
      await q.query(`DROP INDEX "ix_responses_received"`);
    });
  }

  /** The way back, in the same steps (TypeORM runs an undo in one transaction whatever `transaction` says). */
  public async down(q: QueryRunner): Promise<void> {
    await inTransaction(q, async () => {
      await q.query(LOCK_IN_ORDER);
      await q.query(`CREATE INDEX "ix_responses_received" ON "responses" ("questionnaire_id", "received_at")`);
      await q.query(`ALTER TABLE "responses" RENAME COLUMN "body_hash" TO "body_sha256"`);
      await q.query(`ALTER TABLE "responses" ADD "body_hash" text`);
      await q.query(`ALTER TABLE "responses" ADD "version_id" uuid`);
      await q.query(`CREATE FUNCTION responses_expand_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
          IF NEW.body_hash IS NULL THEN
            NEW.answers := response_answers_by_id(NEW.questionnaire_id, NEW.version, NEW.answers);
            NEW.body_hash := coalesce(encode(NEW.body_sha256, 'hex'), 'import:' || NEW.import_id);
            NEW.version_id := (SELECT id FROM questionnaire_versions WHERE questionnaire_id = NEW.questionnaire_id AND version = NEW.version);
          END IF;
          RETURN NEW; END $$`);
      await q.query(`CREATE TRIGGER responses_expand_row BEFORE INSERT ON responses FOR EACH ROW EXECUTE FUNCTION responses_expand_row()`);
    });
    await inBatches(
      q,
      `UPDATE responses r SET answers = response_answers_by_id(r.questionnaire_id, r.version, r.answers),
        body_hash = coalesce(encode(r.body_sha256, 'hex'), 'import:' || r.import_id), version_id = v.id
      FROM batch, questionnaire_versions v
      WHERE r.id = batch.id AND r.body_hash IS NULL AND v.questionnaire_id = r.questionnaire_id AND v.version = r.version`,
    );
    await inTransaction(q, async () => {
      await q.query(LOCK_IN_ORDER);
      await q.query(`DROP TRIGGER responses_expand_row ON responses`);
      await q.query(`DROP FUNCTION responses_expand_row()`);
      await q.query(`ALTER TABLE "responses" ALTER COLUMN "body_hash" SET NOT NULL`);
      await q.query(`ALTER TABLE "responses" ALTER COLUMN "version_id" SET NOT NULL`);
      await q.query(`ALTER TABLE "responses" DROP COLUMN "body_sha256"`);
      await q.query(`ALTER TABLE "responses" DROP COLUMN "import_id"`);
      await q.query(`ALTER TABLE "responses" DROP CONSTRAINT "fk_responses_version"`);
      await q.query(
        `ALTER TABLE "responses" ADD CONSTRAINT "FK_4ff3e01ab2d625c0bc1fc2ddbbc" FOREIGN KEY ("version_id") REFERENCES "questionnaire_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
      await q.query(
        `ALTER TABLE "responses" ADD CONSTRAINT "FK_e48df894ef4d293bbd2f2b3c736" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaires"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
      await q.query(`DROP FUNCTION response_answers_by_id(uuid, int, jsonb)`);
      await q.query(`DROP FUNCTION response_answers_keyed(uuid, int, jsonb)`);
      await q.query(`DROP TRIGGER questionnaire_versions_answer_keys ON questionnaire_versions`);
      await q.query(`DROP FUNCTION questionnaire_versions_answer_keys()`);
      await q.query(`ALTER TABLE "questionnaire_versions" DROP COLUMN "answer_keys"`);
    });
  }
}

/**
 * A writer locks responses, then (its foreign keys' checks) the rows it refers to. Altering both tables in the other
 * order deadlocks with it (found by the migration's test): the locks are taken in the writer's order, each step's
 * first statement.
 */
const LOCK_IN_ORDER = 'LOCK TABLE responses, questionnaire_versions, questionnaires IN ACCESS EXCLUSIVE MODE';

/**
 * The one rule for answer keys (answer-keys.ts reads them): a question keeps the key it has in any version of its
 * questionnaire; a new one takes the next number. Keys are dense (0 … n−1), so the next number is their count.
 */
const ASSIGN_KEYS_FUNCTION = `CREATE OR REPLACE FUNCTION questionnaire_versions_answer_keys() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE known jsonb; next int; qid text; keys jsonb := '{}';
  BEGIN
    SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}') INTO known
      FROM questionnaire_versions v, jsonb_each(v.answer_keys) e WHERE v.questionnaire_id = NEW.questionnaire_id;
    SELECT count(*) INTO next FROM jsonb_object_keys(known);
    FOR qid IN SELECT x->>'id' FROM jsonb_array_elements(NEW.questions) x LOOP
      IF known ? qid THEN keys := keys || jsonb_build_object(qid, known->qid);
      ELSE keys := keys || jsonb_build_object(qid, next::text); known := known || jsonb_build_object(qid, next::text); next := next + 1;
      END IF;
    END LOOP;
    NEW.answer_keys := keys;
    RETURN NEW;
  END $$`;

/**
 * Answers by question id ↔ by short key, in SQL: for this migration, and for anyone reading raw responses in psql
 * (SELECT response_answers_by_id(questionnaire_id, version, answers) FROM responses). A key the version does not
 * name is kept as it is.
 */
const READING_FUNCTIONS = `
  CREATE OR REPLACE FUNCTION response_answers_keyed(q uuid, v int, answers jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT coalesce(jsonb_object_agg(coalesce(qv.answer_keys->>e.key, e.key), e.value), '{}'::jsonb)
      FROM jsonb_each(answers) e LEFT JOIN questionnaire_versions qv ON qv.questionnaire_id = q AND qv.version = v $$;
  CREATE OR REPLACE FUNCTION response_answers_by_id(q uuid, v int, answers jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT coalesce(jsonb_object_agg(coalesce(k.id, e.key), e.value), '{}'::jsonb)
      FROM jsonb_each(answers) e
      LEFT JOIN (SELECT x.key AS id, x.value AS short FROM questionnaire_versions qv, jsonb_each_text(qv.answer_keys) x
                  WHERE qv.questionnaire_id = q AND qv.version = v) k ON k.short = e.key $$`;

/** A stored hex digest as its bytes; NULL for an import's marker; any other text hashed (never a real body's). */
const SHA_OF_TEXT = (t: string) =>
  `CASE WHEN ${t} ~ '^[0-9a-f]{64}$' THEN decode(${t}, 'hex') WHEN ${t} LIKE 'import:%' THEN NULL ELSE sha256(convert_to(${t}, 'UTF8')) END`;
const IMPORT_OF_TEXT = (t: string) => `CASE WHEN ${t} ~ '^import:[0-9a-f-]{36}$' THEN substr(${t}, 8)::uuid END`;

async function inTransaction(q: QueryRunner, work: () => Promise<unknown>): Promise<void> {
  await q.startTransaction();
  try {
    await work();
    await q.commitTransaction();
  } catch (err) {
    await q.rollbackTransaction();
    throw err;
  }
}

/** Runs `update` (which reads the CTE `batch`) over every response in id order, COMPACT_BATCH rows a transaction. */
async function inBatches(q: QueryRunner, update: string): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: { last: string | null }[] = await q.query(
      `WITH batch AS (SELECT id FROM responses WHERE id > $1 ORDER BY id LIMIT ${COMPACT_BATCH}),
            done AS (${update} RETURNING 1)
       SELECT (SELECT id FROM batch ORDER BY id DESC LIMIT 1) AS last, (SELECT count(*) FROM done) AS n`,
      [after],
    );
    if (rows[0].last === null) return;
    after = rows[0].last;
  }
}
