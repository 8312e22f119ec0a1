import { Plan } from '@backend/plans/plan.entity';
import { countQueries } from './support/query-counter';
import { bearer, startTestApp, TestApp } from './support/test-app';

interface Node {
  title?: string;
  description?: string;
  objectives?: Node[];
  actions?: Node[];
}

describe('GET /api/plans/{id}/tree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const admin = () => bearer(t.tokens.admin);
  const post = async (path: string, body: object): Promise<string> =>
    (await t.http().post(path).set(admin()).send(body).expect(201)).body.id as string;

  /** A plan of the given size built through the API, to compare query counts across sizes. */
  async function buildPlan(orientations: number, perLevel: number): Promise<string> {
    const org = await post('/api/organizations', { name: `Organisme ${Math.random()}` });
    const planId = await post('/api/plans', {
      title: `Plan ${orientations}x${perLevel}`,
      startDate: '2024-01-01',
      endDate: '2026-12-31',
      ownerOrganizationId: org,
    });
    for (let o = 1; o <= orientations; o += 1) {
      const orientationId = await post('/api/orientations', { planId, number: o, title: `Orientation ${o}` });
      for (let j = 1; j <= perLevel; j += 1) {
        const objectiveId = await post('/api/objectives', { orientationId, code: `${o}.${j}`, title: `Objectif ${o}.${j}` });
        await post('/api/objectives', { orientationId, parentId: objectiveId, code: `${o}.${j}.1`, title: 'Sous-objectif' });
        for (let a = 1; a <= perLevel; a += 1) {
          const actionId = await post('/api/actions', {
            objectiveId,
            description: `Action ${a}`,
            schedule: { text: 'En continu' },
            responsibleOrganizationIds: [org],
          });
          const instrumentId = await post('/api/instruments', { planId, actionId, kind: 'document', name: 'Compte rendu' });
          const expectedResultId = await post('/api/expected-results', { objectiveId, actionId, text: 'Résultat' });
          await post('/api/indicators', { objectiveId, actionId, expectedResultId, name: 'Indicateur', instrumentIds: [instrumentId] });
        }
      }
    }
    return planId;
  }

  it('nests the Parc-Extension plan: orientation 4 with its six actions and their schedules', async () => {
    const plan = await t.db.getRepository(Plan).findOneByOrFail({ title: "Plan d'action 2021/2023 — Table de quartier de Parc-Extension" });
    const res = await t.http().get(`/api/plans/${plan.id}/tree`).set(bearer(t.tokens.committee)).expect(200);
    const orientation = (res.body.orientations as Node[]).find((o) => o.title === 'Obtenir plus de visibilité dans le quartier');
    expect(orientation).toBeDefined();
    const actions = orientation!.objectives![0].actions as (Node & {
      schedule: { kind: string; recurrence: string | null; text: string };
    })[];
    expect(actions).toHaveLength(6);
    const welcome = actions.find((a) => a.description === 'Mettre en place une Journée de Bienvenue à Parc-Ex')!;
    expect(welcome.schedule).toEqual({ kind: 'recurrence', date: null, recurrence: 'FREQ=YEARLY;BYMONTH=8', text: 'Annuel – août' });
    expect(res.body.orientations).toHaveLength(4);
    expect(res.body.midtermDate).toBe('2022-09-29');
  });

  it('loads a plan in the same number of queries whatever its size (no N+1)', async () => {
    const small = await buildPlan(1, 1);
    const large = await buildPlan(3, 3);
    const read = (id: string) => countQueries(t.db, () => t.http().get(`/api/plans/${id}/tree`).set(admin()).expect(200));
    const a = await read(small);
    const b = await read(large);
    expect(b.result.body.orientations).toHaveLength(3);
    expect(b.result.body.orientations[2].objectives[2].actions).toHaveLength(3);
    expect(b.result.body.orientations[2].objectives[2].objectives).toHaveLength(1);
    expect(b.queries.length).toBe(a.queries.length);
    expect(b.queries.length).toBeLessThanOrEqual(10);
  });

  it('answers 404 for an unknown plan and 400 for a malformed id', async () => {
    await t.http().get('/api/plans/00000000-0000-4000-8000-000000000000/tree').set(admin()).expect(404);
    const res = await t.http().get('/api/plans/not-a-uuid/tree').set(admin()).expect(400);
    expect(res.body.message).toContain('id');
  });
});
