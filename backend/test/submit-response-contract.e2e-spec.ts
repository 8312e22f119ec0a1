import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { DEFAULT_REDIS_URL } from '@backend/config/defaults';
import { ResponseWriter } from '@backend/responses/response-writer';
import { deleteKeys } from './support/redis-keys';
import { openApiValidator, OperationValidator } from './support/openapi-validator';
import {
  createQuestionnaire,
  QuestionnaireFixture,
  removeQuestionnaire,
  sampleQuestions,
  SampleIds,
  validAnswers,
} from './support/questionnaire-factory';
import { startTestApp, TestApp } from './support/test-app';

// The residents' ingest is served ahead of Nest (responses/direct-ingest.ts) and documented from its own definition
// (submit-response.contract.ts). This file holds the document to what the running route does, both ways: every
// answer it gives is a documented status with a body and headers as documented, every documented status and error
// code is one it gives, and every body the document's schema refuses is refused with the documented 400.

const PATH = '/api/public/questionnaires/{slug}/responses';

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
};
interface Operation {
  parameters: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<
    string,
    {
      content?: Record<string, { schema: { properties?: { code?: { enum?: string[] } } } }>;
      headers?: Record<string, { required?: boolean }>;
    }
  >;
}
interface Document {
  components?: { schemas?: Record<string, Schema> };
  paths: Record<string, Record<string, unknown>>;
}

