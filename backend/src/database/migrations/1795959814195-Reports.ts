import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reports1795959814195 implements MigrationInterface {
  name = 'Reports1795959814195';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."report_kind" AS ENUM('evaluation', 'activity')`);
    await queryRunner.query(`CREATE TYPE "public"."report_format" AS ENUM('pdf', 'xlsx', 'csv')`);
    await queryRunner.query(`CREATE TYPE "public"."report_language" AS ENUM('fr', 'en')`);
    await queryRunner.query(`CREATE TYPE "public"."report_state" AS ENUM('queued', 'running', 'ready', 'failed')`);
    await queryRunner.query(
      `CREATE TABLE "reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_id" uuid NOT NULL, "evaluation_id" uuid, "kind" "public"."report_kind" NOT NULL, "year" integer, "format" "public"."report_format" NOT NULL, "language" "public"."report_language" NOT NULL, "state" "public"."report_state" NOT NULL DEFAULT 'queued', "progress" smallint NOT NULL DEFAULT '0', "file" bytea, "file_name" text NOT NULL, "content_type" text NOT NULL, "error" text, "source_changed_at" TIMESTAMP WITH TIME ZONE, "requested_by" uuid NOT NULL, CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_reports_activity_pending" ON "reports" ("plan_id", "year", "format", "language") WHERE kind = 'activity' AND state IN ('queued', 'running')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_reports_evaluation_pending" ON "reports" ("evaluation_id", "format", "language") WHERE kind = 'evaluation' AND state IN ('queued', 'running')`,
    );
    await queryRunner.query(`CREATE INDEX "ix_reports_plan" ON "reports" ("plan_id", "kind", "year", "language", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_reports_evaluation" ON "reports" ("evaluation_id", "format", "language", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "FK_a8465d714bb639b8d33baddef8f" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "FK_ab0327734e91cb32aeaa0051441" FOREIGN KEY ("evaluation_id") REFERENCES "evaluations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reports" DROP CONSTRAINT "FK_ab0327734e91cb32aeaa0051441"`);
    await queryRunner.query(`ALTER TABLE "reports" DROP CONSTRAINT "FK_a8465d714bb639b8d33baddef8f"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reports_evaluation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reports_plan"`);
    await queryRunner.query(`DROP INDEX "public"."uq_reports_evaluation_pending"`);
    await queryRunner.query(`DROP INDEX "public"."uq_reports_activity_pending"`);
    await queryRunner.query(`DROP TABLE "reports"`);
    await queryRunner.query(`DROP TYPE "public"."report_state"`);
    await queryRunner.query(`DROP TYPE "public"."report_language"`);
    await queryRunner.query(`DROP TYPE "public"."report_format"`);
    await queryRunner.query(`DROP TYPE "public"."report_kind"`);
  }
}
