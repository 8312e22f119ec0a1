import { EntityManager } from 'typeorm';
import type { DemoOrientation } from '@backend/demo/demo-data.types';
import { classifyInstrument } from '@backend/indicators/classify-instrument';
import { Indicator } from '@backend/indicators/indicator.entity';
import { Instrument } from '@backend/indicators/instrument.entity';
import { OrganizationsService } from '@backend/organizations/organizations.service';
import { Action } from '@backend/plans/action.entity';
import { toScheduleColumns } from '@backend/plans/actions.service';
import { ExpectedResult } from '@backend/plans/expected-result.entity';
import { Objective } from '@backend/plans/objective.entity';
import { Orientation } from '@backend/plans/orientation.entity';
import { Plan } from '@backend/plans/plan.entity';
import { midpoint } from '@backend/plans/plans.service';

export interface PlanToWrite {
  readonly title: string;
  readonly description: string;
  readonly ownerName: string | null;
  readonly startDate: string;
  readonly endDate: string;
  readonly orientations: readonly DemoOrientation[];
}

export interface PlanCounts {
  orientations: number;
  objectives: number;
  actions: number;
  expectedResults: number;
  indicators: number;
  instruments: number;
}

export function countPlan(orientations: readonly DemoOrientation[]): PlanCounts {
  const objectives = orientations.flatMap((o) => o.objectives);
  const actions = objectives.flatMap((o) => o.actions);
  const sum = (f: (a: (typeof actions)[number]) => number) => actions.reduce((n, a) => n + f(a), 0);
  return {
    orientations: orientations.length,
    objectives: objectives.length,
    actions: actions.length,
    expectedResults: sum((a) => a.expectedResults.length),
    indicators: sum((a) => a.indicators.length),
    instruments: sum((a) => a.followUps.length),
  };
}

/**
 * Writes a plan's table as the Word documents lay it out, in the caller's transaction: each row an action of its
 * objective, its expected results, its success indicators as draft indicators, and its follow-up means as instruments
 * of the kind their wording says (« Questionnaire sur la fréquentation » → questionnaire…), which feed the indicators
 * of the same row. Used by the demo data and by imports alike, so both give the same plan; in `timeZone` (the demo's
 * America/Toronto, the deployment's DEFAULT_TIME_ZONE for an import).
 */
export async function writePlan(
  em: EntityManager,
  organizations: OrganizationsService,
  input: PlanToWrite,
  timeZone: string,
): Promise<Plan> {
  const owner = input.ownerName ? await organizations.findOrCreate(em, { name: input.ownerName }) : null;
  const plan = await em.save(
    em.create(Plan, {
      title: input.title,
      description: input.description,
      ownerOrganizationId: owner?.id ?? null,
      startDate: input.startDate,
      endDate: input.endDate,
      midtermDate: midpoint(input.startDate, input.endDate),
      timeZone,
    }),
  );
  const planId = plan.id;
  let position = 0;
  for (const o of input.orientations) {
    const orientation = await em.save(em.create(Orientation, { planId, number: o.number, title: o.title, position: o.number }));
    for (const [n, obj] of o.objectives.entries()) {
      const objective = await em.save(
        em.create(Objective, { planId, orientationId: orientation.id, code: obj.code, title: obj.title, position: n }),
      );
      for (const a of obj.actions) {
        position += 1;
        const action = await em.save(
          em.create(Action, {
            planId,
            objectiveId: objective.id,
            description: a.description,
            resources: a.resources,
            position,
            ...toScheduleColumns({ text: a.scheduleText }),
          }),
        );
        await em.save(
          a.expectedResults.map((text, i) =>
            em.create(ExpectedResult, { planId, objectiveId: objective.id, actionId: action.id, text, position: i }),
          ),
        );
        const instruments = await em.save(
          a.followUps.map((name, i) =>
            em.create(Instrument, { planId, actionId: action.id, kind: classifyInstrument(name), name, position: position * 100 + i }),
          ),
        );
        await em.save(
          a.indicators.map((name, i) =>
            em.create(Indicator, {
              planId,
              objectiveId: objective.id,
              actionId: action.id,
              name,
              kind: 'manual',
              status: 'draft',
              position: position * 100 + i,
              instruments,
            }),
          ),
        );
      }
    }
  }
  return plan;
}
