import { EntityManager } from 'typeorm';
import { Instrument } from '@backend/indicators/instrument.entity';
import { Indicator } from '@backend/indicators/indicator.entity';
import { Action } from '@backend/plans/action.entity';
import { Questionnaire } from '@backend/questionnaires/questionnaire.entity';
import { writeDemoCounts } from './demo-counts';
import { writeDemoQuestionnaire } from './demo-questionnaire';
import {
  WELCOME_DAY_DESCRIPTION,
  WELCOME_DAY_QUESTIONS,
  WELCOME_DAY_SLUG,
  WELCOME_DAY_TITLE,
  WELCOME_QUESTION_IDS as Q,
} from './welcome-day-questionnaire';
import { generateWelcomeCounts, generateWelcomeResponses } from './welcome-day-responses';

const WELCOME_ACTION = 'Mettre en place une Journée de Bienvenue à Parc-Ex';

/**
 * The published Welcome Day questionnaire (fr, en, ar, with the ADS+ block), a few hundred responses over
 * the plan's years and the attendance counted at the door. Skipped when the questionnaire exists.
 */
export async function seedWelcomeDay(em: EntityManager, planId: string, organizationId: string | null): Promise<boolean> {
  if (await em.existsBy(Questionnaire, { slug: WELCOME_DAY_SLUG })) return false;
  const action = await em.findOneByOrFail(Action, { planId, description: WELCOME_ACTION });
  const instrument = await em.save(
    em.create(Instrument, {
      planId,
      actionId: action.id,
      kind: 'questionnaire',
      name: 'Questionnaire de la Journée de Bienvenue à Parc-Ex',
      position: action.position * 100 + 50,
    }),
  );
  const questionnaire = await writeDemoQuestionnaire(
    em,
    { planId, instrumentId: instrument.id },
    {
      slug: WELCOME_DAY_SLUG,
      title: WELCOME_DAY_TITLE,
      description: WELCOME_DAY_DESCRIPTION,
      languages: ['fr', 'en', 'ar'],
      questions: WELCOME_DAY_QUESTIONS,
      opensAt: new Date('2021-08-01T00:00:00Z'),
    },
    generateWelcomeResponses(),
    { idempotencyPrefix: 'd0e1a000', recordKey: (n) => `response-${n}` },
  );

  const door = await em.findOneByOrFail(Instrument, { planId, actionId: action.id, kind: 'participation_count' });
  await seedWelcomeIndicators(em, {
    planId,
    objectiveId: action.objectiveId,
    actionId: action.id,
    questionnaireId: questionnaire.id,
    doorId: door.id,
    instrumentId: instrument.id,
  });
  await writeDemoCounts(
    em,
    { instrumentId: door.id, organizationId, activity: 'Journée de Bienvenue à Parc-Ex' },
    generateWelcomeCounts(),
    { idempotencyPrefix: 'd0e1b000', recordKey: (n) => `count-${n}` },
  );
  return true;
}

/** Quantitative indicators of the Welcome Day, with targets, so the dashboards have real values to show. */
async function seedWelcomeIndicators(
  em: EntityManager,
  ids: {
    planId: string;
    objectiveId: string;
    actionId: string;
    questionnaireId: string;
    doorId: string;
    instrumentId: string;
  },
): Promise<void> {
  const base = {
    planId: ids.planId,
    objectiveId: ids.objectiveId,
    actionId: ids.actionId,
    status: 'active' as const,
    direction: 'up' as const,
  };
  const questionnaire = await em.findOneByOrFail(Instrument, { id: ids.instrumentId });
  const door = await em.findOneByOrFail(Instrument, { id: ids.doorId });
  await em.save([
    em.create(Indicator, {
      ...base,
      position: 9001,
      name: 'Part des nouveaux résidents qui connaissent la Table de quartier',
      unit: '%',
      kind: 'answer_share',
      grain: 'year',
      dimensions: ['gender', 'age_group', 'immigration'],
      source: { questionnaireId: ids.questionnaireId, questionId: Q.knowsTable, anyOf: [true] },
      baselineValue: 30,
      baselineDate: '2021-06-28',
      midtermTarget: 45,
      finalTarget: 60,
      instruments: [questionnaire],
    }),
    em.create(Indicator, {
      ...base,
      position: 9002,
      name: 'Satisfaction moyenne à la Journée de Bienvenue',
      unit: 'sur 5',
      kind: 'scale_mean',
      grain: 'year',
      dimensions: ['gender'],
      source: { questionnaireId: ids.questionnaireId, questionId: Q.satisfaction },
      baselineValue: 3.5,
      baselineDate: '2021-06-28',
      midtermTarget: 3.9,
      finalTarget: 4.2,
      instruments: [questionnaire],
    }),
    em.create(Indicator, {
      ...base,
      position: 9003,
      name: 'Nombre de participants à la Journée de Bienvenue',
      unit: 'participants',
      kind: 'participation_sum',
      grain: 'year',
      dimensions: ['gender'],
      source: { instrumentIds: [ids.doorId] },
      baselineValue: 0,
      baselineDate: '2021-06-28',
      midtermTarget: 250,
      finalTarget: 550,
      instruments: [door],
    }),
    em.create(Indicator, {
      ...base,
      position: 9004,
      name: 'Nombre de répondants au questionnaire de la Journée de Bienvenue',
      unit: 'réponses',
      kind: 'response_count',
      grain: 'quarter',
      dimensions: ['gender', 'language'],
      source: { questionnaireId: ids.questionnaireId },
      baselineValue: 0,
      baselineDate: '2021-06-28',
      midtermTarget: 150,
      finalTarget: 300,
      instruments: [questionnaire],
    }),
    // A ratio, so that the demo shows every kind: of the people counted at the door, how many answered.
    em.create(Indicator, {
      ...base,
      position: 9005,
      name: 'Taux de réponse au questionnaire de la Journée de Bienvenue',
      unit: '%',
      kind: 'ratio',
      grain: 'year',
      dimensions: [],
      source: {
        numerator: { kind: 'response_count', questionnaireId: ids.questionnaireId },
        denominator: { kind: 'participation_sum', instrumentIds: [ids.doorId] },
      },
      baselineValue: 0,
      baselineDate: '2021-06-28',
      midtermTarget: 40,
      finalTarget: 60,
      instruments: [questionnaire, door],
    }),
  ]);
}
