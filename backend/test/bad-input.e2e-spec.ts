import { WorkCell } from '@backend/work-cells/work-cell.entity';
import { WorkStep } from '@backend/work-cells/work-step.entity';
import { Action } from '@backend/plans/action.entity';
import { bearer, startTestApp, TestApp } from './support/test-app';

interface ErrorResponse {
  statusCode: number;
  code: string;
  message: string;
  errors?: { field: string; message: string }[];
}

describe('Bad input gets a 4xx that names the field, and writes nothing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const as = () => bearer(t.tokens.evaluator);
  const post = (path: string, body: unknown) =>
    t
      .http()
      .post(path)
      .set(as())
      .send(body as object);
  const create = async (path: string, body: object): Promise<string> => (await post(path, body).expect(201)).body.id as string;
  const fields = (body: ErrorResponse) => (body.errors ?? []).map((e) => e.field);

  async function planWithOrientation(title: string) {
    const planId = await create('/api/plans', { title, startDate: '2024-01-01', endDate: '2025-12-31' });
    const orientationId = await create('/api/orientations', { planId, number: 1, title: 'Orientation' });
    const objectiveId = await create('/api/objectives', { orientationId, code: '1.1', title: 'Objectif' });
    return { planId, orientationId, objectiveId };
  }

  it.each([
    ['a wrong type', 'title', { title: 42, startDate: '2024-01-01', endDate: '2024-12-31' }, /title must be a string/],
    ['a missing field', 'startDate', { title: 'Plan' }, /startDate must be a date/],
    [
      'an unknown field',
      'budget',
      { title: 'Plan', startDate: '2024-01-01', endDate: '2024-12-31', budget: 1 },
      /property budget should not exist/,
    ],
    [
      'a date that does not exist',
      'startDate',
      { title: 'Plan', startDate: '2024-02-30', endDate: '2024-12-31' },
      /startDate must be a date/,
    ],
    [
      'a time where a date is expected',
      'startDate',
      { title: 'Plan', startDate: '2024-01-01T10:00:00Z', endDate: '2024-12-31' },
      /YYYY-MM-DD/,
    ],
    ['null for a required field', 'title', { title: null, startDate: '2024-01-01', endDate: '2024-12-31' }, /title/],
    ['an empty title', 'title', { title: '', startDate: '2024-01-01', endDate: '2024-12-31' }, /title should not be empty/],
    [
      'an end before the start',
      'endDate',
      { title: 'Plan', startDate: '2024-01-01', endDate: '2023-12-31' },
      /endDate: must not be before startDate/,
    ],
    [
      'a mid-term outside the plan',
      'midtermDate',
      { title: 'Plan', startDate: '2024-01-01', endDate: '2024-12-31', midtermDate: '2026-01-01' },
      /midtermDate/,
    ],
    [
      'an owner that does not exist',
      'ownerOrganizationId',
      { title: 'Plan', startDate: '2024-01-01', endDate: '2024-12-31', ownerOrganizationId: '00000000-0000-4000-8000-000000000000' },
      /ownerOrganizationId: no such record/,
    ],
    [
      'a malformed owner id',
      'ownerOrganizationId',
      { title: 'Plan', startDate: '2024-01-01', endDate: '2024-12-31', ownerOrganizationId: 'abc' },
      /ownerOrganizationId must be a UUID/,
    ],
  ])('POST /api/plans with %s is a 400 naming %s', async (_case, field, body, message) => {
    // Only this file writes plans titled 'Plan' or '', and none of its writes of them succeed.
    const ours = `SELECT count(*)::int AS n FROM plans WHERE title IN ('Plan', '')`;
    const before = await t.db.query(ours);
    const res = await post('/api/plans', body).expect(400);
    expect(fields(res.body)).toContain(field);
    expect(res.body.message).toMatch(message);
    expect(await t.db.query(ours)).toEqual(before);
  });

  it('lists every bad field at once, with nested paths', async () => {
    const res = await post('/api/work-cells', { name: 'Cellule', steps: [{ text: 'ok' }, { done: 'yes' }] }).expect(400);
    expect(fields(res.body)).toEqual(expect.arrayContaining(['steps.1.text', 'steps.1.done']));
    expect(res.body.message).toMatch(/steps\.1\.text must be a string/);
  });

  it('refuses an objective nested under an objective of another plan', async () => {
    const a = await planWithOrientation('Plan A');
    const b = await planWithOrientation('Plan B');
    const res = await post('/api/objectives', {
      orientationId: a.orientationId,
      parentId: b.objectiveId,
      code: '1.1.1',
      title: 'Sous-objectif',
    }).expect(400);
    expect(res.body).toMatchObject({ code: 'invalid_reference', errors: [{ field: 'parentId', message: 'belongs to another plan' }] });
  });

  it("refuses moving an objective into another plan's orientation", async () => {
    const a = await planWithOrientation('Plan C');
    const b = await planWithOrientation('Plan D');
    const res = await t.http().patch(`/api/objectives/${a.objectiveId}`).set(as()).send({ orientationId: b.orientationId }).expect(400);
    expect(fields(res.body)).toEqual(['orientationId']);
    const still = await t.http().get(`/api/objectives/${a.objectiveId}`).set(as()).expect(200);
    expect(still.body.orientationId).toBe(a.orientationId);
  });

  it("refuses an indicator fed by another plan's instrument", async () => {
    const a = await planWithOrientation('Plan E');
    const b = await planWithOrientation('Plan F');
    const instrumentId = await create('/api/instruments', { planId: b.planId, kind: 'tally', name: 'Décompte' });
    const res = await post('/api/indicators', { objectiveId: a.objectiveId, name: 'Indicateur', instrumentIds: [instrumentId] }).expect(
      400,
    );
    expect(fields(res.body)).toEqual(['instrumentIds.0']);
    expect(await t.db.query('SELECT count(*)::int AS n FROM indicators WHERE plan_id = $1', [a.planId])).toEqual([{ n: 0 }]);
  });

  it('writes a work cell whole or not at all', async () => {
    const orgId = await create('/api/organizations', { name: 'Organisme témoin' });
    const res = await post('/api/work-cells', {
      name: 'Cellule à moitié',
      steps: [{ text: 'Étape 1', done: true }, { text: 'Étape 2' }],
      partnerships: [{ organizationId: orgId, network: 'communautaire' }, { organizationId: '00000000-0000-4000-8000-000000000000' }],
    }).expect(400);
    expect(fields(res.body)).toEqual(['partnerships.1.organizationId']);
    expect(await t.db.getRepository(WorkCell).countBy({ name: 'Cellule à moitié' })).toBe(0);
    expect(await t.db.getRepository(WorkStep).countBy({ text: 'Étape 2' })).toBe(0);
  });

  it('writes an action with its responsible organizations whole or not at all', async () => {
    const a = await planWithOrientation('Plan G');
    const orgId = await create('/api/organizations', { name: 'Organisme responsable' });
    const res = await post('/api/actions', {
      objectiveId: a.objectiveId,
      description: 'Action orpheline',
      responsibleOrganizationIds: [orgId, '00000000-0000-4000-8000-000000000001'],
    }).expect(400);
    expect(fields(res.body)).toEqual(['responsibleOrganizationIds.1']);
    expect(await t.db.getRepository(Action).countBy({ description: 'Action orpheline' })).toBe(0);
  });

  it('checks a schedule given with its kind', async () => {
    const a = await planWithOrientation('Plan H');
    const res = await post('/api/actions', {
      objectiveId: a.objectiveId,
      description: 'Action',
      schedule: { kind: 'date', text: 'Bientôt' },
    }).expect(400);
    expect(fields(res.body)).toEqual(['schedule.date']);
    const bad = await post('/api/actions', {
      objectiveId: a.objectiveId,
      description: 'Action',
      schedule: { kind: 'weekly', text: 'x' },
    }).expect(400);
    expect(fields(bad.body)).toEqual(['schedule.kind']);
  });

  it('answers 400 for malformed ids in the path and in queries', async () => {
    const res = await t.http().get('/api/work-cells/123').set(as()).expect(400);
    expect(res.body).toMatchObject({ code: 'invalid_id', message: 'id must be a UUID' });
    const q = await t.http().get('/api/objectives?planId=nope').set(as()).expect(400);
    expect(fields(q.body)).toEqual(['planId']);
  });

  it('answers 400 for pages out of bounds', async () => {
    const res = await t.http().get('/api/organizations?limit=1000&page=0').set(as()).expect(400);
    expect(fields(res.body)).toEqual(expect.arrayContaining(['limit', 'page']));
  });

  it('answers 400 for malformed JSON and 413 for an oversized body', async () => {
    const bad = await t.http().post('/api/plans').set(as()).set('Content-Type', 'application/json').send('{"title": ').expect(400);
    expect(bad.body.statusCode).toBe(400);
    const huge = { title: 'x'.repeat(2 * 1024 * 1024), startDate: '2024-01-01', endDate: '2024-12-31' };
    const res = await post('/api/plans', huge).expect(413);
    expect(res.body.statusCode).toBe(413);
  });

  it('answers 409 for a duplicate organization, and archives (never erases) one still in use', async () => {
    await create('/api/organizations', { name: 'Organisme en double' });
    const dup = await post('/api/organizations', { name: 'ORGANISME  en double' }).expect(409);
    expect(dup.body.code).toBe('already_exists');
    const orgId = await create('/api/organizations', { name: 'Organisme propriétaire' });
    const planId = await create('/api/plans', {
      title: 'Plan possédé',
      startDate: '2024-01-01',
      endDate: '2024-12-31',
      ownerOrganizationId: orgId,
    });
    await t.http().delete(`/api/organizations/${orgId}`).set(as()).expect(204);
    const archived = await t.http().get(`/api/organizations/${orgId}`).set(as()).expect(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    await t.http().get(`/api/plans/${planId}`).set(as()).expect(200);
  });

  it('answers 404 for well-formed ids that do not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const path of [
      'plans',
      'orientations',
      'objectives',
      'actions',
      'expected-results',
      'indicators',
      'instruments',
      'work-cells',
      'organizations',
    ]) {
      const res = await t.http().get(`/api/${path}/${missing}`).set(as()).expect(404);
      expect(res.body.code).toBe('not_found');
    }
  });
});
