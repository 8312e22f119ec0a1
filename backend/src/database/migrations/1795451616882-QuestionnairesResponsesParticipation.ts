import { MigrationInterface, QueryRunner } from 'typeorm';

export class QuestionnairesResponsesParticipation1795451616882 implements MigrationInterface {
  name = 'QuestionnairesResponsesParticipation1795451616882';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "participation_counts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "instrument_id" uuid NOT NULL, "organization_id" uuid, "activity" text NOT NULL, "date" date NOT NULL, "total" integer NOT NULL, "breakdown" jsonb NOT NULL DEFAULT '[]', "idempotency_key" uuid NOT NULL, "body_hash" text NOT NULL, "recorded_by" uuid, CONSTRAINT "PK_fe754ad74fca3acc0dce6b73fbe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_participation_counts_instrument" ON "participation_counts" ("instrument_id", "date") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_participation_counts_idempotency" ON "participation_counts" ("idempotency_key") `);
    await queryRunner.query(
      `CREATE TABLE "participation_count_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participation_count_id" uuid NOT NULL, "changed_by" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "previous" jsonb NOT NULL, CONSTRAINT "PK_f42aee551a97e42f623ef1000ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_participation_count_revisions" ON "participation_count_revisions" ("participation_count_id", "changed_at") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."questionnaire_status" AS ENUM('draft', 'published', 'closed')`);
    await queryRunner.query(
      `CREATE TABLE "questionnaires" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_id" uuid NOT NULL, "instrument_id" uuid, "slug" text NOT NULL, "title" jsonb NOT NULL, "description" jsonb NOT NULL DEFAULT '{}', "default_language" text NOT NULL, "languages" text array NOT NULL, "questions" jsonb NOT NULL DEFAULT '[]', "status" "public"."questionnaire_status" NOT NULL DEFAULT 'draft', "opens_at" TIMESTAMP WITH TIME ZONE, "closes_at" TIMESTAMP WITH TIME ZONE, "current_version" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_a01d7cdea895ed9796b29233610" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_questionnaires_slug" ON "questionnaires" ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "questionnaire_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "questionnaire_id" uuid NOT NULL, "version" integer NOT NULL, "title" jsonb NOT NULL, "description" jsonb NOT NULL DEFAULT '{}', "default_language" text NOT NULL, "languages" text array NOT NULL, "questions" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9c479103f1b00bf6755ffd1f3d2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_questionnaire_versions" ON "questionnaire_versions" ("questionnaire_id", "version") `);
    await queryRunner.query(
      `CREATE TABLE "responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "questionnaire_id" uuid NOT NULL, "version_id" uuid NOT NULL, "version" integer NOT NULL, "language" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "idempotency_key" uuid NOT NULL, "body_hash" text NOT NULL, "answers" jsonb NOT NULL, CONSTRAINT "PK_be3bdac59bd243dff421ad7bf70" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_responses_received" ON "responses" ("questionnaire_id", "received_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_responses_idempotency" ON "responses" ("questionnaire_id", "idempotency_key") `);
    await queryRunner.query(
      `ALTER TABLE "participation_counts" ADD CONSTRAINT "FK_acd90379e4f5cff46317c3444bd" FOREIGN KEY ("instrument_id") REFERENCES "instruments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participation_counts" ADD CONSTRAINT "FK_061c1693d2712f7105671f44581" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participation_count_revisions" ADD CONSTRAINT "FK_5355503cd07e0604695ce48a2e4" FOREIGN KEY ("participation_count_id") REFERENCES "participation_counts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "questionnaires" ADD CONSTRAINT "FK_da310be1aa99c259dc72fb2cbee" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "questionnaires" ADD CONSTRAINT "FK_f644d623dc7efae3e6106676ddb" FOREIGN KEY ("instrument_id") REFERENCES "instruments"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "questionnaire_versions" ADD CONSTRAINT "FK_21997d5dc0c3a12b719940014c8" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaires"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "responses" ADD CONSTRAINT "FK_e48df894ef4d293bbd2f2b3c736" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaires"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "responses" ADD CONSTRAINT "FK_4ff3e01ab2d625c0bc1fc2ddbbc" FOREIGN KEY ("version_id") REFERENCES "questionnaire_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "responses" DROP CONSTRAINT "FK_4ff3e01ab2d625c0bc1fc2ddbbc"`);
    await queryRunner.query(`ALTER TABLE "responses" DROP CONSTRAINT "FK_e48df894ef4d293bbd2f2b3c736"`);
    await queryRunner.query(`ALTER TABLE "questionnaire_versions" DROP CONSTRAINT "FK_21997d5dc0c3a12b719940014c8"`);
    await queryRunner.query(`ALTER TABLE "questionnaires" DROP CONSTRAINT "FK_f644d623dc7efae3e6106676ddb"`);
    await queryRunner.query(`ALTER TABLE "questionnaires" DROP CONSTRAINT "FK_da310be1aa99c259dc72fb2cbee"`);
    await queryRunner.query(`ALTER TABLE "participation_count_revisions" DROP CONSTRAINT "FK_5355503cd07e0604695ce48a2e4"`);
    await queryRunner.query(`ALTER TABLE "participation_counts" DROP CONSTRAINT "FK_061c1693d2712f7105671f44581"`);
    await queryRunner.query(`ALTER TABLE "participation_counts" DROP CONSTRAINT "FK_acd90379e4f5cff46317c3444bd"`);
    await queryRunner.query(`DROP INDEX "public"."uq_responses_idempotency"`);
    await queryRunner.query(`DROP INDEX "public"."ix_responses_received"`);
    await queryRunner.query(`DROP TABLE "responses"`);
    await queryRunner.query(`DROP INDEX "public"."uq_questionnaire_versions"`);
    await queryRunner.query(`DROP TABLE "questionnaire_versions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_questionnaires_slug"`);
    await queryRunner.query(`DROP TABLE "questionnaires"`);
    await queryRunner.query(`DROP TYPE "public"."questionnaire_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_participation_count_revisions"`);
    await queryRunner.query(`DROP TABLE "participation_count_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_participation_counts_idempotency"`);
    await queryRunner.query(`DROP INDEX "public"."ix_participation_counts_instrument"`);
    await queryRunner.query(`DROP TABLE "participation_counts"`);
  }
}
