import { MigrationInterface, QueryRunner } from 'typeorm';

export class Imports1795966165373 implements MigrationInterface {
  name = 'Imports1795966165373';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."import_kind" AS ENUM('plan', 'work-cell', 'responses')`);
    await queryRunner.query(`CREATE TYPE "public"."import_status" AS ENUM('analyzing', 'ready', 'invalid', 'importing', 'done', 'failed')`);
    await queryRunner.query(`CREATE TYPE "public"."import_format" AS ENUM('text', 'csv', 'xlsx')`);
    await queryRunner.query(
      `CREATE TABLE "imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" "public"."import_kind" NOT NULL, "status" "public"."import_status" NOT NULL DEFAULT 'analyzing', "file_name" text NOT NULL, "size" bigint NOT NULL, "format" "public"."import_format", "generation" integer NOT NULL DEFAULT '0', "options" jsonb NOT NULL DEFAULT '{}', "progress" jsonb, "preview" jsonb, "problems" jsonb NOT NULL DEFAULT '[]', "problem_count" integer NOT NULL DEFAULT '0', "result" jsonb, "error" text, "created_by_id" uuid, CONSTRAINT "PK_ea10c62f5eb1d75e83d8b5225db" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_imports_created" ON "imports" ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "import_chunks" ("import_id" uuid NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_17be9951f9d1f93f12d19a577d8" PRIMARY KEY ("import_id", "seq"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "imports" ADD CONSTRAINT "FK_3bc7ec4d0412ccd78d82f24e3d4" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // Responses being imported wait here, one unlogged table per import, between preview and confirmation.
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "import_staging"`);
    await queryRunner.query(
      `ALTER TABLE "import_chunks" ADD CONSTRAINT "FK_063de3b8d36d5e547605d30f87f" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_chunks" DROP CONSTRAINT "FK_063de3b8d36d5e547605d30f87f"`);
    await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "FK_3bc7ec4d0412ccd78d82f24e3d4"`);
    await queryRunner.query(`DROP SCHEMA IF EXISTS "import_staging" CASCADE`);
    await queryRunner.query(`DROP TABLE "import_chunks"`);
    await queryRunner.query(`DROP INDEX "public"."ix_imports_created"`);
    await queryRunner.query(`DROP TABLE "imports"`);
    await queryRunner.query(`DROP TYPE "public"."import_format"`);
    await queryRunner.query(`DROP TYPE "public"."import_status"`);
    await queryRunner.query(`DROP TYPE "public"."import_kind"`);
  }
}
