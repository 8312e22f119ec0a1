import { MigrationInterface, QueryRunner } from 'typeorm';

const TORONTO = `date_trunc('month', answered_at AT TIME ZONE 'America/Toronto')::date`;

/**
 * Each plan gets its own time zone and data period. A response's month (responses.answered_month) was generated in
 * America/Toronto for every plan; it becomes a plain column in the zone of the response's plan: the writers that know
 * the zone give it (the ingest, imports), a trigger fills it for any other insert, and a change of the plan's zone
 * moves its responses (PlansService). The log of changed months reads that column, so it follows the plan's zone too.
 */
export class PlanTimeZones1796000000000 implements MigrationInterface {
  name = 'PlanTimeZones1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plans" ADD "time_zone" text NOT NULL DEFAULT 'America/Toronto'`);
    await queryRunner.query(`ALTER TABLE "plans" ADD "data_from" date`);
    await queryRunner.query(`ALTER TABLE "plans" ADD "data_until" date`);
    // Existing rows keep their values (every plan was in America/Toronto): no rewrite of the table.
    await queryRunner.query(`ALTER TABLE "responses" ALTER COLUMN "answered_month" DROP EXPRESSION`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'answered_month' AND "database" = current_database() AND "schema" = current_schema() AND "table" = 'responses'`,
    );
    await queryRunner.query(`CREATE FUNCTION responses_answered_month() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            NEW.answered_month := date_trunc('month', NEW.answered_at AT TIME ZONE coalesce(
              (SELECT p.time_zone FROM questionnaires q JOIN plans p ON p.id = q.plan_id WHERE q.id = NEW.questionnaire_id),
              'America/Toronto'))::date;
            RETURN NEW;
          END $$`);
    // Only where a writer did not give it: the ingest and imports do, so a million imported rows pay nothing.
    await queryRunner.query(`CREATE TRIGGER responses_answered_month_insert BEFORE INSERT ON responses
          FOR EACH ROW WHEN (NEW.answered_month IS NULL) EXECUTE FUNCTION responses_answered_month()`);
    await queryRunner.query(`CREATE TRIGGER responses_answered_month_update BEFORE UPDATE OF answered_at ON responses
          FOR EACH ROW WHEN (OLD.answered_at IS DISTINCT FROM NEW.answered_at) EXECUTE FUNCTION responses_answered_month()`);
    await this.logMonths(queryRunner, 'answered_month');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.logMonths(queryRunner, TORONTO);
    await queryRunner.query(`DROP TRIGGER responses_answered_month_update ON responses`);
    await queryRunner.query(`DROP TRIGGER responses_answered_month_insert ON responses`);
    await queryRunner.query(`DROP FUNCTION responses_answered_month()`);
    await queryRunner.query(`ALTER TABLE "responses" DROP COLUMN "answered_month"`);
    await queryRunner.query(`ALTER TABLE "responses" ADD "answered_month" date GENERATED ALWAYS AS (${TORONTO}) STORED NOT NULL`);
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value")
            VALUES (current_database(), current_schema(), 'responses', 'GENERATED_COLUMN', 'answered_month', $1)`,
      [TORONTO],
    );
    await queryRunner.query(`ALTER TABLE "plans" DROP COLUMN "data_until"`);
    await queryRunner.query(`ALTER TABLE "plans" DROP COLUMN "data_from"`);
    await queryRunner.query(`ALTER TABLE "plans" DROP COLUMN "time_zone"`);
  }

  /** The change log's triggers (migration ResponseChangesIndicatorMonths), with the month read as `month`. */
  private async logMonths(queryRunner: QueryRunner, month: string): Promise<void> {
    for (const event of ['insert', 'delete']) {
      await queryRunner.query(`CREATE OR REPLACE FUNCTION responses_log_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN
                INSERT INTO response_changes (questionnaire_id, month) SELECT DISTINCT questionnaire_id, ${month} FROM changed;
                RETURN NULL;
              END $$`);
    }
    await queryRunner.query(`CREATE OR REPLACE FUNCTION responses_log_update() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            INSERT INTO response_changes (questionnaire_id, month)
            SELECT questionnaire_id, ${month} FROM old_rows UNION SELECT questionnaire_id, ${month} FROM new_rows;
            RETURN NULL;
          END $$`);
  }
}
