import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Question } from '@backend/questionnaires/question.types';
import { QuestionnaireLookupService } from '@backend/questionnaires/questionnaire-lookup.service';
import { encodeAnswers } from '@backend/responses/answer-codes';
import {
  createQuestionnaire,
  QuestionnaireFixture,
  removeQuestionnaire,
  sampleQuestions,
  SampleIds,
  validAnswers,
} from './support/questionnaire-factory';
import { bearer, startTestApp, TestApp } from './support/test-app';

interface FieldError {
  field: string;
  questionId?: string;
  message: string;
}

describe('Residents answer a published questionnaire', () => {
  let t: TestApp;
  let q: QuestionnaireFixture;
  let ids: SampleIds;
  const made: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const sample = sampleQuestions();
    ids = sample.ids;
    q = await createQuestionnaire(t.db, { versions: [sample.questions] });
    made.push(q.questionnaireId);
  });
  afterAll(async () => {
    for (const id of made) await removeQuestionnaire(t.db, id);
    await t.close();
  });

  const post = (slug: string, body: unknown, key: string | null = randomUUID()) => {
    const req = t.http().post(`/api/public/questionnaires/${slug}/responses`);
    if (key !== null) req.set('Idempotency-Key', key);
    return req.send(body as object);
  };
  const body = (overrides: Parameters<typeof validAnswers>[1] = {}, extra: object = {}) => ({
    language: 'fr',
    version: 1,
    answers: validAnswers(ids, overrides),
    ...extra,
  });
  const rowsOf = async (questionnaireId: string) =>
    (await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM responses WHERE questionnaire_id = $1', [questionnaireId]))[0].n;
  const rowsWithKey = async (key: string) =>
    (await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM responses WHERE idempotency_key = $1', [key]))[0].n;
  const fields = (errors: FieldError[] | undefined) => (errors ?? []).map((e) => e.field);

  async function another(options: Parameters<typeof createQuestionnaire>[1] = {}): Promise<QuestionnaireFixture> {
    const created = await createQuestionnaire(t.db, options);
    made.push(created.questionnaireId);
    return created;
  }

  describe('GET /api/public/questionnaires/{slug}', () => {
    it('renders the questionnaire in the asked language, right to left for Arabic', async () => {
      // Act
      const res = await t.http().get(`/api/public/questionnaires/${q.slug}?lang=ar`).expect(200);
      // Assert
      expect(res.body).toMatchObject({
        id: q.questionnaireId,
        slug: q.slug,
        title: 'استبيان تجريبي',
        language: 'ar',
        languages: ['fr', 'en', 'ar', 'es'],
        direction: 'rtl',
        version: 1,
      });
      expect(res.body.questions).toHaveLength(10);
      expect(res.body.questions[0]).toMatchObject({ id: ids.attended, type: 'yes_no', required: true, label: 'هل شاركت؟' });
      expect(res.body.questions[4]).toMatchObject({ id: ids.whyUnsatisfied, showIf: { questionId: ids.satisfaction, anyOf: [1, 2] } });
      expect(res.headers['cache-control']).toBe('public, max-age=30');
    });

    it('falls back to the default language for a language it lacks', async () => {
      const res = await t.http().get(`/api/public/questionnaires/${q.slug}?lang=ta`).expect(200);
      expect(res.body).toMatchObject({ language: 'fr', direction: 'ltr', title: 'Questionnaire de test' });
    });

    it('answers 404 for an unknown slug and for a draft', async () => {
      const draft = await another({ status: 'draft' });
      const unknown = await t.http().get('/api/public/questionnaires/nothing-published-here').expect(404);
      expect(unknown.body).toMatchObject({ statusCode: 404, code: 'not_found' });
      expect(unknown.headers['cache-control']).toBeUndefined();
      await t.http().get(`/api/public/questionnaires/${draft.slug}`).expect(404);
    });

    it('answers 410 for a closed questionnaire and one past its closing date', async () => {
      const closed = await another({ status: 'closed' });
      const past = await another({ closesAt: new Date(Date.now() - 60_000) });
      const res = await t.http().get(`/api/public/questionnaires/${closed.slug}`).expect(410);
      expect(res.body).toMatchObject({ statusCode: 410, code: 'closed' });
      await t.http().get(`/api/public/questionnaires/${past.slug}`).expect(410);
    });
  });

  describe('POST /api/public/questionnaires/{slug}/responses stores a valid response', () => {
    it('answers 201 with the id and receipt time, and stores the answers with the version and language only', async () => {
      // Arrange
      const key = randomUUID();
      // Act
      const res = await post(q.slug, body(), key).expect(201);
      // Assert
      expect(Object.keys(res.body).sort()).toEqual(['id', 'receivedAt']);
      expect(new Date(res.body.receivedAt).toISOString()).toBe(res.body.receivedAt);
      const [row] = await t.db.query(
        `SELECT *, response_answers_by_id(questionnaire_id, version, answers) AS by_id FROM responses WHERE id = $1`,
        [res.body.id],
      );
      expect(row).toMatchObject({ questionnaire_id: q.questionnaireId, version: 1, language: 'fr', idempotency_key: key, import_id: null });
      expect(row.body_hash).toHaveLength(32); // the SHA-256's bytes
      expect(row.by_id).toEqual({
        [ids.attended]: true,
        [ids.heardFrom]: 'friends',
        [ids.services]: ['food', 'french'],
        [ids.satisfaction]: 4,
        [ids.people]: 3,
        [ids.comment]: 'Merci',
        [ids.visitDay]: '2024-08-17',
        [ids.age]: '25_34',
      });
      // Coded for the aggregation, from the version it answered.
      const [version] = await t.db.query(
        'SELECT questions, answer_keys FROM questionnaire_versions WHERE questionnaire_id = $1 AND version = 1',
        [q.questionnaireId],
      );
      expect(row.codes).toEqual(encodeAnswers(version.questions, row.by_id));
      // Stored under the version's short answer keys, not the questions' UUIDs.
      expect(Object.keys(row.answers).sort()).toEqual(
        Object.keys(row.by_id)
          .map((id) => version.answer_keys[id])
          .sort(),
      );
      expect(Object.keys(row.answers).every((k: string) => /^\d{1,3}$/.test(k))).toBe(true);
      expect(row.codes.length).toBeGreaterThanOrEqual(5);
      // Anonymity: nothing about the sender is kept (record_key is a random number drawn by the database, for the
      // disclosure layer's perturbation: nothing the sender gave).
      expect(Object.keys(row).sort()).toEqual([
        'answered_at',
        'answered_month',
        'answers',
        'body_hash',
        'by_id',
        'codes',
        'id',
        'idempotency_key',
        'import_id',
        'language',
        'questionnaire_id',
        'received_at',
        'record_key',
        'version',
      ]);
      expect(Number.isInteger(row.record_key)).toBe(true);
    });

    it('accepts « prefer not to answer » (null) where the question offers it', async () => {
      const res = await post(q.slug, body({ age: null })).expect(201);
      const [row] = await t.db.query(
        `SELECT response_answers_by_id(questionnaire_id, version, answers) AS answers FROM responses WHERE id = $1`,
        [res.body.id],
      );
      expect(row.answers[ids.age]).toBeNull();
    });

    it('accepts the answer to a question its show-if reveals, and requires it', async () => {
      await post(q.slug, body({ satisfaction: 2, whyUnsatisfied: 'Trop d’attente' })).expect(201);
      const missing = await post(q.slug, body({ satisfaction: 2 })).expect(400);
      expect(missing.body.errors).toEqual([
        { field: `answers.${ids.whyUnsatisfied}`, questionId: ids.whyUnsatisfied, message: 'Cette question demande une réponse.' },
      ]);
    });

    it('accepts an earlier version and checks the answers against that version', async () => {
      // Arrange: version 2 dropped the « comment » question of version 1.
      const v1 = sampleQuestions();
      const v2: Question[] = v1.questions.filter((x) => x.id !== v1.ids.comment);
      const two = await another({ versions: [v1.questions, v2] });
      const answers = validAnswers(v1.ids);
      // Act
      const old = await post(two.slug, { language: 'en', version: 1, answers });
      const current = await post(two.slug, { language: 'en', version: 2, answers });
      const future = await post(two.slug, { language: 'en', version: 3, answers });
      // Assert
      expect(old.status).toBe(201);
      const [row] = await t.db.query('SELECT version FROM responses WHERE id = $1', [old.body.id]);
      expect(row).toEqual({ version: 1 });
      expect(current.status).toBe(400);
      expect(current.body.errors).toEqual([
        {
          field: `answers.${v1.ids.comment}`,
          questionId: v1.ids.comment,
          message: 'This question is not part of this version of the questionnaire.',
        },
      ]);
      expect(future.status).toBe(400);
      expect(fields(future.body.errors)).toEqual(['version']);
    });

    it('takes a regional language tag as its language (fr-CA is fr)', async () => {
      const res = await post(q.slug, body({}, { language: 'fr-CA' })).expect(201);
      const [row] = await t.db.query('SELECT language FROM responses WHERE id = $1', [res.body.id]);
      expect(row.language).toBe('fr');
    });
  });

  describe('refuses invalid answers with a 400 naming each question once, and stores nothing', () => {
    const long = (n: number) => 'é'.repeat(n);
    it.each<[string, keyof SampleIds, unknown, string]>([
      ['yes/no that is not a boolean', 'attended', 'yes', 'Answer yes or no.'],
      ['a choice that is not offered', 'heardFrom', 'radio', 'Choose one of the options offered.'],
      ['a choice that is not a code', 'heardFrom', ['friends'], 'Choose one of the options offered.'],
      ['multiple choices given twice', 'services', ['food', 'food'], 'Choose among the options offered, each at most once.'],
      ['multiple choices not in a list', 'services', 'food', 'Choose among the options offered, each at most once.'],
      ['multiple choices with one not offered', 'services', ['food', 'cinema'], 'Choose among the options offered, each at most once.'],
      ['a scale value above its maximum', 'satisfaction', 6, 'Choose a whole number from 1 to 5.'],
      ['a scale value that is not whole', 'satisfaction', 3.5, 'Choose a whole number from 1 to 5.'],
      ['a number outside its bounds', 'people', 21, 'Enter a number from 0 to 20.'],
      ['a number sent as text', 'people', '3', 'Enter a number from 0 to 20.'],
      ['a short text over 500 characters', 'comment', long(501), 'Write at most 500 characters.'],
      ['a long text over 5000 characters', 'story', long(5001), 'Write at most 5000 characters.'],
      ['a date that does not exist', 'visitDay', '2023-02-29', 'Enter a real date (YYYY-MM-DD).'],
      ['a date with a time', 'visitDay', '2024-08-17T10:00:00Z', 'Enter a real date (YYYY-MM-DD).'],
      ['a required question left out', 'attended', undefined, 'This question needs an answer.'],
      ['a required choice left empty', 'heardFrom', '  ', 'This question needs an answer.'],
      ['« prefer not » where it is not offered', 'comment', null, '« Prefer not to answer » is not offered for this question.'],
      [
        'an answer to a question its show-if hides',
        'whyUnsatisfied',
        'Je suis satisfait',
        'This question does not apply given the earlier answers.',
      ],
    ])('%s', async (_case, question, value, expected) => {
      // Arrange
      const before = await rowsOf(q.questionnaireId);
      // Act
      const res = await post(q.slug, { language: 'en', version: 1, answers: validAnswers(ids, { [question]: value }) }).expect(400);
      // Assert
      expect(res.body).toMatchObject({ statusCode: 400, code: 'invalid_response', message: 'Some answers need attention.' });
      expect(res.body.errors).toEqual([{ field: `answers.${ids[question]}`, questionId: ids[question], message: expected }]);
      expect(await rowsOf(q.questionnaireId)).toBe(before);
    });

    it('refuses a question this version does not have', async () => {
      const stray = randomUUID();
      const answers = [...validAnswers(ids), { questionId: stray, value: 'x' }];
      const res = await post(q.slug, { language: 'en', version: 1, answers }).expect(400);
      expect(res.body.errors).toEqual([
        { field: `answers.${stray}`, questionId: stray, message: 'This question is not part of this version of the questionnaire.' },
      ]);
    });

    it('refuses a question answered twice, once', async () => {
      const answers = [...validAnswers(ids), { questionId: ids.comment, value: 'Encore' }, { questionId: ids.comment, value: 'Et encore' }];
      const res = await post(q.slug, { language: 'en', version: 1, answers }).expect(400);
      expect(res.body.errors).toEqual([
        { field: `answers.${ids.comment}`, questionId: ids.comment, message: 'This question was answered more than once.' },
      ]);
    });

    it('lists one error per question when several are wrong', async () => {
      const res = await post(q.slug, {
        language: 'en',
        version: 1,
        answers: validAnswers(ids, { attended: 'oui', heardFrom: undefined, satisfaction: 0, visitDay: 'demain' }),
      }).expect(400);
      expect(fields(res.body.errors)).toEqual([ids.attended, ids.heardFrom, ids.satisfaction, ids.visitDay].map((id) => `answers.${id}`));
    });

    it('speaks Arabic to a resident answering in Arabic', async () => {
      const res = await post(q.slug, {
        language: 'ar',
        version: 1,
        answers: validAnswers(ids, { attended: undefined, satisfaction: 9 }),
      }).expect(400);
      expect(res.body.message).toBe('بعض الإجابات تحتاج إلى مراجعة.');
      expect(res.body.errors).toEqual([
        { field: `answers.${ids.attended}`, questionId: ids.attended, message: 'هذا السؤال يتطلب إجابة.' },
        { field: `answers.${ids.satisfaction}`, questionId: ids.satisfaction, message: 'اختر عدداً صحيحاً من 1 إلى 5.' },
      ]);
    });

    it('speaks French to a resident answering in French', async () => {
      const res = await post(q.slug, body({ heardFrom: 'radio' })).expect(400);
      expect(res.body.message).toBe('Certaines réponses sont à revoir.');
      expect(res.body.errors).toEqual([
        { field: `answers.${ids.heardFrom}`, questionId: ids.heardFrom, message: 'Choisissez une des options proposées.' },
      ]);
    });

    it("falls back to the default language when the resident's has no messages, then to English", async () => {
      // Arrange: Tamil has no message catalog; the first questionnaire's default is French, the second's Tamil.
      const sample = sampleQuestions();
      const tamilFirst = await another({ versions: [sample.questions], defaultLanguage: 'ta', languages: ['ta', 'fr'] });
      const french = await another({ versions: [sample.questions], defaultLanguage: 'fr', languages: ['fr', 'ta'] });
      const answers = validAnswers(sample.ids, { attended: undefined });
      // Act
      const toFrench = await post(french.slug, { language: 'ta', version: 1, answers }).expect(400);
      const toEnglish = await post(tamilFirst.slug, { language: 'ta', version: 1, answers }).expect(400);
      // Assert
      expect(toFrench.body.errors[0].message).toBe('Cette question demande une réponse.');
      expect(toEnglish.body.errors[0].message).toBe('This question needs an answer.');
    });

    it.each<[string, object, string[]]>([
      ['an unknown field', { language: 'en', version: 1, answers: [], extra: 1 }, ['extra']],
      ['no language, version or answers', {}, ['language', 'version', 'answers']],
      ['answers that are not a list', { language: 'en', version: 1, answers: { a: 1 } }, ['answers']],
      ['a language the questionnaire does not have', { language: 'de', version: 1, answers: [] }, ['language']],
      ['a version that is not a whole number', { language: 'en', version: '1', answers: [] }, ['version']],
      ['an answer without its questionId', { language: 'en', version: 1, answers: [{ value: true }] }, ['answers.0']],
    ])('refuses a body with %s, naming the field', async (_case, sent, expected) => {
      const res = await post(q.slug, sent).expect(400);
      expect(fields(res.body.errors)).toEqual(expect.arrayContaining(expected));
    });

    it('names the languages it accepts', async () => {
      const res = await post(q.slug, { language: 'de', version: 1, answers: validAnswers(ids) }).expect(400);
      expect(res.body.errors).toEqual([{ field: 'language', message: 'Choisissez une des langues de ce questionnaire : fr, en, ar, es.' }]);
    });

    it('answers 413 for a body over 64 KB and stores nothing', async () => {
      const before = await rowsOf(q.questionnaireId);
      const res = await post(q.slug, body({ story: 'x'.repeat(70 * 1024) })).expect(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
      expect(await rowsOf(q.questionnaireId)).toBe(before);
    });
  });

  describe('HTTP rules of the POST, as for the rest of the API', () => {
    const raw = () => t.http().post(`/api/public/questionnaires/${q.slug}/responses`).set('Idempotency-Key', randomUUID());

    it('answers 415 for a body that is not JSON, and stores nothing', async () => {
      const before = await rowsOf(q.questionnaireId);
      const res = await raw().set('Content-Type', 'text/plain').send('language=fr').expect(415);
      expect(res.body).toMatchObject({ statusCode: 415, code: 'unsupported_media_type' });
      expect(await rowsOf(q.questionnaireId)).toBe(before);
    });

    it('answers 400 for malformed JSON and for a body that tries to set __proto__', async () => {
      const bad = await raw().set('Content-Type', 'application/json').send('{"language": ').expect(400);
      expect(bad.body).toMatchObject({ statusCode: 400, code: 'bad_request', message: expect.stringMatching(/JSON/) });
      const poisoned = await raw().set('Content-Type', 'application/json').send('{"language":"fr","__proto__":{"admin":true}}').expect(400);
      expect(poisoned.body).toMatchObject({ statusCode: 400, code: 'bad_request' });
    });

    it('answers 413 to a streamed body (no Content-Length) once it passes 64 KB', async () => {
      // As supertest does: the app's server listens for this test only.
      const server = t.app.getHttpServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/api/public/questionnaires/${q.slug}/responses`,
            headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            agent: false,
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        // Written in pieces: Node sends them chunked, without a length the server could check up front.
        for (let i = 0; i < 10; i++) req.write(`{"story":"${'x'.repeat(10 * 1024)}",`);
        req.end('}');
      }).finally(
        () =>
          new Promise((resolve) => {
            server.close(resolve);
            server.closeAllConnections();
          }),
      );
      expect(status).toBe(413);
    });

    it('sends the security headers', async () => {
      const res = await post(q.slug, body()).expect(201);
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a retry with the same key and body as the first time, and stores one row', async () => {
      // Arrange
      const key = randomUUID();
      const first = await post(q.slug, body(), key).expect(201);
      // Act: the same answers, listed in another order.
      const retry = await post(q.slug, { language: 'fr', version: 1, answers: validAnswers(ids).reverse() }, key);
      // Assert
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await rowsWithKey(key)).toBe(1);
    });

    it('answers 422 to the same key with another body, and keeps the first', async () => {
      const key = randomUUID();
      const first = await post(q.slug, body(), key).expect(201);
      const res = await post(q.slug, body({ satisfaction: 5 }), key).expect(422);
      expect(res.body).toMatchObject({ statusCode: 422, code: 'idempotency_key_reused' });
      const [row] = await t.db.query(
        `SELECT id, response_answers_by_id(questionnaire_id, version, answers) AS answers FROM responses WHERE idempotency_key = $1`,
        [key],
      );
      expect(row.id).toBe(first.body.id);
      expect(row.answers[ids.satisfaction]).toBe(4);
    });

    it('answers 400 without a key and with a key that is not a UUID', async () => {
      const before = await rowsOf(q.questionnaireId);
      const none = await post(q.slug, body(), null).expect(400);
      const bad = await post(q.slug, body(), 'not-a-uuid').expect(400);
      expect(none.body).toMatchObject({ code: 'idempotency_key_required', errors: [{ field: 'Idempotency-Key' }] });
      expect(bad.body).toMatchObject({ code: 'invalid_idempotency_key', errors: [{ field: 'Idempotency-Key' }] });
      expect(await rowsOf(q.questionnaireId)).toBe(before);
    });

    it('stores one row when two identical requests arrive at the same moment, and both get it', async () => {
      // Arrange
      const key = randomUUID();
      // Act
      const [a, b] = await Promise.all([post(q.slug, body(), key), post(q.slug, body(), key)]);
      // Assert
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).toBe(b.body.id);
      expect(a.body).toEqual(b.body);
      expect(await rowsWithKey(key)).toBe(1);
    });

    it('stores one row per key when twenty residents answer at the same moment', async () => {
      // Arrange
      const fresh = await another({ versions: [q.questions] });
      // Act
      const results = await Promise.all(Array.from({ length: 20 }, () => post(fresh.slug, body())));
      // Assert
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
      expect(new Set(results.map((r) => r.body.id)).size).toBe(20);
      expect(await rowsOf(fresh.questionnaireId)).toBe(20);
    });

    it('still acknowledges a stored response when the retry comes after the questionnaire closed', async () => {
      // Arrange
      const closing = await another({ versions: [q.questions] });
      const key = randomUUID();
      const first = await post(closing.slug, body(), key).expect(201);
      await t.db.query(`UPDATE questionnaires SET status = 'closed' WHERE id = $1`, [closing.questionnaireId]);
      t.app.get(QuestionnaireLookupService).forget(closing.slug);
      // Act
      const retry = await post(closing.slug, body(), key);
      const fresh = await post(closing.slug, body());
      // Assert
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(fresh.status).toBe(410);
      expect(await rowsOf(closing.questionnaireId)).toBe(1);
    });
  });

  describe('when the database fails', () => {
    it('answers 503 with Retry-After, stores nothing, and stores the response when the phone sends it again', async () => {
      // Arrange
      const key = randomUUID();
      const down = jest.spyOn(t.db, 'query').mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
      // Act
      const failed = await post(q.slug, body(), key);
      down.mockRestore();
      const retry = await post(q.slug, body(), key);
      // Assert
      expect(failed.status).toBe(503);
      expect(failed.headers['retry-after']).toBe('5');
      expect(failed.body).toMatchObject({ statusCode: 503, code: 'unavailable' });
      expect(retry.status).toBe(201);
      expect(await rowsWithKey(key)).toBe(1);
    });
  });

  describe('refusals before any answer is read', () => {
    it('answers 404 for an unknown slug', async () => {
      const res = await post('nothing-published-here', body()).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'not_found' });
    });

    it('answers 410 for a closed questionnaire and stores nothing', async () => {
      const closed = await another({ status: 'closed', versions: [q.questions] });
      const res = await post(closed.slug, body()).expect(410);
      expect(res.body).toMatchObject({ statusCode: 410, code: 'closed' });
      expect(await rowsOf(closed.questionnaireId)).toBe(0);
    });

    it('answers a bot that fills the honeypot as it would a person, and stores nothing', async () => {
      // Arrange
      const before = await rowsOf(q.questionnaireId);
      // Act
      const res = await post(q.slug, body({}, { website: 'http://spam.example' }));
      // Assert
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['id', 'receivedAt']);
      expect(await rowsOf(q.questionnaireId)).toBe(before);
    });

    it('takes an empty honeypot as a person', async () => {
      const res = await post(q.slug, body({}, { website: '' })).expect(201);
      expect(await t.db.query('SELECT count(*)::int AS n FROM responses WHERE id = $1', [res.body.id])).toEqual([{ n: 1 }]);
    });
  });

  describe('GET /api/questionnaires/{id}/responses', () => {
    it('lists the stored responses newest first, with the total, for evaluators', async () => {
      // Arrange
      const listed = await another({ versions: [q.questions] });
      const sent: string[] = [];
      for (const satisfaction of [3, 4, 5]) sent.push((await post(listed.slug, body({ satisfaction })).expect(201)).body.id);
      // Act
      const page1 = await t
        .http()
        .get(`/api/questionnaires/${listed.questionnaireId}/responses?limit=2`)
        .set(bearer(t.tokens.evaluator))
        .expect(200);
      const page2 = await t
        .http()
        .get(`/api/questionnaires/${listed.questionnaireId}/responses?limit=2&page=2`)
        .set(bearer(t.tokens.admin))
        .expect(200);
      // Assert
      expect(page1.body).toMatchObject({ total: 3, page: 1, limit: 2 });
      expect([...page1.body.items, ...page2.body.items].map((r: { id: string }) => r.id)).toEqual([...sent].reverse());
      expect(page1.body.items[0]).toEqual({
        id: sent[2],
        version: 1,
        language: 'fr',
        receivedAt: expect.any(String),
        answeredAt: expect.any(String),
        answers: expect.objectContaining({ [ids.satisfaction]: 5 }),
      });
    });

    it('answers 404 for an unknown questionnaire and 403 to partners', async () => {
      await t.http().get(`/api/questionnaires/${randomUUID()}/responses`).set(bearer(t.tokens.evaluator)).expect(404);
      await t.http().get(`/api/questionnaires/${q.questionnaireId}/responses`).set(bearer(t.tokens.partner)).expect(403);
    });
  });
});
