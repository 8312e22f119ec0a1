import { MigrationInterface, QueryRunner } from 'typeorm';

const EXPRESSION = `date_trunc('month', answered_at AT TIME ZONE 'America/Toronto')::date`;

export class ResponsesAnsweredMonth1795955401220 implements MigrationInterface {
  name = 'ResponsesAnsweredMonth1795955401220';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "responses" ADD "answered_month" date GENERATED ALWAYS AS (${EXPRESSION}) STORED NOT NULL`);
    // TypeORM makes its metadata table only while some entity has a generated column, which none has since
    // migration PlanTimeZones: made here when missing (as TypeORM makes it), so that a new database still migrates.
    await queryRunner.query(`CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" character varying NOT NULL, "database" character varying,
            "schema" character varying, "table" character varying, "name" character varying, "value" text)`);
    // TypeORM reads a generated column's expression from its metadata table, keyed by database: the generated
    // statement named the database it was generated in, each database here has a name of its own.
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value")
            VALUES (current_database(), current_schema(), 'responses', 'GENERATED_COLUMN', 'answered_month', $1)`,
      [EXPRESSION],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'answered_month' AND "database" = current_database() AND "schema" = current_schema() AND "table" = 'responses'`,
    );
    await queryRunner.query(`ALTER TABLE "responses" DROP COLUMN "answered_month"`);
  }
}
