import { MigrationInterface, QueryRunner } from 'typeorm';

export class ResponseChangesIndicatorMonths1795462795045 implements MigrationInterface {
  name = 'ResponseChangesIndicatorMonths1795462795045';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "indicator_months" ("indicator_id" uuid NOT NULL, "month" date NOT NULL, "source_version" bigint NOT NULL, "definition_key" text NOT NULL, "cells" jsonb NOT NULL, CONSTRAINT "PK_76868e8a0a45c39b8931db784e6" PRIMARY KEY ("indicator_id", "month"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "response_changes" ("id" BIGSERIAL NOT NULL, "questionnaire_id" uuid NOT NULL, "month" date NOT NULL, "weight" bigint NOT NULL DEFAULT '1', CONSTRAINT "PK_56ee8843a48b554e37e013248a6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_response_changes_month" ON "response_changes" ("questionnaire_id", "month") `);
    await queryRunner.query(`CREATE INDEX "ix_responses_answered" ON "responses" ("questionnaire_id", "answered_at") `);
    await queryRunner.query(
      `ALTER TABLE "indicator_months" ADD CONSTRAINT "FK_898cd59a37a6186266a0eb0c267" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Every statement that changes responses logs the months it touched, in its own transaction (see
    // ResponseChange). Statement-level with transition tables: one INSERT per statement, not per row.
    const month = `date_trunc('month', answered_at AT TIME ZONE 'America/Toronto')::date`;
    for (const [event, table, rows] of [
      ['insert', 'NEW', `SELECT questionnaire_id, ${month} AS month FROM changed`],
      ['delete', 'OLD', `SELECT questionnaire_id, ${month} AS month FROM changed`],
    ] as const) {
      await queryRunner.query(`CREATE FUNCTION responses_log_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN
                INSERT INTO response_changes (questionnaire_id, month) SELECT DISTINCT questionnaire_id, month FROM (${rows}) x;
                RETURN NULL;
              END $$`);
      await queryRunner.query(`CREATE TRIGGER responses_log_${event} AFTER ${event.toUpperCase()} ON responses
              REFERENCING ${table} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION responses_log_${event}()`);
    }
    await queryRunner.query(`CREATE FUNCTION responses_log_update() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            INSERT INTO response_changes (questionnaire_id, month)
            SELECT questionnaire_id, ${month} FROM old_rows UNION SELECT questionnaire_id, ${month} FROM new_rows;
            RETURN NULL;
          END $$`);
    await queryRunner.query(`CREATE TRIGGER responses_log_update AFTER UPDATE ON responses
          REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION responses_log_update()`);
    // The responses already stored: one entry per month, weighing as many as the month has.
    await queryRunner.query(`INSERT INTO response_changes (questionnaire_id, month, weight)
          SELECT questionnaire_id, ${month}, count(*) FROM responses GROUP BY 1, 2`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER responses_log_${event} ON responses`);
      await queryRunner.query(`DROP FUNCTION responses_log_${event}()`);
    }
    await queryRunner.query(`ALTER TABLE "indicator_months" DROP CONSTRAINT "FK_898cd59a37a6186266a0eb0c267"`);
    await queryRunner.query(`DROP INDEX "public"."ix_responses_answered"`);
    await queryRunner.query(`DROP INDEX "public"."ix_response_changes_month"`);
    await queryRunner.query(`DROP TABLE "response_changes"`);
    await queryRunner.query(`DROP TABLE "indicator_months"`);
  }
}
