import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import type { AuthUser } from '@backend/auth/auth.decorators';
import { ApiError, invalidField, notFound } from '@backend/common/errors';
import { Page, PageQueryDto, pageOf } from '@backend/common/pagination.dto';
import { todayIn } from '@backend/common/time-zone';
import type { ProgressStatus } from '@backend/aggregation/progress';
import { Plan } from '@backend/plans/plan.entity';
import { auditCreated, diff } from '@backend/audit/audit-diff';
import { recordAudit } from '@backend/audit/audit.service';
import { AssessmentDto } from './dto/assessment.dto';
import { CreateEvaluationDto } from './dto/create-evaluation.dto';
import { EvaluationEvent, EventDetail } from './evaluation-event.entity';
import type { AssessmentRating, EvaluationAction, EvaluationKind, EvaluationState } from './evaluation-kind';
import { EvaluationQueueService } from './evaluation-queue.service';
import type { EvaluationSnapshot } from './evaluation-snapshot';
import { Evaluation } from './evaluation.entity';

type AuditedAssessment = Pick<AssessmentView, 'rating' | 'comment' | 'recommendations'>;

export interface EvaluationSummary {
  id: string;
  planId: string;
  kind: EvaluationKind;
  cutoff: string;
  state: EvaluationState;
  openedBy: string;
  openedAt: Date;
  frozenAt: Date | null;
  closedBy: string | null;
  closedAt: Date | null;
}

export interface AssessmentView {
  objectiveId: string;
  rating: AssessmentRating;
  comment: string | null;
  recommendations: string | null;
  updatedBy: string;
  updatedAt: Date;
}

export interface HistoryEntry {
  at: Date;
  action: EvaluationAction;
  userId: string | null;
  userName: string | null;
  detail: EventDetail;
}

/** The mid-term a final is compared with: each indicator's value, n and status at the mid-term's cut-off. */
export interface MidtermComparison {
  id: string;
  cutoff: string;
  indicators: Record<string, { value: number | null; n: number | null; status: ProgressStatus }>;
}

export interface EvaluationDetail extends EvaluationSummary {
  snapshot: EvaluationSnapshot | null;
  assessments: AssessmentView[];
  history: HistoryEntry[];
  midterm?: MidtermComparison | null;
}

const SUMMARY_COLUMNS = {
  id: true,
  planId: true,
  kind: true,
  cutoff: true,
  state: true,
  openedBy: true,
  openedAt: true,
  frozenAt: true,
  closedBy: true,
  closedAt: true,
} as const;

const summaryOf = (e: Evaluation): EvaluationSummary => ({
  id: e.id,
  planId: e.planId,
  kind: e.kind,
  cutoff: e.cutoff,
  state: e.state,
  openedBy: e.openedBy,
  openedAt: e.openedAt,
  frozenAt: e.frozenAt,
  closedBy: e.closedBy,
  closedAt: e.closedAt,
});

