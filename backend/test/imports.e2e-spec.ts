import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARC_EXTENSION_PLAN } from '@backend/demo/parc-extension-plan';
import { ImportRunnerService } from '@backend/imports/import-runner.service';
import { bearer, startTestApp, TestApp } from './support/test-app';

// Imports through the API, with the workers' steps (analysis, writing) run by calling the runner, as the worker does.

const SEEDS = join(__dirname, 'fixtures/seeds');
const seed = (name: string) => readFileSync(join(SEEDS, name));
const PLAN_SEED = '003_ae833e418bd2f86e.txt';

interface ImportBody {
  id: string;
  status: string;
  generation?: number;
  preview: Record<string, unknown> | null;
  problems: { row: number | null; column: string | null; code: string; message: string }[];
  problemCount: number;
  result: { planId?: string; workCellId?: string; created: number; skipped: number } | null;
}

describe('Imports', () => {
  let t: TestApp;
  let runner: ImportRunnerService;
  const created: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    runner = t.app.get(ImportRunnerService);
  });
  afterAll(async () => {
    for (const title of created) await t.db.query('DELETE FROM plans WHERE title = $1', [title]);
    await t.close();
  });

  async function upload(kind: string, fileName: string, body: Buffer | string, type = 'text/plain', extra = ''): Promise<ImportBody> {
    const res = await t.http().post(`/api/imports?kind=${kind}&fileName=${encodeURIComponent(fileName)}${extra}`)
      .set(bearer(t.tokens.evaluator)).set('Content-Type', type).send(body);
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 202 });
    expect(res.headers.location).toBe(`/api/imports/${(res.body as ImportBody).id}`);
    return res.body as ImportBody;
  }

  /** What the worker does with the analysis job, then the import as the web app reads it. */
  async function analysed(id: string): Promise<ImportBody> {
    const [{ generation }] = await t.db.query<{ generation: number }[]>('SELECT generation FROM imports WHERE id = $1', [id]);
    await runner.analyze(id, generation);
    return (await t.http().get(`/api/imports/${id}`).set(bearer(t.tokens.evaluator)).expect(200)).body as ImportBody;
  }

  async function confirmed(id: string): Promise<ImportBody> {
    await t.http().post(`/api/imports/${id}/confirm`).set(bearer(t.tokens.evaluator)).expect(202);
    const [{ generation }] = await t.db.query<{ generation: number }[]>('SELECT generation FROM imports WHERE id = $1', [id]);
    await runner.commit(id, generation);
    return (await t.http().get(`/api/imports/${id}`).set(bearer(t.tokens.evaluator)).expect(200)).body as ImportBody;
  }

  it('previews the action-plan seed, refuses a title already taken, then imports it under another title', async () => {
    const title = `Plan importé ${Date.now()}`;
    created.push(title);
    const imp = await upload('plan', PLAN_SEED, seed(PLAN_SEED));
    const first = await analysed(imp.id);
    expect(first).toMatchObject({ status: 'ready', problems: [] });
    expect(first.preview).toMatchObject({ title: "Plan d'action 2021/2023", startDate: '2021-06-28', endDate: '2023-12-31',
      counts: { orientations: 4, objectives: 4, actions: 14, expectedResults: 16, indicators: 15, instruments: 37 } });
    await t.http().patch(`/api/imports/${imp.id}`).set(bearer(t.tokens.evaluator)).send({ options: { title: PARC_EXTENSION_PLAN.title } }).expect(202);
    const taken = await analysed(imp.id);
    expect(taken).toMatchObject({ status: 'invalid', problems: [expect.objectContaining({ code: 'already_exists' })] });
    await t.http().post(`/api/imports/${imp.id}/confirm`).set(bearer(t.tokens.evaluator)).expect(409);
    await t.http().patch(`/api/imports/${imp.id}`).set(bearer(t.tokens.evaluator)).send({ options: { title } }).expect(202);
    const ready = await analysed(imp.id);
    expect(ready).toMatchObject({ status: 'ready', problemCount: 0 });
    const done = await confirmed(imp.id);
    expect(done).toMatchObject({ status: 'done', result: { planId: expect.any(String) } });
    const tree = await t.http().get(`/api/plans/${done.result!.planId!}/tree`).set(bearer(t.tokens.evaluator)).expect(200);
    expect(JSON.stringify(tree.body)).toContain('Mettre en place une Journée de Bienvenue à Parc-Ex');
    const [{ n }] = await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM import_chunks WHERE import_id = $1', [imp.id]);
    expect(n).toBe(0);
  });
});
