import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { invalidField, notFound } from '@backend/common/errors';
import { findOr404, findReferenced } from '@backend/common/lookup';
import { Page, PageQueryDto, pageOf } from '@backend/common/pagination.dto';
import { Organization } from '@backend/organizations/organization.entity';
import { CreatePlanDto, UpdatePlanDto } from './dto/plan.dto';
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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(q: PageQueryDto): Promise<Page<Plan>> {
    const [items, total] = await this.db.getRepository(Plan).findAndCount({
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
    const plan = em.create(Plan, { ...dto, description: dto.description ?? null, ownerOrganizationId: dto.ownerOrganizationId ?? null });
    await this.check(em, plan);
    return em.save(plan);
  }

  async update(id: string, dto: UpdatePlanDto): Promise<Plan> {
    const plan = await findOr404(this.db.manager, Plan, id, 'Plan');
    // A new span without a new mid-term date moves the mid-term back to its midpoint.
    const spanChanged = dto.startDate !== undefined || dto.endDate !== undefined;
    Object.assign(plan, dto);
    if (spanChanged && dto.midtermDate === undefined) plan.midtermDate = midpoint(plan.startDate, plan.endDate);
    await this.check(this.db.manager, plan);
    await this.db.manager.save(plan);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.db.manager.remove(await findOr404(this.db.manager, Plan, id, 'Plan'));
  }

  private async check(em: EntityManager, plan: Plan): Promise<void> {
    if (plan.endDate < plan.startDate) throw invalidField('endDate', 'must not be before startDate');
    plan.midtermDate ??= midpoint(plan.startDate, plan.endDate);
    if (plan.midtermDate < plan.startDate || plan.midtermDate > plan.endDate) {
      throw invalidField('midtermDate', 'must fall between startDate and endDate');
    }
    if (plan.ownerOrganizationId) await findReferenced(em, Organization, plan.ownerOrganizationId, 'ownerOrganizationId');
  }
}
