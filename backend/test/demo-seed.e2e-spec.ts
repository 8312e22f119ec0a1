import { DataSource } from 'typeorm';
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