@Injectable()
export class EvaluationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: EvaluationQueueService,
  ) {}

  async open(planId: string, dto: CreateEvaluationDto, user: AuthUser): Promise<EvaluationSummary> {
    const plan = await this.db.manager.findOne(Plan, { select: { id: true, startDate: true, timeZone: true }, where: { id: planId } });
    if (!plan) throw notFound('Plan', planId);
    // Today in the plan's time zone: a cut-off is a day of the people the plan serves, as its values' months are.
    const now = todayIn(plan.timeZone);
    if (dto.cutoff > now) throw invalidField('cutoff', `must not be after today (${now}): later data does not exist yet`);
    if (dto.cutoff < plan.startDate) throw invalidField('cutoff', `must not be before the plan's start (${plan.startDate})`);
    const evaluation = await this.db.transaction(async (em) => {
      // One evaluation of each kind not yet closed per plan: opens of the same plan wait for each other here, so two
      // at once cannot both find none open.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('evaluation-open:' || $1::text))`, [planId]);
      const [pending] = await em.find(Evaluation, {
        select: { id: true, cutoff: true, state: true },
        where: { planId, kind: dto.kind, state: Not('closed') },
        order: { openedAt: 'ASC' },
        take: 1,
      });
      if (pending) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'evaluation_already_open',
          `This plan already has a ${dto.kind} evaluation that is not closed (${pending.id}, cut-off ${pending.cutoff}, ${pending.state}): close it before opening another.`,
        );
      }
      const saved = await em.save(
        em.create(Evaluation, {
          planId,
          kind: dto.kind,
          cutoff: dto.cutoff,
          state: 'freezing',
          snapshot: null,
          frozenAt: null,
          openedBy: user.id,
          openedAt: new Date(),
          closedBy: null,
          closedAt: null,
        }),
      );
      await this.record(em, saved.id, user.id, 'opened', { kind: dto.kind, cutoff: dto.cutoff });
      return saved;
    });
    await this.queue.requestFreeze(evaluation.id);
    return summaryOf(evaluation);
  }

  async list(planId: string, q: PageQueryDto): Promise<Page<EvaluationSummary>> {
    if (!(await this.db.manager.existsBy(Plan, { id: planId }))) throw notFound('Plan', planId);
    const [rows, total] = await this.db.manager.findAndCount(Evaluation, {
      select: SUMMARY_COLUMNS,
      where: { planId },
      order: { openedAt: 'DESC', id: 'ASC' },
      skip: (q.page - 1) * q.limit,
      take: q.limit,
    });
    return pageOf(rows.map(summaryOf), total, q);
  }

  async get(id: string): Promise<EvaluationDetail> {
    const em = this.db.manager;
    const evaluation = await em.findOneBy(Evaluation, { id });
    if (!evaluation) throw notFound('Evaluation', id);
    const [assessments, history, midterm] = await Promise.all([
      em.query<AssessmentView[]>(
        `SELECT objective_id AS "objectiveId", rating, comment, recommendations, updated_by AS "updatedBy", updated_at AS "updatedAt"
           FROM evaluation_assessments WHERE evaluation_id = $1 ORDER BY created_at, objective_id`,
        [id],
      ),
      em.query<HistoryEntry[]>(
        `SELECT e.at, e.action, e.user_id AS "userId", coalesce(u.display_name, u.email) AS "userName", e.detail
           FROM evaluation_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.evaluation_id = $1 ORDER BY e.at, e.action`,
        [id],
      ),
      evaluation.kind === 'final' ? this.midtermOf(evaluation) : Promise.resolve(undefined),
    ]);
    return {
      ...summaryOf(evaluation),
      snapshot: evaluation.snapshot,
      assessments,
      history,
      ...(evaluation.kind === 'final' ? { midterm: midterm ?? null } : {}),
    };
  }

  /**
   * The mid-term a final is compared with: of the plan's open or closed mid-terms with a cut-off on or before the final's,
   * the last one opened before the final (one opened again to correct it replaces the first; one opened after the final
   * does not change what the final showed). Only each indicator's value, n and status are read out of its snapshot, in SQL.
   */
  private async midtermOf(final: Evaluation): Promise<MidtermComparison | null> {
    const [row]: MidtermComparison[] = await this.db.query(
      `SELECT m.id, m.cutoff::text AS cutoff,
              coalesce((SELECT jsonb_object_agg(i->>'id', jsonb_build_object('value', i->'value', 'n', i->'n', 'status', i->'status'))
                          FROM jsonb_path_query(m.snapshot, '$.orientations[*].objectives[*].indicators[*]') i), '{}'::jsonb) AS indicators
         FROM evaluations m
        WHERE m.plan_id = $1 AND m.kind = 'midterm' AND m.state IN ('open', 'closed') AND m.cutoff <= $2 AND m.opened_at < $3
        ORDER BY m.opened_at DESC, m.cutoff DESC LIMIT 1`,
      [final.planId, final.cutoff, final.openedAt],
    );
    return row ?? null;
  }

  async assess(id: string, objectiveId: string, dto: AssessmentDto, user: AuthUser): Promise<AssessmentView> {
    return this.db.transaction(async (em) => {
      // The row lock orders an assessment and a close: none lands on an evaluation once it is closed.
      const [evaluation]: { state: EvaluationState; has_objective: boolean }[] = await em.query(
        `SELECT state, snapshot IS NOT NULL AND jsonb_path_exists(snapshot, '$.orientations[*].objectives[*] ? (@.id == $id)', jsonb_build_object('id', $2::text)) AS has_objective
           FROM evaluations WHERE id = $1 FOR UPDATE`,
        [id, objectiveId],
      );
      if (!evaluation) throw notFound('Evaluation', id);
      this.assertWritable(id, evaluation.state);
      if (!evaluation.has_objective) {
        throw new ApiError(
          HttpStatus.NOT_FOUND,
          'not_found',
          `Objective ${objectiveId} is not among the objectives of evaluation ${id}'s plan`,
        );
      }
      const [before]: (AuditedAssessment & { id: string })[] = await em.query(
        'SELECT id, rating, comment, recommendations FROM evaluation_assessments WHERE evaluation_id = $1 AND objective_id = $2',
        [id, objectiveId],
      );
      const [saved]: AssessmentView[] = await em.query(
        `INSERT INTO evaluation_assessments (evaluation_id, objective_id, rating, comment, recommendations, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (evaluation_id, objective_id) DO UPDATE
           SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, recommendations = EXCLUDED.recommendations,
               updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING objective_id AS "objectiveId", rating, comment, recommendations, updated_by AS "updatedBy", updated_at AS "updatedAt"`,
        [id, objectiveId, dto.rating, dto.comment ?? null, dto.recommendations ?? null, user.id],
      );
      await this.record(em, id, user.id, 'assessed', { objectiveId, rating: dto.rating });
      await this.auditAssessment(em, id, objectiveId, before, saved);
      return saved;
    });
  }

  async close(id: string, user: AuthUser): Promise<EvaluationSummary> {
    return this.db.transaction(async (em) => {
      const evaluation = await em.findOne(Evaluation, { select: SUMMARY_COLUMNS, where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!evaluation) throw notFound('Evaluation', id);
      this.assertWritable(id, evaluation.state);
      const closedAt = new Date();
      await em.update(Evaluation, { id }, { state: 'closed', closedBy: user.id, closedAt });
      await recordAudit(em, {
        action: 'update',
        entityType: 'evaluation',
        entityId: id,
        changes: diff(
          { state: evaluation.state, closedBy: evaluation.closedBy, closedAt: evaluation.closedAt },
          { state: 'closed', closedBy: user.id, closedAt },
          ['state', 'closedBy', 'closedAt'],
        ),
      });
      await this.record(em, id, user.id, 'closed', {});
      return summaryOf({ ...evaluation, state: 'closed', closedBy: user.id, closedAt });
    });
  }

  private assertWritable(id: string, state: EvaluationState): void {
    if (state === 'freezing') {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'evaluation_freezing',
        `Evaluation ${id} is still being frozen: its snapshot is not there yet, try again shortly.`,
      );
    }
    if (state === 'closed') {
      throw new ApiError(HttpStatus.CONFLICT, 'evaluation_closed', `Evaluation ${id} is closed: it is read-only.`);
    }
  }

  /** The assessment's audit event (its upsert is SQL, which the audit subscriber does not see). */
  private async auditAssessment(
    em: EntityManager,
    evaluationId: string,
    objectiveId: string,
    before: (AuditedAssessment & { id: string }) | undefined,
    after: AuditedAssessment,
  ): Promise<void> {
    const fields = ['rating', 'comment', 'recommendations'] as const;
    const now: Record<string, unknown> = { rating: after.rating, comment: after.comment, recommendations: after.recommendations };
    if (before) {
      const changes = diff({ ...before }, now, fields);
      if (Object.keys(changes).length > 0)
        await recordAudit(em, { action: 'update', entityType: 'assessment', entityId: before.id, changes });
      return;
    }
    const [{ id }]: { id: string }[] = await em.query(
      'SELECT id FROM evaluation_assessments WHERE evaluation_id = $1 AND objective_id = $2',
      [evaluationId, objectiveId],
    );
    await recordAudit(em, {
      action: 'create',
      entityType: 'assessment',
      entityId: id,
      changes: auditCreated({ evaluationId, objectiveId, ...now }),
    });
  }

  private async record(
    em: EntityManager,
    evaluationId: string,
    userId: string | null,
    action: EvaluationAction,
    detail: EventDetail,
  ): Promise<void> {
    await em.insert(EvaluationEvent, { evaluationId, userId, action, detail });
  }
}
