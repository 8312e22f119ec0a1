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
    // An instrument's evidence has nowhere to go in the older schema: refuse rather than delete it.
    const [{ n }] = await queryRunner.query(`SELECT count(*)::int AS n FROM "evidence_files" WHERE "owner_kind" = 'instrument'`);
    if (n > 0) throw new Error(`${n} evidence files belong to instruments; archive them by hand before reverting`);
    await queryRunner.query(`ALTER TABLE "evidence_files" DROP CONSTRAINT "ck_evidence_files_owner_kind"`);
    await queryRunner.query(
      `ALTER TABLE "evidence_files" ADD CONSTRAINT "ck_evidence_files_owner_kind" CHECK ("owner_kind" IN ('manual_value', 'participation_count', 'work_step', 'action', 'assessment'))`,
    );
  }
}
