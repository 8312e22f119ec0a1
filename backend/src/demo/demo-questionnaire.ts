import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { recordKey } from '@backend/disclosure/cell-key';
import type { AnswerValue, Question, Translations } from '@backend/questionnaires/question.types';
import { QuestionnaireVersion } from '@backend/questionnaires/questionnaire-version.entity';
import { Questionnaire } from '@backend/questionnaires/questionnaire.entity';
import { encodeAnswers } from '@backend/responses/answer-codes';
import { toStoredAnswers } from '@backend/responses/answer-keys';
import { Response } from '@backend/responses/response.entity';
import { stableUuid } from './demo-rng';

/** What the demo's record keys are derived from. */
export const DEMO_KEYS = 'repère demo';

export interface DemoResponse {
  language: string;
  answeredAt: Date;
  answers: Record<string, AnswerValue>;
}

export interface DemoQuestionnaire {
  readonly slug: string;
  readonly title: Translations;
  readonly description: Translations;
  readonly languages: readonly string[];
  readonly questions: Question[];
  readonly opensAt: Date;
}

/**
 * Writes a published questionnaire (version 1) on an instrument, with generated responses coded as the ingest codes
 * them. `keys` names each response's idempotency key (8 hex digits, then its number) and record key: fixed, so the
 * demo publishes the same figures on every machine, for its screenshots and for the disclosure layer's attacker test
 * (disclosure/cell-key.ts); real records get random ones from the database.
 */
export async function writeDemoQuestionnaire(
  em: EntityManager,
  target: { planId: string; instrumentId: string },
  demo: DemoQuestionnaire,
  responses: readonly DemoResponse[],
  keys: { idempotencyPrefix: string; recordKey: (n: number) => string },
): Promise<Questionnaire> {
  const content = {
    title: demo.title,
    description: demo.description,
    defaultLanguage: 'fr',
    languages: [...demo.languages],
    questions: demo.questions,
  };
  const questionnaire = await em.save(
    em.create(Questionnaire, {
      ...content,
      planId: target.planId,
      instrumentId: target.instrumentId,
      slug: demo.slug,
      status: 'published',
      currentVersion: 1,
      opensAt: demo.opensAt,
      closesAt: null,
    }),
  );
  const saved = await em.save(em.create(QuestionnaireVersion, { ...content, questionnaireId: questionnaire.id, version: 1 }));
  // Read back for the answer keys the database gave it.
  const { answerKeys } = await em.findOneByOrFail(QuestionnaireVersion, { id: saved.id });
  const rows = responses.map((r, n) => ({
    questionnaireId: questionnaire.id,
    version: 1,
    language: r.language,
    receivedAt: r.answeredAt,
    answeredAt: r.answeredAt,
    idempotencyKey: stableUuid(keys.idempotencyPrefix, n),
    bodyHash: createHash('sha256').update(JSON.stringify(r.answers)).digest(),
    answers: toStoredAnswers(r.answers, answerKeys),
    // Coded as the ingest codes them (the aggregation groups the codes).
    codes: encodeAnswers(demo.questions, r.answers),
    recordKey: recordKey(DEMO_KEYS, keys.recordKey(n)) | 0,
  }));
  for (let i = 0; i < rows.length; i += 200) {
    await em
      .createQueryBuilder()
      .insert()
      .into(Response)
      .values(rows.slice(i, i + 200))
      .execute();
  }
  return questionnaire;
}
