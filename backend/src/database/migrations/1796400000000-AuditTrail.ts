import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: one row per staff change (who, when, which entity, which fields from what to what), written in
 * the transaction of the change. The actor is copied (email, role) so the trail outlives the account; no foreign keys,
 * so nothing deleted elsewhere takes events with it.
 */
export class AuditTrail1796400000000 implements MigrationInterface {
  name = 'AuditTrail1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_events" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "seq" bigint GENERATED ALWAYS AS IDENTITY,
      "at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "actor_id" uuid,
      "actor_email" text,
      "actor_role" text,
      "action" text NOT NULL CHECK ("action" IN ('create', 'update', 'archive', 'restore', 'delete')),
      "entity_type" text NOT NULL,
      "entity_id" uuid NOT NULL,
      "changes" jsonb NOT NULL DEFAULT '{}')`);
    await queryRunner.query(`CREATE INDEX "ix_audit_events_entity" ON "audit_events" ("entity_type", "entity_id", "at" DESC, "seq" DESC)`);
    await queryRunner.query(`CREATE INDEX "ix_audit_events_actor" ON "audit_events" ("actor_id", "at" DESC)`);
    await queryRunner.query(`CREATE INDEX "ix_audit_events_at" ON "audit_events" ("at" DESC, "seq" DESC)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
