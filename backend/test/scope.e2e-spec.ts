import { randomUUID } from 'node:crypto';
import { bearer, startTestApp, TestApp } from './support/test-app';

// Issue 15, « Scope »: `%` and `_` in the organization search are the characters themselves, never wildcards.

describe('Scope (issue 15)', () => {
  let t: TestApp;
  const ids: string[] = [];

  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => {
    if (ids.length > 0) await t.db.query('DELETE FROM organizations WHERE id = ANY($1)', [ids]);
    await t.close();
  });

  it('searches organizations for `%` and `_` literally', async () => {
    const tag = randomUUID().slice(0, 8);
    for (const [name, acronym] of [[`Cent pour cent ${tag}`, `c%c${tag}`], [`Souligné ${tag}`, `s_${tag}`], [`Autre ${tag}`, `sx${tag}`]]) {
      const res = await t.http().post('/api/organizations').set(bearer(t.tokens.evaluator)).send({ name, acronym }).expect(201);
      ids.push((res.body as { id: string }).id);
    }
    const search = async (s: string) => ((await t.http().get('/api/organizations').query({ search: s, limit: 200 }).set(bearer(t.tokens.committee)).expect(200))
      .body as { items: { acronym: string | null }[]; total: number });
    const all = (await t.http().get('/api/organizations').query({ limit: 1 }).set(bearer(t.tokens.committee)).expect(200)).body as { total: number };
    const percent = await search('%');
    expect(percent.total).toBeLessThan(all.total);
    expect(percent.items.map((o) => o.acronym)).toContain(`c%c${tag}`);
    expect(percent.items.every((o) => o.acronym?.includes('%'))).toBe(true);
    expect((await search(`s_${tag}`)).items.map((o) => o.acronym)).toEqual([`s_${tag}`]); // not « sx… » too
    expect((await search(`c%c${tag}`)).items.map((o) => o.acronym)).toEqual([`c%c${tag}`]);
    expect((await search(`Souligné ${tag}`)).items.map((o) => o.acronym)).toEqual([`s_${tag}`]);
  });
});
