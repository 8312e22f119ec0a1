import { DataSource } from 'typeorm';
import { INDICATOR_KINDS } from '@repere/contract';
import { LAVAL_PRDS_PLAN } from '@backend/demo/laval-prds-plan';
import { PARC_EX_UNMEASURED } from '@backend/demo/parc-ex-indicators';
import { PARC_EXTENSION_PLAN } from '@backend/demo/parc-extension-plan';
import { D, publishable } from './support/disclosure';
import { bearer, startTestApp, TestApp } from './support/test-app';

// Only the demo's own rows are counted: other test files write to the same database at the same time.
const DEMO_ROWS = {
  plans: `SELECT count(*) FROM plans WHERE title LIKE 'Plan d''action%'`,
  planParts: `WITH demo AS (SELECT id FROM plans WHERE title LIKE 'Plan d''action%')
    SELECT (SELECT count(*) FROM orientations WHERE plan_id IN (SELECT id FROM demo))
      + (SELECT count(*) FROM objectives WHERE plan_id IN (SELECT id FROM demo))
      + (SELECT count(*) FROM actions WHERE plan_id IN (SELECT id FROM demo))
      + (SELECT count(*) FROM expected_results WHERE plan_id IN (SELECT id FROM demo)) AS count`,
  // Other test files add questionnaires (and their instruments) and indicators to the demo plan: counted by name.
  seededIndicators: `SELECT count(*) FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE p.title LIKE 'Plan d''action%'
    AND (i.kind = 'manual' AND i.status = 'draft' OR i.name LIKE '%Journée de Bienvenue%' OR i.name LIKE 'Part des nouveaux%')`,
  workCells: `SELECT count(*) FROM work_cells c JOIN work_steps s ON s.work_cell_id = c.id JOIN partnerships p ON p.work_cell_id = c.id
    WHERE c.name IN ('Cellule 4.2', 'Groupe de liaison (Immeubles Val-Martin)')`,
  users: `SELECT count(*) FROM users WHERE email LIKE '%@demo.repere.org'`,
};

async function counts(db: DataSource): Promise<Record<string, number>> {
  const entries = await Promise.all(
    Object.entries(DEMO_ROWS).map(async ([k, sql]) => [k, Number((await db.query(sql))[0].count)] as const),
  );
  return Object.fromEntries(entries);
}

