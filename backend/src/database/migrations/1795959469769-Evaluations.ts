import { MigrationInterface, QueryRunner } from 'typeorm';

export class Evaluations1795959469769 implements MigrationInterface {
  name = 'Evaluations1795959469769';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."evaluation_kind" AS ENUM('midterm', 'final')`);
    await queryRunner.query(`CREATE TYPE "public"."evaluation_state" AS ENUM('freezing', 'open', 'closed')`);
    await queryRunner.query(
      `CREATE TABLE "evaluations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_id" uuid NOT NULL, "kind" "public"."evaluation_kind" NOT NULL, "cutoff" date NOT NULL, "state" "public"."evaluation_state" NOT NULL DEFAULT 'freezing', "snapshot" jsonb, "frozen_at" TIMESTAMP WITH TIME ZONE, "opened_by" uuid NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_by" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f683b433eba0e6dae7e19b29e29" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_evaluations_plan" ON "evaluations" ("plan_id", "cutoff") `);
    await queryRunner.query(`CREATE TYPE "public"."assessment_rating" AS ENUM('achieved', 'on_track', 'at_risk', 'not_achieved')`);
    await queryRunner.query(
      `CREATE TABLE "evaluation_assessments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "evaluation_id" uuid NOT NULL, "objective_id" uuid NOT NULL, "rating" "public"."assessment_rating" NOT NULL, "comment" text, "recommendations" text, "updated_by" uuid NOT NULL, CONSTRAINT "uq_evaluation_assessments_objective" UNIQUE ("evaluation_id", "objective_id"), CONSTRAINT "PK_8e23b4d5d95190e9531c682f9db" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."evaluation_action" AS ENUM('opened', 'frozen', 'assessed', 'closed')`);
    await queryRunner.query(
      `CREATE TABLE "evaluation_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "evaluation_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid, "action" "public"."evaluation_action" NOT NULL, "detail" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_510b030d68ec63692e36b352eef" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_evaluation_events" ON "evaluation_events" ("evaluation_id", "at") `);
    await queryRunner.query(
      `ALTER TABLE "evaluations" ADD CONSTRAINT "FK_900d222e134361b616e7df8aa87" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation_assessments" ADD CONSTRAINT "FK_9506ac4c5e7e6c9c0cfa40e9da4" FOREIGN KEY ("evaluation_id") REFERENCES "evaluations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation_events" ADD CONSTRAINT "FK_8dea946586e3268a648ea1ca8fb" FOREIGN KEY ("evaluation_id") REFERENCES "evaluations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evaluation_events" DROP CONSTRAINT "FK_8dea946586e3268a648ea1ca8fb"`);
    await queryRunner.query(`ALTER TABLE "evaluation_assessments" DROP CONSTRAINT "FK_9506ac4c5e7e6c9c0cfa40e9da4"`);
    await queryRunner.query(`ALTER TABLE "evaluations" DROP CONSTRAINT "FK_900d222e134361b616e7df8aa87"`);
    await queryRunner.query(`DROP INDEX "public"."ix_evaluation_events"`);
    await queryRunner.query(`DROP TABLE "evaluation_events"`);
    await queryRunner.query(`DROP TYPE "public"."evaluation_action"`);
    await queryRunner.query(`DROP TABLE "evaluation_assessments"`);
    await queryRunner.query(`DROP TYPE "public"."assessment_rating"`);
    await queryRunner.query(`DROP INDEX "public"."ix_evaluations_plan"`);
    await queryRunner.query(`DROP TABLE "evaluations"`);
    await queryRunner.query(`DROP TYPE "public"."evaluation_state"`);
    await queryRunner.query(`DROP TYPE "public"."evaluation_kind"`);
  }
}
