import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence attached to a follow-up means of kind « document » (compte rendu, procès-verbal): the minutes themselves,
 * listed by date on the instrument. Only the owner-kind check widens; nothing existing changes.
 */
export class EvidenceOfInstruments1797100000000 implements MigrationInterface {
  name = 'EvidenceOfInstruments1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_files" DROP CONSTRAINT "ck_evidence_files_owner_kind"`);
    await queryRunner.query(
      `ALTER TABLE "evidence_files" ADD CONSTRAINT "ck_evidence_files_owner_kind" CHECK ("owner_kind" IN ('manual_value', 'participation_count', 'work_step', 'action', 'assessment', 'instrument'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The older schema has no place for an instrument's minutes: they go to the instrument's action, whose evidence
    // they then are (nothing is deleted). Minutes of an instrument with no action have nowhere to go: refuse.
    await queryRunner.query(
      `UPDATE "evidence_files" f SET "owner_kind" = 'action', "owner_id" = i."action_id"
         FROM "instruments" i WHERE f."owner_kind" = 'instrument' AND i."id" = f."owner_id" AND i."action_id" IS NOT NULL`,
    );
    const [{ n }] = await queryRunner.query(`SELECT count(*)::int AS n FROM "evidence_files" WHERE "owner_kind" = 'instrument'`);
    if (n > 0) throw new Error(`${n} evidence files belong to instruments with no action; archive them by hand before reverting`);
    await queryRunner.query(`ALTER TABLE "evidence_files" DROP CONSTRAINT "ck_evidence_files_owner_kind"`);
    await queryRunner.query(
      `ALTER TABLE "evidence_files" ADD CONSTRAINT "ck_evidence_files_owner_kind" CHECK ("owner_kind" IN ('manual_value', 'participation_count', 'work_step', 'action', 'assessment'))`,
    );
  }
}
