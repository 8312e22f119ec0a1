import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EVALUATION_WRITERS, type EvidenceOwnerKind, isOneOf, PLAN_WRITERS, type Role } from '@repere/contract';
import type { AuthUser } from '@backend/auth/auth.decorators';
import { ApiError, invalidField } from '@backend/common/errors';

/**
 * Per kind of record evidence is attached to: the record's plan (as SQL of its id, $1), who writes its evidence, and,
 * for partners, the SQL that says whether the partner's organization ($2) is the record's — the rules their own
 * writes follow: a participation count its organization recorded, a step of a work cell it is part of, an action it
 * is responsible for.
 */
interface OwnerRule {
  readonly what: string;
  readonly planSql: string;
  readonly writers: readonly Role[];
  readonly partnerSql?: string;
}

export const OWNER_RULES: Record<EvidenceOwnerKind, OwnerRule> = {
  manual_value: {
    what: 'Manual value',
    planSql: 'SELECT i.plan_id FROM indicator_manual_values v JOIN indicators i ON i.id = v.indicator_id WHERE v.id = $1',
    writers: PLAN_WRITERS,
  },
  participation_count: {
    what: 'Participation count',
    planSql: 'SELECT i.plan_id FROM participation_counts c JOIN instruments i ON i.id = c.instrument_id WHERE c.id = $1',
    writers: PLAN_WRITERS,
    partnerSql: 'SELECT 1 FROM participation_counts WHERE id = $1 AND organization_id = $2',
  },
  work_step: {
    what: 'Work step',
    planSql: `SELECT o.plan_id FROM work_steps s JOIN work_cells w ON w.id = s.work_cell_id
                JOIN objectives o ON o.id = w.objective_id WHERE s.id = $1`,
    writers: PLAN_WRITERS,
    partnerSql: `SELECT 1 FROM work_steps s JOIN partnerships p ON p.work_cell_id = s.work_cell_id
                  WHERE s.id = $1 AND p.organization_id = $2`,
  },
  action: {
    what: 'Action',
    planSql: 'SELECT plan_id FROM actions WHERE id = $1',
    writers: PLAN_WRITERS,
    partnerSql: 'SELECT 1 FROM action_organizations WHERE action_id = $1 AND organization_id = $2',
  },
  assessment: {
    what: 'Assessment',
    planSql: 'SELECT e.plan_id FROM evaluation_assessments a JOIN evaluations e ON e.id = a.evaluation_id WHERE a.id = $1',
    // The committee assesses: it may put the documents it relied on beside its assessment.
    writers: EVALUATION_WRITERS,
  },
  instrument: {
    what: 'Instrument',
    // Only a « document » follow-up means holds documents; the others are fed by responses and counts.
    planSql: "SELECT plan_id FROM instruments WHERE id = $1 AND kind = 'document'",
    writers: PLAN_WRITERS,
    // Its action's partners keep its minutes, as they keep the action's own evidence.
    partnerSql: `SELECT 1 FROM instruments i JOIN action_organizations ao ON ao.action_id = i.action_id
                  WHERE i.id = $1 AND ao.organization_id = $2`,
  },
};

/** The record's plan; 400 naming `ownerId` when there is no such record. */
export async function ownerPlan(em: EntityManager, kind: EvidenceOwnerKind, id: string): Promise<string> {
  const rows = await em.query<{ plan_id: string | null }[]>(OWNER_RULES[kind].planSql, [id]);
  const planId = rows[0]?.plan_id;
  if (!planId) throw invalidField('ownerId', `no ${kind.replace('_', ' ')}${kind === 'instrument' ? ' of kind document' : ''} ${id}`);
  return planId;
}

/** 403 unless the user may add or remove evidence of that record. */
export async function assertMayWrite(em: EntityManager, kind: EvidenceOwnerKind, id: string, user: AuthUser): Promise<void> {
  const rule = OWNER_RULES[kind];
  if (isOneOf(rule.writers, user.role)) return;
  if (user.role === 'partner' && rule.partnerSql && user.organizationId) {
    const rows = await em.query<unknown[]>(rule.partnerSql, [id, user.organizationId]);
    if (rows.length > 0) return;
  }
  throw new ApiError(
    HttpStatus.FORBIDDEN,
    'forbidden',
    rule.partnerSql
      ? `A partner adds evidence to its own organization's records only; this ${rule.what.toLowerCase()} is not one.`
      : `Only ${rule.writers.join(', ')} may add evidence to a ${rule.what.toLowerCase()}.`,
  );
}
