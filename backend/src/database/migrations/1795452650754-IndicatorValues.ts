import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndicatorValues1795452650754 implements MigrationInterface {
  name = 'IndicatorValues1795452650754';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "indicator_computations" ("indicator_id" uuid NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "inputs_fingerprint" text NOT NULL, CONSTRAINT "PK_4c1d572b740807577929d802c59" PRIMARY KEY ("indicator_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "indicator_values" ("indicator_id" uuid NOT NULL, "grain" text NOT NULL, "period_start" date NOT NULL, "dimension" text NOT NULL, "category" text NOT NULL, "value" double precision, "n" integer NOT NULL, "cumulative_value" double precision, "cumulative_n" integer NOT NULL, "suppressed" boolean NOT NULL, "cumulative_suppressed" boolean NOT NULL, CONSTRAINT "PK_ff3596225f90a82a7977f39944e" PRIMARY KEY ("indicator_id", "grain", "period_start", "dimension", "category"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_indicator_values_lookup" ON "indicator_values" ("indicator_id", "grain", "dimension", "period_start") `,
    );
    await queryRunner.query(
      `CREATE TABLE "indicator_manual_values" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "indicator_id" uuid NOT NULL, "date" date NOT NULL, "value" double precision NOT NULL, "evidence" text NOT NULL, "entered_by" uuid, CONSTRAINT "PK_ccafcb28fe90b0e3cd5d2fbae4b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_manual_values_indicator" ON "indicator_manual_values" ("indicator_id", "date") `);
    await queryRunner.query(`ALTER TABLE "indicators" ADD "source" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "indicator_computations" ADD CONSTRAINT "FK_4c1d572b740807577929d802c59" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_values" ADD CONSTRAINT "FK_4afd5f29369ef48152bb4a9be59" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_manual_values" ADD CONSTRAINT "FK_702fe1a8bb9acc885c4711a659a" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicator_manual_values" DROP CONSTRAINT "FK_702fe1a8bb9acc885c4711a659a"`);
    await queryRunner.query(`ALTER TABLE "indicator_values" DROP CONSTRAINT "FK_4afd5f29369ef48152bb4a9be59"`);
    await queryRunner.query(`ALTER TABLE "indicator_computations" DROP CONSTRAINT "FK_4c1d572b740807577929d802c59"`);
    await queryRunner.query(`ALTER TABLE "indicators" DROP COLUMN "source"`);
    await queryRunner.query(`DROP INDEX "public"."ix_manual_values_indicator"`);
    await queryRunner.query(`DROP TABLE "indicator_manual_values"`);
    await queryRunner.query(`DROP INDEX "public"."ix_indicator_values_lookup"`);
    await queryRunner.query(`DROP TABLE "indicator_values"`);
    await queryRunner.query(`DROP TABLE "indicator_computations"`);
  }
}
