import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AggregationQueueService } from '@backend/aggregation/aggregation-queue.service';
import { appConfig } from '@backend/config/configuration';
import { invalidField, notFound } from '@backend/common/errors';
import { findReferenced } from '@backend/common/lookup';
import { Page, pageOf } from '@backend/common/pagination.dto';
import { archiveRow, archivedWhere, refuseIfArchived, restoreRow } from '@backend/common/archive';
import type { AuthUser } from '@backend/auth/auth.decorators';
import { Organization } from '@backend/organizations/organization.entity';
import { CreatePlanDto, PlanQueryDto, UpdatePlanDto } from './dto/plan.dto';
import { Plan } from './plan.entity';

const DAY = 86_400_000;

/** The midpoint of a plan, the default date of its mid-term evaluation. */
export function midpoint(startDate: string, endDate: string): string {
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const end = Date.parse(`${endDate}T00:00:00Z`);
  return new Date(start + Math.floor((end - start) / DAY / 2) * DAY).toISOString().slice(0, 10);
}

@Injectable()
export class PlansService {
  private readonly logger = new Logger(PlansService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Optional() private readonly aggregation?: AggregationQueueService,
  ) {}

  async list(q: PlanQueryDto, user?: AuthUser): Promise<Page<Plan>> {
    const [items, total] = await this.db.getRepository(Plan).findAndCount({
      where: { archivedAt: archivedWhere(q, user) },
      relations: { ownerOrganization: true },
      order: { startDate: 'DESC', title: 'ASC' },
      skip: (q.page - 1) * q.limit,
      take: q.limit,
    });
    return pageOf(items, total, q);
  }

  async get(id: string): Promise<Plan> {
    const plan = await this.db.getRepository(Plan).findOne({ where: { id }, relations: { ownerOrganization: true } });
    if (!plan) throw notFound('Plan', id);
    return plan;
  }

  async create(dto: CreatePlanDto, em: EntityManager = this.db.manager): Promise<Plan> {
    const plan = em.create(Plan, {
      ...dto,
      description: dto.description ?? null,
      ownerOrganizationId: dto.ownerOrganizationId ?? null,
      timeZone: dto.timeZone ?? this.app.defaultTimeZone,
      dataFrom: dto.dataFrom ?? null,
      dataUntil: dto.dataUntil ?? null,
    });
    await this.check(em, plan);
    return em.save(plan);
  }

  async update(id: string, dto: UpdatePlanDto): Promise<Plan> {
    const figuresChanged = await this.db.transaction(async (em) => {
      const plan = await em.findOne(Plan, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!plan) throw notFound('Plan', id);
      refuseIfArchived(plan, 'Plan');
      const before = { ...plan };
      // A new span without a new mid-term date moves the mid-term back to its midpoint.
      const spanChanged = dto.startDate !== undefined || dto.endDate !== undefined;
      Object.assign(plan, dto);
      if (spanChanged && dto.midtermDate === undefined) plan.midtermDate = midpoint(plan.startDate, plan.endDate);
      await this.check(em, plan);
      await em.save(plan);
      if (plan.timeZone !== before.timeZone) await this.moveResponsesToZone(em, plan);
      return (['startDate', 'timeZone', 'dataFrom', 'dataUntil'] as const).some((k) => plan[k] !== before[k]);
    });
    if (figuresChanged) await this.recomputeIndicators(id);
    return this.get(id);
  }

  /**
   * The plan's responses take the months of its new zone, in the same transaction: the change log's trigger records the
   * months left and entered, so the recompute reads them again.
   */
  private async moveResponsesToZone(em: EntityManager, plan: Plan): Promise<void> {
    await em.query(
      `UPDATE responses r SET answered_month = date_trunc('month', r.answered_at AT TIME ZONE $2)::date
         FROM questionnaires q
        WHERE q.plan_id = $1 AND r.questionnaire_id = q.id
          AND r.answered_month IS DISTINCT FROM date_trunc('month', r.answered_at AT TIME ZONE $2)::date`,
      [plan.id, plan.timeZone],
    );
  }

  /** Every indicator of the plan is computed again (a changed zone, data period or start); the reconcile catches up if Redis is away. */
  private async recomputeIndicators(planId: string): Promise<void> {
    const rows: { id: string }[] = await this.db.query('SELECT id FROM indicators WHERE plan_id = $1', [planId]);
    if (rows.length === 0 || !this.aggregation) return;
    await this.aggregation
      .recompute(rows.map((r) => r.id))
      .catch((err: Error) => this.logger.warn(`recompute of plan ${planId} not queued: ${err.message}`));
  }

  /**
   * « Delete » archives (README, « Nothing is erased »): the plan leaves the lists, keeps everything it holds (responses,
   * counts, evaluations, reports) and is still read by id; an admin restores it.
   */
  async archive(id: string, user: AuthUser): Promise<void> {
    await archiveRow(this.db.manager, Plan, id, 'Plan', user);
  }

  async restore(id: string): Promise<Plan> {
    await restoreRow(this.db.manager, Plan, id, 'Plan');
    return this.get(id);
  }

  private async check(em: EntityManager, plan: Plan): Promise<void> {
    if (plan.endDate < plan.startDate) throw invalidField('endDate', 'must not be before startDate');
    plan.midtermDate ??= midpoint(plan.startDate, plan.endDate);
    if (plan.midtermDate < plan.startDate || plan.midtermDate > plan.endDate) {
      throw invalidField('midtermDate', 'must fall between startDate and endDate');
    }
    if (plan.dataFrom && plan.dataUntil && plan.dataUntil < plan.dataFrom) throw invalidField('dataUntil', 'must not be before dataFrom');
    if (plan.dataFrom && plan.dataFrom > plan.endDate) throw invalidField('dataFrom', 'must not be after endDate');
    if (plan.dataUntil && plan.dataUntil < plan.startDate) throw invalidField('dataUntil', 'must not be before startDate');
    if (plan.ownerOrganizationId) await findReferenced(em, Organization, plan.ownerOrganizationId, 'ownerOrganizationId');
  }
}
