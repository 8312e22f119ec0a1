import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { classifyInstrument } from '@backend/indicators/classify-instrument';
import { Indicator } from '@backend/indicators/indicator.entity';
import { Instrument } from '@backend/indicators/instrument.entity';
import { parseNetwork, splitNameAndAcronym } from '@backend/organizations/normalize-organization-name';
import { OrganizationsService } from '@backend/organizations/organizations.service';
import { Action } from '@backend/plans/action.entity';
import { toScheduleColumns } from '@backend/plans/actions.service';
import { ExpectedResult } from '@backend/plans/expected-result.entity';
import { Objective } from '@backend/plans/objective.entity';
import { Orientation } from '@backend/plans/orientation.entity';
import { Plan } from '@backend/plans/plan.entity';
import { midpoint } from '@backend/plans/plans.service';
import { parseFrenchPeriod } from '@backend/plans/schedule/parse-schedule';
import { hashPassword } from '@backend/users/password';
import { User } from '@backend/users/user.entity';
import { Partnership } from '@backend/work-cells/partnership.entity';
import { WorkCell } from '@backend/work-cells/work-cell.entity';
import { WorkStep } from '@backend/work-cells/work-step.entity';
import { DemoPlan, DemoWorkCell } from './demo-data.types';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { LAVAL_PRDS_PLAN } from './laval-prds-plan';
import { LAVAL_WORK_CELLS } from './laval-work-cells';
import { PARC_EXTENSION_PLAN } from './parc-extension-plan';
import { WELCOME_DAY_SLUG } from './welcome-day-questionnaire';
import { seedWelcomeDay } from './welcome-day.seeder';

// Any constant works: it only keeps two seeds started at once from interleaving.
const SEED_LOCK = 7_342_001;

/**
 * Loads the seeds' documents as data: the Parc-Extension plan, the Laval PRDS plan and its three work cells,
 * the organizations they name, the demo users, and the Welcome Day questionnaire with its responses. Idempotent: what exists (same title, name or email) is
 * left as it is, so a second run changes nothing.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly aggregation: AggregationService,
  ) {}

  async seed(): Promise<{ created: string[] }> {
    const result = await this.db.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      const created: string[] = [];
      for (const plan of [PARC_EXTENSION_PLAN, LAVAL_PRDS_PLAN]) {
        if (await this.seedPlan(em, plan)) created.push(`plan « ${plan.title} »`);
      }
      const parcEx = await em.findOneByOrFail(Plan, { title: PARC_EXTENSION_PLAN.title });
      if (await seedWelcomeDay(em, parcEx.id, parcEx.ownerOrganizationId)) created.push(`questionnaire « ${WELCOME_DAY_SLUG} » with responses and counts`);
      for (const cell of LAVAL_WORK_CELLS) {
        if (await this.seedWorkCell(em, cell)) created.push(`work cell « ${cell.name} »`);
      }
      for (const user of DEMO_USERS) {
        if (await em.existsBy(User, { email: user.email })) continue;
        const organization = user.organization ? await this.organizations.findOrCreate(em, { name: user.organization }) : null;
        await em.save(em.create(User, {
          email: user.email, role: user.role, displayName: user.displayName,
          passwordHash: await hashPassword(DEMO_PASSWORD), organizationId: organization?.id ?? null,
        }));
        created.push(`user ${user.email}`);
      }
      this.logger.log(created.length ? `Demo data: created ${created.join(', ')}` : 'Demo data already loaded');
      return { created };
    });
    // The values are derived data: computed from what was just committed, as the workers would.
    const plan = await this.db.manager.findOneByOrFail(Plan, { title: PARC_EXTENSION_PLAN.title });
    for (const indicatorId of await this.aggregation.stale(plan.id)) await this.aggregation.recompute(indicatorId);
    return result;
  }

  private async seedPlan(em: EntityManager, demo: DemoPlan): Promise<boolean> {
    if (await em.existsBy(Plan, { title: demo.title })) return false;
    const owner = demo.owner ? await this.organizations.findOrCreate(em, { name: demo.owner.name, acronym: demo.owner.acronym ?? null }) : null;
    const plan = await em.save(em.create(Plan, {
      title: demo.title, description: demo.description, ownerOrganizationId: owner?.id ?? null,
      startDate: demo.startDate, endDate: demo.endDate, midtermDate: midpoint(demo.startDate, demo.endDate),
    }));
    const planId = plan.id;
    let position = 0;
    for (const o of demo.orientations) {
      const orientation = await em.save(em.create(Orientation, { planId, number: o.number, title: o.title, position: o.number }));
      for (const [n, obj] of o.objectives.entries()) {
        const objective = await em.save(em.create(Objective, { planId, orientationId: orientation.id, code: obj.code, title: obj.title, position: n }));
        for (const a of obj.actions) {
          position += 1;
          const action = await em.save(em.create(Action, {
            planId, objectiveId: objective.id, description: a.description, resources: a.resources, position,
            ...toScheduleColumns({ text: a.scheduleText }),
          }));
          await em.save(a.expectedResults.map((text, i) => em.create(ExpectedResult, { planId, objectiveId: objective.id, actionId: action.id, text, position: i })));
          // One row of the Word table names its follow-up means beside its indicators: they feed them.
          const instruments = await em.save(a.followUps.map((name, i) => em.create(Instrument, { planId, actionId: action.id, kind: classifyInstrument(name), name, position: position * 100 + i })));
          await em.save(a.indicators.map((name, i) => em.create(Indicator, {
            planId, objectiveId: objective.id, actionId: action.id, name, kind: 'manual', status: 'draft', position: position * 100 + i, instruments,
          })));
        }
      }
    }
    return true;
  }

  private async seedWorkCell(em: EntityManager, demo: DemoWorkCell): Promise<boolean> {
    if (await em.existsBy(WorkCell, { name: demo.name })) return false;
    const objective = await em.createQueryBuilder(Objective, 'o').innerJoin(Plan, 'p', 'p.id = o.plan_id')
      .where('o.code = :code AND p.title = :title', { code: demo.objectiveCode, title: LAVAL_PRDS_PLAN.title }).getOne();
    const cell = await em.save(em.create(WorkCell, {
      name: demo.name, objectiveId: objective?.id ?? null, objectiveText: demo.objectiveText,
      startDate: parseFrenchPeriod(demo.startDateText, 'start'), startDateText: demo.startDateText,
      mandate: demo.mandate, contact: demo.contact, partnersNote: demo.partnersNote,
    }));
    await em.save(demo.steps.map((s, position) => em.create(WorkStep, {
      workCellId: cell.id, position, text: s.text, done: s.done, phase: s.phase,
      date: s.dateText ? parseFrenchPeriod(s.dateText, 'start') : null,
    })));
    for (const [position, p] of demo.partners.entries()) {
      const network = parseNetwork(p.network);
      const organization = await this.organizations.findOrCreate(em, { ...splitNameAndAcronym(p.organization), network, sector: p.sector });
      await em.save(em.create(Partnership, { workCellId: cell.id, organizationId: organization.id, network, sector: p.sector, position }));
    }
    return true;
  }
}
