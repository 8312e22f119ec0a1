import { MigrationInterface, QueryRunner } from 'typeorm';

const UUID = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

/** [entity type, the plan of a record of that type by its id `e.entity_id`]: as the API finds it (audit/audit-plan.ts). */
const PLAN_OF: [string, string][] = [
  ['plan', 'SELECT e.entity_id'],
  ...[
    'orientation:orientations',
    'objective:objectives',
    'action:actions',
    'expected_result:expected_results',
    'indicator:indicators',
    'instrument:instruments',
    'questionnaire:questionnaires',
    'evaluation:evaluations',
  ]
    .map((s) => s.split(':'))
    .map(([type, table]) => [type, `SELECT plan_id FROM ${table} WHERE id = e.entity_id`] as [string, string]),
  ['manual_value', 'SELECT i.plan_id FROM indicator_manual_values v JOIN indicators i ON i.id = v.indicator_id WHERE v.id = e.entity_id'],
  [
    'participation_count',
    'SELECT i.plan_id FROM participation_counts c JOIN instruments i ON i.id = c.instrument_id WHERE c.id = e.entity_id',
  ],
  [
    'questionnaire_version',
    'SELECT q.plan_id FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id WHERE v.id = e.entity_id',
  ],
  ['assessment', 'SELECT x.plan_id FROM evaluation_assessments a JOIN evaluations x ON x.id = a.evaluation_id WHERE a.id = e.entity_id'],
  ['work_cell', 'SELECT o.plan_id FROM work_cells w JOIN objectives o ON o.id = w.objective_id WHERE w.id = e.entity_id'],
  [
    'import',
    `SELECT q.plan_id FROM imports i JOIN questionnaires q
                 ON q.id = (CASE WHEN i.options->>'questionnaireId' ~* ${UUID} THEN (i.options->>'questionnaireId')::uuid END)
              WHERE i.id = e.entity_id`,
  ],
];

/**
 * The plan of each audit event (nullable: users, organizations… belong to none), so a plan's page shows the history
 * of the plan and of all its parts (`GET /api/audit-events?planId=`). The events written before are given theirs
 * where the record (or, for a removed one, the `planId` its changes name) still says it.
 */
export class AuditPlan1796600000000 implements MigrationInterface {
  name = 'AuditPlan1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_events" ADD "plan_id" uuid`);
    for (const [type, sql] of PLAN_OF) {
      await queryRunner.query(`UPDATE audit_events e SET plan_id = (${sql}) WHERE e.entity_type = $1`, [type]);
    }
    await queryRunner.query(`UPDATE audit_events e SET plan_id = (e.changes->'planId'->>'from')::uuid
                              WHERE e.plan_id IS NULL AND e.entity_type <> 'import' AND e.changes->'planId'->>'from' ~* ${UUID}`);
    await queryRunner.query(`CREATE INDEX "ix_audit_events_plan" ON "audit_events" ("plan_id", "at" DESC, "seq" DESC)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_audit_events_plan"`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "plan_id"`);
  }
}
