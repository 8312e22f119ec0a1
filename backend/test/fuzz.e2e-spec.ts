import { randomUUID } from 'node:crypto';
import { fixtures, Fixtures } from './support/fixtures';
import { fuzzRequests, FuzzRequest, OpenApi } from './support/fuzz-requests';
import { createQuestionnaire, QuestionnaireFixture, removeQuestionnaire } from './support/questionnaire-factory';
import { bearer, startTestApp, TestApp } from './support/test-app';

// Every route of the OpenAPI document, signed in as admin, with bad values in each body field, query parameter and
// path parameter (support/fuzz-requests.ts): none may answer 5xx. Ids are those of records this file creates, so
// that what a mutation may change is ours; routes it has no record for get a random id (a 404 after validation).
describe('No input yields a 5xx (fuzz over the OpenAPI document)', () => {
  let t: TestApp;
  let f: Fixtures;
  let questionnaire: QuestionnaireFixture;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    f = fixtures(t);
    const plan = await f.plan();
    const cell = await f.workCell();
    const user = await f.user();
    questionnaire = await createQuestionnaire(t.db, { planId: plan.planId });
    Object.assign(ids, {
      plans: plan.planId,
      orientations: plan.orientationId,
      objectives: plan.objectiveId,
      actions: plan.actionId,
      'expected-results': plan.expectedResultId,
      instruments: plan.instrumentId,
      indicators: plan.indicatorId,
      'work-cells': cell.workCellId,
      steps: cell.workStepId,
      partnerships: cell.partnershipId,
      organizations: cell.partnerOrganizationId,
      users: user.userId,
      questionnaires: questionnaire.questionnaireId,
      slug: questionnaire.slug,
    });
  });
  afterAll(async () => {
    await f?.cleanup();
    if (questionnaire) await removeQuestionnaire(t.db, questionnaire.questionnaireId).catch(() => undefined);
    await t?.close();
  });

  /** `{id}` names the collection before it; `{planId}` names its own; `{slug}` is the questionnaire's. */
  function idFor(template: string, param: string): string {
    if (param === 'slug') return ids.slug;
    const segments = template.split('/');
    const at = segments.indexOf(`{${param}}`);
    const collection = param === 'id' ? segments[at - 1] : `${param.replace(/Id$/, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}s`;
    return ids[collection] ?? ids[segments[at - 1]] ?? randomUUID();
  }

  async function send(r: FuzzRequest): Promise<number | string> {
    let req = t.http()[r.method as 'get'](r.url).set(bearer(t.tokens.admin));
    // Raw bytes as given: superagent would JSON-encode a Buffer ({"type":"Buffer",…}) under application/json.
    if (r.raw)
      req = req
        .set('content-type', 'application/json')
        .serialize((b: unknown) => b as string)
        .send(r.raw);
    else if (r.body !== undefined) req = req.set('content-type', 'application/json').send(JSON.stringify(r.body));
    const res = await req;
    // A mutation the route accepted made a record of ours: removed with the fixtures.
    const created = (res.body as { id?: unknown } | undefined)?.id;
    if (res.status === 201 && typeof created === 'string') f.track(`${r.url.split('?')[0]}/${created}`);
    return res.status;
  }

  it('answers every bad value of every route with less than 500', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApi;
    const requests = fuzzRequests(doc, idFor);
    const failures: string[] = [];
    // A few at a time: the run stays short without flooding the pool of database connections.
    for (let i = 0; i < requests.length; i += 8) {
      await Promise.all(
        requests.slice(i, i + 8).map(async (r) => {
          // A dropped connection is as much a failure as a 5xx.
          const status = await send(r).catch((err: Error) => err.message);
          if (typeof status === 'string' || status >= 500) failures.push(`${status} ${r.what} (${r.url.slice(0, 120)})`);
        }),
      );
    }
    expect(Object.keys(doc.paths).length).toBeGreaterThan(50);
    expect(requests.length).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
    // Over a thousand requests, one after another: more than Jest's default minute on two cores shared with another file.
  }, 180_000);
});
