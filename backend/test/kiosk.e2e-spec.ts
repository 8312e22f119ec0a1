import { Fixtures, fixtures, PlanFixture, uniqueText } from './support/fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

interface ErrorBody {
  statusCode: number;
  code: string;
  errors?: { field: string; message: string }[];
}

// Kiosk mode (« mode borne »): a setting of the questionnaire that the residents' page reads from the public payload.
describe('Kiosk mode of a questionnaire', () => {
  let t: TestApp;
  let fx: Fixtures;
  let plan: PlanFixture;

  const as = (role: 'evaluator' | 'committee' = 'evaluator') => bearer(t.tokens[role]);

  async function create(body: object = {}): Promise<{ id: string; slug: string; kiosk: boolean }> {
    const res = await t
      .http()
      .post('/api/questionnaires')
      .set(as())
      .send({
        planId: plan.planId,
        title: { fr: uniqueText('Borne'), en: 'Kiosk' },
        defaultLanguage: 'fr',
        languages: ['fr', 'en'],
        questions: [{ type: 'yes_no', required: true, label: { fr: 'Venez-vous souvent ?', en: 'Do you come often?' } }],
        ...body,
      });
    if (res.status !== 201) throw new Error(`create answered ${res.status} ${JSON.stringify(res.body)}`);
    fx.track(`/api/questionnaires/${res.body.id}`);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    fx = fixtures(t);
    plan = await fx.plan();
  });
  afterAll(async () => {
    await fx.cleanup();
    await t.close();
  });

  it('is off unless asked, and can be set at creation', async () => {
    expect((await create()).kiosk).toBe(false);
    expect((await create({ kiosk: true })).kiosk).toBe(true);
  });

  it.each([['yes'], [1], [null]])('refuses %p as kiosk with a 400 naming the field', async (value) => {
    const q = await create();
    const res = await t.http().patch(`/api/questionnaires/${q.id}`).set(as()).send({ kiosk: value });
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).errors?.map((e) => e.field)).toContain('kiosk');
    const created = await t.http().post('/api/questionnaires').set(as()).send({ planId: plan.planId, kiosk: 'on' });
    expect(created.status).toBe(400);
    expect((created.body as ErrorBody).errors?.map((e) => e.field)).toContain('kiosk');
  });

  it('reaches the public payload at once, without a new publication, and leaves the content untouched', async () => {
    const q = await create();
    const published = await t.http().post(`/api/questionnaires/${q.id}/publish`).set(as()).send({}).expect(200);
    const before = await t.http().get(`/api/public/questionnaires/${q.slug}`).expect(200);
    expect(before.body.kiosk).toBe(false);

    const patched = await t.http().patch(`/api/questionnaires/${q.id}`).set(as()).send({ kiosk: true }).expect(200);
    expect(patched.body).toMatchObject({ kiosk: true, currentVersion: published.body.currentVersion, hasUnpublishedChanges: false });
    const after = await t.http().get(`/api/public/questionnaires/${q.slug}?lang=en`).expect(200);
    expect(after.body).toMatchObject({ kiosk: true, version: before.body.version, language: 'en' });

    await t.http().patch(`/api/questionnaires/${q.id}`).set(as()).send({ kiosk: false }).expect(200);
    expect((await t.http().get(`/api/public/questionnaires/${q.slug}`).expect(200)).body.kiosk).toBe(false);
  });

  it('is for those who edit questionnaires: the committee cannot switch it', async () => {
    const q = await create();
    await t.http().patch(`/api/questionnaires/${q.id}`).set(as('committee')).send({ kiosk: true }).expect(403);
    expect((await t.http().get(`/api/questionnaires/${q.id}`).set(as('committee')).expect(200)).body.kiosk).toBe(false);
  });
});
