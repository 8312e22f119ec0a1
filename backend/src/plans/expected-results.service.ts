import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { invalidField } from '@backend/common/errors';
import { findOr404, findReferenced, listPlanParts } from '@backend/common/lookup';
import { Action } from './action.entity';
import { CreateExpectedResultDto, UpdateExpectedResultDto } from './dto/expected-result.dto';
import { PlanPartQueryDto } from './dto/orientation.dto';
import { ExpectedResult } from './expected-result.entity';
import { Objective } from './objective.entity';

@Injectable()
export class ExpectedResultsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(q: PlanPartQueryDto) {
    return listPlanParts(this.db.manager, ExpectedResult, q);
  }
  get(id: string) {
    return findOr404(this.db.manager, ExpectedResult, id, 'Expected result');
  }

  async create(dto: CreateExpectedResultDto): Promise<ExpectedResult> {
    const em = this.db.manager;
    const objective = await findReferenced(em, Objective, dto.objectiveId, 'objectiveId');
    const result = em.create(ExpectedResult, {
      ...dto,
      planId: objective.planId,
      actionId: dto.actionId ?? null,
      position: dto.position ?? 0,
    });
    await this.checkAction(em, result);
    return em.save(result);
  }

  async update(id: string, dto: UpdateExpectedResultDto): Promise<ExpectedResult> {
    const em = this.db.manager;
    const result = await this.get(id);
    if (dto.objectiveId !== undefined) {
      const objective = await findReferenced(em, Objective, dto.objectiveId, 'objectiveId');
      if (objective.planId !== result.planId) throw invalidField('objectiveId', 'belongs to another plan');
    }
    Object.assign(result, dto);
    await this.checkAction(em, result);
    return em.save(result);
  }

  async remove(id: string): Promise<void> {
    await this.db.manager.remove(await this.get(id));
  }

  private async checkAction(em: EntityManager, result: ExpectedResult): Promise<void> {
    if (!result.actionId) return;
    const action = await findReferenced(em, Action, result.actionId, 'actionId');
    if (action.objectiveId !== result.objectiveId) throw invalidField('actionId', 'belongs to another objective');
  }
}
