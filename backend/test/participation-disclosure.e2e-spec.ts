import { randomUUID } from 'node:crypto';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { appConfig } from '@backend/config/configuration';
import { keyFromSum, mixKey, PerturbationTable, protectCount } from '@backend/disclosure/cell-key';
import { disclosureTable } from '@backend/disclosure/disclosure';
import { Indicator } from '@backend/indicators/indicator.entity';
import { Fixtures, fixtures, PlanFixture } from './support/fixtures';
import { bearer, startTestApp, TestApp } from './support/test-app';

interface Cell {
  dimension: string;
  category: string;
  count: number | null;
  hidden: boolean;
}
interface Figures {
  total: number | null;
  totalHidden: boolean;
  breakdown: Cell[];
}
interface Count extends Figures {
  id: string;
  organizationId: string | null;
  protected: boolean;
}
interface Revision {
  previous: Figures & { activity: string };
}
interface CountWithHistory extends Count {
  history: Revision[];
}

// Issue 13: participation counts read by roles below evaluator go through the disclosure layer, as the indicators
// built on them do; the recording organization's partners, evaluators and admins read what was entered.
describe('Participation counts through the disclosure layer', () => {
  let t: TestApp;
  let fx: Fixtures;
  let plan: PlanFixture;
  let table: PerturbationTable;
  let k: number;
  let maxDeviation: number;
  let partnerOrg: string;
  let otherPartner: string;
  const indicators: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    fx = fixtures(t);
    plan = await fx.plan();
    const config = t.app.get<{ suppressionK: number; disclosureMaxDeviation: number }>(appConfig.KEY);
    [k, maxDeviation] = [config.suppressionK, config.disclosureMaxDeviation];
    table = disclosureTable({ k, maxDeviation });
    partnerOrg = (await t.http().get('/api/auth/me').set(bearer(t.tokens.partner)).expect(200)).body.organizationId;
    // Partners count for the plans their organization is part of: the demo partner's is a partner of a work cell of the plan.
    await fx.workCell({ partnerOrganizationId: partnerOrg, objectiveId: plan.objectiveId });
    const { organizationId } = await fx.organization();
    const other = await fx.user({ role: 'partner', organizationId });
    otherPartner = (await t.http().post('/api/auth/login').send({ email: other.email, password: other.password }).expect(200)).body
      .accessToken;
  });
  afterAll(async () => {
    if (indicators.length > 0) await t.db.manager.delete(Indicator, indicators);
    await fx.cleanup();
    await t.close();
  });

  // 120 people: 4 non-binary (hidden below k = 5), 5 under 18 (published, never under k), nobody self-described.
  const BREAKDOWN = [
    { dimension: 'gender', category: 'woman', count: 60 },
    { dimension: 'gender', category: 'man', count: 56 },
    { dimension: 'gender', category: 'non_binary', count: 4 },
    { dimension: 'gender', category: 'self_described', count: 0 },
    { dimension: 'age_group', category: 'under_18', count: 5 },
    { dimension: 'age_group', category: '25_34', count: 115 },
  ];
  const record = async (token: string, overrides: object = {}) =>
    (
      await t
        .http()
        .post('/api/participation-counts')
        .set(bearer(token))
        .set('Idempotency-Key', randomUUID())
        .send({
          instrumentId: plan.instrumentId,
          activity: 'Journée de Bienvenue',
          date: '2024-08-17',
          total: 120,
          breakdown: BREAKDOWN,
          ...overrides,
        })
        .expect(201)
    ).body as Count;
  const read = async (token: string, id: string) =>
    (await t.http().get(`/api/participation-counts/${id}`).set(bearer(token)).expect(200)).body as CountWithHistory;
  const listed = async (token: string, id: string) => {
    const page = (
      await t.http().get(`/api/participation-counts?instrumentId=${plan.instrumentId}&limit=200`).set(bearer(token)).expect(200)
    ).body;
    return (page.items as Count[]).find((c) => c.id === id);
  };
  /** The entry's record key (select: false on the entity), as an unsigned cell key. */
  const keyOf = async (id: string) =>
    keyFromSum((await t.db.query<{ key: number }[]>('SELECT record_key AS key FROM participation_counts WHERE id = $1', [id]))[0].key);
  /** What the indicator figures publish for this entry alone in its cell: the total at its key, a category at the mixed key. */
  const expected = (key: number, total: number, breakdown: typeof BREAKDOWN): Figures => {
    const published = protectCount(total, key, table);
    return {
      total: published.value,
      totalHidden: published.hidden,
      breakdown: breakdown.map((c) => {
        const cell = protectCount(c.count, mixKey(key, `${c.dimension}|${c.category}`), table);
        return { dimension: c.dimension, category: c.category, count: cell.value, hidden: cell.hidden };
      }),
    };
  };
  const figures = ({ total, totalHidden, breakdown }: Figures): Figures => ({ total, totalHidden, breakdown });
  const cell = (c: Figures, category: string) => c.breakdown.find((b) => b.category === category)!;

  describe('the committee', () => {
    let entry: Count;
    beforeAll(async () => {
      entry = await record(t.tokens.partner);
    });

    it('never reads a category of 4 people as 4, nor an empty one as 0', async () => {
      const got = await read(t.tokens.committee, entry.id);
      expect(got.protected).toBe(true);
      // 4 non-binary people: hidden, unless the deviation brings them to 5 or 6; nobody self-described: hidden like them.
      const nonBinary = cell(got, 'non_binary');
      expect(nonBinary.hidden ? nonBinary.count === null : [5, 6].includes(nonBinary.count!)).toBe(true);
      expect(cell(got, 'self_described')).toEqual({ dimension: 'gender', category: 'self_described', count: null, hidden: true });
    });

    it('reads large counts within ±D of the true ones, never under k, the same on every read and in the list', async () => {
      // Act
      const reads = [
        await read(t.tokens.committee, entry.id),
        await read(t.tokens.committee, entry.id),
        await read(t.tokens.committee, entry.id),
      ];
      const inList = await listed(t.tokens.committee, entry.id);
      // Assert
      const first = figures(reads[0]);
      for (const again of [...reads.slice(1), inList!]) expect(figures(again)).toEqual(first);
      expect(first.totalHidden).toBe(false);
      expect(Math.abs(first.total! - 120)).toBeLessThanOrEqual(maxDeviation);
      for (const [category, truth] of [
        ['woman', 60],
        ['man', 56],
        ['25_34', 115],
      ] as const) {
        const published = cell(first, category);
        expect(published.hidden).toBe(false);
        expect(Math.abs(published.count! - truth)).toBeLessThanOrEqual(maxDeviation);
        expect(published.count).toBeGreaterThanOrEqual(k);
      }
    });

    it("reads the figures the cell-key method gives at the entry's record key (the indicator figures' keys)", async () => {
      const got = await read(t.tokens.committee, entry.id);
      expect(figures(got)).toEqual(expected(await keyOf(entry.id), 120, BREAKDOWN));
    });

    it('reads perturbed figures, not the true ones, where the key moves them', async () => {
      // Arrange: the first key that moves the total of 120 and the 60 women (keys are the database's, fixed per entry).
      const moved = await record(t.tokens.partner, { activity: 'Clé choisie' });
      let key = 0;
      while (protectCount(120, key, table).value === 120 || protectCount(60, mixKey(key, 'gender|woman'), table).value === 60) key += 997;
      await t.db.query('UPDATE participation_counts SET record_key = $2 WHERE id = $1', [moved.id, key >= 2 ** 31 ? key - 2 ** 32 : key]);
      // Act
      const got = await read(t.tokens.committee, moved.id);
      // Assert
      expect(got.total).toBe(protectCount(120, key, table).value);
      expect(got.total).not.toBe(120);
      expect(cell(got, 'woman').count).not.toBe(60);
      expect(figures(got)).toEqual(expected(key, 120, BREAKDOWN));
    });

    it('reads a total of fewer than k − D people as hidden, and every part of it', async () => {
      const small = await record(t.tokens.partner, {
        activity: 'Petit atelier',
        total: 2,
        breakdown: [{ dimension: 'gender', category: 'woman', count: 2 }],
      });
      const got = await read(t.tokens.committee, small.id);
      expect(figures(got)).toEqual({
        total: null,
        totalHidden: true,
        breakdown: [{ dimension: 'gender', category: 'woman', count: null, hidden: true }],
      });
      expect(figures((await listed(t.tokens.committee, small.id))!)).toEqual(figures(got));
    });

    it('reads the figures before each change through the same layer', async () => {
      // Arrange: 4 non-binary people, then 6.
      const edited = await record(t.tokens.partner, { activity: 'Modifiée' });
      const six = BREAKDOWN.map((c) => (c.category === 'non_binary' ? { ...c, count: 6 } : c.category === 'man' ? { ...c, count: 54 } : c));
      await t.http().patch(`/api/participation-counts/${edited.id}`).set(bearer(t.tokens.partner)).send({ breakdown: six }).expect(200);
      // Act
      const got = await read(t.tokens.committee, edited.id);
      const truth = await read(t.tokens.evaluator, edited.id);
      // Assert
      const key = await keyOf(edited.id);
      expect(figures(got)).toEqual(expected(key, 120, six));
      expect(figures(got.history[0].previous)).toEqual(expected(key, 120, BREAKDOWN));
      expect(cell(got.history[0].previous, 'non_binary').count).not.toBe(4);
      expect(cell(truth.history[0].previous, 'non_binary')).toMatchObject({ count: 4, hidden: false });
    });

    it('publishes an entry alone in its month as the indicator figures built on it do', async () => {
      // Arrange: a count instrument of its own, one entry in August 2024, a monthly participation sum by gender.
      const instrument = (
        await t
          .http()
          .post('/api/instruments')
          .set(bearer(t.tokens.admin))
          .send({ planId: plan.planId, kind: 'participation_count', name: 'Compte seul' })
          .expect(201)
      ).body.id as string;
      fx.track(`/api/instruments/${instrument}`);
      const alone = await record(t.tokens.partner, { instrumentId: instrument, activity: 'Seule du mois' });
      const em = t.db.manager;
      const indicator = await em.save(
        em.create(Indicator, {
          planId: plan.planId,
          objectiveId: plan.objectiveId,
          name: 'Participants seuls',
          status: 'active',
          kind: 'participation_sum',
          grain: 'month',
          dimensions: ['gender'],
          source: { instrumentIds: [instrument] },
        }),
      );
      indicators.push(indicator.id);
      await t.app.get(AggregationService).recompute(indicator.id);
      // Act
      const values = async (query: string) =>
        (
          await t
            .http()
            .get(`/api/indicators/${indicator.id}/values?from=2024-08-01&to=2024-08-31${query}`)
            .set(bearer(t.tokens.committee))
            .expect(200)
        ).body as { period: string; category?: string; value: number | null; suppressed: boolean }[];
      const [month] = await values('');
      const byGender = await values('&by=gender');
      const got = await read(t.tokens.committee, alone.id);
      // Assert
      expect(month).toMatchObject({ period: '2024-08-01', value: got.total, suppressed: false });
      for (const category of ['woman', 'man', 'non_binary']) {
        const published = byGender.find((v) => v.category === category)!;
        expect([published.value, published.suppressed]).toEqual([cell(got, category).count, cell(got, category).hidden]);
      }
    });
  });

  describe('partners', () => {
    let entry: Count;
    beforeAll(async () => {
      entry = await record(t.tokens.partner, { activity: 'Atelier des partenaires' });
    });

    it('read what their own organization recorded as it was entered', async () => {
      const got = await read(t.tokens.partner, entry.id);
      const inList = await listed(t.tokens.partner, entry.id);
      expect(got.organizationId).toBe(partnerOrg);
      for (const view of [got, inList!]) {
        expect(view.protected).toBe(false);
        expect(figures(view)).toEqual({ total: 120, totalHidden: false, breakdown: BREAKDOWN.map((c) => ({ ...c, hidden: false })) });
      }
    });

    it("of another organization neither read nor list it (partners read their own organization's counts only)", async () => {
      await t.http().get(`/api/participation-counts/${entry.id}`).set(bearer(otherPartner)).expect(403);
      expect(await listed(otherPartner, entry.id)).toBeUndefined();
    });
  });

  describe('evaluators and admins', () => {
    it('read the true counts, marked unprotected, in the entry, the list and the history', async () => {
      const entry = await record(t.tokens.partner, { activity: 'Atelier évalué' });
      await t
        .http()
        .patch(`/api/participation-counts/${entry.id}`)
        .set(bearer(t.tokens.evaluator))
        .send({ activity: 'Atelier évalué (bis)' })
        .expect(200);
      const truth = { total: 120, totalHidden: false, breakdown: BREAKDOWN.map((c) => ({ ...c, hidden: false })) };
      for (const token of [t.tokens.evaluator, t.tokens.admin]) {
        const got = await read(token, entry.id);
        const inList = await listed(token, entry.id);
        expect([got.protected, inList!.protected]).toEqual([false, false]);
        expect(figures(got)).toEqual(truth);
        expect(figures(inList!)).toEqual(truth);
        expect(figures(got.history[0].previous)).toEqual(truth);
      }
    });
  });

  it("answers the writer's POST and PATCH with the figures as entered", async () => {
    const created = await record(t.tokens.partner, { activity: 'Écrite' });
    const patched = (
      await t.http().patch(`/api/participation-counts/${created.id}`).set(bearer(t.tokens.partner)).send({ total: 121 }).expect(200)
    ).body;
    expect([created.protected, patched.protected]).toEqual([false, false]);
    expect(cell(created, 'non_binary')).toMatchObject({ count: 4, hidden: false });
    expect(patched).toMatchObject({ total: 121, totalHidden: false });
  });
});
