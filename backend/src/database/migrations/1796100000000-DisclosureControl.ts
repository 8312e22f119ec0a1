import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disclosure control by the cell-key method (backend/src/disclosure, README « Privacy »).
 * - Every record that counts people (a response, a participation count) gets a fixed random key, drawn once when it
 *   is written and never changed: a cell's key is the sum of its records' keys, so the same people always get the
 *   same published figure. Drawn by the database (a function, so that every writer gets one without naming it).
 * - Each stored cell keeps its true figures (what evaluators see, marked « not for publication ») and the figures
 *   published to everyone else: perturbed, or null when fewer than k people are behind them.
 * - Every computed cell and month cache is thrown away: the workers' reconcile recomputes them with the keys.
 */
export class DisclosureControl1796100000000 implements MigrationInterface {
  name = 'DisclosureControl1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION random_record_key() RETURNS integer LANGUAGE sql VOLATILE AS
          $$ SELECT (floor(random() * 4294967296) - 2147483648)::integer $$`);
    await queryRunner.query(`ALTER TABLE "responses" ADD "record_key" integer NOT NULL DEFAULT random_record_key()`);
    await queryRunner.query(`ALTER TABLE "participation_counts" ADD "record_key" integer NOT NULL DEFAULT random_record_key()`);
    await queryRunner.query(`ALTER TABLE "indicator_values" ADD "published_value" double precision`);
    await queryRunner.query(`ALTER TABLE "indicator_values" ADD "published_n" integer`);
    await queryRunner.query(`ALTER TABLE "indicator_values" ADD "published_cumulative_value" double precision`);
    await queryRunner.query(`ALTER TABLE "indicator_values" ADD "published_cumulative_n" integer`);
    await queryRunner.query(`DELETE FROM "indicator_values"`);
    await queryRunner.query(`DELETE FROM "indicator_months"`);
    await queryRunner.query(`DELETE FROM "indicator_computations"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "indicator_values"`);
    await queryRunner.query(`DELETE FROM "indicator_months"`);
    await queryRunner.query(`DELETE FROM "indicator_computations"`);
    await queryRunner.query(`ALTER TABLE "indicator_values" DROP COLUMN "published_cumulative_n"`);
    await queryRunner.query(`ALTER TABLE "indicator_values" DROP COLUMN "published_cumulative_value"`);
    await queryRunner.query(`ALTER TABLE "indicator_values" DROP COLUMN "published_n"`);
    await queryRunner.query(`ALTER TABLE "indicator_values" DROP COLUMN "published_value"`);
    await queryRunner.query(`ALTER TABLE "participation_counts" DROP COLUMN "record_key"`);
    await queryRunner.query(`ALTER TABLE "responses" DROP COLUMN "record_key"`);
    await queryRunner.query(`DROP FUNCTION random_record_key()`);
  }
}
