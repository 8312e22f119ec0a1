import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { refuseIfHoldsIndicators } from '@backend/common/archive';
import { invalidField } from '@backend/common/errors';
import { findInPlan, findOr404, findReferenced, listPlanParts } from '@backend/common/lookup';
import { CreateObjectiveDto, UpdateObjectiveDto } from './dto/objective.dto';
import { PlanPartQueryDto } from './dto/orientation.dto';
import { Objective } from './objective.entity';
import { Orientation } from './orientation.entity';

@Injectable()
export class ObjectivesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(q: PlanPartQueryDto) {
    return listPlanParts(this.db.manager, Objective, q);
  }
  get(id: string) {
    return findOr404(this.db.manager, Objective, id, 'Objective');
  }

  async create(dto: CreateObjectiveDto): Promise<Objective> {
    return this.db.transaction(async (em) => {
      const orientation = await findReferenced(em, Orientation, dto.orientationId, 'orientationId');
      const objective = em.create(Objective, {
        ...dto,
        planId: orientation.planId,
        parentId: dto.parentId ?? null,
        position: dto.position ?? 0,
      });
      await this.checkParent(em, objective);
      return em.save(objective);
    });
  }

  async update(id: string, dto: UpdateObjectiveDto): Promise<Objective> {
    return this.db.transaction(async (em) => {
      const objective = await findOr404(em, Objective, id, 'Objective');
      if (dto.orientationId !== undefined && dto.orientationId !== objective.orientationId) {
        // Moving an objective to another plan would strand its actions and indicators: refused.
        await findInPlan(em, Orientation, dto.orientationId, objective.planId, 'orientationId');
      }
      Object.assign(objective, dto);
      await this.checkParent(em, objective);
      return em.save(objective);
    });
  }

  /** Deleted for good, unless indicators hang under it (409 naming them: archiving is for plans and indicators). */
  async remove(id: string): Promise<void> {
    const row = await this.get(id);
    await refuseIfHoldsIndicators(this.db.manager, 'objective', id);
    await this.db.manager.remove(row);
  }

  private async checkParent(em: EntityManager, objective: Objective): Promise<void> {
    if (!objective.parentId) return;
    const parent = await findInPlan(em, Objective, objective.parentId, objective.planId, 'parentId');
    if (parent.orientationId !== objective.orientationId) throw invalidField('parentId', 'belongs to another orientation');
    // Walk up from the new parent: meeting this objective again would make a cycle.
    for (let at: Objective | null = parent; at; at = at.parentId ? await em.findOneBy(Objective, { id: at.parentId }) : null) {
      if (at.id === objective.id) throw invalidField('parentId', 'would nest the objective under itself');
    }
  }
}
