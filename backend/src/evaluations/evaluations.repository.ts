import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import type { EvidenceItem } from '@repere/contract';
import { recordAudit, type AuditEntry } from '@backend/audit/audit.service';
import { cutoffInstant, indicatorEvidence } from '@backend/evidence/indicator-evidence';
import { Indicator } from '@backend/indicators/indicator.entity';
import { Objective } from '@backend/plans/objective.entity';
import { Orientation } from '@backend/plans/orientation.entity';
import { Plan } from '@backend/plans/plan.entity';
import { EvaluationEvent, EventDetail } from './evaluation-event.entity';
import type { EvaluationAction, EvaluationKind, EvaluationState } from './evaluation-kind';
import type { EvaluationSnapshot } from './evaluation-snapshot';
import {
  SUMMARY_COLUMNS,
  type AssessmentView,
  type AuditedAssessment,
  type EvaluationSummary,
  type EvaluationToFreeze,
  type HistoryEntry,
  type MidtermComparison,
} from './evaluation-views';
import { Evaluation } from './evaluation.entity';

/** What a new evaluation is opened with; the rest (state, snapshot…) is the service's to set. */
export type NewEvaluation = Pick<
  Evaluation,
  'planId' | 'kind' | 'cutoff' | 'state' | 'snapshot' | 'frozenAt' | 'openedBy' | 'openedAt' | 'closedBy' | 'closedAt'
>;

/** The plan's tree a snapshot is built from: its orientations, objectives and live indicators, each by position. */
export interface PlanTree {
  orientations: Orientation[];
  objectives: Objective[];
  indicators: Indicator[];
}

/**
 * The evaluations' reads and writes within one transaction (EvaluationsRepository.transaction): every statement the
 * rules of an open, an assessment, a close or a freeze need, and the row locks that order them.
 */
export class EvaluationWrites {
  constructor(private readonly em: EntityManager) {}

  /**
   * Opens of the same plan wait for each other here until the transaction ends, so two at once cannot both find
   * none open.
   */
  async lockOpensOf(planId: string): Promise<void> {
    await this.em.query(`SELECT pg_advisory_xact_lock(hashtext('evaluation-open:' || $1::text))`, [planId]);
  }

  /** The first opened of the plan's evaluations of this kind that is not closed. */
  async notClosed(planId: string, kind: EvaluationKind): Promise<Pick<Evaluation, 'id' | 'cutoff' | 'state'> | undefined> {
    const [pending] = await this.em.find(Evaluation, {
      select: { id: true, cutoff: true, state: true },
      where: { planId, kind, state: Not('closed') },
      order: { openedAt: 'ASC' },
      take: 1,
    });
    return pending;
  }

  insert(evaluation: NewEvaluation): Promise<Evaluation> {
    return this.em.save(this.em.create(Evaluation, evaluation));
  }

  /**
   * The evaluation's state, and whether its snapshot has the objective; the row stays locked (FOR UPDATE) until the
   * transaction ends, which orders an assessment and a close.
   */
  async lockForAssessment(id: string, objectiveId: string): Promise<{ state: EvaluationState; hasObjective: boolean } | undefined> {
    const [row]: { state: EvaluationState; has_objective: boolean }[] = await this.em.query(
      `SELECT state, snapshot IS NOT NULL AND jsonb_path_exists(snapshot, '$.orientations[*].objectives[*] ? (@.id == $id)', jsonb_build_object('id', $2::text)) AS has_objective
           FROM evaluations WHERE id = $1 FOR UPDATE`,
      [id, objectiveId],
    );
    return row && { state: row.state, hasObjective: row.has_objective };
  }

