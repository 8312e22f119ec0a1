import { EntityManager } from 'typeorm';
import { Indicator } from '@backend/indicators/indicator.entity';
import { Instrument } from '@backend/indicators/instrument.entity';
import { ManualValue } from '@backend/indicators/manual-value.entity';
import { OrganizationsService } from '@backend/organizations/organizations.service';
import { Objective } from '@backend/plans/objective.entity';
import { Plan } from '@backend/plans/plan.entity';
import { WorkCell } from '@backend/work-cells/work-cell.entity';
import { WorkStep } from '@backend/work-cells/work-step.entity';
import { DemoCount, writeDemoCounts } from './demo-counts';
import { attachDemoEvidence } from './demo-evidence';
import { seededRandom } from './demo-rng';
import { DEMO_USERS } from './demo-users';
import { LAVAL_COUNTED_INSTRUMENT, LAVAL_PRDS_PLAN } from './laval-prds-plan';
import { LAVAL_WORK_CELLS } from './laval-work-cells';

/**
 * The Laval PRDS plan's figures, on sub-objectives 3.2.1 and 4.2 (issue 19): the share of each work cell's steps done,
 * the partners engaged in cellule 4.2 (entered yearly, the last entry with its document) and the attendance at the
 * cells' meetings. The fiches give which steps are done, not when, and no follow-up figure at all: the days, the
 * entries and the counts here are demo data generated from the fiches' structure, not the PRDS's. Skipped once the
 * plan has a work-steps indicator, so a second run changes nothing.
 */
