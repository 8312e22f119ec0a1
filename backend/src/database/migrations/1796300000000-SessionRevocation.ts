import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that end when they should: each user's token version, signed into their session tokens and checked on
 * every request, raised when the password, the role or the organization changes (auth/auth.guard.ts). Tokens
 * issued before this migration carry none and count as version 0, so nobody is signed out by the upgrade.
 */
export class SessionRevocation1796300000000 implements MigrationInterface {
  name = 'SessionRevocation1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
  }
}
