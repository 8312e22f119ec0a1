import { randomUUID } from 'node:crypto';
import { LAVAL_COUNTED_INSTRUMENT, LAVAL_PRDS_PLAN } from '@backend/demo/laval-prds-plan';
import { PARC_EXTENSION_PLAN } from '@backend/demo/parc-extension-plan';
import { EvaluationFreezerService } from '@backend/evaluations/evaluation-freezer.service';
import { Fixtures, fixtures, PlanFixture, uniqueText } from './support/fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

// Issue 15, « Scope »: `%` and `_` in the organization search are the characters themselves, never wildcards;
// partners count only for the instruments of their own plans; a plan has one evaluation of each kind not closed.

describe('Scope (issue 15)', () => {
  let t: TestApp;
  let fx: Fixtures;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    fx = fixtures(t);
  });
  afterAll(async () => {
    await fx.cleanup();
    if (ids.length > 0) await t.db.query('DELETE FROM organizations WHERE id = ANY($1)', [ids]);
    await t.close();
  });

  it('searches organizations for `%` and `_` literally', async () => {
    const tag = randomUUID().slice(0, 8);
    for (const [name, acronym] of [
      [`Cent pour cent ${tag}`, `c%c${tag}`],
      [`Souligné ${tag}`, `s_${tag}`],
      [`Autre ${tag}`, `sx${tag}`],
    ]) {
      const res = await t.http().post('/api/organizations').set(bearer(t.tokens.evaluator)).send({ name, acronym }).expect(201);
      ids.push((res.body as { id: string }).id);
    }
    const search = async (s: string) =>
      (await t.http().get('/api/organizations').query({ search: s, limit: 200 }).set(bearer(t.tokens.committee)).expect(200)).body as {
        items: { acronym: string | null }[];
        total: number;
      };
    const all = (await t.http().get('/api/organizations').query({ limit: 1 }).set(bearer(t.tokens.committee)).expect(200)).body as {
      total: number;
    };
    const percent = await search('%');
    expect(percent.total).toBeLessThan(all.total);
    expect(percent.items.map((o) => o.acronym)).toContain(`c%c${tag}`);
    expect(percent.items.every((o) => o.acronym?.includes('%'))).toBe(true);
    expect((await search(`s_${tag}`)).items.map((o) => o.acronym)).toEqual([`s_${tag}`]); // not « sx… » too
    expect((await search(`c%c${tag}`)).items.map((o) => o.acronym)).toEqual([`c%c${tag}`]);
    expect((await search(`Souligné ${tag}`)).items.map((o) => o.acronym)).toEqual([`s_${tag}`]);
  });

  describe("partners count only for their own plans' instruments", () => {
    let partnerOrg: string;
    const countsOf = async (instrumentId: string) =>
      (await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM participation_counts WHERE instrument_id = $1', [instrumentId]))[0]
        .n;
    const post = (instrumentId: string, activity = uniqueText('Activité')) =>
      t
        .http()
        .post('/api/participation-counts')
        .set(bearer(t.tokens.partner))
        .set('Idempotency-Key', randomUUID())
        .send({ instrumentId, activity, date: '2024-08-17', total: 12 });
    const recorded = <R extends { status: number; body: { id?: string; message?: string } }>(res: R): R => {
      if (res.status === 201 && res.body.id) fx.track(`/api/participation-counts/${res.body.id}`);
      return res;
    };

    beforeAll(async () => {
      partnerOrg = (await t.http().get('/api/auth/me').set(bearer(t.tokens.partner)).expect(200)).body.organizationId as string;
    });

    it("refuses (403, naming the instrument) a count on the instrument of a plan the partner's organization is not part of", async () => {
      // Arrange: a plan, and a work cell of the partner's organization on no objective (part of no plan)
      const other = await fx.plan();
      await fx.workCell({ partnerOrganizationId: partnerOrg });
      // Act
      const res = recorded(await post(other.instrumentId));
      // Assert
      expect(res.body).toMatchObject({ statusCode: 403, code: 'forbidden', message: expect.stringContaining('Suivi fixture') });
      expect(res.body.message).toContain(other.instrumentId);
      expect(await countsOf(other.instrumentId)).toBe(0);
    });

    it("records (201) a count on an instrument of a plan the partner's organization works on, in a work cell of one of its objectives", async () => {
      // Arrange
      const own = await fx.plan();
      await fx.workCell({ partnerOrganizationId: partnerOrg, objectiveId: own.objectiveId });
      // Act
      const res = recorded(await post(own.instrumentId));
      // Assert
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ instrumentId: own.instrumentId, organizationId: partnerOrg });
    });

    it("records (201) a count on an instrument of a plan the partner's organization owns", async () => {
      // Arrange
      const owned = await fx.plan();
      await t.http().patch(`/api/plans/${owned.planId}`).set(bearer(t.tokens.admin)).send({ ownerOrganizationId: partnerOrg }).expect(200);
      // Act
      const res = recorded(await post(owned.instrumentId));
      // Assert
      expect(res.status).toBe(201);
    });

    it("refuses (403) moving its count to another plan's instrument, and the count stays where it was", async () => {
      // Arrange
      const own: PlanFixture = await fx.plan();
      await fx.workCell({ partnerOrganizationId: partnerOrg, objectiveId: own.objectiveId });
      const other = await fx.plan();
      const count = recorded(await post(own.instrumentId));
      expect(count.status).toBe(201);
      // Act
      const res = await t
        .http()
        .patch(`/api/participation-counts/${count.body.id}`)
        .set(bearer(t.tokens.partner))
        .send({ instrumentId: other.instrumentId });
      // Assert
      expect(res.body).toMatchObject({ statusCode: 403, code: 'forbidden', message: expect.stringContaining('Suivi fixture') });
      const after = await t.http().get(`/api/participation-counts/${count.body.id}`).set(bearer(t.tokens.admin)).expect(200);
      expect(after.body).toMatchObject({ instrumentId: own.instrumentId, history: [] });
      expect(await countsOf(other.instrumentId)).toBe(0);
    });

    it('lets the demo partner (Centre communautaire Val-Martin) count for the Laval plan it works on, not for Parc-Extension', async () => {
      // Arrange: the demo's counted instruments of both plans
      const instrumentOf = async (planTitle: string, name: string) =>
        (
          await t.db.query<{ id: string }[]>(
            `SELECT i.id FROM instruments i JOIN plans p ON p.id = i.plan_id WHERE p.title = $1 AND i.name = $2 AND i.kind = 'participation_count' ORDER BY i.position LIMIT 1`,
            [planTitle, name],
          )
        )[0].id;
      const laval = await instrumentOf(LAVAL_PRDS_PLAN.title, LAVAL_COUNTED_INSTRUMENT.name);
      const parcEx = await instrumentOf(PARC_EXTENSION_PLAN.title, 'Nombre de participants');
      const before = await countsOf(parcEx);
      // Act
      const ours = recorded(await post(laval));
      const theirs = recorded(await post(parcEx));
      // Assert
      expect(ours.status).toBe(201);
      expect(theirs.body).toMatchObject({ statusCode: 403, code: 'forbidden', message: expect.stringContaining('Nombre de participants') });
      expect(await countsOf(parcEx)).toBe(before);
    });
  });

  describe('a plan has at most one evaluation of each kind not closed', () => {
    const openOn = (planId: string, kind: 'midterm' | 'final', cutoff = '2024-06-30') =>
      t.http().post(`/api/plans/${planId}/evaluations`).set(bearer(t.tokens.committee)).send({ kind, cutoff });
    const evaluationsOf = async (planId: string) =>
      (await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM evaluations WHERE plan_id = $1', [planId]))[0].n;

    it('refuses a second mid-term while the first is not closed (409 naming it), takes a final beside it, and a new mid-term once it is closed', async () => {
      // Arrange
      const { planId } = await fx.plan();
      const first = await openOn(planId, 'midterm').expect(201);
      // Act: while freezing, then once frozen (open)
      const whileFreezing = await openOn(planId, 'midterm', '2024-03-31');
      await expect(t.app.get(EvaluationFreezerService).freeze(first.body.id)).resolves.toMatch(/^(frozen|already_frozen)$/);
      const whileOpen = await openOn(planId, 'midterm', '2024-03-31');
      const final = await openOn(planId, 'final');
      await t.http().post(`/api/evaluations/${first.body.id}/close`).set(bearer(t.tokens.committee)).expect(200);
      const again = await openOn(planId, 'midterm', '2024-03-31');
      // Assert
      for (const res of [whileFreezing, whileOpen]) {
        expect(res.body).toMatchObject({
          statusCode: 409,
          code: 'evaluation_already_open',
          message: expect.stringContaining(first.body.id),
        });
        expect(res.body.message).toContain('2024-06-30');
      }
      expect([final.status, again.status]).toEqual([201, 201]);
      expect(await evaluationsOf(planId)).toBe(3);
    });

    it('of two opened at once, takes one and refuses the other', async () => {
      // Arrange
      const { planId } = await fx.plan();
      // Act
      const answers = await Promise.all([
        openOn(planId, 'final'),
        openOn(planId, 'final', '2024-05-31'),
        openOn(planId, 'final', '2024-04-30'),
      ]);
      // Assert
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      expect(await evaluationsOf(planId)).toBe(1);
    });
  });
});
