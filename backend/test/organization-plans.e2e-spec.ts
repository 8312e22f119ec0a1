import { Fixtures, fixtures } from './support/fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

// Issue 18: a partner's participation page offers the plans its organization takes part in, the very ones the API
// lets it count for (participation-counts.service.ts, partakesIn): owned, or worked on in a work cell of one of their
// objectives; archived plans are left out.

describe('GET /api/organizations/:id/plans', () => {
  let t: TestApp;
  let fx: Fixtures;

  beforeAll(async () => {
    t = await startTestApp();
    fx = fixtures(t);
  });
  afterAll(async () => {
    await fx.cleanup();
    await t.close();
  });

  const plansOf = async (organizationId: string, token: string) =>
    (await t.http().get(`/api/organizations/${organizationId}/plans`).query({ limit: 200 }).set(bearer(token)).expect(200)).body as {
      items: { id: string; title: string }[];
      total: number;
    };

  it('lists the plans an organization owns or works on in a work cell, not the others nor the archived ones', async () => {
    // Arrange: a new organization, partner in a cell of one plan's objective and owner of a second; a third plan where
    // it is partner in a cell linked to no objective; a fourth it owns, archived.
    const { organizationId } = await fx.organization();
    const worked = await fx.plan();
    await fx.workCell({ partnerOrganizationId: organizationId, objectiveId: worked.objectiveId });
    const owned = await fx.plan();
    await t
      .http()
      .patch(`/api/plans/${owned.planId}`)
      .set(bearer(t.tokens.admin))
      .send({ ownerOrganizationId: organizationId })
      .expect(200);
    const unrelated = await fx.plan();
    await fx.workCell({ partnerOrganizationId: organizationId });
    const archived = await fx.plan();
    await t
      .http()
      .patch(`/api/plans/${archived.planId}`)
      .set(bearer(t.tokens.admin))
      .send({ ownerOrganizationId: organizationId })
      .expect(200);
    await t.http().delete(`/api/plans/${archived.planId}`).set(bearer(t.tokens.admin)).expect(204);

    // Act
    const page = await plansOf(organizationId, t.tokens.committee);

    // Assert
    expect(page.items.map((plan) => plan.id).sort()).toEqual([worked.planId, owned.planId].sort());
    expect(page.total).toBe(2);
    expect(page.items.map((plan) => plan.id)).not.toContain(unrelated.planId);
  });

  it('offers the demo partner a plan it works on in a work cell, not one it takes no part in', async () => {
    // Arrange
    const me = (await t.http().get('/api/auth/me').set(bearer(t.tokens.partner)).expect(200)).body as { organizationId: string };
    const own = await fx.plan();
    await fx.workCell({ partnerOrganizationId: me.organizationId, objectiveId: own.objectiveId });
    const other = await fx.plan();

    // Act
    const offered = (await plansOf(me.organizationId, t.tokens.partner)).items.map((plan) => plan.id);

    // Assert
    expect(offered).toContain(own.planId);
    expect(offered).not.toContain(other.planId);
  });

  it('answers 404 for an unknown organization and 400 for an id that is not a uuid', async () => {
    await t.http().get('/api/organizations/00000000-0000-4000-8000-000000000000/plans').set(bearer(t.tokens.partner)).expect(404);
    await t.http().get('/api/organizations/nope/plans').set(bearer(t.tokens.partner)).expect(400);
  });
});
