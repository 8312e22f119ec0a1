import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence (issue 19): files behind a figure, each attached to one record (`owner_kind`, `owner_id`: a manual value, a
 * participation count, a work step, an action or an assessment — no foreign key, as the owners live in five tables
 * and an owner archived keeps its evidence), with its plan for the audit trail and the evaluations' cut-offs. Archived,
 * never deleted. The bytes live apart, in `evidence_blobs` (the PostgreSQL storage, the default) or in an
 * S3-compatible store, named by `storage_key`; `sha256` lets anyone check a copy.
 */
export class EvidenceFiles1797000000000 implements MigrationInterface {
  name = 'EvidenceFiles1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "evidence_files" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "archived_at" TIMESTAMP WITH TIME ZONE,
      "archived_by" uuid,
      "owner_kind" text NOT NULL,
      "owner_id" uuid NOT NULL,
      "plan_id" uuid NOT NULL,
      "title" text NOT NULL,
      "date" date NOT NULL,
      "media_type" text NOT NULL,
      "size" integer NOT NULL,
      "sha256" bytea NOT NULL,
      "storage" text NOT NULL,
      "storage_key" text NOT NULL,
      "added_by" uuid,
      CONSTRAINT "PK_evidence_files" PRIMARY KEY ("id"),
      CONSTRAINT "ck_evidence_files_owner_kind" CHECK ("owner_kind" IN ('manual_value', 'participation_count', 'work_step', 'action', 'assessment')),
      CONSTRAINT "ck_evidence_files_storage" CHECK ("storage" IN ('postgres', 's3')),
      CONSTRAINT "ck_evidence_files_size" CHECK ("size" > 0),
      CONSTRAINT "fk_evidence_files_plan" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE RESTRICT,
      CONSTRAINT "fk_evidence_files_added_by" FOREIGN KEY ("added_by") REFERENCES "users"("id") ON DELETE SET NULL,
      CONSTRAINT "FK_ec79124c340d9d822f59d94d18d" FOREIGN KEY ("archived_by") REFERENCES "users"("id") ON DELETE SET NULL)`);
    // A record's evidence by date (its page, the snapshot at a cut-off); a plan's (the annex of its report).
    await queryRunner.query(`CREATE INDEX "ix_evidence_files_owner" ON "evidence_files" ("owner_kind", "owner_id", "date")`);
    await queryRunner.query(`CREATE INDEX "ix_evidence_files_plan" ON "evidence_files" ("plan_id", "date")`);
    await queryRunner.query(`CREATE TABLE "evidence_blobs" (
      "key" text NOT NULL,
      "bytes" bytea NOT NULL,
      CONSTRAINT "PK_evidence_blobs" PRIMARY KEY ("key"))`);
    // Images' thumbnails, made by the workers (derived: always here, whatever the files' store).
    await queryRunner.query(`CREATE TABLE "evidence_thumbnails" (
      "evidence_id" uuid NOT NULL,
      "bytes" bytea NOT NULL,
      CONSTRAINT "PK_evidence_thumbnails" PRIMARY KEY ("evidence_id"),
      CONSTRAINT "fk_evidence_thumbnails_file" FOREIGN KEY ("evidence_id") REFERENCES "evidence_files"("id") ON DELETE CASCADE)`);
    // Files are compressed already (PDF, images, ZIP-based documents): PostgreSQL would spend CPU on them for nothing.
    await queryRunner.query(`ALTER TABLE "evidence_blobs" ALTER COLUMN "bytes" SET STORAGE EXTERNAL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "evidence_thumbnails"`);
    await queryRunner.query(`DROP TABLE "evidence_blobs"`);
    await queryRunner.query(`DROP TABLE "evidence_files"`);
  }
}