describe('npm run seed:demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('changes nothing when run again, also when two runs overlap', async () => {
    const { seeder } = t;
    const before = await counts(t.db);
    const [a, b] = await Promise.all([seeder.seed(), seeder.seed()]);
    expect(a.created).toEqual([]);
    expect(b.created).toEqual([]);
    expect(await counts(t.db)).toEqual(before);
  });

  it('holds the Parc-Extension plan as the seed writes it', async () => {
    const [plan] = await t.db.query(`SELECT p.id, p.start_date::text, p.end_date::text, o.name AS owner FROM plans p
      JOIN organizations o ON o.id = p.owner_organization_id WHERE p.title LIKE '%Parc-Extension%'`);
    expect(plan).toMatchObject({ start_date: '2021-06-28', end_date: '2023-12-31', owner: 'Table de quartier de Parc-Extension' });
    const orientations = await t.db.query('SELECT number, title FROM orientations WHERE plan_id = $1 ORDER BY number', [plan.id]);
    expect(orientations.map((o: { title: string }) => o.title)).toEqual([
      'Relocalisation des organismes de William-Hingston',
      'Centre communautaire (PIC – Centraide)',
      "Bureau d'informations Parc-Ex (BIPE) - (PIC - Centraide)",
      'Obtenir plus de visibilité dans le quartier',
    ]);
    const kinds = await t.db.query(
      `SELECT schedule_kind AS kind, count(*)::int AS n FROM actions WHERE plan_id = $1 GROUP BY 1 ORDER BY 1`,
      [plan.id],
    );
    expect(kinds).toEqual([
      { kind: 'date', n: 6 },
      { kind: 'recurrence', n: 3 },
      { kind: 'ongoing', n: 4 },
      { kind: 'tbd', n: 1 },
    ]);
    const [participants] = await t.db.query(`SELECT kind FROM instruments WHERE plan_id = $1 AND name = 'Nombre de participants'`, [
      plan.id,
    ]);
    expect(participants.kind).toBe('participation_count');
    const [linked] = await t.db.query(
      `SELECT count(*)::int AS n FROM indicator_instruments ii JOIN indicators i ON i.id = ii.indicator_id WHERE i.plan_id = $1`,
      [plan.id],
    );
    expect(linked.n).toBeGreaterThan(0);
  });

  it('holds the three Laval work cells with their steps and partners, and one directory entry per organization', async () => {
    const cells = await t.db.query(`SELECT c.name, c.start_date::text AS start, o.code,
        (SELECT count(*) FROM work_steps s WHERE s.work_cell_id = c.id)::int AS steps,
        (SELECT count(*) FROM work_steps s WHERE s.work_cell_id = c.id AND s.done)::int AS done,
        (SELECT count(*) FROM partnerships p WHERE p.work_cell_id = c.id)::int AS partners
      FROM work_cells c LEFT JOIN objectives o ON o.id = c.objective_id
      WHERE c.name IN ('Cellule 4.2', 'Groupe de liaison (Immeubles Val-Martin)', 'Collaboration et accompagnement global et continu des personnes immigrantes')
      ORDER BY c.start_date`);
    expect(cells).toEqual([
      { name: 'Cellule 4.2', start: '2019-06-05', code: '4.2', steps: 7, done: 6, partners: 10 },
      { name: 'Groupe de liaison (Immeubles Val-Martin)', start: '2021-01-01', code: '3.2.1', steps: 8, done: 6, partners: 12 },
      {
        name: 'Collaboration et accompagnement global et continu des personnes immigrantes',
        start: '2021-09-23',
        code: '3.2.1',
        steps: 8,
        done: 0,
        partners: 15,
      },
    ]);
    const dupes = await t.db.query(`SELECT name_key, count(*) FROM organizations GROUP BY 1 HAVING count(*) > 1`);
    expect(dupes).toEqual([]);
    const [cdlc] = await t.db.query(
      `SELECT count(DISTINCT organization_id)::int AS n, min(o.acronym) AS acronym FROM partnerships p JOIN organizations o ON o.id = p.organization_id WHERE o.name ILIKE 'Comité de développement local de Chomedey'`,
    );
    expect(cdlc).toEqual({ n: 1, acronym: 'CDLC' });
  });

  it('creates the four demo users with their roles', async () => {
    const users = await t.db.query('SELECT email, role FROM users ORDER BY email');
    expect(users).toEqual(
      expect.arrayContaining([
        { email: 'admin@demo.repere.org', role: 'admin' },
        { email: 'comite@demo.repere.org', role: 'committee' },
        { email: 'evaluation@demo.repere.org', role: 'evaluator' },
        { email: 'partenaire@demo.repere.org', role: 'partner' },
      ]),
    );
  });
});

describe('The demo Welcome Day questionnaire', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is published in French, English and Arabic with an ADS+ block, and has responses and counts over the years', async () => {
    const [q] = await t.db.query(`SELECT id, status, languages, current_version, jsonb_array_length(questions) AS n,
        (SELECT count(*) FROM jsonb_array_elements(questions) x WHERE x->>'dimension' IS NOT NULL)::int AS dims
      FROM questionnaires WHERE slug = 'bienvenue-parc-ex'`);
    expect(q).toMatchObject({ status: 'published', languages: ['fr', 'en', 'ar'], current_version: 1, n: 12, dims: 5 });
    const years = await t.db.query(
      `SELECT extract(year FROM answered_at)::int AS year, count(*)::int AS n FROM responses
      WHERE questionnaire_id = $1 AND answered_at < '2024-01-01' GROUP BY 1 ORDER BY 1`,
      [q.id],
    );
    expect(years).toEqual([
      { year: 2021, n: 80 },
      { year: 2022, n: 100 },
      { year: 2023, n: 120 },
    ]);
    // Coded as the ingest codes them: the aggregation reads none of them from their JSON.
    const [{ uncoded }] = await t.db.query('SELECT count(*)::int AS uncoded FROM responses WHERE questionnaire_id = $1 AND codes IS NULL', [
      q.id,
    ]);
    expect(uncoded).toBe(0);
    const counts = await t.db.query(`SELECT c.date::text, c.total FROM participation_counts c JOIN instruments i ON i.id = c.instrument_id
      JOIN plans p ON p.id = i.plan_id WHERE i.name = 'Nombre de participants' AND p.title LIKE '%Parc-Extension%' AND c.recorded_by IS NULL ORDER BY c.date`);
    expect(counts).toEqual([
      { date: '2021-08-21', total: 140 },
      { date: '2022-08-20', total: 185 },
      { date: '2023-08-19', total: 230 },
    ]);
  });
});

