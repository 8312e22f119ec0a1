import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a work step was done (`done_on`, a day in its plan's time zone), so that a work cell's progress can be read
 * period by period (indicators of kind « work_steps_done »). A done step always has its day and a step not done has
 * none (ck_work_steps_done_on). Steps done before this migration get the day they were last changed, in their plan's
 * zone (UTC for a cell tied to no plan): the closest day the database knows.
 */
export class WorkStepDoneOn1797200000000 implements MigrationInterface {
  name = 'WorkStepDoneOn1797200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Not used in this transaction, so PostgreSQL lets it be added inside one.
    await queryRunner.query(`ALTER TYPE "public"."indicator_kind" ADD VALUE IF NOT EXISTS 'work_steps_done'`);
    await queryRunner.query(`ALTER TABLE "work_steps" ADD "done_on" date`);
    await queryRunner.query(
      `UPDATE "work_steps" s SET "done_on" = coalesce(s."date", (s."updated_at" AT TIME ZONE coalesce(
         (SELECT p."time_zone" FROM "work_cells" c JOIN "objectives" o ON o."id" = c."objective_id" JOIN "plans" p ON p."id" = o."plan_id"
           WHERE c."id" = s."work_cell_id"), 'UTC'))::date)
        WHERE s."done"`,
    );
    await queryRunner.query(`ALTER TABLE "work_steps" ADD CONSTRAINT "ck_work_steps_done_on" CHECK ("done" = ("done_on" IS NOT NULL))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The older schema has no such kind: a step-progress indicator is kept (its definition, targets, stored values and
    // history) as a manual one, whose values are no longer computed — nothing is deleted (the demo has some).
    await queryRunner.query(`ALTER TABLE "work_steps" DROP CONSTRAINT "ck_work_steps_done_on"`);
    await queryRunner.query(`ALTER TABLE "work_steps" DROP COLUMN "done_on"`);
    // PostgreSQL cannot drop an enum's value: the type is rebuilt without it.
    await queryRunner.query(`ALTER TYPE "public"."indicator_kind" RENAME TO "indicator_kind_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."indicator_kind" AS ENUM('response_count', 'participation_sum', 'answer_share', 'scale_mean', 'ratio', 'manual')`,
    );
    await queryRunner.query(`ALTER TABLE "indicators" ALTER COLUMN "kind" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "indicators" ALTER COLUMN "kind" TYPE "public"."indicator_kind"
         USING (CASE WHEN "kind"::text = 'work_steps_done' THEN 'manual' ELSE "kind"::text END)::"public"."indicator_kind"`,
    );
    await queryRunner.query(`ALTER TABLE "indicators" ALTER COLUMN "kind" SET DEFAULT 'manual'`);
    await queryRunner.query(`DROP TYPE "public"."indicator_kind_old"`);
  }
}
