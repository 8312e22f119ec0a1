import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AggregationQueueService } from '@backend/aggregation/aggregation-queue.service';
import { AuthUser } from '@backend/auth/auth.decorators';
import { ApiError } from '@backend/common/errors';
import { findOr404, findReferenced } from '@backend/common/lookup';
import { appConfig } from '@backend/config/configuration';
import { Organization } from '@backend/organizations/organization.entity';
import { CreatePartnershipDto, CreateWorkStepDto, UpdatePartnershipDto, UpdateWorkStepDto } from './dto/work-cell.dto';
import { Partnership } from './partnership.entity';
import { doneOnAfter, todayOfCell } from './step-done-on';
import { WorkCell } from './work-cell.entity';
import { WorkStep } from './work-step.entity';

/**
 * Steps and partners of work cells. Partner staff keep the steps of the cells their organization is part of. A step
 * ticked gets the day it was done (step-done-on.ts), and the indicators that read the cell's progress are recomputed.
 */
@Injectable()
export class WorkStepsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly aggregation: AggregationQueueService,
  ) {}

  async createStep(dto: CreateWorkStepDto, user: AuthUser): Promise<WorkStep> {
    await findReferenced(this.db.manager, WorkCell, dto.workCellId, 'workCellId');
    await this.assertMember(this.db.manager, dto.workCellId, user);
    this.assertMayDate(dto, user);
    const position = dto.position ?? (await this.db.manager.count(WorkStep, { where: { workCellId: dto.workCellId } }));
    const doneOn = doneOnAfter({ done: false, doneOn: null }, dto, await this.today(dto.workCellId));
    const step = await this.db.manager.save(this.db.manager.create(WorkStep, { ...dto, done: dto.done ?? false, doneOn, position }));
    await this.aggregation.workCellChanged(step.workCellId);
    return step;
  }

  async updateStep(id: string, dto: UpdateWorkStepDto, user: AuthUser): Promise<WorkStep> {
    const step = await findOr404(this.db.manager, WorkStep, id, 'Work step');
    await this.assertMember(this.db.manager, step.workCellId, user);
    this.assertMayDate(dto, user);
    const doneOn = doneOnAfter(step, dto, await this.today(step.workCellId));
    const saved = await this.db.manager.save(Object.assign(step, dto, { doneOn }));
    await this.aggregation.workCellChanged(saved.workCellId);
    return saved;
  }

  async removeStep(id: string, user: AuthUser): Promise<void> {
    const step = await findOr404(this.db.manager, WorkStep, id, 'Work step');
    await this.assertMember(this.db.manager, step.workCellId, user);
    await this.db.manager.remove(step);
    await this.aggregation.workCellChanged(step.workCellId);
  }

  async createPartnership(dto: CreatePartnershipDto): Promise<Partnership> {
    await findReferenced(this.db.manager, WorkCell, dto.workCellId, 'workCellId');
    await findReferenced(this.db.manager, Organization, dto.organizationId, 'organizationId');
    const position = dto.position ?? (await this.db.manager.count(Partnership, { where: { workCellId: dto.workCellId } }));
    return this.db.manager.save(this.db.manager.create(Partnership, { ...dto, position }));
  }

  async updatePartnership(id: string, dto: UpdatePartnershipDto): Promise<Partnership> {
    const partnership = await findOr404(this.db.manager, Partnership, id, 'Partnership');
    return this.db.manager.save(Object.assign(partnership, dto));
  }

  async removePartnership(id: string): Promise<void> {
    await this.db.manager.remove(await findOr404(this.db.manager, Partnership, id, 'Partnership'));
  }

  private today(workCellId: string): Promise<string> {
    return todayOfCell(this.db.manager, workCellId, this.app.defaultTimeZone);
  }

  private async assertMember(em: EntityManager, workCellId: string, user: AuthUser): Promise<void> {
    if (user.role !== 'partner') return;
    const member = user.organizationId && (await em.exists(Partnership, { where: { workCellId, organizationId: user.organizationId } }));
    if (!member)
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', "A partner may only keep the steps of its own organization's work cells.");
  }

  /** A partner ticks a step today; the day it was done is moved by those who keep the plan's figures (it dates them). */
  private assertMayDate(dto: { doneOn?: string | null }, user: AuthUser): void {
    if (user.role === 'partner' && dto.doneOn)
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'Only evaluators and admins may set the day a step was done.');
  }
}
