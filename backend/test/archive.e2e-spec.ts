import { randomUUID } from 'node:crypto';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { EvaluationFreezerService } from '@backend/evaluations/evaluation-freezer.service';
import { Indicator } from '@backend/indicators/indicator.entity';
import { ManualValue } from '@backend/indicators/manual-value.entity';
import { ParticipationCount } from '@backend/participation/participation-count.entity';
import type { Role } from '@backend/users/role';
import { Fixtures, fixtures, PlanFixture, uniqueText } from './support/fixtures';
import { createQuestionnaire, QuestionnaireFixture, validAnswers, sampleQuestions } from './support/questionnaire-factory';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { insertResponses } from './support/response-rows';

// « Nothing is erased » (README): DELETE archives plans, questionnaires, indicators and organizations; the database
// itself refuses a delete that would cascade into responses, counts, manual values, evaluations or reports.
describe('Archiving instead of deleting', () => {
  let t: TestApp;
  let f: Fixtures;
  let plan: PlanFixture;
  let questionnaire: QuestionnaireFixture;
  let countIndicatorId: string;
  let organizationId: string;
  let evaluationId: string;
  const responseIds: string[] = [];
  const as = (role: Role) => bearer(t.tokens[role]);
  const rows = async (sql: string, params: unknown[]) =>
    (await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

  /** Every page of a list: the archived row must be absent from all of them, not just the first. */
  async function listIds(path: string, role: Role = 'evaluator'): Promise<string[]> {
    const ids: string[] = [];
    for (let page = 1; ; page += 1) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await t.http().get(`${path}${sep}page=${page}&limit=200`).set(as(role)).expect(200);
      const items = (res.body as { items: { id: string }[] }).items;
      ids.push(...items.map((i) => i.id));
      if (items.length < 200) return ids;
    }
  }

  const total = async (indicatorId: string) =>
    (
      await t.db.query<{ n: number }[]>(
        `SELECT COALESCE(sum(n), 0)::int AS n FROM indicator_values WHERE indicator_id = $1 AND grain = 'month' AND dimension = ''`,
        [indicatorId],
      )
    )[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    f = fixtures(t);
    plan = await f.plan();
    organizationId = (await f.organization()).organizationId;
    questionnaire = await createQuestionnaire(t.db, { planId: plan.planId });
    f.track(`/api/questionnaires/${questionnaire.questionnaireId}`);
    const em = t.db.manager;
    for (const day of ['2024-02-10', '2024-03-10', '2024-03-20']) {
      const saved = await insertResponses(em, {
        questionnaireId: questionnaire.questionnaireId,
        version: 1,
        language: 'fr',
        answeredAt: new Date(`${day}T15:00:00Z`),
        idempotencyKey: randomUUID(),
        answers: {},
      });
      responseIds.push(saved.identifiers[0].id);
    }
    const indicator = await em.save(
      em.create(Indicator, {
        planId: plan.planId,
        objectiveId: plan.objectiveId,
        position: 2,
        name: 'Répondants archivés',
        kind: 'response_count',
        grain: 'month',
        status: 'active',
        direction: 'up',
        source: { questionnaireId: questionnaire.questionnaireId },
      }),
    );
    countIndicatorId = indicator.id;
    f.track(`/api/indicators/${countIndicatorId}`);
    await em.insert(ManualValue, { indicatorId: plan.indicatorId, date: '2024-03-10', value: 3, evidence: 'Rapport' });
    await em.insert(ParticipationCount, {
      instrumentId: plan.instrumentId,
      organizationId,
      activity: 'Assemblée',
      date: '2024-03-01',
      total: 12,
      idempotencyKey: randomUUID(),
      bodyHash: 'x',
      breakdown: [],
    });
    await t.app.get(AggregationService).recompute(countIndicatorId);
    const opened = await t
      .http()
      .post(`/api/plans/${plan.planId}/evaluations`)
      .set(as('admin'))
      .send({ kind: 'midterm', cutoff: '2024-05-15' })
      .expect(201);
    evaluationId = (opened.body as { id: string }).id;
    await t.app.get(EvaluationFreezerService).freeze(evaluationId);
  });

  afterAll(async () => {
    await f?.cleanup();
    await t?.close();
  });

  describe('a plan', () => {
    it('is archived by DELETE (204): its responses and evaluations stay, it leaves the lists, it is still read by id', async () => {
      const before = {
        responses: await rows('responses WHERE questionnaire_id = $1', [questionnaire.questionnaireId]),
        evaluations: await rows('evaluations WHERE plan_id = $1', [plan.planId]),
      };
      expect(before).toEqual({ responses: 3, evaluations: 1 });
      await t.http().delete(`/api/plans/${plan.planId}`).set(as('evaluator')).expect(204);

      expect(await rows('responses WHERE questionnaire_id = $1', [questionnaire.questionnaireId])).toBe(3);
      expect(await rows('evaluations WHERE plan_id = $1', [plan.planId])).toBe(1);
      const evaluation = await t.http().get(`/api/evaluations/${evaluationId}`).set(as('committee')).expect(200);
      expect(evaluation.body).toMatchObject({ id: evaluationId, state: 'open', snapshot: expect.any(Object) });

      expect(await listIds('/api/plans')).not.toContain(plan.planId);
      expect(await listIds('/api/plans?archived=true')).toContain(plan.planId);
      const read = await t.http().get(`/api/plans/${plan.planId}`).set(as('committee')).expect(200);
      expect(read.body.archivedAt).toEqual(expect.any(String));
      await t.http().get(`/api/plans/${plan.planId}/tree`).set(as('committee')).expect(200);
    });

    it('refuses writes while archived (410) and archived lists to partners and committees (403)', async () => {
      const patch = await t.http().patch(`/api/plans/${plan.planId}`).set(as('evaluator')).send({ title: 'Nouveau titre' }).expect(410);
      expect(patch.body).toMatchObject({ statusCode: 410, code: 'archived' });
      await t.http().get('/api/plans?archived=true').set(as('partner')).expect(403);
      await t.http().get('/api/plans?archived=true').set(as('committee')).expect(403);
    });

    it('is restored by an admin only', async () => {
      await t.http().post(`/api/plans/${plan.planId}/restore`).set(as('evaluator')).expect(403);
      const restored = await t.http().post(`/api/plans/${plan.planId}/restore`).set(as('admin')).expect(200);
      expect(restored.body).toMatchObject({ id: plan.planId, archivedAt: null });
      expect(await listIds('/api/plans')).toContain(plan.planId);
    });

    it('cannot be deleted even in SQL: the database refuses the cascade into history', async () => {
      await expect(t.db.query('DELETE FROM plans WHERE id = $1', [plan.planId])).rejects.toThrow(/foreign key/);
      expect(await rows('plans WHERE id = $1', [plan.planId])).toBe(1);
      await expect(t.db.query('DELETE FROM evaluations WHERE id = $1', [evaluationId])).rejects.toThrow(/foreign key/);
    });

    it('is archived in one transaction: a second DELETE changes nothing, and archived_at and archived_by come together', async () => {
      await t.http().delete(`/api/plans/${plan.planId}`).set(as('admin')).expect(204);
      const [first] = await t.db.query<{ archived_at: Date; archived_by: string }[]>(
        'SELECT archived_at, archived_by FROM plans WHERE id = $1',
        [plan.planId],
      );
      expect(first.archived_by).toEqual(expect.any(String));
      await t.http().delete(`/api/plans/${plan.planId}`).set(as('evaluator')).expect(204);
      const [second] = await t.db.query<{ archived_at: Date; archived_by: string }[]>(
        'SELECT archived_at, archived_by FROM plans WHERE id = $1',
        [plan.planId],
      );
      expect(second).toEqual(first);
      await t.http().post(`/api/plans/${plan.planId}/restore`).set(as('admin')).expect(200);
    });
  });

  describe('a questionnaire', () => {
    it('is archived: hidden from lists, read by id, its public link answers 410, restored by an admin', async () => {
      const { questionnaireId, slug } = questionnaire;
      await t.http().delete(`/api/questionnaires/${questionnaireId}`).set(as('evaluator')).expect(204);
      expect(await rows('responses WHERE questionnaire_id = $1', [questionnaireId])).toBe(3);
      expect(await listIds(`/api/questionnaires?planId=${plan.planId}`)).not.toContain(questionnaireId);
      expect(await listIds(`/api/questionnaires?planId=${plan.planId}&archived=true`)).toContain(questionnaireId);
      const read = await t.http().get(`/api/questionnaires/${questionnaireId}`).set(as('evaluator')).expect(200);
      expect(read.body.archivedAt).toEqual(expect.any(String));
      const page = await t.http().get(`/api/public/questionnaires/${slug}`).expect(410);
      expect(page.body).toMatchObject({ code: 'archived', message: expect.stringMatching(/archived/) });
      const { ids } = sampleQuestions();
      const post = await t
        .http()
        .post(`/api/public/questionnaires/${slug}/responses`)
        .set('Idempotency-Key', randomUUID())
        .send({ language: 'fr', version: 1, answers: validAnswers(ids) })
        .expect(410);
      expect(post.body).toMatchObject({ code: 'archived' });
      await t
        .http()
        .patch(`/api/questionnaires/${questionnaireId}`)
        .set(as('evaluator'))
        .send({ title: { fr: 'x' } })
        .expect(410);

      await t.http().post(`/api/questionnaires/${questionnaireId}/restore`).set(as('evaluator')).expect(403);
      await t.http().post(`/api/questionnaires/${questionnaireId}/restore`).set(as('admin')).expect(200);
      await t.http().get(`/api/public/questionnaires/${slug}`).expect(200);
      expect(await listIds(`/api/questionnaires?planId=${plan.planId}`)).toContain(questionnaireId);
    });

    it('cannot be deleted in SQL while it has responses', async () => {
      await expect(t.db.query('DELETE FROM questionnaires WHERE id = $1', [questionnaire.questionnaireId])).rejects.toThrow(/foreign key/);
    });
  });

  describe('an indicator', () => {
    it('is archived: hidden from lists, read by id, not editable, restored by an admin', async () => {
      await t.http().delete(`/api/indicators/${plan.indicatorId}`).set(as('evaluator')).expect(204);
      expect(await listIds(`/api/indicators?planId=${plan.planId}`)).not.toContain(plan.indicatorId);
      expect(await listIds(`/api/indicators?planId=${plan.planId}&archived=true`)).toContain(plan.indicatorId);
      const read = await t.http().get(`/api/indicators/${plan.indicatorId}`).set(as('committee')).expect(200);
      expect(read.body.archivedAt).toEqual(expect.any(String));
      await t.http().patch(`/api/indicators/${plan.indicatorId}`).set(as('evaluator')).send({ name: 'x' }).expect(410);
      expect(await rows('indicator_manual_values WHERE indicator_id = $1', [plan.indicatorId])).toBe(1);
      await t.http().post(`/api/indicators/${plan.indicatorId}/restore`).set(as('evaluator')).expect(403);
      await t.http().post(`/api/indicators/${plan.indicatorId}/restore`).set(as('admin')).expect(200);
      expect(await listIds(`/api/indicators?planId=${plan.planId}`)).toContain(plan.indicatorId);
    });

    it("is out of the plan's progress and of a new evaluation's snapshot, still in its tree (archivedAt) and in the snapshot frozen before", async () => {
      // Arrange: a plan of its own (one evaluation of each kind open at a time), with a second indicator to archive
      const p = await f.plan();
      const created = await t
        .http()
        .post('/api/indicators')
        .set(as('admin'))
        .send({ objectiveId: p.objectiveId, name: uniqueText('Indicateur archivé'), kind: 'manual' })
        .expect(201);
      const archivedId = (created.body as { id: string }).id;
      f.track(`/api/indicators/${archivedId}`);
      const progressIds = async () =>
        (
          (await t.http().get(`/api/plans/${p.planId}/progress`).set(as('committee')).expect(200)).body as { indicators: { id: string }[] }
        ).indicators.map((i) => i.id);
      const frozen = async () => {
        const opened = await t
          .http()
          .post(`/api/plans/${p.planId}/evaluations`)
          .set(as('admin'))
          .send({ kind: 'midterm', cutoff: '2024-05-15' })
          .expect(201);
        const id = (opened.body as { id: string }).id;
        await t.app.get(EvaluationFreezerService).freeze(id);
        return id;
      };
      const snapshotIds = async (id: string) => {
        const evaluation = (await t.http().get(`/api/evaluations/${id}`).set(as('committee')).expect(200)).body as {
          snapshot: { orientations: { objectives: { indicators: { id: string }[] }[] }[] };
        };
        return evaluation.snapshot.orientations.flatMap((o) => o.objectives.flatMap((ob) => ob.indicators.map((i) => i.id)));
      };
      expect(await progressIds()).toEqual(expect.arrayContaining([p.indicatorId, archivedId]));
      const before = await frozen();
      expect(await snapshotIds(before)).toEqual(expect.arrayContaining([p.indicatorId, archivedId]));
      await t.http().post(`/api/evaluations/${before}/close`).set(as('admin')).send({}).expect(200);

      // Act
      await t.http().delete(`/api/indicators/${archivedId}`).set(as('evaluator')).expect(204);
      const after = await frozen();

      // Assert: out of the figures, in the tree marked archived, the frozen snapshot unchanged
      expect(await progressIds()).toEqual([p.indicatorId]);
      expect(await snapshotIds(after)).toEqual([p.indicatorId]);
      expect(await snapshotIds(before)).toEqual(expect.arrayContaining([p.indicatorId, archivedId]));
      const tree = (await t.http().get(`/api/plans/${p.planId}/tree`).set(as('committee')).expect(200)).body as {
        orientations: { objectives: { indicators: { id: string; archivedAt: string | null }[] }[] }[];
      };
      const inTree = tree.orientations.flatMap((o) => o.objectives.flatMap((ob) => ob.indicators));
      expect(inTree).toEqual(expect.arrayContaining([expect.objectContaining({ id: archivedId, archivedAt: expect.any(String) })]));
    });

    it('cannot be deleted in SQL while it has entered values', async () => {
      await expect(t.db.query('DELETE FROM indicators WHERE id = $1', [plan.indicatorId])).rejects.toThrow(/foreign key/);
    });

    it('keeps the objective above it: deleting the objective is 409 naming its indicators', async () => {
      const res = await t.http().delete(`/api/objectives/${plan.objectiveId}`).set(as('evaluator')).expect(409);
      expect(res.body).toMatchObject({ code: 'has_indicators', message: expect.stringContaining('Indicateur fixture') });
      await t.http().delete(`/api/orientations/${plan.orientationId}`).set(as('evaluator')).expect(409);
    });
  });

  describe('an organization', () => {
    it('is archived: out of the directory, read by id, restored by an admin', async () => {
      const name = (await t.http().get(`/api/organizations/${organizationId}`).set(as('admin')).expect(200)).body.name as string;
      await t.http().delete(`/api/organizations/${organizationId}`).set(as('evaluator')).expect(204);
      expect(await listIds(`/api/organizations?search=${encodeURIComponent(name)}`)).not.toContain(organizationId);
      expect(await listIds(`/api/organizations?search=${encodeURIComponent(name)}&archived=true`)).toContain(organizationId);
      const read = await t.http().get(`/api/organizations/${organizationId}`).set(as('partner')).expect(200);
      expect(read.body.archivedAt).toEqual(expect.any(String));
      await t.http().patch(`/api/organizations/${organizationId}`).set(as('admin')).send({ sector: 'x' }).expect(410);
      await t.http().post(`/api/organizations/${organizationId}/restore`).set(as('evaluator')).expect(403);
      await t.http().post(`/api/organizations/${organizationId}/restore`).set(as('admin')).expect(200);
      expect(await listIds(`/api/organizations?search=${encodeURIComponent(name)}`)).toContain(organizationId);
    });

    it('cannot be deleted in SQL while counts name it', async () => {
      await expect(t.db.query('DELETE FROM organizations WHERE id = $1', [organizationId])).rejects.toThrow(/foreign key/);
    });
  });

  describe("an admin's deletion of one response", () => {
    it('needs a reason (400 naming reason) and the admin role', async () => {
      const res = await t.http().delete(`/api/responses/${responseIds[0]}`).set(as('admin')).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
      await t.http().delete(`/api/responses/${responseIds[0]}`).set(as('admin')).send({ reason: '   ' }).expect(400);
      await t.http().delete(`/api/responses/${responseIds[0]}?reason=doublon`).set(as('evaluator')).expect(403);
      await t.http().delete(`/api/responses/${randomUUID()}?reason=doublon`).set(as('admin')).expect(404);
      expect(await rows('responses WHERE id = $1', [responseIds[0]])).toBe(1);
    });

    it('deletes it, and the indicators it fed are computed again without it', async () => {
      expect(await total(countIndicatorId)).toBe(3);
      await t
        .http()
        .delete(`/api/responses/${responseIds[0]}`)
        .set(as('admin'))
        .send({ reason: uniqueText('Doublon saisi deux fois') })
        .expect(204);
      expect(await rows('responses WHERE id = $1', [responseIds[0]])).toBe(0);
      // The change log recorded the month it left; the recompute (queued for the workers) reads it.
      expect(await rows(`response_changes WHERE questionnaire_id = $1`, [questionnaire.questionnaireId])).toBeGreaterThan(0);
      await t.app.get(AggregationService).recompute(countIndicatorId);
      expect(await total(countIndicatorId)).toBe(2);
      await t.http().delete(`/api/responses/${responseIds[1]}?reason=test`).set(as('admin')).expect(204);
      await t.app.get(AggregationService).recompute(countIndicatorId);
      expect(await total(countIndicatorId)).toBe(1);
    });
  });
});
