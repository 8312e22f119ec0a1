import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '@backend/auth/auth.decorators';
import { ApiError } from '@backend/common/errors';
import { findOr404, findReferenced } from '@backend/common/lookup';
import { Organization } from '@backend/organizations/organization.entity';
import { CreatePartnershipDto, CreateWorkStepDto, UpdatePartnershipDto, UpdateWorkStepDto } from './dto/work-cell.dto';
import { Partnership } from './partnership.entity';
import { WorkCell } from './work-cell.entity';
import { WorkStep } from './work-step.entity';

/** Steps and partners of work cells. Partner staff keep the steps of the cells their organization is part of. */
@Injectable()
export class WorkStepsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async createStep(dto: CreateWorkStepDto, user: AuthUser): Promise<WorkStep> {
    await findReferenced(this.db.manager, WorkCell, dto.workCellId, 'workCellId');
    await this.assertMember(this.db.manager, dto.workCellId, user);
    const position = dto.position ?? (await this.db.manager.count(WorkStep, { where: { workCellId: dto.workCellId } }));
    return this.db.manager.save(this.db.manager.create(WorkStep, { ...dto, position }));
  }

  async updateStep(id: string, dto: UpdateWorkStepDto, user: AuthUser): Promise<WorkStep> {
    const step = await findOr404(this.db.manager, WorkStep, id, 'Work step');
    await this.assertMember(this.db.manager, step.workCellId, user);
    return this.db.manager.save(Object.assign(step, dto));
  }

  async removeStep(id: string, user: AuthUser): Promise<void> {
    const step = await findOr404(this.db.manager, WorkStep, id, 'Work step');
    await this.assertMember(this.db.manager, step.workCellId, user);
    await this.db.manager.remove(step);
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

  private async assertMember(em: EntityManager, workCellId: string, user: AuthUser): Promise<void> {
    if (user.role !== 'partner') return;
    const member = user.organizationId && (await em.exists(Partnership, { where: { workCellId, organizationId: user.organizationId } }));
    if (!member)
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', "A partner may only keep the steps of its own organization's work cells.");
  }
}
