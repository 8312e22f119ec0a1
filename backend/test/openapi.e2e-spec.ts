import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { DEMO_PASSWORD } from '@backend/demo/demo-users';
import { WELCOME_DAY_SLUG } from '@backend/demo/welcome-day-questionnaire';
import { EvaluationFreezerService } from '@backend/evaluations/evaluation-freezer.service';
import { Plan } from '@backend/plans/plan.entity';
import { Fixtures, fixtures, PlanFixture, purgeEvaluations, uniqueText, WorkCellFixture } from './support/fixtures';
import { openApiValidator, OperationValidator } from './support/openapi-validator';
import { createQuestionnaire, removeQuestionnaire, sampleQuestions, validAnswers } from './support/questionnaire-factory';
import { bearer, startTestApp, TestApp } from './support/test-app';

// The document cannot drift from the code: the one the API serves is the committed openapi.json (but for its
// server), and real answers of representative routes of every module, read as the demo admin, validate against
// the schemas it documents, with every object closed (a field the document does not name fails too).

interface Document {
  servers?: unknown;
  components?: unknown;
  paths: Record<string, Record<string, unknown>>;
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let f: Fixtures;
  let doc: Document;
  let validator: OperationValidator;
  let plan: PlanFixture;
  let cell: WorkCellFixture;
  let demoPlanId: string;
  let questionnaireId: string;
  let countId: string;
  let evaluationId: string;
  let reportId: string;
  let importId: string;
  const evaluations: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    f = fixtures(t);
    doc = (await t.http().get('/api/docs-json').expect(200)).body as Document;
    validator = openApiValidator(doc);
    plan = await f.plan();
    cell = await f.workCell({ objectiveId: plan.objectiveId });
    demoPlanId = (
      await t.db.getRepository(Plan).findOneByOrFail({ title: "Plan d'action 2021/2023 — Table de quartier de Parc-Extension" })
    ).id;
    const sample = sampleQuestions();
    const questionnaire = await createQuestionnaire(t.db, { planId: plan.planId, versions: [sample.questions] });
    questionnaireId = questionnaire.questionnaireId;
    await t
      .http()
      .post(`/api/public/questionnaires/${questionnaire.slug}/responses`)
      .set('Idempotency-Key', randomUUID())
      .send({ language: 'fr', version: 1, answers: validAnswers(sample.ids) })
      .expect(201);
    countId = (
      await t
        .http()
        .post('/api/participation-counts')
        .set(admin())
        .set('Idempotency-Key', randomUUID())
        .send({ instrumentId: await countInstrument(), activity: uniqueText('activité'), date: '2024-03-01', total: 40 })
        .expect(201)
    ).body.id as string;
    // A value before the cut-off: the snapshot, the series and the list of manual values then hold one each.
    await t
      .http()
      .post('/api/manual-values')
      .set(admin())
      .send({ indicatorId: plan.indicatorId, date: '2024-02-15', value: 7, evidence: uniqueText('compte rendu') })
      .expect(201);
    await t.app.get(AggregationService).recompute(plan.indicatorId); // what the workers do
    evaluationId = (
      await t.http().post(`/api/plans/${plan.planId}/evaluations`).set(admin()).send({ kind: 'midterm', cutoff: '2024-03-01' }).expect(201)
    ).body.id as string;
    evaluations.push(evaluationId);
    await t.app.get(EvaluationFreezerService).freeze(evaluationId);
    reportId = (await t.http().post(`/api/evaluations/${evaluationId}/reports`).set(admin()).send({ format: 'csv' }).expect(202)).body
      .id as string;
    importId = (
      await t
        .http()
        .post(`/api/imports?kind=plan&fileName=${uniqueText('plan')}.txt`)
        .set(admin())
        .set('Content-Type', 'text/plain')
        .send('ORIENTATION 1 : Une orientation\n')
        .expect(202)
    ).body.id as string;
  });

  afterAll(async () => {
    await t.http().delete(`/api/imports/${importId}`).set(admin());
    await t.http().delete(`/api/participation-counts/${countId}`).set(admin());
    await purgeEvaluations(t.db, evaluations);
    await removeQuestionnaire(t.db, questionnaireId);
    await f.cleanup();
    await t.close();
  });

  const admin = () => bearer(t.tokens.admin);

  /** An instrument of the fixture plan that takes participation counts. */
  async function countInstrument(): Promise<string> {
    const res = await t
      .http()
      .post('/api/instruments')
      .set(admin())
      .send({ planId: plan.planId, kind: 'participation_count', name: uniqueText('présences') })
      .expect(201);
    return res.body.id as string;
  }

  it('is the committed openapi.json, but for the server it names', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../openapi.json'), 'utf8')) as Document;
    expect({ ...doc, servers: null }).toEqual({ ...committed, servers: null });
  });

  // [documented path, real path] of representative reads, one or more a module.
  const READS: [string, () => string][] = [
    ['/api/health', () => '/api/health'],
    ['/api/auth/me', () => '/api/auth/me'],
    ['/api/users', () => '/api/users'],
    ['/api/organizations', () => '/api/organizations'],
    ['/api/organizations/{id}/plans', () => `/api/organizations/${cell.partnerOrganizationId}/plans`],
    ['/api/plans', () => '/api/plans'],
    ['/api/plans/{id}', () => `/api/plans/${demoPlanId}`],
    ['/api/plans/{id}/tree', () => `/api/plans/${demoPlanId}/tree`],
    ['/api/plans/{id}/progress', () => `/api/plans/${demoPlanId}/progress`],
    ['/api/orientations', () => `/api/orientations?planId=${demoPlanId}`],
    ['/api/objectives', () => `/api/objectives?planId=${demoPlanId}`],
    ['/api/actions', () => `/api/actions?planId=${demoPlanId}`],
    ['/api/expected-results', () => `/api/expected-results?planId=${demoPlanId}`],
    ['/api/indicators', () => `/api/indicators?planId=${demoPlanId}`],
    ['/api/indicators/{id}', () => `/api/indicators/${plan.indicatorId}`],
    ['/api/indicators/{id}/values', () => `/api/indicators/${plan.indicatorId}/values`],
    ['/api/instruments', () => `/api/instruments?planId=${demoPlanId}`],
    ['/api/manual-values', () => `/api/manual-values?indicatorId=${plan.indicatorId}`],
    ['/api/work-cells', () => '/api/work-cells'],
    ['/api/work-cells/{id}', () => `/api/work-cells/${cell.workCellId}`],
    ['/api/questionnaires', () => '/api/questionnaires'],
    ['/api/questionnaires/{id}', () => `/api/questionnaires/${questionnaireId}`],
    ['/api/questionnaires/{id}/responses', () => `/api/questionnaires/${questionnaireId}/responses`],
    ['/api/participation-counts', () => '/api/participation-counts'],
    ['/api/participation-counts/{id}', () => `/api/participation-counts/${countId}`],
    ['/api/plans/{id}/evaluations', () => `/api/plans/${plan.planId}/evaluations`],
    ['/api/evaluations/{id}', () => `/api/evaluations/${evaluationId}`],
    ['/api/reports/{id}', () => `/api/reports/${reportId}`],
    ['/api/imports', () => '/api/imports'],
    ['/api/imports/{id}', () => `/api/imports/${importId}`],
    ['/api/audit-events', () => '/api/audit-events'],
    ['/api/admin/queues', () => '/api/admin/queues'],
    // What residents' phones read, in a right-to-left language: every question type of the demo's questionnaire.
    ['/api/public/questionnaires/{slug}', () => `/api/public/questionnaires/${WELCOME_DAY_SLUG}?lang=ar`],
  ];

  it.each(READS)('GET %s answers as documented', async (documented, real) => {
    const res = await t.http().get(real()).set(admin()).expect(200);
    expect(validator.errors('get', documented, 200, res.body)).toEqual([]);
  });

  it('reads real content where it matters: a manual value, its series, a frozen snapshot holding it', async () => {
    const values = await t.http().get(`/api/manual-values?indicatorId=${plan.indicatorId}`).set(admin()).expect(200);
    expect(values.body.total).toBe(1);
    const series = await t.http().get(`/api/indicators/${plan.indicatorId}/values`).set(admin()).expect(200);
    expect(series.body).toEqual(expect.arrayContaining([expect.objectContaining({ period: '2024-01-01' })]));
    const evaluation = await t.http().get(`/api/evaluations/${evaluationId}`).set(admin()).expect(200);
    expect(evaluation.body.snapshot.orientations[0].objectives[0].indicators[0].series).not.toEqual([]);
  });

  it('documents what writes answer: a sign-in, a created plan, a changed indicator, an opened report', async () => {
    const login = await t.http().post('/api/auth/login').send({ email: 'admin@demo.repere.org', password: DEMO_PASSWORD }).expect(200);
    expect(validator.errors('post', '/api/auth/login', 200, login.body)).toEqual([]);
    const created = await t
      .http()
      .post('/api/plans')
      .set(admin())
      .send({ title: uniqueText('plan'), startDate: '2024-01-01', endDate: '2025-12-31' })
      .expect(201);
    f.track(`/api/plans/${created.body.id as string}`);
    expect(validator.errors('post', '/api/plans', 201, created.body)).toEqual([]);
    const changed = await t
      .http()
      .patch(`/api/indicators/${plan.indicatorId}`)
      .set(admin())
      .send({ unit: null, finalTarget: 12 })
      .expect(200);
    expect(validator.errors('patch', '/api/indicators/{id}', 200, changed.body)).toEqual([]);
    const requested = await t.http().post(`/api/evaluations/${evaluationId}/reports`).set(admin()).send({ format: 'xlsx' }).expect(202);
    expect(validator.errors('post', '/api/evaluations/{id}/reports', 202, requested.body)).toEqual([]);
  });

  it('finds what the document does not say: a field it does not name, a null it does not allow, a value outside an enum', async () => {
    const plan = (await t.http().get(`/api/plans/${demoPlanId}`).set(admin()).expect(200)).body as Record<string, unknown>;
    expect(validator.errors('get', '/api/plans/{id}', 200, { ...plan, extra: 1 })).toHaveLength(1);
    expect(validator.errors('get', '/api/plans/{id}', 200, { ...plan, title: null })).not.toEqual([]);
    expect(validator.errors('get', '/api/plans/{id}', 200, { ...plan, description: null })).toEqual([]);
    const me = (await t.http().get('/api/auth/me').set(admin()).expect(200)).body as Record<string, unknown>;
    expect(validator.errors('get', '/api/auth/me', 200, { ...me, role: 'superuser' })).not.toEqual([]);
  });

  it('documents the errors as they are answered', async () => {
    const res = await t.http().get('/api/plans/00000000-0000-4000-8000-000000000000').set(admin()).expect(404);
    expect(validator.errors('get', '/api/plans/{id}', 404, res.body)).toEqual([]);
    const bad = await t.http().post('/api/plans').set(admin()).send({ title: '' }).expect(400);
    expect(validator.errors('post', '/api/plans', 400, bad.body)).toEqual([]);
  });
});
