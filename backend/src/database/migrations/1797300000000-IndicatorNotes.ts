import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A free-text note on an indicator: what a reader should know about its figure, above all why it has none (« Sans
 * données ») when the plan gives no means to measure it. Nullable: nothing existing changes.
 */
export class IndicatorNotes1797300000000 implements MigrationInterface {
  name = 'IndicatorNotes1797300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicators" ADD "note" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicators" DROP COLUMN "note"`);
  }
}
