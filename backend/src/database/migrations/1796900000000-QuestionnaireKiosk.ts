import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kiosk mode (« mode borne »): a questionnaire answered on one shared tablet, one resident after another. A setting of
 * the questionnaire, not of a version: like its open and close dates it applies at once. Existing rows get false.
 */
export class QuestionnaireKiosk1796900000000 implements MigrationInterface {
  name = 'QuestionnaireKiosk1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "questionnaires" ADD "kiosk" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "questionnaires" DROP COLUMN "kiosk"`);
  }
}