  /** The evaluation's summary, its row locked (pessimistic write) until the transaction ends. */
  lockSummary(id: string): Promise<EvaluationSummary | null> {
    return this.em.findOne(Evaluation, { select: SUMMARY_COLUMNS, where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The evaluation's state, its row locked (FOR UPDATE) until the transaction ends: what a freeze checks before storing. */
  async lockState(id: string): Promise<EvaluationState | undefined> {
    const [row]: { state: EvaluationState }[] = await this.em.query('SELECT state FROM evaluations WHERE id = $1 FOR UPDATE', [id]);
    return row?.state;
  }

  /** The objective's assessment in the evaluation, as the audit trail compares it, if there is one. */
  async assessment(evaluationId: string, objectiveId: string): Promise<(AuditedAssessment & { id: string }) | undefined> {
    const [row]: (AuditedAssessment & { id: string })[] = await this.em.query(
      'SELECT id, rating, comment, recommendations FROM evaluation_assessments WHERE evaluation_id = $1 AND objective_id = $2',
      [evaluationId, objectiveId],
    );
    return row;
  }

  /** The assessment's id, once written. */
  async assessmentId(evaluationId: string, objectiveId: string): Promise<string> {
    const [{ id }]: { id: string }[] = await this.em.query(
      'SELECT id FROM evaluation_assessments WHERE evaluation_id = $1 AND objective_id = $2',
      [evaluationId, objectiveId],
    );
    return id;
  }

  /** Writes the objective's assessment, or replaces the one there. */
  async upsertAssessment(evaluationId: string, objectiveId: string, fields: AuditedAssessment, updatedBy: string): Promise<AssessmentView> {
    const [saved]: AssessmentView[] = await this.em.query(
      `INSERT INTO evaluation_assessments (evaluation_id, objective_id, rating, comment, recommendations, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (evaluation_id, objective_id) DO UPDATE
           SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, recommendations = EXCLUDED.recommendations,
               updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING id, objective_id AS "objectiveId", rating, comment, recommendations, updated_by AS "updatedBy", updated_at AS "updatedAt"`,
      [evaluationId, objectiveId, fields.rating, fields.comment, fields.recommendations, updatedBy],
    );
    return saved;
  }

  async markClosed(id: string, closedBy: string, closedAt: Date): Promise<void> {
    await this.em.update(Evaluation, { id }, { state: 'closed', closedBy, closedAt });
  }

  /** Stores the snapshot and opens the evaluation: written once, with the state. */
  async storeSnapshot(id: string, snapshot: EvaluationSnapshot): Promise<void> {
    await this.em.query(`UPDATE evaluations SET snapshot = $2::jsonb, state = 'open', frozen_at = $3, updated_at = now() WHERE id = $1`, [
      id,
      JSON.stringify(snapshot),
      snapshot.frozenAt,
    ]);
  }

  /** Appends to the evaluation's history. */
  async recordEvent(evaluationId: string, userId: string | null, action: EvaluationAction, detail: EventDetail): Promise<void> {
    await this.em.insert(EvaluationEvent, { evaluationId, userId, action, detail });
  }

  /** An audit event in this transaction (SQL writes, which the audit subscriber does not see). */
  audit(entry: AuditEntry): Promise<void> {
    return recordAudit(this.em, entry);
  }
}

/** The evaluations' SQL: their transactions, locks and lookups (EvaluationsService and EvaluationFreezerService hold the rules). */
@Injectable()
export class EvaluationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Runs `work` in one transaction (READ COMMITTED): all of it commits, or none. */
  transaction<T>(work: (tx: EvaluationWrites) => Promise<T>): Promise<T> {
    return this.db.transaction((em) => work(new EvaluationWrites(em)));
  }

  /** What opening an evaluation checks its cut-off against. */
  planDates(planId: string): Promise<Pick<Plan, 'id' | 'startDate' | 'timeZone'> | null> {
    return this.db.manager.findOne(Plan, { select: { id: true, startDate: true, timeZone: true }, where: { id: planId } });
  }

  planExists(planId: string): Promise<boolean> {
    return this.db.manager.existsBy(Plan, { id: planId });
  }

  /** One page of the plan's evaluations, newest first, and how many there are. */
  page(planId: string, skip: number, take: number): Promise<[EvaluationSummary[], number]> {
    return this.db.manager.findAndCount(Evaluation, {
      select: SUMMARY_COLUMNS,
      where: { planId },
      order: { openedAt: 'DESC', id: 'ASC' },
      skip,
      take,
    });
  }

  evaluation(id: string): Promise<Evaluation | null> {
    return this.db.manager.findOneBy(Evaluation, { id });
  }

  /** What a freeze reads first, outside any transaction. */
  toFreeze(id: string): Promise<EvaluationToFreeze | null> {
    return this.db.manager.findOne(Evaluation, { select: { id: true, planId: true, cutoff: true, state: true }, where: { id } });
  }

  /** The committee's assessments, in the order they were first written. */
  assessments(evaluationId: string): Promise<AssessmentView[]> {
    return this.db.manager.query<AssessmentView[]>(
      `SELECT id, objective_id AS "objectiveId", rating, comment, recommendations, updated_by AS "updatedBy", updated_at AS "updatedAt"
           FROM evaluation_assessments WHERE evaluation_id = $1 ORDER BY created_at, objective_id`,
      [evaluationId],
    );
  }

  /** The evaluation's history, oldest first, with who did each step. */
  history(evaluationId: string): Promise<HistoryEntry[]> {
    return this.db.manager.query<HistoryEntry[]>(
      `SELECT e.at, e.action, e.user_id AS "userId", coalesce(u.display_name, u.email) AS "userName", e.detail
           FROM evaluation_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.evaluation_id = $1 ORDER BY e.at, e.action`,
      [evaluationId],
    );
  }

  /**
   * Of the plan's open or closed mid-terms with a cut-off on or before `cutoff`, the last one opened before `openedAt`
   * (EvaluationsService.get says why). Only each indicator's value, n and status are read out of its snapshot, in SQL.
   */
  async lastMidtermBefore(planId: string, cutoff: string, openedAt: Date): Promise<MidtermComparison | null> {
    const [row]: MidtermComparison[] = await this.db.query(
      `SELECT m.id, m.cutoff::text AS cutoff,
              coalesce((SELECT jsonb_object_agg(i->>'id', jsonb_build_object('value', i->'value', 'n', i->'n', 'status', i->'status'))
                          FROM jsonb_path_query(m.snapshot, '$.orientations[*].objectives[*].indicators[*]') i), '{}'::jsonb) AS indicators
         FROM evaluations m
        WHERE m.plan_id = $1 AND m.kind = 'midterm' AND m.state IN ('open', 'closed') AND m.cutoff <= $2 AND m.opened_at < $3
        ORDER BY m.opened_at DESC, m.cutoff DESC LIMIT 1`,
      [planId, cutoff, openedAt],
    );
    return row ?? null;
  }

  /**
   * Evaluations freezing since at least `graceSeconds` ago, oldest first, measured on the database's clock
   * (created_at's default) so that the processes' clocks do not matter.
   */
  async freezingSince(graceSeconds: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM evaluations WHERE state = 'freezing' AND created_at <= now() - make_interval(secs => $1)
        ORDER BY created_at`,
      [graceSeconds],
    );
    return rows.map((r) => r.id);
  }

  plan(planId: string): Promise<Plan | null> {
    return this.db.manager.findOneBy(Plan, { id: planId });
  }

  /** Per indicator, the evidence that existed at the cut-off (the end of its day in the plan's zone). */
  async evidenceAt(indicatorIds: string[], cutoff: string, timeZone: string): Promise<Map<string, EvidenceItem[]>> {
    return indicatorEvidence(this.db, indicatorIds, await cutoffInstant(this.db, cutoff, timeZone));
  }

  /** An archived indicator is left out (a new snapshot does not show it; a frozen one keeps what it froze). */
  async planTree(planId: string): Promise<PlanTree> {
    const em = this.db.manager;
    const where = { planId };
    const [orientations, objectives, indicators] = await Promise.all([
      em.find(Orientation, { where, order: { position: 'ASC', number: 'ASC' } }),
      em.find(Objective, { where, order: { position: 'ASC', code: 'ASC' } }),
      em.find(Indicator, { where: { planId, archivedAt: IsNull() }, order: { position: 'ASC', name: 'ASC' } }),
    ]);
    return { orientations, objectives, indicators };
  }
}
