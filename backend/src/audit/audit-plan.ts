import type { AuditChanges } from './audit-diff';

/** A uuid-typed SQL expression of a text one, or NULL when it is not a uuid (options are JSON written by users). */
const asUuid = (text: string) =>
  `(CASE WHEN ${text} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN (${text})::uuid END)`;

/**
 * The plan each audited entity type belongs to, as a scalar subquery of its id (`:id`, a uuid): its own `plan_id`, or
 * its parent's. What the plan page's history (`GET /api/audit-events?planId=`) is filtered by. An import belongs to
 * the plan it targets (a work-cell fiche's plan, a responses file's questionnaire's) or, once written, created.
 */
const PLAN_OF: Record<string, string> = {
  plan: 'SELECT id FROM plans WHERE id = :id',
  ...Object.fromEntries(
    (
      [
        ['orientation', 'orientations'],
        ['objective', 'objectives'],
        ['action', 'actions'],
        ['expected_result', 'expected_results'],
        ['indicator', 'indicators'],
        ['instrument', 'instruments'],
        ['questionnaire', 'questionnaires'],
        ['evaluation', 'evaluations'],
      ] as const
    ).map(([type, table]) => [type, `SELECT plan_id FROM ${table} WHERE id = :id`]),
  ),
  manual_value: 'SELECT i.plan_id FROM indicator_manual_values v JOIN indicators i ON i.id = v.indicator_id WHERE v.id = :id',
  participation_count: 'SELECT i.plan_id FROM participation_counts c JOIN instruments i ON i.id = c.instrument_id WHERE c.id = :id',
  questionnaire_version:
    'SELECT q.plan_id FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id WHERE v.id = :id',
  assessment: 'SELECT e.plan_id FROM evaluation_assessments a JOIN evaluations e ON e.id = a.evaluation_id WHERE a.id = :id',
  response: 'SELECT q.plan_id FROM responses r JOIN questionnaires q ON q.id = r.questionnaire_id WHERE r.id = :id',
  work_cell: 'SELECT o.plan_id FROM work_cells w JOIN objectives o ON o.id = w.objective_id WHERE w.id = :id',
  work_step:
    'SELECT o.plan_id FROM work_steps s JOIN work_cells w ON w.id = s.work_cell_id JOIN objectives o ON o.id = w.objective_id WHERE s.id = :id',
  partnership:
    'SELECT o.plan_id FROM partnerships p JOIN work_cells w ON w.id = p.work_cell_id JOIN objectives o ON o.id = w.objective_id WHERE p.id = :id',
  evidence: 'SELECT plan_id FROM evidence_files WHERE id = :id',
  import: `SELECT coalesce(
             (SELECT id FROM plans WHERE id = ${asUuid("i.options->>'planId'")}),
             (SELECT plan_id FROM questionnaires WHERE id = ${asUuid("i.options->>'questionnaireId'")}),
             (SELECT id FROM plans WHERE id = ${asUuid("i.result->>'planId'")}))
             FROM imports i WHERE i.id = :id`,
};

/** A record's parent, by the field of the record naming it: where a removed record's plan is still found. */
const PARENT_FIELDS: [field: string, type: string][] = [
  ['indicatorId', 'indicator'],
  ['instrumentId', 'instrument'],
  ['questionnaireId', 'questionnaire'],
  ['evaluationId', 'evaluation'],
  ['workCellId', 'work_cell'],
  ['objectiveId', 'objective'],
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function named(changes: AuditChanges, field: string): string | undefined {
  const c = changes[field];
  const v = c?.to ?? c?.from;
  return typeof v === 'string' && UUID.test(v) ? v : undefined;
}

/**
 * The SQL expression (a uuid or NULL) of the plan an audit event belongs to, and its parameters numbered from `first`:
 * the record's own plan if it still exists; otherwise (a record deleted in this transaction) the plan its changes
 * name, directly (`planId`) or through its parent.
 */
export function planOfSql(
  entityType: string,
  entityIdParam: string,
  changes: AuditChanges,
  first: number,
): { sql: string; params: unknown[] } {
  // A plan's own events are its own (a plan is never removed, but its id alone says it).
  if (entityType === 'plan') return { sql: `${entityIdParam}::uuid`, params: [] };
  const own = PLAN_OF[entityType];
  const tries: string[] = own ? [`(${own.replaceAll(':id', `${entityIdParam}::uuid`)})`] : [];
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${first + params.length - 1}::uuid`;
  };
  const planId = named(changes, 'planId');
  if (planId && entityType !== 'import') tries.push(param(planId));
  for (const [field, type] of PARENT_FIELDS) {
    const id = named(changes, field);
    if (id && PLAN_OF[type]) tries.push(`(${PLAN_OF[type].replaceAll(':id', param(id))})`);
  }
  return { sql: tries.length ? `coalesce(${tries.join(', ')}, NULL::uuid)` : 'NULL::uuid', params };
}