export async function seedLavalIndicators(em: EntityManager, organizations: OrganizationsService): Promise<string[]> {
  const plan = await em.findOneByOrFail(Plan, { title: LAVAL_PRDS_PLAN.title });
  if (await em.existsBy(Indicator, { planId: plan.id, kind: 'work_steps_done' })) return [];
  const objective = async (code: string) => em.findOneByOrFail(Objective, { planId: plan.id, code });
  const [liaison, cell42, immigrants] = await Promise.all(LAVAL_WORK_CELLS.map((c) => em.findOneByOrFail(WorkCell, { name: c.name })));
  for (const cell of [liaison, cell42, immigrants]) await dateDoneSteps(em, cell);

  const o321 = await objective('3.2.1');
  const o42 = await objective('4.2');
  const base = { planId: plan.id, actionId: null, status: 'active' as const, direction: 'up' as const, baselineDate: plan.startDate };
  const steps = (cell: WorkCell, objectiveId: string, position: number, targets: [number, number], phase?: string) =>
    em.create(Indicator, {
      ...base,
      objectiveId,
      position,
      name: `Part des étapes réalisées — ${cell.name}${phase ? ` (${phase})` : ''}`,
      unit: '%',
      kind: 'work_steps_done',
      grain: 'quarter',
      source: { workCellId: cell.id, ...(phase ? { phase } : {}) },
      baselineValue: 0,
      midtermTarget: targets[0],
      finalTarget: targets[1],
    });
  // Targets chosen so that statuses differ: cellule 4.2 reaches its own, the two 3.2.1 cells fall short.
  const [, , , partners, attendance] = await em.save([
    steps(liaison, o321.id, 1, [50, 100]),
    steps(immigrants, o321.id, 2, [40, 100], 'PHASE 1'),
    steps(cell42, o42.id, 1, [50, 80]),
    em.create(Indicator, {
      ...base,
      objectiveId: o42.id,
      position: 2,
      name: 'Nombre de partenaires engagés dans la cellule 4.2',
      unit: 'partenaires',
      kind: 'manual',
      grain: 'year',
      baselineValue: 0,
      midtermTarget: 6,
      finalTarget: 10,
    }),
    em.create(Indicator, {
      ...base,
      objectiveId: o321.id,
      position: 3,
      name: 'Nombre de participants aux rencontres des cellules de travail',
      unit: 'participants',
      kind: 'participation_sum',
      grain: 'year',
      baselineValue: 0,
      midtermTarget: 150,
      finalTarget: 400,
    }),
  ]);
  await seedPartnersEngaged(em, plan.id, partners.id);
  await seedAttendance(em, organizations, plan.id, attendance);
  return ['Laval PRDS indicators with their steps dated, entries and counts'];
}

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * Gives each done step the day it was done: the month or season its text names, or else a day spread evenly between
 * the dated steps around it (from the cell's start; after the last dated step, over the two years that follow). Those
 * spread days are demo data: the fiches do not say when these steps were done.
 */
async function dateDoneSteps(em: EntityManager, cell: WorkCell): Promise<void> {
  const done = await em.find(WorkStep, { where: { workCellId: cell.id, done: true }, order: { position: 'ASC' } });
  let from = cell.startDate ?? LAVAL_PRDS_PLAN.startDate;
  let run: WorkStep[] = [];
  const place = (until: string) => {
    run.forEach((step, i) => {
      step.doneOn = dayOf(ms(from) + Math.round(((ms(until) - ms(from)) * (i + 1)) / (run.length + 1) / DAY) * DAY);
    });
    run = [];
  };
  for (const step of done) {
    // The writer gave a step the day its text names (« novembre 2019 »): it was done then.
    const named = step.date;
    if (named === null) {
      run.push(step);
      continue;
    }
    place(named);
    step.doneOn = named;
    from = named;
  }
  place(dayOf(ms(from) + 2 * 365 * DAY));
  await em.save(done);
}

/** New partners engaged each year (demo data adding up to the fiche's ten partners), the last year's list attached. */
async function seedPartnersEngaged(em: EntityManager, planId: string, indicatorId: string): Promise<void> {
  const entries: [string, number][] = [
    ['2019-12-15', 4],
    ['2020-12-15', 2],
    ['2021-12-15', 2],
    ['2022-12-15', 1],
    ['2023-12-15', 1],
  ];
  const saved = await em.save(
    entries.map(([date, value]) =>
      em.create(ManualValue, {
        indicatorId,
        date,
        value,
        evidence: `Liste des partenaires présents aux grandes rencontres de ${date.slice(0, 4)} (donnée de démonstration)`,
        enteredBy: null,
      }),
    ),
  );
  const last = saved.at(-1)!;
  const partners = LAVAL_WORK_CELLS.find((c) => c.objectiveCode === '4.2')!.partners.map((p) => `- ${p.organization}`);
  await attachDemoEvidence(
    em,
    { kind: 'manual_value', id: last.id, planId },
    {
      title: 'Cellule 4.2 — partenaires engagés en 2023',
      date: last.date,
      lines: ['Partenaires ayant pris part aux grandes rencontres de la cellule 4.2 :', ...partners],
    },
  );
}

/** Attendance at the cells' meetings, three or four a year from 2019 to 2023, entered by the demo partner's organization. */
async function seedAttendance(em: EntityManager, organizations: OrganizationsService, planId: string, indicator: Indicator): Promise<void> {
  const instrument = await em.findOneByOrFail(Instrument, { planId, name: LAVAL_COUNTED_INSTRUMENT.name });
  await em.save(Object.assign(indicator, { source: { instrumentIds: [instrument.id] }, instruments: [instrument] }));
  const partner = DEMO_USERS.find((u) => u.role === 'partner')!.organization!;
  const organization = await organizations.findOrCreate(em, { name: partner });
  const random = seededRandom(2019);
  const counts: DemoCount[] = [];
  for (let year = 2019; year <= 2023; year += 1) {
    for (const month of year === 2019 ? [9, 12] : [2, 5, 9, 11]) {
      counts.push({ date: `${year}-${String(month).padStart(2, '0')}-15`, total: 12 + Math.floor(random() * 14), breakdown: [] });
    }
  }
  await writeDemoCounts(
    em,
    { instrumentId: instrument.id, organizationId: organization.id, activity: 'Grande rencontre des cellules de travail' },
    counts,
    { idempotencyPrefix: 'd0e1fa00', recordKey: (n) => `laval-count-${n}` },
  );
}
