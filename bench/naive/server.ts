import 'reflect-metadata';
import Fastify from 'fastify';
import { DataSource, EntitySchema } from 'typeorm';
import type { AnswerValue, Question } from '../../backend/src/questionnaires/question.types';
import { isUuid, parseResponseBody, primaryLanguage, responseHash } from '../../backend/src/responses/response-body';
import { validateAnswers } from '../../backend/src/responses/validate-answers';
import { AnswerKeys, toStoredAnswers } from '../../backend/src/responses/answer-keys';

// The baseline: the same endpoint written the obvious way. Same validation, then per request a lookup of the
// key, one TypeORM save() for the response and one save() per answer row, each its own transaction.

interface ResponseRow {
  id?: string;
  questionnaireId: string;
  version: number;
  language: string;
  idempotencyKey: string;
  bodyHash: Buffer;
  answers: Record<string, AnswerValue>;
  receivedAt?: Date;
}

interface AnswerRow {
  id?: string;
  responseId: string;
  questionId: string;
  value: AnswerValue;
}

const ResponseSchema = new EntitySchema<ResponseRow>({
  name: 'NaiveResponse',
  tableName: 'responses',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    questionnaireId: { type: 'uuid', name: 'questionnaire_id' },
    version: { type: 'int' },
    language: { type: 'text' },
    idempotencyKey: { type: 'uuid', name: 'idempotency_key' },
    bodyHash: { type: 'bytea', name: 'body_hash' },
    answers: { type: 'jsonb' },
    receivedAt: { type: 'timestamptz', name: 'received_at', createDate: true },
  },
});

const AnswerSchema = new EntitySchema<AnswerRow>({
  name: 'NaiveAnswer',
  tableName: 'naive_answers',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    responseId: { type: 'uuid', name: 'response_id' },
    questionId: { type: 'uuid', name: 'question_id' },
    value: { type: 'jsonb', nullable: true },
  },
});

interface Version {
  id: string;
  questionnaireId: string;
  version: number;
  languages: string[];
  questions: Question[];
  answerKeys: AnswerKeys;
}

async function main(): Promise<void> {
  const db = await new DataSource({
    type: 'postgres',
    url: process.env.DATABASE_URL,
    entities: [ResponseSchema, AnswerSchema],
    synchronize: false,
    extra: { max: 20 },
  }).initialize();
  const responses = db.getRepository(ResponseSchema);
  const answerRows = db.getRepository(AnswerSchema);
  const versions = new Map<string, Version>();

  async function versionOf(slug: string): Promise<Version | null> {
    const hit = versions.get(slug);
    if (hit) return hit;
    const [row] = await db.query<Version[]>(
      `SELECT v.id, v.questionnaire_id AS "questionnaireId", v.version, v.languages, v.questions, v.answer_keys AS "answerKeys" FROM questionnaires q
       JOIN questionnaire_versions v ON v.questionnaire_id = q.id AND v.version = q.current_version WHERE q.slug = $1`,
      [slug],
    );
    if (row) versions.set(slug, row);
    return row ?? null;
  }

  const app = Fastify({ bodyLimit: 64 * 1024 });
  app.post<{ Params: { slug: string } }>('/api/public/questionnaires/:slug/responses', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !isUuid(key)) return reply.status(400).send({ statusCode: 400, code: 'idempotency_key_required' });
    const version = await versionOf(req.params.slug);
    if (!version) return reply.status(404).send({ statusCode: 404, code: 'not_found' });
    const parsed = parseResponseBody(req.body);
    if (parsed.kind !== 'body' || parsed.body.version !== version.version)
      return reply.status(400).send({ statusCode: 400, code: 'invalid_response' });
    const language = primaryLanguage(parsed.body.language);
    const { answers, problems } = validateAnswers(version.questions, parsed.body.answers);
    if (problems.length > 0 || !version.languages.includes(language))
      return reply.status(400).send({ statusCode: 400, code: 'invalid_response', problems });
    const bodyHash = Buffer.from(responseHash(parsed.body), 'hex');

    const existing = await responses.findOneBy({ questionnaireId: version.questionnaireId, idempotencyKey: key });
    if (existing) {
      if (!existing.bodyHash.equals(bodyHash)) return reply.status(422).send({ statusCode: 422, code: 'idempotency_key_reused' });
      return reply.status(201).send({ id: existing.id, receivedAt: existing.receivedAt });
    }
    const saved = await responses.save({
      // Stored as the API stores them (answer-keys.ts), so that the indicators read them alike.
      questionnaireId: version.questionnaireId,
      version: version.version,
      language,
      idempotencyKey: key,
      bodyHash,
      answers: toStoredAnswers(answers, version.answerKeys),
    });
    for (const [questionId, value] of Object.entries(answers)) {
      await answerRows.save({ responseId: saved.id as string, questionId, value });
    }
    return reply.status(201).send({ id: saved.id, receivedAt: saved.receivedAt });
  });
  app.get('/api/health', async () => ({ status: 'ok' }));

  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  const stop = () => {
    void app
      .close()
      .then(() => db.destroy())
      .then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
