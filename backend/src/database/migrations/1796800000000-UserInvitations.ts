import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts an admin opens without knowing the password (issue 18): one-time invitations through which the person
 * chooses it (only the token's digest stored, with its expiry and its use; until then the account's password hash
 * is an unusable one, users/password.ts), accounts
 * that can be deactivated without being deleted, and temporary passwords that must be changed at first sign-in.
 * Every existing account stays active, with its password, and is asked nothing.
 */
export class UserInvitations1796800000000 implements MigrationInterface {
  name = 'UserInvitations1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "active" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "users" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE TABLE "user_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c8005acb91c3ce9a7ae581eca8f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_user_invitations_user" ON "user_invitations" ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_invitations_token_hash" ON "user_invitations" ("token_hash") `);
    await queryRunner.query(
      `ALTER TABLE "user_invitations" ADD CONSTRAINT "FK_5b449d2aa47c4f912482e1d8f03" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_invitations" DROP CONSTRAINT "FK_5b449d2aa47c4f912482e1d8f03"`);
    await queryRunner.query(`DROP INDEX "public"."uq_user_invitations_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_user_invitations_user"`);
    await queryRunner.query(`DROP TABLE "user_invitations"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "must_change_password"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "active"`);
  }
}
