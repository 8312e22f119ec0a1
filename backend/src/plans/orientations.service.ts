import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { refuseIfHoldsIndicators } from '@backend/common/archive';
import { findOr404, findReferenced, listPlanParts } from '@backend/common/lookup';
import { CreateOrientationDto, PlanPartQueryDto, UpdateOrientationDto } from './dto/orientation.dto';
import { Orientation } from './orientation.entity';
import { Plan } from './plan.entity';

@Injectable()
export class OrientationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(q: PlanPartQueryDto) {
    return listPlanParts(this.db.manager, Orientation, q);
  }
  get(id: string) {
    return findOr404(this.db.manager, Orientation, id, 'Orientation');
  }

  async create(dto: CreateOrientationDto): Promise<Orientation> {
    await findReferenced(this.db.manager, Plan, dto.planId, 'planId');
    return this.db.manager.save(this.db.manager.create(Orientation, { ...dto, position: dto.position ?? dto.number }));
  }

  async update(id: string, dto: UpdateOrientationDto): Promise<Orientation> {
    const orientation = await this.get(id);
    return this.db.manager.save(Object.assign(orientation, dto));
  }

  /** Deleted for good, unless indicators hang under it (409 naming them: archiving is for plans and indicators). */
  async remove(id: string): Promise<void> {
    const row = await this.get(id);
    await refuseIfHoldsIndicators(this.db.manager, 'orientation', id);
    await this.db.manager.remove(row);
  }
}
