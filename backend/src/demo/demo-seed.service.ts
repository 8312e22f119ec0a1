import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { writePlan } from '@backend/imports/writers/plan-writer';
import { writeWorkCell } from '@backend/imports/writers/work-cell-writer';
import { Instrument } from '@backend/indicators/instrument.entity';
import { OrganizationsService } from '@backend/organizations/organizations.service';
import { Objective } from '@backend/plans/objective.entity';
import { Plan } from '@backend/plans/plan.entity';
import { hashPassword } from '@backend/users/password';
import { User } from '@backend/users/user.entity';
import { WorkCell } from '@backend/work-cells/work-cell.entity';
import { DemoPlan, DemoWorkCell } from './demo-data.types';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { seedLavalIndicators } from './laval-indicators.seeder';
import { LAVAL_COUNTED_INSTRUMENT, LAVAL_PRDS_PLAN } from './laval-prds-plan';
import { LAVAL_WORK_CELLS } from './laval-work-cells';
import { seedLivingParcEx } from './parc-ex.seeder';
import { PARC_EXTENSION_PLAN } from './parc-extension-plan';
import { WELCOME_DAY_SLUG } from './welcome-day-questionnaire';
import { seedWelcomeDay } from './welcome-day.seeder';

// Any constant works: it only keeps two seeds started at once from interleaving.
/** Parc-Extension (Montréal) and Laval: the demo's plans run in Eastern time, whatever the deployment's default. */
const DEMO_TIME_ZONE = 'America/Toronto';

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
      if (await seedWelcomeDay(em, parcEx.id, parcEx.ownerOrganizationId))
        created.push(`questionnaire « ${WELCOME_DAY_SLUG} » with responses and counts`);
      for (const cell of LAVAL_WORK_CELLS) {
        if (await this.seedWorkCell(em, cell)) created.push(`work cell « ${cell.name} »`);
      }
      if (await this.seedLavalCounting(em)) created.push(`instrument « ${LAVAL_COUNTED_INSTRUMENT.name} »`);
      created.push(...(await seedLavalIndicators(em, this.organizations)));
      for (const user of DEMO_USERS) {
        if (await em.existsBy(User, { email: user.email })) continue;
        const organization = user.organization ? await this.organizations.findOrCreate(em, { name: user.organization }) : null;
        await em.save(
          em.create(User, {
            email: user.email,
            role: user.role,
            displayName: user.displayName,
            passwordHash: await hashPassword(DEMO_PASSWORD),
            organizationId: organization?.id ?? null,
          }),
        );
        created.push(`user ${user.email}`);
      }
      this.logger.log(created.length ? `Demo data: created ${created.join(', ')}` : 'Demo data already loaded');
      return { created };
    });
    // The values are derived data: computed from what was just committed, as the workers would.
    for (const title of [PARC_EXTENSION_PLAN.title, LAVAL_PRDS_PLAN.title]) {
      const plan = await this.db.manager.findOneByOrFail(Plan, { title });
      for (const indicatorId of await this.aggregation.stale(plan.id)) await this.aggregation.recompute(indicatorId);
    }
    // Parc-Extension in its third year: its data, then its values and evaluations (they read the committed values).
    result.created.push(...(await seedLivingParcEx(this.db, this.aggregation)));
    return result;
  }

  private async seedPlan(em: EntityManager, demo: DemoPlan): Promise<boolean> {
    if (await em.existsBy(Plan, { title: demo.title })) return false;
    await writePlan(em, this.organizations, { ...demo, ownerName: demo.owner?.name ?? null }, DEMO_TIME_ZONE);
    return true;
  }

  /** The Laval plan's counted instrument, added to a demo loaded before it existed too. */
  private async seedLavalCounting(em: EntityManager): Promise<boolean> {
    const laval = await em.findOneByOrFail(Plan, { title: LAVAL_PRDS_PLAN.title });
    if (await em.existsBy(Instrument, { planId: laval.id, name: LAVAL_COUNTED_INSTRUMENT.name })) return false;
    await em.save(em.create(Instrument, { planId: laval.id, actionId: null, ...LAVAL_COUNTED_INSTRUMENT, description: null, position: 0 }));
    return true;
  }

  private async seedWorkCell(em: EntityManager, demo: DemoWorkCell): Promise<boolean> {
    if (await em.existsBy(WorkCell, { name: demo.name })) return false;
    const objective = await em
      .createQueryBuilder(Objective, 'o')
      .innerJoin(Plan, 'p', 'p.id = o.plan_id')
      .where('o.code = :code AND p.title = :title', { code: demo.objectiveCode, title: LAVAL_PRDS_PLAN.title })
      .getOne();
    await writeWorkCell(em, this.organizations, demo, objective?.id ?? null);
    return true;
  }
}