describe(`POST ${PATH} answers as its OpenAPI operation says`, () => {
  let t: TestApp;
  let doc: Document;
  let op: Operation;
  let validator: OperationValidator;
  let q: QuestionnaireFixture;
  let ids: SampleIds;
  const made: string[] = [];
  /** `status code` of every answer the route gave in this file. */
  const seen = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body as Document;
    op = doc.paths[PATH]?.post as Operation;
    validator = openApiValidator(doc);
    const sample = sampleQuestions();
    ids = sample.ids;
    q = await another({ versions: [sample.questions] });
  });
  afterAll(async () => {
    for (const id of made) await removeQuestionnaire(t.db, id);
    await t?.close();
  });

  async function another(options: Parameters<typeof createQuestionnaire>[1] = {}): Promise<QuestionnaireFixture> {
    const created = await createQuestionnaire(t.db, options);
    made.push(created.questionnaireId);
    return created;
  }

  const url = (slug: string) => PATH.replace('{slug}', encodeURIComponent(slug));
  const valid = () => ({ language: 'fr', version: 1, answers: validAnswers(ids) });
  const post = (body: unknown, { slug = q.slug, key = randomUUID() as string | null, app = t } = {}) => {
    const req = app.http().post(url(slug));
    if (key !== null) req.set('Idempotency-Key', key);
    return req.send(body as object);
  };
  const raw = (bytes: string | Buffer, type = 'application/json') =>
    t
      .http()
      .post(url(q.slug))
      .set('Idempotency-Key', randomUUID())
      .set('content-type', type)
      .serialize((b: unknown) => b as string)
      .send(bytes);

  /** The answer is documented: its status, its body against that status's schema, the headers it requires. */
  function documented(res: Response, expected: { status: number; code?: string }): void {
    const code = (res.body as { code?: string }).code;
    expect({ status: res.status, code }).toEqual({ status: expected.status, code: expected.code });
    expect(validator.errors('post', PATH, res.status, res.body)).toEqual([]);
    const required = Object.entries(op.responses[res.status].headers ?? {})
      .filter(([, h]) => h.required)
      .map(([name]) => name.toLowerCase());
    expect(required.filter((name) => res.headers[name] === undefined)).toEqual([]);
    seen.add(`${res.status} ${code ?? ''}`.trim());
  }

  /** The errors the document's request schema finds in `body` (through the answers' validator, on a made-up status). */
  function requestErrors(body: unknown): string[] {
    const schema = op.requestBody.content['application/json'].schema;
    const probe = {
      components: doc.components,
      paths: { probe: { post: { responses: { 200: { content: { 'application/json': { schema } } } } } } },
    };
    return openApiValidator(probe).errors('post', 'probe', 200, body);
  }

  const resolve = (schema: Schema): Schema => (schema.$ref ? doc.components!.schemas![schema.$ref.split('/').pop()!] : schema);

  describe('the operation', () => {
    it('is documented, public, with its header, its body and every status the route answers', () => {
      expect(op).toBeDefined();
      expect(op.parameters.map((p) => [p.in, p.name, p.required, p.schema?.format ?? p.schema?.type])).toEqual([
        ['path', 'slug', true, 'string'],
        ['header', 'Idempotency-Key', true, 'uuid'],
      ]);
      expect(Object.keys(op.requestBody.content)).toEqual(['application/json']);
      expect(Object.keys(op.responses)).toEqual(['201', '400', '404', '410', '413', '415', '422', '429', '503']);
    });

    it('has one implementation: no Fastify (Nest) route answers it', () => {
      const fastify = t.app.getHttpAdapter().getInstance();
      expect(fastify.hasRoute({ method: 'POST', url: '/api/public/questionnaires/:slug/responses' })).toBe(false);
    });
  });

  describe('what the route answers is documented', () => {
    it('201: a stored response, its retry and a filled honeypot get a receipt', async () => {
      const key = randomUUID();
      expect(requestErrors(valid())).toEqual([]);
      const first = await post(valid(), { key });
      documented(first, { status: 201 });
      documented(await post(valid(), { key }), { status: 201 });
      documented(await post({ ...valid(), website: 'http://spam.example' }), { status: 201 });
    });

    it.each<[string, () => Promise<Response>, string]>([
      ['no Idempotency-Key', () => post(valid(), { key: null }), 'idempotency_key_required'],
      ['an Idempotency-Key that is not a UUID', () => post(valid(), { key: 'not-a-uuid' }), 'invalid_idempotency_key'],
      ['malformed JSON', () => raw('{"language": '), 'bad_request'],
      ['a body that is not UTF-8', () => raw(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])), 'invalid_encoding'],
      ['a body nested 10,000 deep', () => raw(`${'['.repeat(10_000)}${']'.repeat(10_000)}`), 'invalid_body'],
      ['a NUL in an answer', () => post({ ...valid(), answers: validAnswers(ids, { comment: 'a\u0000b' }) }), 'validation_failed'],
      ['a NUL in the slug', () => post(valid(), { slug: 'a\u0000b' }), 'validation_failed'],
      [
        'a malformed escape in the slug',
        () => t.http().post('/api/public/questionnaires/%E0%A4%A/responses').set('Idempotency-Key', randomUUID()).send(valid()),
        'bad_request',
      ],
      ['an invalid answer', () => post({ ...valid(), answers: validAnswers(ids, { attended: 'oui' }) }), 'invalid_response'],
    ])('400 for %s', async (_case, send, code) => {
      documented(await send(), { status: 400, code });
    });

    it('404 for an unknown slug and one that opens later', async () => {
      documented(await post(valid(), { slug: `nothing-${randomUUID()}` }), { status: 404, code: 'not_found' });
      const later = await another({ versions: [q.questions] });
      await t.db.query(`UPDATE questionnaires SET opens_at = now() + interval '1 day' WHERE id = $1`, [later.questionnaireId]);
      documented(await post(valid(), { slug: later.slug }), { status: 404, code: 'not_open' });
    });

    it('410 for a closed and an archived questionnaire', async () => {
      const closed = await another({ versions: [q.questions], status: 'closed' });
      const archived = await another({ versions: [q.questions] });
      await t.db.query('UPDATE questionnaires SET archived_at = now() WHERE id = $1', [archived.questionnaireId]);
      documented(await post(valid(), { slug: closed.slug }), { status: 410, code: 'closed' });
      documented(await post(valid(), { slug: archived.slug }), { status: 410, code: 'archived' });
    });

    it('413 for a body over the limit, 415 for one that is not JSON', async () => {
      documented(await post({ ...valid(), answers: validAnswers(ids, { story: 'x'.repeat(70 * 1024) }) }), {
        status: 413,
        code: 'payload_too_large',
      });
      documented(await raw('language=fr', 'text/plain'), { status: 415, code: 'unsupported_media_type' });
    });

    it('422 for a key sent again with another body', async () => {
      const key = randomUUID();
      await post(valid(), { key }).expect(201);
      documented(await post({ ...valid(), answers: validAnswers(ids, { satisfaction: 5 }) }, { key }), {
        status: 422,
        code: 'idempotency_key_reused',
      });
    });

    it('503 with Retry-After when the response cannot be written', async () => {
      const writer = jest.spyOn(t.app.get(ResponseWriter), 'write').mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
      try {
        documented(await post(valid()), { status: 503, code: 'unavailable' });
      } finally {
        writer.mockRestore();
      }
    });

    it('429 with Retry-After and the limit headers over the per-client limit', async () => {
      const saved = process.env.PUBLIC_RATE_LIMIT;
      await deleteKeys(process.env.REDIS_URL ?? DEFAULT_REDIS_URL, `${process.env.QUEUE_PREFIX}:rate-limit`);
      process.env.PUBLIC_RATE_LIMIT = '1';
      const limited = await startTestApp();
      try {
        documented(await post(valid(), { app: limited }), { status: 201 });
        documented(await post(valid(), { app: limited }), { status: 429, code: 'too_many_requests' });
      } finally {
        await limited.close();
        if (saved === undefined) delete process.env.PUBLIC_RATE_LIMIT;
        else process.env.PUBLIC_RATE_LIMIT = saved;
        await deleteKeys(process.env.REDIS_URL ?? DEFAULT_REDIS_URL, `${process.env.QUEUE_PREFIX}:rate-limit`);
      }
    });

    it('and every documented status and code was answered above', () => {
      const listed = Object.entries(op.responses).flatMap(([status, r]) => {
        const codes = r.content?.['application/json'].schema.properties?.code?.enum;
        return codes ? codes.map((code) => `${status} ${code}`) : [status];
      });
      expect([...seen].sort()).toEqual([...listed].sort());
    });
  });

  describe('a body the document calls invalid is a 400 naming the field', () => {
    /** Bodies that break one rule of the documented schema each, derived from it: [what, body, field named]. */
    function invalidBodies(): [string, unknown, string][] {
      const schema = resolve(op.requestBody.content['application/json'].schema);
      const base = valid() as Record<string, unknown>;
      const cases: [string, unknown, string][] = [['an undocumented field', { ...base, extra: 1 }, 'extra']];
      for (const field of schema.required ?? []) {
        const { [field]: _left, ...without } = base;
        cases.push([`no ${field}`, without, field]);
      }
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        if (!(schema.required ?? []).includes(field)) continue;
        const p = resolve(property);
        const wrong = p.type === 'string' ? 7 : p.type === 'array' ? { a: 1 } : 'x';
        cases.push([`${field} of the wrong type`, { ...base, [field]: wrong }, field]);
        if (p.minLength !== undefined) cases.push([`${field} shorter than ${p.minLength}`, { ...base, [field]: '' }, field]);
        if (p.maxLength !== undefined)
          cases.push([`${field} longer than ${p.maxLength}`, { ...base, [field]: 'f'.repeat(p.maxLength + 1) }, field]);
        if (p.minimum !== undefined) cases.push([`${field} under ${p.minimum}`, { ...base, [field]: p.minimum - 1 }, field]);
      }
      const answer = resolve(resolve(schema.properties!.answers).items!);
      const first = validAnswers(ids)[0];
      for (const field of answer.required ?? []) {
        const { [field as 'questionId']: _left, ...without } = first;
        cases.push([`an answer without its ${field}`, { ...base, answers: [without] }, 'answers.0']);
      }
      cases.push(['an answer with an undocumented field', { ...base, answers: [{ ...first, extra: 1 }] }, `answers.${first.questionId}`]);
      return cases;
    }

    it('for each rule of the schema', async () => {
      const cases = invalidBodies();
      expect(cases.length).toBeGreaterThanOrEqual(10);
      for (const [what, body, field] of cases) {
        expect({ what, documentSays: requestErrors(body).length > 0 }).toEqual({ what, documentSays: true });
        const res = await post(body);
        documented(res, { status: 400, code: 'invalid_response' });
        expect({ what, fields: (res.body.errors as { field: string }[]).map((e) => e.field) }).toEqual({
          what,
          fields: expect.arrayContaining([field]),
        });
      }
    });
  });
});
