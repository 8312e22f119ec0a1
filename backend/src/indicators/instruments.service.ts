import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findInPlan, findOr404, findReferenced, listPlanParts } from '@backend/common/lookup';
import { Action } from '@backend/plans/action.entity';
import { PlanPartQueryDto } from '@backend/plans/dto/orientation.dto';
import { Plan } from '@backend/plans/plan.entity';
import { CreateInstrumentDto, UpdateInstrumentDto } from './dto/instrument.dto';
import { Instrument } from './instrument.entity';

@Injectable()
export class InstrumentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(q: PlanPartQueryDto) {
    return listPlanParts(this.db.manager, Instrument, q);
  }
  get(id: string) {
    return findOr404(this.db.manager, Instrument, id, 'Instrument');
  }

  async create(dto: CreateInstrumentDto): Promise<Instrument> {
    const em = this.db.manager;
    await findReferenced(em, Plan, dto.planId, 'planId');
    if (dto.actionId) await findInPlan(em, Action, dto.actionId, dto.planId, 'actionId');
    return em.save(
      em.create(Instrument, { ...dto, actionId: dto.actionId ?? null, description: dto.description ?? null, position: dto.position ?? 0 }),
    );
  }

  async update(id: string, dto: UpdateInstrumentDto): Promise<Instrument> {
    const instrument = await this.get(id);
    if (dto.actionId) await findInPlan(this.db.manager, Action, dto.actionId, instrument.planId, 'actionId');
    return this.db.manager.save(Object.assign(instrument, dto));
  }

  async remove(id: string): Promise<void> {
    await this.db.manager.remove(await this.get(id));
  }
}