describe('The demo indicators', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('show real values computed from the demo responses and counts', async () => {
    const [plan] = await t.db.query(`SELECT id FROM plans WHERE title LIKE '%Parc-Extension%'`);
    const res = await t.http().get(`/api/plans/${plan.id}/progress?at=2023-12-31`).set(bearer(t.tokens.committee)).expect(200);
    const byName = (name: string) => res.body.indicators.find((i: { name: string }) => i.name.startsWith(name));
    // As published: each count within 2 of the truth, the final status read from that figure (one truth).
    const finalStatus = (i: { value: number; finalTarget: number }) => (i.value >= i.finalTarget ? 'achieved' : 'not_achieved');
    // 140 + 185 + 230 counted at the door; other test files may record more on the same instrument.
    const participants = byName('Nombre de participants à la Journée');
    expect(participants.value).toBeGreaterThanOrEqual(555 - D);
    expect(participants.status).toBe(finalStatus(participants));
    const respondents = byName('Nombre de répondants');
    expect([publishable(respondents.value, 300), respondents.n, respondents.status]).toEqual([
      true,
      respondents.value,
      finalStatus(respondents),
    ]);
    const share = byName('Part des nouveaux résidents');
    expect(share.value).toBeGreaterThan(40);
    expect(publishable(share.n, 120)).toBe(true);
    const series = await t.http().get(`/api/indicators/${share.id}/values?by=immigration`).set(bearer(t.tokens.committee)).expect(200);
    expect(series.body.length).toBeGreaterThan(6);
  });
});

