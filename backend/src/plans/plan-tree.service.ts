import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Indicator } from '@backend/indicators/indicator.entity';
import { Instrument } from '@backend/indicators/instrument.entity';
import { Action } from './action.entity';
import { actionView, ActionView, organizationRef } from './action.view';
import { ExpectedResult } from './expected-result.entity';
import { Objective } from './objective.entity';
import { Orientation } from './orientation.entity';
import { PlansService } from './plans.service';

type IndicatorView = Omit<Indicator, 'instruments' | 'objective' | 'action' | 'expectedResult'> & { instrumentIds: string[] };
type InstrumentView = Omit<Instrument, 'plan' | 'action'>;
type ActionNode = ActionView & { expectedResults: ExpectedResult[]; indicators: IndicatorView[]; instruments: InstrumentView[] };
interface ObjectiveNode {
  id: string;
  code: string;
  title: string;
  position: number;
  parentId: string | null;
  objectives: ObjectiveNode[];
  actions: ActionNode[];
  expectedResults: ExpectedResult[];
  indicators: IndicatorView[];
}

const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

/**
 * The whole plan, nested, in a fixed number of queries whatever its size: one per table, each filtered by
 * plan_id (hence the denormalized column), assembled in memory.
 */
@Injectable()
export class PlanTreeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly plans: PlansService,
  ) {}

  async tree(planId: string) {
    const plan = await this.plans.get(planId);
    const em = this.db.manager;
    const where = { planId };
    const [orientations, objectives, actions, results, indicators, instruments, links] = await Promise.all([
      em.find(Orientation, { where, order: { position: 'ASC', number: 'ASC' } }),
      em.find(Objective, { where, order: { position: 'ASC', code: 'ASC' } }),
      em.find(Action, { where, order: { position: 'ASC' }, relations: { responsibleOrganizations: true } }),
      em.find(ExpectedResult, { where, order: { position: 'ASC' } }),
      em.find(Indicator, { where, order: { position: 'ASC' } }),
      em.find(Instrument, { where, order: { position: 'ASC' } }),
      em.query<{ indicator_id: string; instrument_id: string }[]>(
        `SELECT ii.indicator_id, ii.instrument_id FROM indicator_instruments ii
           JOIN indicators i ON i.id = ii.indicator_id WHERE i.plan_id = $1`,
        [planId],
      ),
    ]);

    const instrumentIds = groupBy(links, (l) => l.indicator_id);
    const indicatorViews: IndicatorView[] = indicators.map((i) => ({
      ...i,
      instrumentIds: (instrumentIds.get(i.id) ?? []).map((l) => l.instrument_id),
    }));
    const resultsByAction = groupBy(results, (r) => r.actionId);
    const indicatorsByAction = groupBy(indicatorViews, (i) => i.actionId);
    const instrumentsByAction = groupBy(instruments, (i) => i.actionId);
    const actionsByObjective = groupBy(actions, (a) => a.objectiveId);
    const childrenOf = groupBy(objectives, (o) => o.parentId);
    const objectivesByOrientation = groupBy(
      objectives.filter((o) => !o.parentId),
      (o) => o.orientationId,
    );
    const looseResults = groupBy(
      results.filter((r) => !r.actionId),
      (r) => r.objectiveId,
    );
    const looseIndicators = groupBy(
      indicatorViews.filter((i) => !i.actionId),
      (i) => i.objectiveId,
    );

    const objectiveNode = (o: Objective): ObjectiveNode => ({
      id: o.id,
      code: o.code,
      title: o.title,
      position: o.position,
      parentId: o.parentId,
      objectives: (childrenOf.get(o.id) ?? []).sort(byPosition).map(objectiveNode),
      actions: (actionsByObjective.get(o.id) ?? []).map((a) => ({
        ...actionView(a),
        expectedResults: resultsByAction.get(a.id) ?? [],
        indicators: indicatorsByAction.get(a.id) ?? [],
        instruments: instrumentsByAction.get(a.id) ?? [],
      })),
      expectedResults: looseResults.get(o.id) ?? [],
      indicators: looseIndicators.get(o.id) ?? [],
    });

    return {
      id: plan.id,
      title: plan.title,
      description: plan.description,
      ownerOrganization: plan.ownerOrganization ? organizationRef(plan.ownerOrganization) : null,
      startDate: plan.startDate,
      endDate: plan.endDate,
      midtermDate: plan.midtermDate,
      timeZone: plan.timeZone,
      dataFrom: plan.dataFrom,
      dataUntil: plan.dataUntil,
      orientations: orientations.map((or) => ({
        id: or.id,
        number: or.number,
        title: or.title,
        position: or.position,
        objectives: (objectivesByOrientation.get(or.id) ?? []).map(objectiveNode),
      })),
      instruments,
    };
  }
}
