import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { invalidField, notFound } from '@backend/common/errors';
import { findInPlan, findOr404, findReferenced, listPlanParts } from '@backend/common/lookup';
import { Action } from '@backend/plans/action.entity';
import { ExpectedResult } from '@backend/plans/expected-result.entity';
import { Objective } from '@backend/plans/objective.entity';
import { AggregationQueueService } from '@backend/aggregation/aggregation-queue.service';
import { AuthUser } from '@backend/auth/auth.decorators';
import { recordAudit } from '@backend/audit/audit.service';
import { archiveRow, archivedWhere, refuseIfArchived, restoreRow } from '@backend/common/archive';
import { checkSource } from './check-source';
import { CreateIndicatorDto, IndicatorQueryDto, UpdateIndicatorDto } from './dto/indicator.dto';
import { CreateManualValueDto, ManualValueQueryDto } from './dto/manual-value.dto';
import { ManualValue } from './manual-value.entity';
import { Indicator } from './indicator.entity';
import { Instrument } from './instrument.entity';

export function indicatorView(i: Indicator) {
  const { instruments, objective: _o, action: _a, expectedResult: _e, ...rest } = i;
  return { ...rest, instrumentIds: (instruments ?? []).map((x) => x.id) };
}

@Injectable()
export class IndicatorsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly aggregation: AggregationQueueService,
  ) {}

  async list(q: IndicatorQueryDto, user?: AuthUser) {
    const page = await listPlanParts(this.db.manager, Indicator, q, { archivedAt: archivedWhere(q, user) });
    const withLinks = page.items.length
      ? await this.db.manager.find(Indicator, { where: { id: In(page.items.map((i) => i.id)) }, relations: { instruments: true } })
      : [];
    const byId = new Map(withLinks.map((i) => [i.id, i]));
    return { ...page, items: page.items.map((i) => indicatorView(byId.get(i.id) ?? i)) };
  }

  async get(id: string) {
    const indicator = await this.db.manager.findOne(Indicator, { where: { id }, relations: { instruments: true } });
    if (!indicator) throw notFound('Indicator', id);
    return indicatorView(indicator);
  }

  async create(dto: CreateIndicatorDto) {
    const id = await this.db.transaction(async (em) => {
      const objective = await findReferenced(em, Objective, dto.objectiveId, 'objectiveId');
      const { instrumentIds, ...rest } = dto;
      const indicator = em.create(Indicator, { ...rest, planId: objective.planId });
      await this.checkLinks(em, indicator);
      await checkSource(em, indicator.planId, indicator.kind, indicator.source ?? {});
      indicator.instruments = await this.instruments(em, indicator.planId, instrumentIds ?? []);
      return (await em.save(indicator)).id;
    });
    await this.aggregation.recompute([id]);
    return this.get(id);
  }

  async update(id: string, dto: UpdateIndicatorDto) {
    await this.db.transaction(async (em) => {
      const indicator = await findOr404(em, Indicator, id, 'Indicator');
      refuseIfArchived(indicator, 'Indicator');
      const { instrumentIds, ...rest } = dto;
      if (dto.objectiveId !== undefined) await findInPlan(em, Objective, dto.objectiveId, indicator.planId, 'objectiveId');
      Object.assign(indicator, rest);
      await this.checkLinks(em, indicator);
      await checkSource(em, indicator.planId, indicator.kind, indicator.source ?? {});
      if (instrumentIds) indicator.instruments = await this.instruments(em, indicator.planId, instrumentIds);
      const linkedBefore = instrumentIds ? await this.linkedInstruments(em, id) : [];
      await em.save(indicator);
      // The links are a join table the audit subscriber does not see: their change is recorded here, in this transaction.
      if (instrumentIds) {
        const linked = (indicator.instruments ?? []).map((x) => x.id).sort();
        if (linked.join() !== linkedBefore.join()) {
          await recordAudit(em, {
            action: 'update',
            entityType: 'indicator',
            entityId: id,
            planId: indicator.planId,
            changes: { instrumentIds: { from: linkedBefore, to: linked } },
          });
        }
      }
    });
    await this.aggregation.recompute([id]);
    return this.get(id);
  }

  async listManualValues(q: ManualValueQueryDto) {
    const [items, total] = await this.db.manager.findAndCount(ManualValue, {
      where: q.indicatorId ? { indicatorId: q.indicatorId } : {},
      order: { date: 'DESC', createdAt: 'DESC' },
      skip: (q.page - 1) * q.limit,
      take: q.limit,
    });
    return { items, total, page: q.page, limit: q.limit };
  }

  /** A value of a manual indicator, with its evidence; only manual indicators take them. */
  async addManualValue(dto: CreateManualValueDto, user: AuthUser): Promise<ManualValue> {
    const { indicatorId } = dto;
    const indicator = await findReferenced(this.db.manager, Indicator, indicatorId, 'indicatorId');
    if (indicator.kind !== 'manual') throw invalidField('indicatorId', 'only manual indicators take entered values');
    refuseIfArchived(indicator, 'Indicator');
    const saved = await this.db.manager.save(this.db.manager.create(ManualValue, { ...dto, enteredBy: user.id }));
    await this.aggregation.recompute([indicatorId]);
    return saved;
  }

  /**
   * « Delete » archives (README, « Nothing is erased »): hidden from lists, still read by id, in the plan's tree (with
   * `archivedAt`) and still computed (an evaluation frozen with it keeps it), but out of the plan's progress, dashboards
   * and the snapshots of evaluations opened after; an admin restores it.
   */
  async archive(id: string, user: AuthUser): Promise<void> {
    await archiveRow(this.db.manager, Indicator, id, 'Indicator', user);
  }

  async restore(id: string) {
    await restoreRow(this.db.manager, Indicator, id, 'Indicator');
    return this.get(id);
  }

  /** The action and expected result an indicator measures must be those of its own objective. */
  private async checkLinks(em: EntityManager, i: Indicator): Promise<void> {
    if (i.actionId) {
      const action = await findReferenced(em, Action, i.actionId, 'actionId');
      if (action.objectiveId !== i.objectiveId) throw invalidField('actionId', 'belongs to another objective');
    }
    if (i.expectedResultId) {
      const result = await findReferenced(em, ExpectedResult, i.expectedResultId, 'expectedResultId');
      if (result.objectiveId !== i.objectiveId) throw invalidField('expectedResultId', 'belongs to another objective');
    }
  }

  /** The instruments an indicator is linked to, sorted (as its audit events show them). */
  private async linkedInstruments(em: EntityManager, indicatorId: string): Promise<string[]> {
    const rows = await em.query<{ id: string }[]>('SELECT instrument_id AS id FROM indicator_instruments WHERE indicator_id = $1', [
      indicatorId,
    ]);
    return rows.map((r) => r.id).sort();
  }

  private async instruments(em: EntityManager, planId: string, ids: string[]): Promise<Instrument[]> {
    const found = ids.length ? await em.findBy(Instrument, { id: In(ids) }) : [];
    ids.forEach((id, n) => {
      const instrument = found.find((x) => x.id === id);
      if (!instrument) throw invalidField(`instrumentIds.${n}`, `no such instrument (${id})`);
      if (instrument.planId !== planId) throw invalidField(`instrumentIds.${n}`, 'belongs to another plan');
    });
    return found;
  }
}
