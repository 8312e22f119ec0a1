import { AggregationService } from '@backend/aggregation/aggregation.service';
import { Fixtures, fixtures, PlanFixture } from './support/fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

/**
 * Indicators of kind work_steps_done (issue 19): the share of a work cell's steps done by the end of each period,
 * from the day each step was ticked. No worker runs here: the test recomputes as a worker would, and checks that a
 * changed step leaves the indicator stale (what the reconcile job and the step's recompute request act on).
 */
describe('Work-cell progress as an indicator', () => {
  let t: TestApp;
  let fx: Fixtures;
  let plan: PlanFixture;
  let cellId: string;
  let stepIds: string[];
  let partnerOrg: string;
  let aggregation: AggregationService;

  beforeAll(async () => {
    t = await startTestApp();
    fx = fixtures(t);
    aggregation = t.app.get(AggregationService);
    plan = await fx.plan();
    partnerOrg = (await t.http().get('/api/auth/me').set(bearer(t.tokens.partner)).expect(200)).body.organizationId;
    // The fixture's cell has one step (PHASE 1, not done); three more, one of PHASE 2.
    const cell = await fx.workCell({ partnerOrganizationId: partnerOrg, objectiveId: plan.objectiveId });
    cellId = cell.workCellId;
    stepIds = [cell.workStepId];
    for (const [text, phase] of [
      ['Deuxième étape', 'PHASE 1'],
      ['Troisième étape', 'PHASE 1'],
      ['Quatrième étape', 'PHASE 2'],
    ]) {
      const res = await t
        .http()
        .post('/api/work-steps')
        .set(bearer(t.tokens.evaluator))
        .send({ workCellId: cellId, text, phase })
        .expect(201);
      stepIds.push(res.body.id);
    }
  });
  afterAll(async () => {
    await fx.cleanup();
    await t.close();
  });

  const create = (token: string, body: object) => t.http().post('/api/indicators').set(bearer(token)).send(body);
  const definition = (source: object) => ({
    objectiveId: plan.objectiveId,
    name: 'Part des étapes réalisées',
    unit: '%',
    kind: 'work_steps_done',
    status: 'active',
    grain: 'quarter',
    baselineValue: 0,
    finalTarget: 100,
    source,
  });
  const indicator = async (source: object): Promise<string> => {
    const res = await create(t.tokens.evaluator, definition(source)).expect(201);
    fx.track(`/api/indicators/${res.body.id}`);
    return res.body.id;
  };
  const tick = (stepId: string, body: object, token = t.tokens.evaluator) =>
    t.http().patch(`/api/work-steps/${stepId}`).set(bearer(token)).send(body);
  /** The published figures, as the committee reads them. */
  const values = async (id: string, grain: string) =>
    (
      (await t.http().get(`/api/indicators/${id}/values?grain=${grain}`).set(bearer(t.tokens.committee)).expect(200)).body as {
        period: string;
        value: number | null;
        cumulativeValue: number | null;
        suppressed: boolean;
      }[]
    ).map((v) => [v.period, v.value, v.cumulativeValue, v.suppressed]);
  const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  it('gives the share of steps done by the end of each period, of one phase if asked, published as computed', async () => {
    const all = await indicator({ workCellId: cellId });
    const phase1 = await indicator({ workCellId: cellId, phase: 'PHASE 1' });
    await tick(stepIds[0], { done: true, doneOn: '2024-02-10' }).expect(200);
    await tick(stepIds[1], { done: true, doneOn: '2024-05-01' }).expect(200);
    await tick(stepIds[3], { done: true, doneOn: '2024-05-20' }).expect(200);
    // A changed step makes its indicators stale: the reconcile job (and the step's own request) recomputes them.
    expect(await aggregation.stale(plan.planId)).toEqual(expect.arrayContaining([all, phase1]));
    for (const id of [all, phase1]) await aggregation.recompute(id);
    expect(await aggregation.stale(plan.planId)).not.toContain(all);

    // The plan starts on 2024-01-01: 1 of 4 steps done in Q1, 2 more in Q2.
    expect(await values(all, 'quarter')).toEqual([
      ['2024-01-01', 25, 25, false],
      ['2024-04-01', 50, 75, false],
    ]);
    expect(await values(all, 'year')).toEqual([['2024-01-01', 75, 75, false]]);
    // PHASE 1: 2 of its 3 steps.
    expect((await values(phase1, 'quarter')).map(([period, , cumulative]) => [period, cumulative])).toEqual([
      ['2024-01-01', 100 / 3],
      ['2024-04-01', 200 / 3],
    ]);
    // The plan's figures (dashboards, evaluations, reports) read the same: the share done so far.
    const progress = await t.http().get(`/api/plans/${plan.planId}/progress`).set(bearer(t.tokens.committee)).expect(200);
    expect(progress.body.indicators.find((i: { id: string }) => i.id === all)).toMatchObject({ value: 75 });

    // Unticked, a step has no day and no longer counts.
    const unticked = await tick(stepIds[1], { done: false }).expect(200);
    expect(unticked.body).toMatchObject({ done: false, doneOn: null });
    await aggregation.recompute(all);
    expect((await values(all, 'quarter')).map(([period, , cumulative]) => [period, cumulative])).toEqual([
      ['2024-01-01', 25],
      ['2024-04-01', 50],
    ]);
  });

  it("dates a step ticked without a day today in its plan's zone, and keeps that day while it stays done", async () => {
    const before = (
      await t.db.query(`SELECT to_char(now() AT TIME ZONE time_zone, 'YYYY-MM-DD') AS today FROM plans WHERE id = $1`, [plan.planId])
    )[0].today;
    const res = await tick(stepIds[2], { done: true }, t.tokens.partner).expect(200);
    expect(res.body.doneOn).toBe(before);
    const again = await tick(stepIds[2], { text: 'Troisième étape, précisée' }).expect(200);
    expect(again.body).toMatchObject({ done: true, doneOn: before });
  });

  it('refuses a day for a step not done, a day after today, and a day set by a partner', async () => {
    const notDone = await tick(stepIds[1], { done: false, doneOn: '2024-03-01' }).expect(400);
    expect(fieldsOf(notDone.body)).toEqual(['doneOn']);
    const future = await tick(stepIds[1], { done: true, doneOn: '2999-01-01' }).expect(400);
    expect(fieldsOf(future.body)).toEqual(['doneOn']);
    await tick(stepIds[1], { done: true, doneOn: '2024-03-01' }, t.tokens.partner).expect(403);
  });

  it('refuses a source without a work cell, an unknown one, one of no objective of the plan, or an unknown phase, naming the field', async () => {
    const fieldOf = async (source: object) => fieldsOf((await create(t.tokens.evaluator, definition(source)).expect(400)).body);
    expect(await fieldOf({})).toEqual(['source.workCellId']);
    expect(await fieldOf({ workCellId: '00000000-0000-4000-8000-000000000000' })).toEqual(['source.workCellId']);
    const elsewhere = await fx.workCell();
    expect(await fieldOf({ workCellId: elsewhere.workCellId })).toEqual(['source.workCellId']);
    expect(await fieldOf({ workCellId: cellId, phase: 'PHASE 9' })).toEqual(['source.phase']);
  });

  it('lets evaluators and admins define it, not the committee or partners', async () => {
    await create(t.tokens.committee, definition({ workCellId: cellId })).expect(403);
    await create(t.tokens.partner, definition({ workCellId: cellId })).expect(403);
    const res = await create(t.tokens.admin, definition({ workCellId: cellId })).expect(201);
    fx.track(`/api/indicators/${res.body.id}`);
  });
});
