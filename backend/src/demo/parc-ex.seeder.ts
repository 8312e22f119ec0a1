import type { DataSource, EntityManager } from 'typeorm';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { checkSource } from '@backend/indicators/check-source';
import { Indicator } from '@backend/indicators/indicator.entity';
import type { IndicatorSource } from '@backend/indicators/indicator-source';
import { Instrument } from '@backend/indicators/instrument.entity';
import { ManualValue } from '@backend/indicators/manual-value.entity';
import { Plan } from '@backend/plans/plan.entity';
import { Questionnaire } from '@backend/questionnaires/questionnaire.entity';
import { writeDemoCounts } from './demo-counts';
import { attachDemoEvidence } from './demo-evidence';
import { writeDemoQuestionnaire } from './demo-questionnaire';
import { generateCounts } from './parc-ex-counts';
import { seedParcExEvaluations } from './parc-ex-evaluations';
import { PARC_EX_FED, PARC_EX_UNMEASURED, type DemoQuestionnaireRef, type FedIndicator } from './parc-ex-indicators';
import { PARC_EX_MINUTES } from './parc-ex-minutes';
import {
  ATTENDANCE_QUESTIONNAIRE,
  generateAttendanceResponses,
  generateOfficeResponses,
  OFFICE_QUESTIONNAIRE,
} from './parc-ex-questionnaires';
import { PARC_EXTENSION_PLAN } from './parc-extension-plan';
import { WELCOME_DAY_SLUG } from './welcome-day-questionnaire';

// Its own lock, taken for the whole step (data, values, evaluations): two seeds at once take turns, and the second
// finds everything there.
const LIVING_LOCK = 7_342_002;

/**
 * The Parc-Extension plan as in its third year: its two questionnaires with responses, the counts and yearly figures
 * its « Suivis » give, two minutes attached, its indicators fed (or saying why they cannot be), then its values
 * computed and its mid-term and final evaluations. Runs after the plan and the Welcome Day are committed; each part
 * is skipped when it exists, so a second run changes nothing. What it wrote, for the seed's log.
 */
export async function seedLivingParcEx(db: DataSource, aggregation: AggregationService): Promise<string[]> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [LIVING_LOCK]);
    const created: string[] = [];
    if (await db.transaction((em) => seedData(em))) created.push('Parc-Extension questionnaires, counts, figures and minutes');
    const plan = await db.manager.findOneByOrFail(Plan, { title: PARC_EXTENSION_PLAN.title });
    for (const indicatorId of await aggregation.stale(plan.id)) await aggregation.recompute(indicatorId);
    created.push(...(await seedParcExEvaluations(db, aggregation, plan)));
    return created;
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [LIVING_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

async function seedData(em: EntityManager): Promise<boolean> {
  if (await em.existsBy(Questionnaire, { slug: ATTENDANCE_QUESTIONNAIRE.slug })) return false;
  const plan = await em.findOneByOrFail(Plan, { title: PARC_EXTENSION_PLAN.title });
  const instrument = (name: string) => em.findOneByOrFail(Instrument, { planId: plan.id, name });
  const attendance = await writeDemoQuestionnaire(
    em,
    { planId: plan.id, instrumentId: (await instrument('Questionnaire sur la fréquentation')).id },
    ATTENDANCE_QUESTIONNAIRE,
    generateAttendanceResponses(),
    { idempotencyPrefix: 'd0e1d001', recordKey: (n) => `attendance-response-${n}` },
  );
  const office = await writeDemoQuestionnaire(
    em,
    { planId: plan.id, instrumentId: (await instrument('Questionnaires')).id },
    OFFICE_QUESTIONNAIRE,
    generateOfficeResponses(),
    { idempotencyPrefix: 'd0e1d002', recordKey: (n) => `office-response-${n}` },
  );
  const welcome = await em.findOneByOrFail(Questionnaire, { slug: WELCOME_DAY_SLUG });
  const questionnaires: Record<DemoQuestionnaireRef, Questionnaire> = { attendance, office, welcome };

  for (const [n, demo] of PARC_EX_FED.entries()) {
    const indicator = await em.findOneOrFail(Indicator, { where: { planId: plan.id, name: demo.name }, relations: { instruments: true } });
    const source = await feed(em, plan, indicator, demo, n, questionnaires);
    await checkSource(em, plan.id, demo.feed.kind, source);
    Object.assign(indicator, {
      kind: demo.feed.kind,
      status: 'active',
      unit: demo.unit,
      grain: demo.grain,
      dimensions: [...demo.dimensions],
      source,
      baselineValue: demo.baseline,
      baselineDate: plan.startDate,
      midtermTarget: demo.midtermTarget,
      finalTarget: demo.finalTarget,
      direction: 'up',
      note: demo.note,
    });
    await em.save(indicator);
  }
  for (const demo of PARC_EX_UNMEASURED) await em.update(Indicator, { planId: plan.id, name: demo.name }, { note: demo.note });
  for (const minutes of PARC_EX_MINUTES) {
    const owner = await instrument(minutes.instrument);
    await attachDemoEvidence(em, { kind: 'instrument', id: owner.id, planId: plan.id }, minutes.document);
  }
  return true;
}

/** Writes what feeds the indicator (its counts or yearly figures) and returns its source. */
async function feed(
  em: EntityManager,
  plan: Plan,
  indicator: Indicator,
  demo: FedIndicator,
  n: number,
  questionnaires: Record<DemoQuestionnaireRef, Questionnaire>,
): Promise<IndicatorSource> {
  const f = demo.feed;
  switch (f.kind) {
    case 'answer_share':
    case 'scale_mean': {
      const questionnaire = questionnaires[f.questionnaire];
      // A questionnaire of another row (the Welcome Day's) feeds it too: listed among its instruments.
      const own = await em.findOneByOrFail(Instrument, { id: questionnaire.instrumentId! });
      if (!indicator.instruments?.some((i) => i.id === own.id)) indicator.instruments = [...(indicator.instruments ?? []), own];
      return f.kind === 'answer_share'
        ? { questionnaireId: questionnaire.id, questionId: f.questionId, anyOf: [...f.anyOf] }
        : { questionnaireId: questionnaire.id, questionId: f.questionId };
    }
    case 'participation_sum': {
      const instrument = await em.findOneByOrFail(Instrument, { planId: plan.id, name: f.instrument });
      await writeDemoCounts(
        em,
        { instrumentId: instrument.id, organizationId: plan.ownerOrganizationId, activity: f.activity },
        generateCounts(f.series),
        { idempotencyPrefix: `d0e1c${n.toString(16).padStart(3, '0')}`, recordKey: (k) => `parc-ex-count-${n}-${k}` },
      );
      return { instrumentIds: [instrument.id] };
    }
    case 'manual':
      await em.save(f.values.map((v) => em.create(ManualValue, { ...v, indicatorId: indicator.id, enteredBy: null })));
      return {};
  }
}
