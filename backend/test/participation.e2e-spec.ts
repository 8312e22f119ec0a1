import { randomUUID } from 'node:crypto';
import { Fixtures, fixtures, PlanFixture } from './support/fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

interface Count {
  id: string;
  organizationId: string | null;
  recordedBy: string | null;
  total: number;
  activity: string;
}

describe('Participation counts', () => {
  let t: TestApp;
  let fx: Fixtures;
  let plan: PlanFixture;
  let partnerId: string;
  let partnerOrg: string;
  let otherPartner: string;

  beforeAll(async () => {
    t = await startTestApp();
    fx = fixtures(t);
    plan = await fx.plan();
    const me = await t.http().get('/api/auth/me').set(bearer(t.tokens.partner)).expect(200);
    partnerId = me.body.id;
    partnerOrg = me.body.organizationId;
    // Partners count for the plans their organization is part of: the demo partner's is a partner of a work cell of the plan.
    await fx.workCell({ partnerOrganizationId: partnerOrg, objectiveId: plan.objectiveId });
    const { organizationId } = await fx.organization();
    const other = await fx.user({ role: 'partner', organizationId });
    otherPartner = (await t.http().post('/api/auth/login').send({ email: other.email, password: other.password }).expect(200)).body
      .accessToken;
  });
  afterAll(async () => {
    await fx.cleanup();
    await t.close();
  });

  const count = (overrides: object = {}) => ({
    instrumentId: plan.instrumentId,
    activity: 'Journée de Bienvenue',
    date: '2024-08-17',
    total: 120,
    breakdown: [
      { dimension: 'gender', category: 'woman', count: 60 },
      { dimension: 'gender', category: 'man', count: 50 },
    ],
    ...overrides,
  });
  const post = (token: string, body: object, key: string | null = randomUUID()) => {
    const req = t.http().post('/api/participation-counts').set(bearer(token));
    if (key !== null) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  const rowsWithKey = async (key: string) =>
    (await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM participation_counts WHERE idempotency_key = $1', [key]))[0].n;
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  describe('POST /api/participation-counts', () => {
    it("records a partner's count for its organization", async () => {
      // Act
      const res = await post(t.tokens.partner, count()).expect(201);
      // Assert
      expect(res.body).toMatchObject({
        id: expect.any(String),
        instrumentId: plan.instrumentId,
        organizationId: partnerOrg,
        recordedBy: partnerId,
        activity: 'Journée de Bienvenue',
        date: '2024-08-17',
        total: 120,
        breakdown: count().breakdown,
      });
      expect(res.body).not.toHaveProperty('bodyHash');
    });

    it('accepts parts that add up to the total in each of several dimensions', async () => {
      const breakdown = [
        { dimension: 'gender', category: 'woman', count: 70 },
        { dimension: 'gender', category: 'man', count: 50 },
        { dimension: 'age_group', category: '25_34', count: 120 },
        { dimension: 'disability', category: 'yes', count: 8 },
      ];
      await post(t.tokens.evaluator, count({ breakdown })).expect(201);
    });

    it.each<[string, string, object]>([
      ['parts of a dimension over the total', 'breakdown.gender', { total: 100 }],
      [
        'a category given twice',
        'breakdown.1',
        {
          breakdown: [
            { dimension: 'gender', category: 'woman', count: 1 },
            { dimension: 'gender', category: 'woman', count: 2 },
          ],
        },
      ],
      ['a category its dimension lacks', 'breakdown.0.category', { breakdown: [{ dimension: 'age_group', category: 'woman', count: 1 }] }],
      ['an unknown dimension', 'breakdown.0.dimension', { breakdown: [{ dimension: 'income', category: 'low', count: 1 }] }],
      ['a negative total', 'total', { total: -1, breakdown: [] }],
      ['a negative part', 'breakdown.0.count', { breakdown: [{ dimension: 'gender', category: 'woman', count: -1 }] }],
      ['a date that does not exist', 'date', { date: '2024-02-30' }],
      ['an instrument that does not exist', 'instrumentId', { instrumentId: randomUUID() }],
    ])('refuses %s with a 400 naming %s, and stores nothing', async (_case, field, overrides) => {
      // Arrange
      const key = randomUUID();
      // Act
      const res = await post(t.tokens.evaluator, count(overrides), key).expect(400);
      // Assert
      expect(fields(res.body)).toContain(field);
      expect(await rowsWithKey(key)).toBe(0);
    });

    it('refuses an instrument that is not a count or a tally', async () => {
      const questionnaire = await t
        .http()
        .post('/api/instruments')
        .set(bearer(t.tokens.evaluator))
        .send({ planId: plan.planId, kind: 'questionnaire', name: 'Questionnaire' })
        .expect(201);
      const res = await post(t.tokens.evaluator, count({ instrumentId: questionnaire.body.id })).expect(400);
      expect(res.body.errors).toEqual([{ field: 'instrumentId', message: expect.stringMatching(/questionnaire instrument/) }]);
    });

    it('refuses the committee', async () => {
      await post(t.tokens.committee, count()).expect(403);
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a retry with the same key and body as the first time, and stores one row', async () => {
      // Arrange
      const key = randomUUID();
      const first = await post(t.tokens.partner, count(), key).expect(201);
      // Act: the same breakdown, in another order.
      const retry = await post(t.tokens.partner, count({ breakdown: [...count().breakdown].reverse() }), key);
      // Assert
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await rowsWithKey(key)).toBe(1);
    });

    it('answers 422 to the same key with another body, or from another user', async () => {
      const key = randomUUID();
      await post(t.tokens.partner, count(), key).expect(201);
      const other = await post(t.tokens.partner, count({ total: 121 }), key).expect(422);
      expect(other.body).toMatchObject({ statusCode: 422, code: 'idempotency_key_reused' });
      await post(t.tokens.evaluator, count(), key).expect(422);
      expect(await rowsWithKey(key)).toBe(1);
    });

    it('answers 400 without a key and with a key that is not a UUID', async () => {
      const none = await post(t.tokens.partner, count(), null).expect(400);
      const bad = await post(t.tokens.partner, count(), '12345').expect(400);
      expect(none.body).toMatchObject({ code: 'idempotency_key_required' });
      expect(bad.body).toMatchObject({ code: 'invalid_idempotency_key' });
    });

    it('stores one row when two identical requests arrive at the same moment', async () => {
      const key = randomUUID();
      const [a, b] = await Promise.all([post(t.tokens.partner, count(), key), post(t.tokens.partner, count(), key)]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).toBe(b.body.id);
      expect(await rowsWithKey(key)).toBe(1);
    });
  });

  describe('reading, editing and deleting', () => {
    let ours: Count;
    let theirs: Count;

    beforeAll(async () => {
      ours = (await post(t.tokens.partner, count({ activity: 'Atelier de cuisine' })).expect(201)).body;
      theirs = (await post(t.tokens.admin, count({ activity: 'Fête de quartier' })).expect(201)).body;
    });

    it("lists only the partner's organization's counts to a partner, and all to the committee", async () => {
      const partner = await t
        .http()
        .get(`/api/participation-counts?instrumentId=${plan.instrumentId}&limit=200`)
        .set(bearer(t.tokens.partner))
        .expect(200);
      const committee = await t
        .http()
        .get(`/api/participation-counts?instrumentId=${plan.instrumentId}&limit=200`)
        .set(bearer(t.tokens.committee))
        .expect(200);
      const ids = (body: { items: Count[] }) => body.items.map((c) => c.id);
      expect(ids(partner.body)).toContain(ours.id);
      expect(ids(partner.body)).not.toContain(theirs.id);
      expect(partner.body.items.every((c: Count) => c.organizationId === partnerOrg)).toBe(true);
      expect(ids(committee.body)).toEqual(expect.arrayContaining([ours.id, theirs.id]));
      expect(committee.body.total).toBe(committee.body.items.length);
    });

    it('keeps who changed a count, when, and what it was before', async () => {
      // Arrange
      const created = (await post(t.tokens.partner, count({ activity: 'Distribution alimentaire' })).expect(201)).body as Count;
      // Act
      await t.http().patch(`/api/participation-counts/${created.id}`).set(bearer(t.tokens.partner)).send({ total: 130 }).expect(200);
      const res = await t
        .http()
        .patch(`/api/participation-counts/${created.id}`)
        .set(bearer(t.tokens.evaluator))
        .send({ activity: 'Distribution alimentaire (été)' })
        .expect(200);
      // Assert
      expect(res.body).toMatchObject({ total: 130, activity: 'Distribution alimentaire (été)' });
      const got = await t.http().get(`/api/participation-counts/${created.id}`).set(bearer(t.tokens.partner)).expect(200);
      expect(got.body.history).toHaveLength(2);
      expect(got.body.history[1]).toMatchObject({
        changedBy: partnerId,
        changedByName: expect.any(String),
        changedAt: expect.any(String),
        previous: {
          total: 120,
          activity: 'Distribution alimentaire',
          date: '2024-08-17',
          instrumentId: plan.instrumentId,
          breakdown: count().breakdown,
        },
      });
      expect(got.body.history[0].previous).toMatchObject({ total: 130, activity: 'Distribution alimentaire' });
    });

    it('checks the parts against the new total', async () => {
      const res = await t
        .http()
        .patch(`/api/participation-counts/${ours.id}`)
        .set(bearer(t.tokens.partner))
        .send({ total: 80 })
        .expect(400);
      expect(fields(res.body)).toEqual(['breakdown.gender']);
    });

    it('refuses a partner of another organization, and changes nothing', async () => {
      // Act
      const read = await t.http().get(`/api/participation-counts/${ours.id}`).set(bearer(otherPartner));
      const edit = await t.http().patch(`/api/participation-counts/${ours.id}`).set(bearer(otherPartner)).send({ total: 1, breakdown: [] });
      const onAdmins = await t
        .http()
        .patch(`/api/participation-counts/${theirs.id}`)
        .set(bearer(t.tokens.partner))
        .send({ total: 1, breakdown: [] });
      // Assert
      expect([read.status, edit.status, onAdmins.status]).toEqual([403, 403, 403]);
      expect(edit.body).toMatchObject({ statusCode: 403, code: 'forbidden' });
      const after = await t.http().get(`/api/participation-counts/${ours.id}`).set(bearer(t.tokens.admin)).expect(200);
      expect(after.body).toMatchObject({ total: 120, history: [] });
    });

    it('lets evaluators delete a count, not partners', async () => {
      const doomed = (await post(t.tokens.partner, count({ activity: 'Annulé' })).expect(201)).body as Count;
      await t.http().delete(`/api/participation-counts/${doomed.id}`).set(bearer(t.tokens.partner)).expect(403);
      await t.http().delete(`/api/participation-counts/${doomed.id}`).set(bearer(t.tokens.evaluator)).expect(204);
      await t.http().get(`/api/participation-counts/${doomed.id}`).set(bearer(t.tokens.evaluator)).expect(404);
    });
  });
});
