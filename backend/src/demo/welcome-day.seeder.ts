import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Instrument } from '@backend/indicators/instrument.entity';
import { ParticipationCount } from '@backend/participation/participation-count.entity';
import { Action } from '@backend/plans/action.entity';
import { QuestionnaireVersion } from '@backend/questionnaires/questionnaire-version.entity';
import { Questionnaire } from '@backend/questionnaires/questionnaire.entity';
import { Response } from '@backend/responses/response.entity';
import { stableUuid } from './demo-rng';
import {
  WELCOME_DAY_DESCRIPTION, WELCOME_DAY_QUESTIONS, WELCOME_DAY_SLUG, WELCOME_DAY_TITLE,
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
  const instrument = await em.save(em.create(Instrument, {
    planId, actionId: action.id, kind: 'questionnaire', name: 'Questionnaire de la Journée de Bienvenue à Parc-Ex', position: action.position * 100 + 50,
  }));
  const content = {
    title: WELCOME_DAY_TITLE, description: WELCOME_DAY_DESCRIPTION, defaultLanguage: 'fr', languages: ['fr', 'en', 'ar'], questions: WELCOME_DAY_QUESTIONS,
  };
  const questionnaire = await em.save(em.create(Questionnaire, {
    ...content, planId, instrumentId: instrument.id, slug: WELCOME_DAY_SLUG, status: 'published', currentVersion: 1,
    opensAt: new Date('2021-08-01T00:00:00Z'), closesAt: null,
  }));
  const version = await em.save(em.create(QuestionnaireVersion, { ...content, questionnaireId: questionnaire.id, version: 1 }));

  const rows = generateWelcomeResponses().map((r, n) => ({
    questionnaireId: questionnaire.id, versionId: version.id, version: 1, language: r.language,
    receivedAt: r.answeredAt, answeredAt: r.answeredAt, idempotencyKey: stableUuid('d0e1a000', n),
    bodyHash: createHash('sha256').update(JSON.stringify(r.answers)).digest('hex'), answers: r.answers,
  }));
  for (let i = 0; i < rows.length; i += 200) {
    await em.createQueryBuilder().insert().into(Response).values(rows.slice(i, i + 200)).execute();
  }

  const door = await em.findOneByOrFail(Instrument, { planId, actionId: action.id, kind: 'participation_count' });
  await em.save(generateWelcomeCounts().map((c, n) => em.create(ParticipationCount, {
    ...c, instrumentId: door.id, organizationId, activity: 'Journée de Bienvenue à Parc-Ex', idempotencyKey: stableUuid('d0e1b000', n),
    bodyHash: createHash('sha256').update(JSON.stringify(c)).digest('hex'), recordedBy: null,
  })));
  return true;
}
