import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { invalidField, notFound } from '@backend/common/errors';
import { findOr404, findReferenced, listPlanParts } from '@backend/common/lookup';
import { Organization } from '@backend/organizations/organization.entity';
import { Action } from './action.entity';
import { CreateActionDto, ScheduleDto, UpdateActionDto } from './dto/action.dto';
import { PlanPartQueryDto } from './dto/orientation.dto';
import { Objective } from './objective.entity';
import { parseSchedule } from './schedule/parse-schedule';

type ScheduleColumns = Pick<Action, 'scheduleKind' | 'scheduleDate' | 'scheduleRecurrence' | 'scheduleText'>;

/** A schedule given only as text is parsed; one given with its kind must carry what that kind needs. */
export function toScheduleColumns(s: ScheduleDto): ScheduleColumns {
  if (!s.kind) {
    const parsed = parseSchedule(s.text);
    return { scheduleKind: parsed.kind, scheduleDate: parsed.date, scheduleRecurrence: parsed.recurrence, scheduleText: s.text.trim() };
  }
  if (s.kind === 'date' && !s.date) throw invalidField('schedule.date', 'is required when schedule.kind is date');
  if (s.kind === 'recurrence' && !s.recurrence) throw invalidField('schedule.recurrence', 'is required when schedule.kind is recurrence');
  return {
    scheduleKind: s.kind,
    scheduleDate: s.kind === 'date' ? (s.date ?? null) : null,
    scheduleRecurrence: s.kind === 'recurrence' ? (s.recurrence ?? null) : null,
    scheduleText: s.text.trim(),
  };
}

@Injectable()
export class ActionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(q: PlanPartQueryDto) {
    return listPlanParts(this.db.manager, Action, q);
  }

  async get(id: string): Promise<Action> {
    const action = await this.db.getRepository(Action).findOne({ where: { id }, relations: { responsibleOrganizations: true } });
    if (!action) throw notFound('Action', id);
    return action;
  }

  async create(dto: CreateActionDto): Promise<Action> {
    const id = await this.db.transaction(async (em) => {
      const objective = await findReferenced(em, Objective, dto.objectiveId, 'objectiveId');
      const { schedule, responsibleOrganizationIds, ...rest } = dto;
      const action = em.create(Action, {
        ...rest,
        ...toScheduleColumns(schedule ?? { text: '' }),
        planId: objective.planId,
        resources: dto.resources ?? null,
        values: dto.values ?? [],
        position: dto.position ?? 0,
        responsibleOrganizations: await this.organizations(em, responsibleOrganizationIds ?? []),
      });
      return (await em.save(action)).id;
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateActionDto): Promise<Action> {
    await this.db.transaction(async (em) => {
      const action = await em.findOne(Action, { where: { id }, relations: { responsibleOrganizations: true } });
      if (!action) throw notFound('Action', id);
      const { schedule, responsibleOrganizationIds, ...rest } = dto;
      if (dto.objectiveId !== undefined) {
        const objective = await findReferenced(em, Objective, dto.objectiveId, 'objectiveId');
        if (objective.planId !== action.planId) throw invalidField('objectiveId', 'belongs to another plan');
      }
      Object.assign(action, rest, schedule ? toScheduleColumns(schedule) : {});
      if (responsibleOrganizationIds) action.responsibleOrganizations = await this.organizations(em, responsibleOrganizationIds);
      await em.save(action);
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.db.manager.remove(await findOr404(this.db.manager, Action, id, 'Action'));
  }

  private async organizations(em: EntityManager, ids: string[]): Promise<Organization[]> {
    if (ids.length === 0) return [];
    const found = await em.findBy(Organization, { id: In(ids) });
    const missing = ids.findIndex((id) => !found.some((o) => o.id === id));
    if (missing >= 0) throw invalidField(`responsibleOrganizationIds.${missing}`, `no such organization (${ids[missing]})`);
    return found;
  }
}
