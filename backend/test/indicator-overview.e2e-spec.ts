import type { Role } from '@backend/users/role';
import { Fixtures, fixtures, PlanFixture } from './support/fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

interface OverviewItem {
  id: string;
  name: string;
  kind: string;
  definitionStatus: string;
  plan: { id: string; title: string };
  objective: { id: string; code: string; title: string };
  value: number | null;
  n: number | null;
  suppressed: boolean;
  status: string;
}
interface OverviewPage {
  items: OverviewItem[];
  total: number;
  page: number;
  limit: number;
}

describe('The overview of every indicator across plans', () => {
  let t: TestApp;
  let f: Fixtures;
  let p: PlanFixture;
  let other: PlanFixture;
  const as = (role: Role) => bearer(t.tokens[role]);
  const overview = (query: string, role: Role = 'evaluator') => t.http().get(`/api/indicators/overview${query}`).set(as(role));

  beforeAll(async () => {
    t = await startTestApp();
    f = fixtures(t);
    [p, other] = [await f.plan(), await f.plan()];
  });
  afterAll(async () => {
    await f.cleanup();
    await t.close();
  });

  it("gives each indicator with its plan, objective and the figures its plan's dashboard publishes", async () => {
    const res = await overview(`?planId=${p.planId}`).expect(200);
    const page = res.body as OverviewPage;
    expect(page.total).toBe(1);
    const progress = (await t.http().get(`/api/plans/${p.planId}/progress`).set(as('committee')).expect(200)).body as {
      indicators: { id: string; value: number | null; n: number | null; suppressed: boolean; status: string; definitionStatus: string }[];
    };
    const shown = progress.indicators.find((i) => i.id === p.indicatorId)!;
    expect(page.items[0]).toMatchObject({
      id: p.indicatorId,
      name: 'Indicateur fixture',
      plan: { id: p.planId },
      objective: { id: p.objectiveId, code: '1.1', title: 'Objectif fixture' },
      value: shown.value,
      n: shown.n,
      suppressed: shown.suppressed,
      status: shown.status,
      definitionStatus: shown.definitionStatus,
    });
  });

  it('lists the indicators of every plan in use, and pages them', async () => {
    const all = (await overview('?limit=200').expect(200)).body as OverviewPage;
    const ids = all.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([p.indicatorId, other.indicatorId]));
    const second = (await overview('?limit=1&page=2').expect(200)).body as OverviewPage;
    expect(second).toMatchObject({ total: all.total, page: 2, limit: 1 });
    expect(second.items.map((i) => i.id)).toEqual([ids[1]]);
  });

  it('filters by kind, definition status, status and words of the name', async () => {
    const { items } = (await overview(`?planId=${p.planId}`).expect(200)).body as OverviewPage;
    const [mine] = items;
    const kept = async (query: string) =>
      ((await overview(`?planId=${p.planId}&${query}`).expect(200)).body as OverviewPage).items.map((i) => i.id);
    await expect(kept(`kind=${mine.kind}`)).resolves.toEqual([p.indicatorId]);
    await expect(kept(`kind=${mine.kind === 'manual' ? 'ratio' : 'manual'}`)).resolves.toEqual([]);
    await expect(kept(`definitionStatus=${mine.definitionStatus}`)).resolves.toEqual([p.indicatorId]);
    await expect(kept(`status=${mine.status}`)).resolves.toEqual([p.indicatorId]);
    await expect(kept('search=INDICATEUR fixtúre')).resolves.toEqual([p.indicatorId]);
    await expect(kept('search=absent')).resolves.toEqual([]);
  });

  it.each(['admin', 'evaluator', 'partner', 'committee'] as const)('is readable by the %s role (published figures only)', async (role) => {
    await overview(`?planId=${p.planId}`, role).expect(200);
  });

  it('needs an account', async () => {
    await t.http().get('/api/indicators/overview').expect(401);
  });

  it.each([
    ['kind=volume', 'kind'],
    ['status=great', 'status'],
    ['definitionStatus=final', 'definitionStatus'],
    ['planId=12', 'planId'],
    ['limit=0', 'limit'],
    ['colour=blue', 'colour'],
  ])('answers 400 naming the field for ?%s', async (query, field) => {
    const res = await overview(`?${query}`).expect(400);
    expect((res.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
  });
});
