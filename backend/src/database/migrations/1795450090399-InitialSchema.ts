import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795450090399 implements MigrationInterface {
  name = 'InitialSchema1795450090399';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // organizations and partnerships share this enum; TypeORM generates it once per table, so the second was removed.
    await queryRunner.query(
      `CREATE TYPE "public"."network" AS ENUM('communautaire', 'institutionnel', 'philanthropique', 'concertation_locale', 'bailleur_de_fonds')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "acronym" text, "name_key" text NOT NULL, "network" "public"."network", "sector" text, CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_organizations_name_key" ON "organizations" ("name_key") `);
    await queryRunner.query(
      `CREATE TABLE "plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "title" text NOT NULL, "description" text, "owner_organization_id" uuid, "start_date" date NOT NULL, "end_date" date NOT NULL, "midterm_date" date NOT NULL, CONSTRAINT "PK_3720521a81c7c24fe9b7202ba61" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "orientations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_id" uuid NOT NULL, "number" integer NOT NULL, "title" text NOT NULL, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_653d937a7f56c5e7ebf0e3d13fc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_orientations_plan" ON "orientations" ("plan_id", "position") `);
    await queryRunner.query(
      `CREATE TABLE "objectives" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_id" uuid NOT NULL, "orientation_id" uuid NOT NULL, "parent_id" uuid, "code" text NOT NULL, "title" text NOT NULL, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_c54846771e6a2db24c2b886eca0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_objectives_plan" ON "objectives" ("plan_id", "position") `);
    await queryRunner.query(`CREATE TYPE "public"."schedule_kind" AS ENUM('date', 'recurrence', 'ongoing', 'tbd')`);
    await queryRunner.query(
      `CREATE TYPE "public"."policy_value" AS ENUM('accessibilite_universelle', 'creativite_innovation', 'developpement_durable', 'equite', 'inclusion_integration', 'pouvoir_agir', 'solidarite')`,
    );
    await queryRunner.query(
      `CREATE TABLE "actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_id" uuid NOT NULL, "objective_id" uuid NOT NULL, "description" text NOT NULL, "position" integer NOT NULL DEFAULT '0', "schedule_kind" "public"."schedule_kind" NOT NULL DEFAULT 'tbd', "schedule_date" date, "schedule_recurrence" text, "schedule_text" text NOT NULL DEFAULT '', "resources" text, "values" "public"."policy_value" array NOT NULL DEFAULT '{}', CONSTRAINT "PK_7bfb822f56be449c0b8adbf83cf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_actions_plan" ON "actions" ("plan_id", "position") `);
    await queryRunner.query(
      `CREATE TABLE "expected_results" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_id" uuid NOT NULL, "objective_id" uuid NOT NULL, "action_id" uuid, "text" text NOT NULL, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_f1cbff7786ea41b751b3ef97a8e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_expected_results_plan" ON "expected_results" ("plan_id", "position") `);
    await queryRunner.query(`CREATE TYPE "public"."instrument_kind" AS ENUM('questionnaire', 'participation_count', 'tally', 'document')`);
    await queryRunner.query(
      `CREATE TABLE "instruments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_id" uuid NOT NULL, "action_id" uuid, "kind" "public"."instrument_kind" NOT NULL, "name" text NOT NULL, "description" text, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_44d772c3199b38559c5fb666eb6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_instruments_plan" ON "instruments" ("plan_id", "position") `);
    await queryRunner.query(
      `CREATE TYPE "public"."indicator_kind" AS ENUM('response_count', 'participation_sum', 'answer_share', 'scale_mean', 'ratio', 'manual')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."indicator_status" AS ENUM('draft', 'active')`);
    await queryRunner.query(`CREATE TYPE "public"."direction" AS ENUM('up', 'down')`);
    await queryRunner.query(`CREATE TYPE "public"."grain" AS ENUM('month', 'quarter', 'year')`);
    await queryRunner.query(`CREATE TYPE "public"."dimension" AS ENUM('gender', 'age_group', 'immigration', 'language', 'disability')`);
    await queryRunner.query(
      `CREATE TABLE "indicators" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_id" uuid NOT NULL, "objective_id" uuid NOT NULL, "action_id" uuid, "expected_result_id" uuid, "name" text NOT NULL, "unit" text, "kind" "public"."indicator_kind" NOT NULL DEFAULT 'manual', "status" "public"."indicator_status" NOT NULL DEFAULT 'draft', "baseline_value" double precision, "baseline_date" date, "midterm_target" double precision, "final_target" double precision, "direction" "public"."direction" NOT NULL DEFAULT 'up', "grain" "public"."grain" NOT NULL DEFAULT 'quarter', "dimensions" "public"."dimension" array NOT NULL DEFAULT '{}', "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_6e24383c110600564187e92042e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_indicators_plan" ON "indicators" ("plan_id") `);
    await queryRunner.query(`CREATE TYPE "public"."role" AS ENUM('admin', 'evaluator', 'partner', 'committee')`);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" text NOT NULL, "display_name" text, "password_hash" text NOT NULL, "role" "public"."role" NOT NULL, "organization_id" uuid, CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email") `);
    await queryRunner.query(
      `CREATE TABLE "work_cells" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "objective_id" uuid, "objective_text" text, "start_date" date, "start_date_text" text, "mandate" text NOT NULL DEFAULT '', "contact" text, "partners_note" text, CONSTRAINT "PK_14a5fd83ad64281a659b5a7c9a9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "partnerships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "work_cell_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "network" "public"."network", "sector" text, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_55de3c169ff0d5d88e9a7cb0cd6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_partnerships_organization" ON "partnerships" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "ix_partnerships_cell" ON "partnerships" ("work_cell_id", "position") `);
    await queryRunner.query(
      `CREATE TABLE "work_steps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "work_cell_id" uuid NOT NULL, "position" integer NOT NULL DEFAULT '0', "text" text NOT NULL, "done" boolean NOT NULL DEFAULT false, "phase" text, "date" date, CONSTRAINT "PK_75b5c95ad72ed04700158a41f85" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_work_steps_cell" ON "work_steps" ("work_cell_id", "position") `);
    await queryRunner.query(
      `CREATE TABLE "action_organizations" ("action_id" uuid NOT NULL, "organization_id" uuid NOT NULL, CONSTRAINT "PK_23c5268550c215066694a349a6c" PRIMARY KEY ("action_id", "organization_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1def59617b66a5bbcbf5019862" ON "action_organizations" ("action_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8cb9d19b50057f63f043bfb361" ON "action_organizations" ("organization_id") `);
    await queryRunner.query(
      `CREATE TABLE "indicator_instruments" ("indicator_id" uuid NOT NULL, "instrument_id" uuid NOT NULL, CONSTRAINT "PK_6767b7ebc79870d4f40eb9857a8" PRIMARY KEY ("indicator_id", "instrument_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_31045023792f0b91e129ece6d2" ON "indicator_instruments" ("indicator_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_45f37f8d701186cb9e0ad1fa22" ON "indicator_instruments" ("instrument_id") `);
    await queryRunner.query(
      `ALTER TABLE "plans" ADD CONSTRAINT "FK_28b1ecf04fe9fb6cf29f4332607" FOREIGN KEY ("owner_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "orientations" ADD CONSTRAINT "FK_d8ae71ed519569e2634096cf22f" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "objectives" ADD CONSTRAINT "FK_a479ed5f5e42433316c5b416717" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "objectives" ADD CONSTRAINT "FK_47496ed68a616ed4852426dc4fe" FOREIGN KEY ("orientation_id") REFERENCES "orientations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "objectives" ADD CONSTRAINT "FK_576f2a7ab4f9fe2189d5dfcdf72" FOREIGN KEY ("parent_id") REFERENCES "objectives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "actions" ADD CONSTRAINT "FK_4e92cbc408d3e80af04deb65174" FOREIGN KEY ("objective_id") REFERENCES "objectives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "expected_results" ADD CONSTRAINT "FK_e1d31301631a185b9907057258f" FOREIGN KEY ("objective_id") REFERENCES "objectives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "expected_results" ADD CONSTRAINT "FK_45e7765be4948977b73b2d2c2da" FOREIGN KEY ("action_id") REFERENCES "actions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "instruments" ADD CONSTRAINT "FK_175ebf0078c382a1102b3b085a5" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "instruments" ADD CONSTRAINT "FK_00d1dd558fb44b966204d8813cd" FOREIGN KEY ("action_id") REFERENCES "actions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicators" ADD CONSTRAINT "FK_b1c29db1159dda64045a448df11" FOREIGN KEY ("objective_id") REFERENCES "objectives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicators" ADD CONSTRAINT "FK_000107a746289d9069233794650" FOREIGN KEY ("action_id") REFERENCES "actions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicators" ADD CONSTRAINT "FK_d9ff3409d1a073b93b5f252f908" FOREIGN KEY ("expected_result_id") REFERENCES "expected_results"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_21a659804ed7bf61eb91688dea7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "work_cells" ADD CONSTRAINT "FK_5329c628a77d0c4cbd6c580a004" FOREIGN KEY ("objective_id") REFERENCES "objectives"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partnerships" ADD CONSTRAINT "FK_dc17bb362baa5a274877b6dad9d" FOREIGN KEY ("work_cell_id") REFERENCES "work_cells"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partnerships" ADD CONSTRAINT "FK_4452191ee68f1f524ed47d558ea" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "work_steps" ADD CONSTRAINT "FK_b754e6feeabfc48983952ffbd39" FOREIGN KEY ("work_cell_id") REFERENCES "work_cells"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_organizations" ADD CONSTRAINT "FK_1def59617b66a5bbcbf50198621" FOREIGN KEY ("action_id") REFERENCES "actions"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_organizations" ADD CONSTRAINT "FK_8cb9d19b50057f63f043bfb361f" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_instruments" ADD CONSTRAINT "FK_31045023792f0b91e129ece6d27" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_instruments" ADD CONSTRAINT "FK_45f37f8d701186cb9e0ad1fa221" FOREIGN KEY ("instrument_id") REFERENCES "instruments"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicator_instruments" DROP CONSTRAINT "FK_45f37f8d701186cb9e0ad1fa221"`);
    await queryRunner.query(`ALTER TABLE "indicator_instruments" DROP CONSTRAINT "FK_31045023792f0b91e129ece6d27"`);
    await queryRunner.query(`ALTER TABLE "action_organizations" DROP CONSTRAINT "FK_8cb9d19b50057f63f043bfb361f"`);
    await queryRunner.query(`ALTER TABLE "action_organizations" DROP CONSTRAINT "FK_1def59617b66a5bbcbf50198621"`);
    await queryRunner.query(`ALTER TABLE "work_steps" DROP CONSTRAINT "FK_b754e6feeabfc48983952ffbd39"`);
    await queryRunner.query(`ALTER TABLE "partnerships" DROP CONSTRAINT "FK_4452191ee68f1f524ed47d558ea"`);
    await queryRunner.query(`ALTER TABLE "partnerships" DROP CONSTRAINT "FK_dc17bb362baa5a274877b6dad9d"`);
    await queryRunner.query(`ALTER TABLE "work_cells" DROP CONSTRAINT "FK_5329c628a77d0c4cbd6c580a004"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_21a659804ed7bf61eb91688dea7"`);
    await queryRunner.query(`ALTER TABLE "indicators" DROP CONSTRAINT "FK_d9ff3409d1a073b93b5f252f908"`);
    await queryRunner.query(`ALTER TABLE "indicators" DROP CONSTRAINT "FK_000107a746289d9069233794650"`);
    await queryRunner.query(`ALTER TABLE "indicators" DROP CONSTRAINT "FK_b1c29db1159dda64045a448df11"`);
    await queryRunner.query(`ALTER TABLE "instruments" DROP CONSTRAINT "FK_00d1dd558fb44b966204d8813cd"`);
    await queryRunner.query(`ALTER TABLE "instruments" DROP CONSTRAINT "FK_175ebf0078c382a1102b3b085a5"`);
    await queryRunner.query(`ALTER TABLE "expected_results" DROP CONSTRAINT "FK_45e7765be4948977b73b2d2c2da"`);
    await queryRunner.query(`ALTER TABLE "expected_results" DROP CONSTRAINT "FK_e1d31301631a185b9907057258f"`);
    await queryRunner.query(`ALTER TABLE "actions" DROP CONSTRAINT "FK_4e92cbc408d3e80af04deb65174"`);
    await queryRunner.query(`ALTER TABLE "objectives" DROP CONSTRAINT "FK_576f2a7ab4f9fe2189d5dfcdf72"`);
    await queryRunner.query(`ALTER TABLE "objectives" DROP CONSTRAINT "FK_47496ed68a616ed4852426dc4fe"`);
    await queryRunner.query(`ALTER TABLE "objectives" DROP CONSTRAINT "FK_a479ed5f5e42433316c5b416717"`);
    await queryRunner.query(`ALTER TABLE "orientations" DROP CONSTRAINT "FK_d8ae71ed519569e2634096cf22f"`);
    await queryRunner.query(`ALTER TABLE "plans" DROP CONSTRAINT "FK_28b1ecf04fe9fb6cf29f4332607"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_45f37f8d701186cb9e0ad1fa22"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_31045023792f0b91e129ece6d2"`);
    await queryRunner.query(`DROP TABLE "indicator_instruments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8cb9d19b50057f63f043bfb361"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1def59617b66a5bbcbf5019862"`);
    await queryRunner.query(`DROP TABLE "action_organizations"`);
    await queryRunner.query(`DROP INDEX "public"."ix_work_steps_cell"`);
    await queryRunner.query(`DROP TABLE "work_steps"`);
    await queryRunner.query(`DROP INDEX "public"."ix_partnerships_cell"`);
    await queryRunner.query(`DROP INDEX "public"."ix_partnerships_organization"`);
    await queryRunner.query(`DROP TABLE "partnerships"`);
    await queryRunner.query(`DROP TABLE "work_cells"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "public"."role"`);
    await queryRunner.query(`DROP INDEX "public"."ix_indicators_plan"`);
    await queryRunner.query(`DROP TABLE "indicators"`);
    await queryRunner.query(`DROP TYPE "public"."dimension"`);
    await queryRunner.query(`DROP TYPE "public"."grain"`);
    await queryRunner.query(`DROP TYPE "public"."direction"`);
    await queryRunner.query(`DROP TYPE "public"."indicator_status"`);
    await queryRunner.query(`DROP TYPE "public"."indicator_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_instruments_plan"`);
    await queryRunner.query(`DROP TABLE "instruments"`);
    await queryRunner.query(`DROP TYPE "public"."instrument_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_expected_results_plan"`);
    await queryRunner.query(`DROP TABLE "expected_results"`);
    await queryRunner.query(`DROP INDEX "public"."ix_actions_plan"`);
    await queryRunner.query(`DROP TABLE "actions"`);
    await queryRunner.query(`DROP TYPE "public"."policy_value"`);
    await queryRunner.query(`DROP TYPE "public"."schedule_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_objectives_plan"`);
    await queryRunner.query(`DROP TABLE "objectives"`);
    await queryRunner.query(`DROP INDEX "public"."ix_orientations_plan"`);
    await queryRunner.query(`DROP TABLE "orientations"`);
    await queryRunner.query(`DROP TABLE "plans"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organizations_name_key"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
    await queryRunner.query(`DROP TYPE "public"."network"`);
  }
}
