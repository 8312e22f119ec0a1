import { MigrationInterface, QueryRunner } from 'typeorm';

/** [table, constraint, column, referenced table, ON DELETE before]: every link through which a delete reached history. */
const PROTECTED: [string, string, string, string, string][] = [
  ['responses', 'FK_e48df894ef4d293bbd2f2b3c736', 'questionnaire_id', 'questionnaires', 'CASCADE'],
  ['questionnaires', 'FK_da310be1aa99c259dc72fb2cbee', 'plan_id', 'plans', 'CASCADE'],
  ['questionnaires', 'FK_f644d623dc7efae3e6106676ddb', 'instrument_id', 'instruments', 'SET NULL'],
  ['participation_counts', 'FK_acd90379e4f5cff46317c3444bd', 'instrument_id', 'instruments', 'CASCADE'],
  ['participation_counts', 'FK_061c1693d2712f7105671f44581', 'organization_id', 'organizations', 'SET NULL'],
  ['participation_count_revisions', 'FK_5355503cd07e0604695ce48a2e4', 'participation_count_id', 'participation_counts', 'CASCADE'],
  ['indicator_manual_values', 'FK_702fe1a8bb9acc885c4711a659a', 'indicator_id', 'indicators', 'CASCADE'],
  ['evaluations', 'FK_900d222e134361b616e7df8aa87', 'plan_id', 'plans', 'CASCADE'],
  ['evaluation_assessments', 'FK_9506ac4c5e7e6c9c0cfa40e9da4', 'evaluation_id', 'evaluations', 'CASCADE'],
  ['evaluation_events', 'FK_8dea946586e3268a648ea1ca8fb', 'evaluation_id', 'evaluations', 'CASCADE'],
  ['reports', 'FK_a8465d714bb639b8d33baddef8f', 'plan_id', 'plans', 'CASCADE'],
  ['reports', 'FK_ab0327734e91cb32aeaa0051441', 'evaluation_id', 'evaluations', 'CASCADE'],
];

/** [table, constraint of archived_by]. */
const ARCHIVABLE: [string, string][] = [
  ['organizations', 'FK_ca9bbe487e8443e59d303f3c5bb'],
  ['plans', 'FK_f38e256e1c028bfe432e0434036'],
  ['indicators', 'FK_ffdcef84e3a18c15b57f145dc9a'],
  ['questionnaires', 'FK_fec502ceb96aeb008575252f631'],
];

/**
 * Nothing is erased (README): plans, questionnaires, indicators and organizations get `archived_at` / `archived_by`,
 * and every foreign key whose CASCADE or SET NULL could delete or orphan responses, participation counts, manual
 * values, evaluations (their assessments and events) or reports becomes RESTRICT, so even a raw
 * `DELETE FROM plans` is refused by the database once the plan has history.
 */
export class Archive1796500000000 implements MigrationInterface {
  name = 'Archive1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, fk] of ARCHIVABLE) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "archived_by" uuid`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${fk}" FOREIGN KEY ("archived_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
      );
    }
    for (const [table, fk, column, target] of PROTECTED) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${fk}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${fk}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, fk, column, target, before] of [...PROTECTED].reverse()) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${fk}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${fk}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE ${before} ON UPDATE NO ACTION`,
      );
    }
    for (const [table, fk] of [...ARCHIVABLE].reverse()) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${fk}"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "archived_by"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "archived_at"`);
    }
  }
}
