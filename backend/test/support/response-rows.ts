import { createHash } from 'node:crypto';
import { DataSource, EntityManager, InsertResult } from 'typeorm';
import type { AnswerValue } from '@backend/questionnaires/question.types';
import { QuestionnaireVersion } from '@backend/questionnaires/questionnaire-version.entity';
import { toStoredAnswers } from '@backend/responses/answer-keys';
import { Response } from '@backend/responses/response.entity';

/** A response as a test writes it: answers by question id, a body hash as any text. */
export type TestResponse = Omit<Partial<Response>, 'answers' | 'bodyHash'> & {
  questionnaireId: string;
  version: number;
  answers: Record<string, AnswerValue>;
  bodyHash?: string;
};

/**
 * Inserts responses as the ingest stores them: answers under their version's answer keys, the body hash as the
 * SHA-256's bytes (of the text given, or of the answers). Returns TypeORM's InsertResult (identifiers: the new ids).
 */
export async function insertResponses(db: DataSource | EntityManager, rows: TestResponse | TestResponse[]): Promise<InsertResult> {
  const em = db instanceof DataSource ? db.manager : db;
  const list = Array.isArray(rows) ? rows : [rows];
  const keys = new Map<string, QuestionnaireVersion['answerKeys']>();
  for (const { questionnaireId, version } of list) {
    const id = `${questionnaireId}@${version}`;
    if (!keys.has(id)) keys.set(id, (await em.findOneByOrFail(QuestionnaireVersion, { questionnaireId, version })).answerKeys);
  }
  return em.insert(
    Response,
    list.map(({ answers, bodyHash, ...rest }): Partial<Response> => ({
      ...rest,
      answers: toStoredAnswers(answers, keys.get(`${rest.questionnaireId}@${rest.version}`)!),
      bodyHash: createHash('sha256')
        .update(bodyHash ?? JSON.stringify(answers))
        .digest(),
    })) as Parameters<EntityManager['insert']>[1],
  );
}
