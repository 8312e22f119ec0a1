import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { SAMPLE_FILES } from '../../backend/test/support/stored-zip';
import { bearer, type TestApp } from '../../backend/test/support/test-app';
import { expectNoAxeViolations } from './axe';
import { eventually, screenshot, useBrowserApp, signIn as signInAs } from './browser';

// Issue 19, the documents behind a figure, in Chromium against the real API: a partner attaches minutes to its own
// count and opens them; a renamed executable is refused in words; the evaluator finds an action's evidence and a
// « document » follow-up means' minutes, by date, on the plan's page, and removes one (archived).

const PARTNER = 'partenaire@demo.repere.org';
const EVALUATOR = 'evaluation@demo.repere.org';
const FILE_PATH = /^\/api\/evidence\/[0-9a-f-]{36}\/file$/;

describe('Evidence: partners attach the documents behind their figures, the evaluator finds them on the plan', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;

  const app = useBrowserApp();
  beforeAll(() => {
    ({ t, browser, origin } = app());
  });
  beforeEach(async () => {
    // bypassCSP: axe-core is injected as an inline script, which the app's Content-Security-Policy refuses.
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  });
  afterEach(async () => {
    await page.close();
  });

  async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
    const [row] = await t.db.query<T[]>(sql, params);
    if (!row) throw new Error(`no row for ${sql}`);
    return row;
  }

  const attach = async (token: string, query: Record<string, string>): Promise<{ id: string }> =>
    (
      await t
        .http()
        .post('/api/evidence')
        .query(query)
        .set(bearer(token))
        .set('Content-Type', 'application/pdf')
        .send(SAMPLE_FILES.pdf())
        .expect(201)
    ).body as { id: string };

  it('a partner attaches minutes to its own count, opens them, and is told in French why an executable is refused', async () => {
    // Arrange: a count of the partner's organization, the newest of its instrument so that it is listed first.
    const instrument = await one<{ id: string; plan_id: string }>(
      `SELECT i.id, i.plan_id FROM instruments i JOIN plans p ON p.id = i.plan_id
        WHERE i.kind = 'participation_count' AND p.title ILIKE '%Laval%' ORDER BY i.created_at LIMIT 1`,
    );
    const { date } = await one<{ date: string }>(
      `SELECT to_char(coalesce(max(c.date), p.start_date), 'YYYY-MM-DD') AS date
         FROM plans p LEFT JOIN participation_counts c ON c.instrument_id = $1 WHERE p.id = $2 GROUP BY p.start_date`,
      [instrument.id, instrument.plan_id],
    );
    const activity = `Atelier de francisation ${Date.now()}`;
    const count = await t
      .http()
      .post('/api/participation-counts')
      .set(bearer(t.tokens.partner))
      .set('Idempotency-Key', randomUUID())
      .send({ instrumentId: instrument.id, activity, date, total: 18 })
      .expect(201);

    // Act: the count's « Pièces » opened, a PDF attached.
    await signInAs(page, origin, PARTNER);
    await page.goto(`${origin}/participation?planId=${instrument.plan_id}&instrumentId=${instrument.id}`);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: activity }) });
    await row.getByRole('button', { name: new RegExp(`^Pièces — décompte « ${activity} »`) }).click();
    const panel = page.getByRole('group', { name: new RegExp(`^Pièces justificatives — ${activity}`) });
    await panel.getByText("Aucune pièce justificative pour l'instant.").waitFor();
    await panel.getByRole('button', { name: 'Joindre un document' }).click();
    await panel.getByLabel('Fichier').setInputFiles({ name: 'compte-rendu.pdf', mimeType: 'application/pdf', buffer: SAMPLE_FILES.pdf() });
    await panel.getByLabel('Titre').fill('Compte rendu');
    await panel.getByRole('button', { name: 'Joindre', exact: true }).click();

    // Assert: listed, with its date, type and who added it, and kept for that count.
    await panel.getByRole('status').getByText('« Compte rendu » a été joint.').waitFor();
    const opener = panel.getByRole('button', { name: /^Compte rendu \(s'ouvre dans un nouvel onglet\)$/ });
    await opener.waitFor();
    await panel.getByText(/PDF · 1\sko · ajouté par/).waitFor();
    const stored = await one<{ title: string; owner_kind: string; media_type: string }>(
      'SELECT title, owner_kind, media_type FROM evidence_files WHERE owner_id = $1',
      [count.body.id],
    );
    expect(stored).toEqual({ title: 'Compte rendu', owner_kind: 'participation_count', media_type: 'application/pdf' });

    // It opens in a tab of its own, from the PDF the API serves with the session's token.
    const [tab, file] = await Promise.all([
      page.context().waitForEvent('page'),
      page.waitForResponse((response) => FILE_PATH.test(new URL(response.url()).pathname)),
      opener.click(),
    ]);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    await eventually(() => expect(Promise.resolve(tab.url())).resolves.toMatch(/^blob:/));
    await tab.close();
    await screenshot(page, 'evidence-participation');
    await expectNoAxeViolations(page, 'the participation page, a count’s documents open');

    // A Windows program renamed as a PDF: refused from its bytes, said beside the file, nothing kept.
    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(254)]);
    await panel.getByLabel('Fichier').setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: program });
    await panel.getByLabel('Titre').fill('Rapport');
    await panel.getByRole('button', { name: 'Joindre', exact: true }).click();
    await panel.getByText("Ce type de fichier n'est pas accepté.").waitFor();
    await expect(panel.getByLabel('Fichier').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectNoAxeViolations(page, 'the participation page, an executable refused');
    await screenshot(page, 'evidence-refused');
    const [{ n }] = await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM evidence_files WHERE owner_id = $1', [count.body.id]);
    expect(n).toBe(1);
  });

  it('the evaluator finds an action’s evidence and a document follow-up means’ minutes by date, and removes one', async () => {
    // Arrange: a « document » follow-up means of a Parc-Extension action, with two minutes; a report on the action.
    const action = await one<{ id: string; plan_id: string }>(
      `SELECT a.id, a.plan_id FROM actions a JOIN plans p ON p.id = a.plan_id
        WHERE p.title ILIKE '%Parc-Extension%' AND p.archived_at IS NULL ORDER BY a.created_at LIMIT 1`,
    );
    const name = `Procès-verbaux du comité ${Date.now()}`;
    const instrument = (
      await t
        .http()
        .post('/api/instruments')
        .set(bearer(t.tokens.admin))
        .send({ planId: action.plan_id, actionId: action.id, kind: 'document', name })
        .expect(201)
    ).body as { id: string };
    await attach(t.tokens.admin, { ownerKind: 'instrument', ownerId: instrument.id, title: 'PV de juin', date: '2022-06-14' });
    await attach(t.tokens.admin, { ownerKind: 'instrument', ownerId: instrument.id, title: 'PV de mars', date: '2022-03-15' });
    const report = `Rapport d'activités ${Date.now()}`;
    const added = await attach(t.tokens.admin, { ownerKind: 'action', ownerId: action.id, title: report, date: '2022-12-01' });

    // Act
    await signInAs(page, origin, EVALUATOR);
    await page.goto(`${origin}/plans/${action.plan_id}`);

    // Assert: the minutes, listed at once, oldest first.
    const minutes = page.getByRole('group', { name: `Documents : ${name}` });
    await minutes.getByRole('button', { name: /^PV de mars/ }).waitFor();
    await expect(minutes.getByRole('listitem').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^PV de mars.*15 mars 2022/),
      expect.stringMatching(/^PV de juin.*14 juin 2022/),
    ]);
    // The action's own evidence, behind its closed « Pièces justificatives ».
    const card = page.locator('article.action').filter({ has: minutes });
    const disclosure = card.locator('details.evidence-disclosure');
    await disclosure.locator('summary').click();
    await disclosure.getByRole('button', { name: new RegExp(`^${report}`) }).waitFor();
    await expect(disclosure.locator('summary').textContent()).resolves.toMatch(/^Pièces justificatives \(1\)/);
    await screenshot(page, 'evidence-plan');
    // The whole plan is too tall to read in one picture: the action's card alone.
    await card.screenshot({ path: resolve(__dirname, '../../artifacts/screenshots/evidence-plan-action.png') });
    await expectNoAxeViolations(page, 'the plan page, an action’s documents open');

    // « Retirer », confirmed: gone from the page, archived in the database.
    await disclosure.getByRole('button', { name: `Retirer « ${report} »` }).click();
    await disclosure.getByRole('button', { name: 'Confirmer le retrait' }).click();
    await disclosure.getByText("Aucune pièce justificative pour l'instant.").waitFor();
    await eventually(() => expect(disclosure.getByRole('button', { name: new RegExp(`^${report}`) }).count()).resolves.toBe(0));
    const archived = await one<{ archived: boolean }>('SELECT archived_at IS NOT NULL AS archived FROM evidence_files WHERE id = $1', [
      added.id,
    ]);
    expect(archived.archived).toBe(true);
  });

  it('the evaluator attaches a document to a manual value in the indicator editor', async () => {
    // Arrange: a manual indicator of a demo objective, with one value entered.
    const { objective_id: objectiveId } = await one<{ objective_id: string }>(
      'SELECT objective_id FROM actions ORDER BY created_at LIMIT 1',
    );
    const indicator = (
      await t
        .http()
        .post('/api/indicators')
        .set(bearer(t.tokens.admin))
        .send({ objectiveId, name: `Nombre de publications ${Date.now()}`, kind: 'manual' })
        .expect(201)
    ).body as { id: string };
    const value = (
      await t
        .http()
        .post('/api/manual-values')
        .set(bearer(t.tokens.admin))
        .send({ indicatorId: indicator.id, date: '2022-03-31', value: 12, evidence: 'Rapport des publications, mars 2022' })
        .expect(201)
    ).body as { id: string };

    // Act
    await signInAs(page, origin, EVALUATOR);
    await page.goto(`${origin}/workspace/indicators/${indicator.id}`);
    const disclosure = page.locator('details.evidence-disclosure');
    await disclosure.locator('summary', { hasText: 'valeur du 31 mars 2022' }).click();
    await disclosure.getByRole('button', { name: 'Joindre un document' }).click();
    await disclosure.getByLabel('Fichier').setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: SAMPLE_FILES.pdf() });
    await disclosure.getByLabel('Titre').fill('Rapport des publications');
    await disclosure.getByRole('button', { name: 'Joindre', exact: true }).click();

    // Assert
    await disclosure.getByRole('button', { name: /^Rapport des publications/ }).waitFor();
    await expectNoAxeViolations(page, 'the indicator editor, a manual value’s documents open');
    const stored = await one<{ owner_kind: string }>('SELECT owner_kind FROM evidence_files WHERE owner_id = $1', [value.id]);
    expect(stored.owner_kind).toBe('manual_value');
  });
});