describe('The Parc-Extension plan in its third year', () => {
  let t: TestApp;
  let planId: string;
  beforeAll(async () => {
    t = await startTestApp();
    [{ id: planId }] = await t.db.query(`SELECT id FROM plans WHERE title = $1`, [PARC_EXTENSION_PLAN.title]);
  });
  afterAll(async () => {
    await t.close();
  });

  /** The plan's own success indicators and the Welcome Day's, as the seed left them (other files may add more). */
  const seeded = async () =>
    t.db.query<{ id: string; name: string; status: string; note: string | null; means: string[] }[]>(
      `SELECT i.id, i.name, i.status, i.note,
          array(SELECT DISTINCT m.kind::text FROM indicator_instruments ii JOIN instruments m ON m.id = ii.instrument_id WHERE ii.indicator_id = i.id) AS means
        FROM indicators i WHERE i.plan_id = $1 AND i.archived_at IS NULL AND i.name = ANY($2)`,
      [
        planId,
        [
          ...PARC_EXTENSION_PLAN.orientations.flatMap((o) => o.objectives.flatMap((b) => b.actions.flatMap((a) => a.indicators))),
          ...WELCOME,
        ],
      ],
    );
  const WELCOME = [
    'Part des nouveaux résidents qui connaissent la Table de quartier',
    'Satisfaction moyenne à la Journée de Bienvenue',
    'Nombre de participants à la Journée de Bienvenue',
    'Nombre de répondants au questionnaire de la Journée de Bienvenue',
    'Taux de réponse au questionnaire de la Journée de Bienvenue',
  ];

  it('feeds every indicator whose follow-up means count or ask, and publishes a value for each active one', async () => {
    // Arrange
    const indicators = await seeded();
    // Act
    const res = await t.http().get(`/api/plans/${planId}/progress?at=2023-12-31`).set(bearer(t.tokens.committee)).expect(200);
    // Assert
    expect(indicators).toHaveLength(20);
    const counted = indicators.filter((i) => i.means.some((kind) => kind !== 'document'));
    expect(counted.filter((i) => i.status !== 'active').map((i) => i.name)).toEqual([]);
    const active = indicators.filter((i) => i.status === 'active');
    expect(active).toHaveLength(17);
    const progress = new Map<string, { value: number | null; status: string }>(
      res.body.indicators.map((i: { id: string; value: number | null; status: string }) => [i.id, i]),
    );
    expect(active.filter((i) => progress.get(i.id)?.value == null).map((i) => i.name)).toEqual([]);
    // Some reach their targets and some do not.
    const statuses = new Set(active.map((i) => progress.get(i.id)!.status));
    expect(statuses).toContain('achieved');
    expect([...statuses].some((s) => s !== 'achieved')).toBe(true);
  });

  it('shows every kind of indicator, each with a published value', async () => {
    // Arrange
    const rows = await t.db.query<{ kind: string; id: string; plan_id: string }[]>(
      `SELECT DISTINCT ON (i.kind) i.kind, i.id, i.plan_id FROM indicators i JOIN plans p ON p.id = i.plan_id
        WHERE i.status = 'active' AND i.archived_at IS NULL AND p.title = ANY($1) ORDER BY i.kind, i.position`,
      [[PARC_EXTENSION_PLAN.title, LAVAL_PRDS_PLAN.title]],
    );
    // Act
    const values = await Promise.all(
      rows.map(async (row) => {
        const res = await t.http().get(`/api/plans/${row.plan_id}/progress?at=2023-12-31`).set(bearer(t.tokens.committee)).expect(200);
        return res.body.indicators.find((i: { id: string }) => i.id === row.id)?.value as number | null;
      }),
    );
    // Assert
    expect(rows.map((r) => r.kind).sort()).toEqual([...INDICATOR_KINDS].sort());
    expect(values.every((v) => typeof v === 'number')).toBe(true);
  });

  it('says why on each indicator left without data', async () => {
    const unmeasured = (await seeded()).filter((i) => i.status !== 'active');
    expect(unmeasured.map((i) => i.name).sort()).toEqual(PARC_EX_UNMEASURED.map((i) => i.name).sort());
    for (const { id } of unmeasured) {
      const res = await t.http().get(`/api/indicators/${id}`).set(bearer(t.tokens.committee)).expect(200);
      expect(res.body.note).toEqual(expect.stringMatching(/\S{3,}/));
    }
  });

  it('has a mid-term evaluation frozen at the mid-term date and assessed, and the final one open', async () => {
    const [{ midterm_date: midtermDate }] = await t.db.query(`SELECT midterm_date::text FROM plans WHERE id = $1`, [planId]);
    const list = await t.http().get(`/api/plans/${planId}/evaluations`).set(bearer(t.tokens.committee)).expect(200);
    const byKind = (kind: string) => list.body.items.filter((e: { kind: string }) => e.kind === kind);
    expect(byKind('midterm')).toHaveLength(1);
    expect(byKind('final')).toHaveLength(1);
    const midterm = await t
      .http()
      .get(`/api/evaluations/${byKind('midterm')[0].id}`)
      .set(bearer(t.tokens.committee))
      .expect(200);
    expect(midterm.body).toMatchObject({ cutoff: midtermDate, state: 'closed', snapshot: { cutoff: midtermDate } });
    expect(midterm.body.assessments).toHaveLength(4);
    const final = await t
      .http()
      .get(`/api/evaluations/${byKind('final')[0].id}`)
      .set(bearer(t.tokens.committee))
      .expect(200);
    expect(final.body).toMatchObject({ cutoff: '2023-12-31', state: 'open', snapshot: { cutoff: '2023-12-31' } });
  });

  it('keeps two minutes on its « document » follow-up means, which download as PDF', async () => {
    const owners = await t.db.query<{ id: string }[]>(
      `SELECT id FROM instruments WHERE plan_id = $1 AND kind = 'document' AND name = ANY($2)`,
      [planId, ['Compte rendu des rencontres', 'PV et comptes rendus de rencontre']],
    );
    expect(owners).toHaveLength(2);
    for (const owner of owners) {
      const list = await t.http().get(`/api/evidence?ownerKind=instrument&ownerId=${owner.id}`).set(bearer(t.tokens.committee)).expect(200);
      expect(list.body).toHaveLength(1);
      expect(list.body[0].date >= '2021-06-28' && list.body[0].date <= '2023-12-31').toBe(true);
      const file = await t
        .http()
        .get(list.body[0].url)
        .set(bearer(t.tokens.committee))
        .buffer(true)
        .parse((res, done) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () => done(null, Buffer.concat(parts)));
        })
        .expect(200);
      expect(file.headers['content-type']).toMatch(/^application\/pdf/);
      expect((file.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('creates nothing when seeded again', async () => {
    const rows = () =>
      t.db.query(
        `SELECT (SELECT count(*) FROM responses r JOIN questionnaires q ON q.id = r.questionnaire_id WHERE q.plan_id = $1)::int AS responses,
          (SELECT count(*) FROM participation_counts c JOIN instruments i ON i.id = c.instrument_id WHERE i.plan_id = $1)::int AS counts,
          (SELECT count(*) FROM indicator_manual_values v JOIN indicators i ON i.id = v.indicator_id WHERE i.plan_id = $1)::int AS manual,
          (SELECT count(*) FROM evidence_files WHERE plan_id = $1)::int AS evidence,
          (SELECT count(*) FROM evaluations WHERE plan_id = $1)::int AS evaluations,
          (SELECT count(*) FROM evaluation_assessments a JOIN evaluations e ON e.id = a.evaluation_id WHERE e.plan_id = $1)::int AS assessments`,
        [planId],
      );
    const before = await rows();
    expect((await t.seeder.seed()).created).toEqual([]);
    expect(await rows()).toEqual(before);
  });
});

describe('The Laval PRDS demo figures', () => {
  let t: TestApp;
  let planId: string;
  beforeAll(async () => {
    t = await startTestApp();
    [{ id: planId }] = await t.db.query(`SELECT id FROM plans WHERE title LIKE '%(PRDS)'`);
  });
  afterAll(async () => {
    await t.close();
  });

  it('has indicators on 3.2.1 and 4.2, each with a published value, their statuses differing', async () => {
    const progress = await t.http().get(`/api/plans/${planId}/progress`).set(bearer(t.tokens.committee)).expect(200);
    const seeded = progress.body.indicators as { name: string; value: number | null; status: string }[];
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM indicators WHERE plan_id = $1 AND archived_at IS NULL`, [planId]);
    expect(seeded).toHaveLength(n);
    expect(n).toBeGreaterThanOrEqual(5);
    for (const indicator of seeded)
      expect({ name: indicator.name, value: indicator.value }).toEqual({ name: indicator.name, value: expect.any(Number) });
    expect(new Set(seeded.map((i) => i.status)).size).toBeGreaterThan(1);
    const kinds = await t.db.query(
      `SELECT o.code, array_agg(i.kind::text ORDER BY i.kind::text) AS kinds FROM indicators i JOIN objectives o ON o.id = i.objective_id
        WHERE i.plan_id = $1 GROUP BY 1 ORDER BY 1`,
      [planId],
    );
    expect(kinds).toEqual([
      { code: '3.2.1', kinds: ['participation_sum', 'work_steps_done', 'work_steps_done'] },
      { code: '4.2', kinds: ['manual', 'work_steps_done'] },
    ]);
  });

  it("dates every done step of the three work cells within the plan, and attaches the last partners' entry's document", async () => {
    const [steps] = await t.db.query(
      `SELECT count(*) FILTER (WHERE s.done)::int AS done, count(*) FILTER (WHERE s.done AND s.done_on BETWEEN '2019-06-05' AND '2025-12-31')::int AS dated
         FROM work_steps s JOIN work_cells c ON c.id = s.work_cell_id JOIN objectives o ON o.id = c.objective_id WHERE o.plan_id = $1`,
      [planId],
    );
    expect(steps.dated).toBe(steps.done);
    expect(steps.done).toBeGreaterThan(0);
    const [named] = await t.db.query(
      `SELECT s.done_on::text FROM work_steps s JOIN work_cells c ON c.id = s.work_cell_id WHERE c.name = 'Cellule 4.2' AND s.text LIKE '%novembre 2019%'`,
    );
    expect(named).toEqual({ done_on: '2019-11-01' });
    const files = await t.db.query(
      `SELECT e.title FROM evidence_files e JOIN indicator_manual_values v ON v.id = e.owner_id JOIN indicators i ON i.id = v.indicator_id
        WHERE e.owner_kind = 'manual_value' AND i.plan_id = $1`,
      [planId],
    );
    expect(files).toHaveLength(1);
  });
});
