import { HttpStatus, Injectable } from '@nestjs/common';
import type { AuthUser } from '@backend/auth/auth.decorators';
import { auditCreated, diff } from '@backend/audit/audit-diff';
import { ApiError, invalidField, notFound } from '@backend/common/errors';
import { Page, PageQueryDto, pageOf } from '@backend/common/pagination.dto';
import { todayIn } from '@backend/common/time-zone';
import { AssessmentDto } from './dto/assessment.dto';
import { CreateEvaluationDto } from './dto/create-evaluation.dto';
import type { EvaluationState } from './evaluation-kind';
import { EvaluationQueueService } from './evaluation-queue.service';
import {
  summaryOf,
  type AssessmentView,
  type AuditedAssessment,
  type EvaluationDetail,
  type EvaluationSummary,
  type MidtermComparison,
} from './evaluation-views';
import type { Evaluation } from './evaluation.entity';
import { EvaluationsRepository, EvaluationWrites } from './evaluations.repository';

export type { AssessmentView, EvaluationDetail, EvaluationSummary, HistoryEntry, MidtermComparison } from './evaluation-views';

/**
 * Opens, shows, assesses and closes evaluations: the rules (the cut-off's bounds, one evaluation of each kind not
 * closed per plan, what may be written in which state, the mid-term a final is compared with, what is audited); every
 * query, transaction and lock is EvaluationsRepository's.
 */
@Injectable()
export class EvaluationsService {
  constructor(
    private readonly repository: EvaluationsRepository,
    private readonly queue: EvaluationQueueService,
  ) {}

  async open(planId: string, dto: CreateEvaluationDto, user: AuthUser): Promise<EvaluationSummary> {
    const plan = await this.repository.planDates(planId);
    if (!plan) throw notFound('Plan', planId);
    // Today in the plan's time zone: a cut-off is a day of the people the plan serves, as its values' months are.
    const now = todayIn(plan.timeZone);
    if (dto.cutoff > now) throw invalidField('cutoff', `must not be after today (${now}): later data does not exist yet`);
    if (dto.cutoff < plan.startDate) throw invalidField('cutoff', `must not be before the plan's start (${plan.startDate})`);
    const evaluation = await this.repository.transaction(async (tx) => {
      // One evaluation of each kind not yet closed per plan: the lock makes two opens at once take turns.
      await tx.lockOpensOf(planId);
      const pending = await tx.notClosed(planId, dto.kind);
      if (pending) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'evaluation_already_open',
          `This plan already has a ${dto.kind} evaluation that is not closed (${pending.id}, cut-off ${pending.cutoff}, ${pending.state}): close it before opening another.`,
        );
      }
      const saved = await tx.insert({
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
      });
      await tx.recordEvent(saved.id, user.id, 'opened', { kind: dto.kind, cutoff: dto.cutoff });
      return saved;
    });
    // Once committed: the workers' freeze must find the row.
    await this.queue.requestFreeze(evaluation.id);
    return summaryOf(evaluation);
  }

  async list(planId: string, q: PageQueryDto): Promise<Page<EvaluationSummary>> {
    if (!(await this.repository.planExists(planId))) throw notFound('Plan', planId);
    const [rows, total] = await this.repository.page(planId, (q.page - 1) * q.limit, q.limit);
    return pageOf(rows.map(summaryOf), total, q);
  }

  async get(id: string): Promise<EvaluationDetail> {
    const evaluation = await this.repository.evaluation(id);
    if (!evaluation) throw notFound('Evaluation', id);
    const [assessments, history, midterm] = await Promise.all([
      this.repository.assessments(id),
      this.repository.history(id),
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
   * does not change what the final showed).
   */
  private midtermOf(final: Evaluation): Promise<MidtermComparison | null> {
    return this.repository.lastMidtermBefore(final.planId, final.cutoff, final.openedAt);
  }

  async assess(id: string, objectiveId: string, dto: AssessmentDto, user: AuthUser): Promise<AssessmentView> {
    return this.repository.transaction(async (tx) => {
      // The row lock orders an assessment and a close: none lands on an evaluation once it is closed.
      const evaluation = await tx.lockForAssessment(id, objectiveId);
      if (!evaluation) throw notFound('Evaluation', id);
      this.assertWritable(id, evaluation.state);
      if (!evaluation.hasObjective) {
        throw new ApiError(
          HttpStatus.NOT_FOUND,
          'not_found',
          `Objective ${objectiveId} is not among the objectives of evaluation ${id}'s plan`,
        );
      }
      const before = await tx.assessment(id, objectiveId);
      const fields = { rating: dto.rating, comment: dto.comment ?? null, recommendations: dto.recommendations ?? null };
      const saved = await tx.upsertAssessment(id, objectiveId, fields, user.id);
      await tx.recordEvent(id, user.id, 'assessed', { objectiveId, rating: dto.rating });
      await this.auditAssessment(tx, id, objectiveId, before, saved);
      return saved;
    });
  }

  async close(id: string, user: AuthUser): Promise<EvaluationSummary> {
    return this.repository.transaction(async (tx) => {
      const evaluation = await tx.lockSummary(id);
      if (!evaluation) throw notFound('Evaluation', id);
      this.assertWritable(id, evaluation.state);
      const closedAt = new Date();
      await tx.markClosed(id, user.id, closedAt);
      await tx.audit({
        action: 'update',
        entityType: 'evaluation',
        entityId: id,
        changes: diff(
          { state: evaluation.state, closedBy: evaluation.closedBy, closedAt: evaluation.closedAt },
          { state: 'closed', closedBy: user.id, closedAt },
          ['state', 'closedBy', 'closedAt'],
        ),
      });
      await tx.recordEvent(id, user.id, 'closed', {});
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
    tx: EvaluationWrites,
    evaluationId: string,
    objectiveId: string,
    before: (AuditedAssessment & { id: string }) | undefined,
    after: AuditedAssessment,
  ): Promise<void> {
    const fields = ['rating', 'comment', 'recommendations'] as const;
    const now: Record<string, unknown> = { rating: after.rating, comment: after.comment, recommendations: after.recommendations };
    if (before) {
      const changes = diff({ ...before }, now, fields);
      if (Object.keys(changes).length > 0) await tx.audit({ action: 'update', entityType: 'assessment', entityId: before.id, changes });
      return;
    }
    await tx.audit({
      action: 'create',
      entityType: 'assessment',
      entityId: await tx.assessmentId(evaluationId, objectiveId),
      changes: auditCreated({ evaluationId, objectiveId, ...now }),
    });
  }
}
