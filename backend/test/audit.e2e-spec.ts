import { randomUUID } from 'node:crypto';
import { EvaluationFreezerService } from '@backend/evaluations/evaluation-freezer.service';
import type { Role } from '@backend/users/role';
import { Fixtures, fixtures, PlanFixture, uniqueText } from './support/fixtures';
import { createQuestionnaire } from './support/questionnaire-factory';
import { bearer, startTestApp, TestApp } from './support/test-app';

interface AuditEvent {
  id: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  actor: { id: string; email: string; role: Role } | null;
  changes: Record<string, { from: unknown; to: unknown }>;
}

describe('Audit trail (GET /api/audit-events)', () => {
  let t: TestApp;
  let fx: Fixtures;
  let plan: PlanFixture;
  const users = {} as Record<Role, { id: string; email: string }>;
  const as = (role: Role) => bearer(t.tokens[role]);

  beforeAll(async () => {
    t = await startTestApp();
    fx = fixtures(t);
    plan = await fx.plan();
    for (const role of ['admin', 'evaluator', 'partner', 'committee'] as Role[]) {
      const me = await t.http().get('/api/auth/me').set(as(role)).expect(200);
      users[role] = { id: me.body.id, email: me.body.email };
    }
  });
  const evaluations: string[] = [];
  afterAll(async () => {
    // Evaluations are history the database keeps from cascades: removed by SQL, children first.
    await t.db.transaction(async (em) => {
      for (const table of ['reports', 'evaluation_events', 'evaluation_assessments']) {
        await em.query(`DELETE FROM ${table} WHERE evaluation_id = ANY($1::uuid[])`, [evaluations]);
      }
      await em.query('DELETE FROM evaluations WHERE id = ANY($1::uuid[])', [evaluations]);
    });
    await fx.cleanup();
    await t.close();
  });

  async function events(query: Record<string, string>, role: Role = 'admin'): Promise<AuditEvent[]> {
    const res = await t
      .http()
      .get('/api/audit-events')
      .query({ limit: '200', ...query })
      .set(as(role))
      .expect(200);
    expect(res.body).toMatchObject({ total: expect.any(Number), page: 1, limit: 200 });
    return res.body.items as AuditEvent[];
  }
  /** The events the evaluator left on one entity. */
  const byEvaluator = (entityType: string, entityId: string) => events({ entityType, entityId, actorId: users.evaluator.id });

  async function expectOneUpdate(entityType: string, entityId: string, changes: Record<string, { from: unknown; to: unknown }>) {
    const found = await byEvaluator(entityType, entityId);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      action: 'update',
      entityType,
      entityId,
      actor: { id: users.evaluator.id, email: users.evaluator.email, role: 'evaluator' },
    });
    expect(found[0].changes).toEqual(changes);
    return found[0];
  }

  describe('plans and their parts', () => {
    it.each([
      ['plan', '/api/plans', 'planId', { title: 'Plan renommé' }, 'title'],
      ['orientation', '/api/orientations', 'orientationId', { title: 'Orientation renommée' }, 'title'],
      ['objective', '/api/objectives', 'objectiveId', { title: 'Objectif renommé' }, 'title'],
      ['action', '/api/actions', 'actionId', { description: 'Action renommée' }, 'description'],
    ] as const)('an edit of a %s leaves one event with its diff', async (type, path, key, body, field) => {
      // Arrange
      const id = plan[key];
      const before = (await t.http().get(`${path}/${id}`).set(as('evaluator')).expect(200)).body as Record<string, unknown>;
      // Act
      await t.http().patch(`${path}/${id}`).set(as('evaluator')).send(body).expect(200);
      // Assert
      await expectOneUpdate(type, id, { [field]: { from: before[field], to: (body as Record<string, unknown>)[field] } });
    });

    it('a change refused by validation leaves no event', async () => {
      // Arrange
      const id = plan.planId;
      const before = await events({ entityType: 'plan', entityId: id });
      // Act
      await t.http().patch(`/api/plans/${id}`).set(as('evaluator')).send({ endDate: '2000-01-01' }).expect(400);
      await t.http().patch(`/api/plans/${id}`).set(as('evaluator')).send({ title: 42 }).expect(400);
      // Assert
      expect(await events({ entityType: 'plan', entityId: id })).toEqual(before);
    });
  });

  describe('indicators, manual values and counts', () => {
    it("a change of an indicator's targets and baseline leaves one event, from the old values to the new", async () => {
      // Act
      await t
        .http()
        .patch(`/api/indicators/${plan.indicatorId}`)
        .set(as('evaluator'))
        .send({ baselineValue: 12, midtermTarget: 40, finalTarget: 80 })
        .expect(200);
      // Assert
      await expectOneUpdate('indicator', plan.indicatorId, {
        baselineValue: { from: null, to: 12 },
        midtermTarget: { from: null, to: 40 },
        finalTarget: { from: null, to: 80 },
      });
    });

    it('an indicator change refused (an action of another objective) leaves no event', async () => {
      // Arrange
      const other = await fx.plan();
      const before = await events({ entityType: 'indicator', entityId: plan.indicatorId });
      // Act
      await t
        .http()
        .patch(`/api/indicators/${plan.indicatorId}`)
        .set(as('evaluator'))
        .send({ finalTarget: 1, actionId: other.actionId })
        .expect(400);
      // Assert
      expect(await events({ entityType: 'indicator', entityId: plan.indicatorId })).toEqual(before);
    });

    it('a manual value leaves one creation event', async () => {
      // Arrange
      const manual = await t
        .http()
        .post('/api/indicators')
        .set(as('admin'))
        .send({ objectiveId: plan.objectiveId, name: uniqueText('Publications'), kind: 'manual' })
        .expect(201);
      fx.track(`/api/indicators/${manual.body.id}`);
      // Act
      const value = await t
        .http()
        .post('/api/manual-values')
        .set(as('evaluator'))
        .send({ indicatorId: manual.body.id, date: '2024-04-15', value: 3, evidence: 'Procès-verbal' })
        .expect(201);
      // Assert
      const found = await byEvaluator('manual_value', value.body.id);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ action: 'create', actor: { email: users.evaluator.email } });
      expect(found[0].changes).toMatchObject({
        indicatorId: { from: null, to: manual.body.id },
        date: { from: null, to: '2024-04-15' },
        value: { from: null, to: 3 },
        evidence: { from: null, to: 'Procès-verbal' },
        enteredBy: { from: null, to: users.evaluator.id },
      });
    });

    it('a participation count leaves one event when recorded (by its partner) and one when changed (by an evaluator)', async () => {
      // Arrange: the partner's organization works on the plan (partners count for their own plans only).
      const partnerOrg = (await t.http().get('/api/auth/me').set(as('partner')).expect(200)).body.organizationId as string;
      await fx.workCell({ partnerOrganizationId: partnerOrg, objectiveId: plan.objectiveId });
      const key = randomUUID();
      const body = { instrumentId: plan.instrumentId, activity: 'Journée de Bienvenue', date: '2024-08-17', total: 10, breakdown: [] };
      // Act
      const count = await t.http().post('/api/participation-counts').set(as('partner')).set('Idempotency-Key', key).send(body).expect(201);
      await t.http().post('/api/participation-counts').set(as('partner')).set('Idempotency-Key', key).send(body).expect(201); // a retry
      await t.http().patch(`/api/participation-counts/${count.body.id}`).set(as('evaluator')).send({ total: 12 }).expect(200);
      // Assert
      const all = await events({ entityType: 'participation_count', entityId: count.body.id });
      expect(all.map((e) => [e.action, e.actor?.role])).toEqual([
        ['update', 'evaluator'],
        ['create', 'partner'],
      ]);
      expect(all[1].changes).toMatchObject({ total: { from: null, to: 10 }, activity: { from: null, to: 'Journée de Bienvenue' } });
      expect(all[1].changes).not.toHaveProperty('idempotencyKey');
      expect(all[1].changes).not.toHaveProperty('bodyHash');
      expect(all[0].changes).toEqual({ total: { from: 10, to: 12 } });
    });
  });

  describe('questionnaires', () => {
    it('an edit leaves one event; publishing one for the questionnaire and one for its new version; a refused close none', async () => {
      // Arrange
      const questionId = randomUUID();
      const created = await t
        .http()
        .post('/api/questionnaires')
        .set(as('admin'))
        .send({
          planId: plan.planId,
          title: { fr: uniqueText('Questionnaire') },
          defaultLanguage: 'fr',
          languages: ['fr'],
          questions: [{ id: questionId, type: 'short_text', required: true, label: { fr: 'Un mot ?' } }],
        })
        .expect(201);
      const id = created.body.id as string;
      fx.track(`/api/questionnaires/${id}`);
      // Act
      await t
        .http()
        .patch(`/api/questionnaires/${id}`)
        .set(as('evaluator'))
        .send({ title: { fr: 'Accueil 2024' } })
        .expect(200);
      // Assert
      await expectOneUpdate('questionnaire', id, { title: { from: created.body.title, to: { fr: 'Accueil 2024' } } });

      // Act: a draft cannot be closed (409), then publish
      await t.http().post(`/api/questionnaires/${id}/close`).set(as('evaluator')).send({}).expect(409);
      expect(await byEvaluator('questionnaire', id)).toHaveLength(1);
      const published = await t.http().post(`/api/questionnaires/${id}/publish`).set(as('evaluator')).send({}).expect(200);
      // Assert
      const mine = await byEvaluator('questionnaire', id);
      expect(mine).toHaveLength(2);
      expect(mine[0].changes.status).toEqual({ from: 'draft', to: 'published' });
      const versions = await events({ entityType: 'questionnaire_version', actorId: users.evaluator.id, limit: '200' });
      expect(versions.filter((e) => e.changes.questionnaireId?.to === id).map((e) => e.action)).toEqual(['create']);

      // A resident's answer is raw data: the trail holds none of it.
      const secret = uniqueText('réponse');
      await t
        .http()
        .post(`/api/public/questionnaires/${published.body.slug}/responses`)
        .set('Idempotency-Key', randomUUID())
        .send({ language: 'fr', version: 1, answers: [{ questionId, value: secret }] })
        .expect(201);
      const [{ n }] = await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_events WHERE changes::text LIKE $1`, [
        `%${secret}%`,
      ]);
      expect(n).toBe(0);
      // Taking a response is not a staff change; the only response events are admins' deletions, which name none of its answers.
      const responseEvents = await t.db.query<{ action: string; keys: string[] }[]>(
        `SELECT action, ARRAY(SELECT jsonb_object_keys(changes) ORDER BY 1) AS keys FROM audit_events WHERE entity_type LIKE 'response%'`,
      );
      for (const event of responseEvents)
        expect(event).toEqual({ action: 'delete', keys: expect.not.arrayContaining(['answers', 'codes']) });
    });
  });

  describe('evaluations', () => {
    it('an assessment leaves one event when given and one when changed; a close one; a refused assessment none', async () => {
      // Arrange
      const opened = await t
        .http()
        .post(`/api/plans/${plan.planId}/evaluations`)
        .set(as('evaluator'))
        .send({ kind: 'midterm', cutoff: '2024-05-15' })
        .expect(201);
      const id = opened.body.id as string;
      evaluations.push(id);
      await t.app.get(EvaluationFreezerService).freeze(id);
      const path = `/api/evaluations/${id}/assessments/${plan.objectiveId}`;
      // Act
      await t.http().put(path).set(as('evaluator')).send({ rating: 'on_track', comment: 'Bien parti' }).expect(200);
      await t.http().put(path).set(as('evaluator')).send({ rating: 'at_risk', comment: 'Bien parti' }).expect(200);
      await t.http().put(`/api/evaluations/${id}/assessments/${randomUUID()}`).set(as('evaluator')).send({ rating: 'at_risk' }).expect(404);
      // Assert
      const [{ id: assessmentId }] = await t.db.query<{ id: string }[]>('SELECT id FROM evaluation_assessments WHERE evaluation_id = $1', [
        id,
      ]);
      const assessed = await byEvaluator('assessment', assessmentId);
      expect(assessed.map((e) => e.action)).toEqual(['update', 'create']);
      expect(assessed[0].changes).toEqual({ rating: { from: 'on_track', to: 'at_risk' } });
      expect(assessed[1].changes).toMatchObject({ rating: { from: null, to: 'on_track' }, comment: { from: null, to: 'Bien parti' } });
      expect(
        await events({ entityType: 'assessment', actorId: users.evaluator.id }).then((all) =>
          all.filter((e) => e.entityId !== assessmentId && e.changes.evaluationId?.to === id),
        ),
      ).toEqual([]);

      // Act: closing
      await t.http().post(`/api/evaluations/${id}/close`).set(as('evaluator')).send({}).expect(200);
      await t.http().put(path).set(as('evaluator')).send({ rating: 'achieved' }).expect(409);
      // Assert
      const onEvaluation = await byEvaluator('evaluation', id);
      expect(onEvaluation.map((e) => e.action)).toEqual(['update', 'create']);
      expect(onEvaluation[0].changes.state).toEqual({ from: 'open', to: 'closed' });
      expect(await byEvaluator('assessment', assessmentId)).toHaveLength(2);
    });
  });

  describe('users', () => {
    it('a role change leaves one event by the admin who made it; no password or its hash is ever in the trail', async () => {
      // Arrange
      const user = await fx.user({ role: 'committee' });
      // Act
      await t.http().patch(`/api/users/${user.userId}`).set(as('admin')).send({ role: 'evaluator' }).expect(200);
      // Assert
      const found = await events({ entityType: 'user', entityId: user.userId });
      expect(found.map((e) => e.action)).toEqual(['update', 'create']);
      expect(found[0]).toMatchObject({ actor: { id: users.admin.id, role: 'admin' } });
      expect(found[0].changes).toEqual({ role: { from: 'committee', to: 'evaluator' } });
      expect(found[1].changes).toMatchObject({ email: { from: null, to: user.email }, role: { from: null, to: 'committee' } });
      const text = JSON.stringify(found);
      expect(text).not.toMatch(/password|hash/i);
      expect(text).not.toContain(user.password);
    });
  });

  describe('archiving and deleting', () => {
    it('archiving a plan is one « archive » event, restoring it one « restore »', async () => {
      // Arrange
      const other = await fx.plan();
      // Act
      await t.http().delete(`/api/plans/${other.planId}`).set(as('evaluator')).expect(204);
      await t.http().post(`/api/plans/${other.planId}/restore`).set(as('admin')).send({}).expect(200);
      // Assert
      const found = (await events({ entityType: 'plan', entityId: other.planId })).filter((e) => e.action !== 'create');
      expect(found.map((e) => [e.action, e.actor?.role])).toEqual([
        ['restore', 'admin'],
        ['archive', 'evaluator'],
      ]);
      expect(found[1].changes.archivedAt).toEqual({ from: null, to: expect.any(String) });
    });
  });

  describe("what goes around the subscriber, and a plan's whole history", () => {
    let p: PlanFixture;
    let importId: string;
    let questionnaireId: string;
    beforeAll(async () => {
      p = await fx.plan();
    });
    afterAll(async () => {
      if (importId) await t.http().delete(`/api/imports/${importId}`).set(as('admin'));
    });
    const sorted = (ids: string[]) => [...ids].sort();

    it("a change of only an indicator's instruments leaves one event, sorted ids from → to; the same set again, or a refused one, none", async () => {
      // Arrange
      const second = await t
        .http()
        .post('/api/instruments')
        .set(as('admin'))
        .send({ planId: p.planId, kind: 'participation_count', name: uniqueText('Instrument') })
        .expect(201);
      fx.track(`/api/instruments/${second.body.id}`);
      // Act
      await t
        .http()
        .patch(`/api/indicators/${p.indicatorId}`)
        .set(as('evaluator'))
        .send({ instrumentIds: [second.body.id, p.instrumentId] })
        .expect(200);
      await t
        .http()
        .patch(`/api/indicators/${p.indicatorId}`)
        .set(as('evaluator'))
        .send({ instrumentIds: [p.instrumentId, second.body.id] })
        .expect(200);
      await t
        .http()
        .patch(`/api/indicators/${p.indicatorId}`)
        .set(as('evaluator'))
        .send({ instrumentIds: [plan.instrumentId] })
        .expect(400);
      // Assert
      await expectOneUpdate('indicator', p.indicatorId, {
        instrumentIds: { from: [p.instrumentId], to: sorted([p.instrumentId, second.body.id as string]) },
      });
    });

    it("a change of an import's options leaves one event, from the old options to the new; the same options again, none", async () => {
      // Arrange: a responses import of one of the plan's questionnaires
      questionnaireId = (await createQuestionnaire(t.db, { planId: p.planId })).questionnaireId;
      fx.track(`/api/questionnaires/${questionnaireId}`);
      const uploaded = await t
        .http()
        .post(`/api/imports?kind=responses&fileName=reponses.csv&questionnaireId=${questionnaireId}`)
        .set(as('evaluator'))
        .set('Content-Type', 'text/csv')
        .send('Date;Un mot ?\n2024-03-01;Bonjour\n')
        .expect(202);
      importId = uploaded.body.id as string;
      const options = { columns: { Date: '@date', 'Un mot ?': '@ignore' } };
      // Act
      await t.http().patch(`/api/imports/${importId}`).set(as('evaluator')).send({ options }).expect(202);
      await t.http().patch(`/api/imports/${importId}`).set(as('evaluator')).send({ options }).expect(202);
      // Assert
      const updates = (await byEvaluator('import', importId)).filter((e) => e.action === 'update');
      expect(updates).toHaveLength(1);
      expect(updates[0]).toMatchObject({ actor: { id: users.evaluator.id, role: 'evaluator' } });
      expect(updates[0].changes).toEqual({ options: { from: { questionnaireId }, to: { questionnaireId, ...options } } });
    });

    it('planId gives the events of the plan and of its parts, removed ones included, and of no other plan', async () => {
      // Arrange: a manual value, an evaluation and its assessment, a removed expected result, and another plan's change
      const manual = await t
        .http()
        .post('/api/indicators')
        .set(as('evaluator'))
        .send({ objectiveId: p.objectiveId, name: uniqueText('Valeur'), kind: 'manual' })
        .expect(201);
      fx.track(`/api/indicators/${manual.body.id}`);
      const value = await t
        .http()
        .post('/api/manual-values')
        .set(as('evaluator'))
        .send({ indicatorId: manual.body.id, date: '2024-04-15', value: 3, evidence: 'Procès-verbal' })
        .expect(201);
      const opened = await t
        .http()
        .post(`/api/plans/${p.planId}/evaluations`)
        .set(as('evaluator'))
        .send({ kind: 'midterm', cutoff: '2024-05-15' })
        .expect(201);
      evaluations.push(opened.body.id);
      await t.app.get(EvaluationFreezerService).freeze(opened.body.id);
      await t
        .http()
        .put(`/api/evaluations/${opened.body.id}/assessments/${p.objectiveId}`)
        .set(as('evaluator'))
        .send({ rating: 'on_track' })
        .expect(200);
      const [{ id: assessmentId }] = await t.db.query<{ id: string }[]>('SELECT id FROM evaluation_assessments WHERE evaluation_id = $1', [
        opened.body.id,
      ]);
      const removed = await t
        .http()
        .post('/api/expected-results')
        .set(as('evaluator'))
        .send({ objectiveId: p.objectiveId, text: 'Résultat retiré' })
        .expect(201);
      await t.http().delete(`/api/expected-results/${removed.body.id}`).set(as('evaluator')).expect(204);
      const other = await fx.plan();
      await t.http().patch(`/api/orientations/${other.orientationId}`).set(as('evaluator')).send({ title: 'Ailleurs' }).expect(200);
      // Act
      const all = await events({ planId: p.planId });
      // Assert
      const seen = new Set(all.map((e) => `${e.entityType}:${e.entityId}`));
      for (const expected of [
        `plan:${p.planId}`,
        `orientation:${p.orientationId}`,
        `objective:${p.objectiveId}`,
        `action:${p.actionId}`,
        `expected_result:${p.expectedResultId}`,
        `instrument:${p.instrumentId}`,
        `indicator:${p.indicatorId}`,
        `indicator:${manual.body.id}`,
        `manual_value:${value.body.id}`,
        `evaluation:${opened.body.id}`,
        `assessment:${assessmentId}`,
        `import:${importId}`,
      ])
        expect(seen).toContain(expected);
      expect(all.filter((e) => e.entityId === removed.body.id).map((e) => e.action)).toEqual(['delete', 'create']);
      const otherIds = new Set(Object.values(other));
      expect(all.filter((e) => otherIds.has(e.entityId))).toEqual([]);
      expect(all.filter((e) => e.entityType === 'user' || e.entityType === 'organization')).toEqual([]);
      expect([...all].sort((a, b) => b.at.localeCompare(a.at))).toEqual(all);
      // With the other filters: the plan's indicator events only
      const indicators = await events({ planId: p.planId, entityType: 'indicator' });
      expect(new Set(indicators.map((e) => e.entityId))).toEqual(new Set([p.indicatorId, manual.body.id]));
      // And the other plan's own
      expect((await events({ planId: other.planId })).map((e) => e.entityId)).toContain(other.orientationId);
    });

    it('a bad planId is a 400 naming it', async () => {
      const res = await t.http().get('/api/audit-events').query({ planId: 'nope' }).set(as('admin')).expect(400);
      expect(JSON.stringify(res.body)).toContain('planId');
    });
  });

  describe('who may read it', () => {
    it.each<Role>(['committee', 'partner'])('%s gets 403', async (role) => {
      await t.http().get('/api/audit-events').set(as(role)).expect(403);
    });

    it('evaluators read it, newest first, paged', async () => {
      const res = await t
        .http()
        .get('/api/audit-events')
        .query({ entityType: 'plan', entityId: plan.planId, limit: 1 })
        .set(as('evaluator'))
        .expect(200);
      expect(res.body).toMatchObject({ page: 1, limit: 1, items: [expect.objectContaining({ entityId: plan.planId })] });
      expect(res.body.total).toBeGreaterThanOrEqual(2);
      const all = await events({ entityType: 'plan', entityId: plan.planId });
      expect(all.map((e) => e.action).at(-1)).toBe('create');
      expect([...all].sort((a, b) => b.at.localeCompare(a.at))).toEqual(all);
    });

    it.each([
      ['entityId', 'nope'],
      ['actorId', '1'],
      ['from', 'yesterday'],
      ['entityType', 'Plan;'],
      ['limit', '1000'],
    ])('a bad %s is a 400 naming it', async (field, value) => {
      const res = await t
        .http()
        .get('/api/audit-events')
        .query({ [field]: value })
        .set(as('admin'))
        .expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
    });
  });
});
