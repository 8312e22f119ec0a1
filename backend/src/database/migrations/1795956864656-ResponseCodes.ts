import { MigrationInterface, QueryRunner } from 'typeorm';

export class ResponseCodes1795956864656 implements MigrationInterface {
  name = 'ResponseCodes1795956864656';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "responses" ADD "codes" bytea`);
    await queryRunner.query(`CREATE INDEX "ix_responses_uncoded" ON "responses" ("questionnaire_id", "answered_at") WHERE codes IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_responses_uncoded"`);
    await queryRunner.query(`ALTER TABLE "responses" DROP COLUMN "codes"`);
  }
}
