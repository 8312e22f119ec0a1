import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Secrets a deployment draws once and keeps: the key that signs staff sessions when JWT_SECRET is not set. Kept in
 * the database, so every API process of the deployment and every restart share it, and a backup (npm run backup)
 * carries it. Only the API reads it (config/deployment-secret.ts); nothing serves it.
 */
export class DeploymentSecrets1796200000000 implements MigrationInterface {
  name = 'DeploymentSecrets1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "deployment_secrets" (
      "name" text PRIMARY KEY,
      "value" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "deployment_secrets"`);
  }
}
