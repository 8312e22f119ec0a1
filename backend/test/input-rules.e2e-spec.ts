import { fixtures, Fixtures, PlanFixture } from './support/fixtures';
import {
  createQuestionnaire,
  QuestionnaireFixture,
  removeQuestionnaire,
  sampleQuestions,
  SampleIds,
  validAnswers,
} from './support/questionnaire-factory';
import { bearer, startTestApp, TestApp } from './support/test-app';

// Issue 15's examples of 500s (and the resident's 503): each is now a 400 that names what is wrong.
describe('One input rule for every route', () => {
  let t: TestApp;
  let f: Fixtures;
  let plan: PlanFixture;
  let q: QuestionnaireFixture;
  let ids: SampleIds;

  beforeAll(async () => {
    t = await startTestApp();
    f = fixtures(t);
    plan = await f.plan();
    const sample = sampleQuestions();
    ids = sample.ids;
    q = await createQuestionnaire(t.db, { planId: plan.planId, versions: [sample.questions] });
  });
  afterAll(async () => {
    await removeQuestionnaire(t.db, q.questionnaireId);
    await f.cleanup();
    await t.close();
  });

  const admin = () => bearer(t.tokens.admin);
  // Sent as given: superagent would JSON-encode a Buffer ({"type":"Buffer",…}) under application/json.
  const raw = (body: unknown) => body as string;
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  it.each([
    ['NUL', 'a\u0000b', /title must not contain a NUL character/],
    ['a lone surrogate', 'a\ud800b', /title must be valid Unicode text/],
  ])('POST /api/plans with %s in the title is a 400 naming title', async (_case, title, message) => {
    const res = await t.http().post('/api/plans').set(admin()).send({ title, startDate: '2024-01-01', endDate: '2024-12-31' }).expect(400);
    expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'title' }] });
    expect(res.body.message).toMatch(message);
  });

  it('GET /api/organizations?search=%00 is a 400 naming search', async () => {
    const res = await t.http().get('/api/organizations?search=%00').set(admin()).expect(400);
    expect(res.body).toMatchObject({ code: 'validation_failed' });
    expect(fields(res.body)).toEqual(['search']);
  });

  it('PATCH /api/orientations/{id} with a null title is a 400 naming title, and changes nothing', async () => {
    const res = await t.http().patch(`/api/orientations/${plan.orientationId}`).set(admin()).send({ title: null }).expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(fields(res.body)).toContain('title');
    const still = await t.http().get(`/api/orientations/${plan.orientationId}`).set(admin()).expect(200);
    expect(typeof still.body.title).toBe('string');
  });

  it('a field that may be cleared still takes null', async () => {
    await t.http().patch(`/api/plans/${plan.planId}`).set(admin()).send({ midtermDate: null }).expect(200);
  });

  it.each(['/api/auth/login', '/api/plans'])('JSON nested 10,000 deep to %s is a 400', async (path) => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const res = await t.http().post(path).set(admin()).set('content-type', 'application/json').send(deep).expect(400);
    expect(res.body.message).toMatch(/nested more than 64 levels/);
  });

  it('a lone surrogate in the login email is a 400 naming email', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: 'a\ud800@demo.repere.org', password: 'x' }).expect(400);
    expect(fields(res.body)).toEqual(['email']);
  });

  it('a body that is not UTF-8 is refused, not stored as U+FFFD', async () => {
    const body = Buffer.concat([
      Buffer.from('{"title":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('","startDate":"2024-01-01","endDate":"2024-12-31"}'),
    ]);
    const res = await t
      .http()
      .post('/api/plans')
      .set(admin())
      .set('content-type', 'application/json')
      .serialize(raw)
      .send(body)
      .expect(400);
    expect(res.body).toMatchObject({ code: 'invalid_encoding' });
  });

  describe("a resident's text answer", () => {
    const submit = (body: object | string | Buffer) =>
      t
        .http()
        .post(`/api/public/questionnaires/${q.slug}/responses`)
        .set('content-type', 'application/json')
        .serialize(raw)
        .send(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));

    it.each([
      ['NUL', 'a\u0000b'],
      ['a lone surrogate', 'a\ud800b'],
    ])('with %s is a 400 naming the answer, never a 503', async (_case, comment) => {
      const answers = validAnswers(ids, { comment });
      const res = await submit({ language: 'fr', version: 1, answers }).expect(400);
      expect(res.headers['retry-after']).toBeUndefined();
      expect(fields(res.body)).toEqual([`answers.${answers.findIndex((a) => a.questionId === ids.comment)}.value`]);
    });

    it('nested 10,000 deep or not UTF-8 is a 400', async () => {
      await submit(`${'['.repeat(10_000)}${']'.repeat(10_000)}`).expect(400);
      const res = await submit(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])).expect(400);
      expect(res.body.code).toBe('invalid_encoding');
    });
  });
});
