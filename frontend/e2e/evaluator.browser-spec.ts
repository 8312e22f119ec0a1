/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { WELCOME_DAY_SLUG } from '../../backend/src/demo/welcome-day-questionnaire';
import type { TestApp } from '../../backend/test/support/test-app';
import { bearer } from '../../backend/test/support/test-app';
import { eventually, screenshot, signIn as signInAs, useBrowserApp } from './browser';
import { expectNoAxeViolations } from './axe';

// Issue 18, the evaluator's journey: a plan from scratch and its tree, the overview of every indicator, and the raw
// responses of a questionnaire browsed, filtered and exported (CSV in the French convention, XLSX), in Chromium
// against the real API and PostgreSQL.

const NOTICE = 'Réponses brutes : confidentielles, ne pas publier';

describe('An evaluator starts a plan from scratch, reads every indicator and exports raw responses', () => {
  let t: TestApp;
  let page: Page;
  let origin: string;
  let downloads: string;
  let planId = '';
  const app = useBrowserApp();
  const planTitle = `Plan de quartier ${Date.now()}`;
  const indicatorName = `Nombre de lettres d'appui ${Date.now()}`;

  beforeAll(async () => {
    ({ t, origin } = app());
    downloads = await mkdtemp(join(tmpdir(), 'repere-evaluator-'));
    // bypassCSP: axe-core is injected as an inline script, which the app's Content-Security-Policy refuses.
    page = await app().browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true, acceptDownloads: true });
  });
  afterAll(async () => {
    await page?.close();
    await rm(downloads, { recursive: true, force: true });
  });

  async function saved(download: Download, name: string): Promise<string> {
    const path = join(downloads, name);
    await download.saveAs(path);
    return path;
  }

  it('creates a plan from scratch and builds its tree in the editor', async () => {
    await signInAs(page, origin, 'evaluation@demo.repere.org');
    await page.getByRole('link', { name: 'Nouveau plan' }).click();
    await page.getByRole('heading', { name: 'Nouveau plan', level: 1 }).waitFor();

    // Nothing filled: each field says what it lacks, and nothing is sent.
    await page.getByRole('button', { name: 'Créer le plan' }).click();
    await page.getByText('Donnez un titre au plan.').waitFor();
    await eventually(() => expect(page.getByLabel('Titre du plan').getAttribute('aria-invalid')).resolves.toBe('true'));
    await page.getByLabel('Titre du plan').fill(planTitle);
    await page.getByLabel('Date de début').fill('2025-01-01');
    await page.getByLabel('Date de fin').fill('2024-12-31');
    await page.getByRole('button', { name: 'Créer le plan' }).click();
    await page.getByText('La fin doit venir après le début.').waitFor();
    await page.getByLabel('Date de fin').fill('2027-12-31');
    await expectNoAxeViolations(page, 'new plan form');
    await screenshot(page, 'new-plan');
    expect(await t.db.query('SELECT 1 FROM plans WHERE title = $1', [planTitle])).toHaveLength(0);

    await page.getByRole('button', { name: 'Créer le plan' }).click();
    await page.waitForURL(/\/workspace\/plans\/[0-9a-f-]{36}$/);
    planId = page.url().split('/').pop() as string;
    const [plan] = await t.db.query<{ title: string; start_date: string; end_date: string; midterm_date: string }[]>(
      `SELECT title, start_date::text, end_date::text, midterm_date::text FROM plans WHERE id = $1`,
      [planId],
    );
    expect(plan).toEqual({ title: planTitle, start_date: '2025-01-01', end_date: '2027-12-31', midterm_date: expect.any(String) });
    await page.getByText("Ce plan n'a pas encore d'orientation.").waitFor();

    // Orientation → objective, then an indicator of the objective.
    await page.getByRole('button', { name: 'Ajouter une orientation' }).click();
    const orientation = page.getByRole('form', { name: 'Nouvelle orientation' });
    await orientation.getByLabel('Numéro').fill('1');
    await orientation.getByLabel("Titre de l'orientation").fill('Mobiliser les résidents');
    await orientation.getByRole('button', { name: 'Ajouter une orientation' }).click();
    await page.getByRole('heading', { name: 'Orientation 1 : Mobiliser les résidents' }).waitFor();

    await page.getByRole('button', { name: "Ajouter un objectif à l'orientation 1" }).click();
    const objective = page.getByRole('form', { name: 'Ajouter un objectif' });
    await objective.getByLabel('Code').fill('1.1');
    await objective.getByLabel("Titre de l'objectif").fill('Rassembler les appuis du quartier');
    await objective.getByRole('button', { name: 'Ajouter un objectif' }).click();
    await page.getByRole('heading', { name: '1.1 Rassembler les appuis du quartier' }).waitFor();

    await page.getByRole('link', { name: 'Définir un indicateur' }).first().click();
    await page.getByLabel("Nom de l'indicateur").fill(indicatorName);
    await page.getByLabel('Calcul', { exact: true }).selectOption('manual');
    await page.getByRole('button', { name: "Enregistrer l'indicateur" }).click();
    await page.waitForURL(/\/workspace\/indicators\/[0-9a-f-]{36}$/);
    const [indicator] = await t.db.query<{ plan_id: string; kind: string }[]>('SELECT plan_id, kind FROM indicators WHERE name = $1', [
      indicatorName,
    ]);
    expect(indicator).toEqual({ plan_id: planId, kind: 'manual' });
  });

  it('finds the new indicator in the overview of every indicator, with the figures its dashboard shows', async () => {
    await page.goto(`${origin}/plans`);
    await page.getByRole('link', { name: 'Tous les indicateurs' }).click();
    await page.getByRole('heading', { name: 'Indicateurs de tous les plans', level: 1 }).waitFor();
    await page.getByLabel('Plan', { exact: true }).selectOption({ label: planTitle });
    const row = page.getByRole('row', { name: new RegExp(indicatorName) });
    await row.waitFor();
    await eventually(() => expect(page.getByRole('row').count()).resolves.toBe(2));
    await expect(row.getByRole('cell').allInnerTexts()).resolves.toEqual([
      expect.stringContaining(planTitle),
      '1.1 Rassembler les appuis du quartier',
      'Saisie manuelle',
      'Sans données',
      'Aucune valeur',
      '0',
      expect.stringMatching(/^(Actif|Brouillon)$/),
      'Modifier',
    ]);

    // A figure of the demo plan: the value and n its dashboard publishes (GET /api/plans/{id}/progress), not another count.
    const [{ id: parcEx }] = await t.db.query<{ id: string }[]>("SELECT id FROM plans WHERE title LIKE '%Parc-Extension%' LIMIT 1");
    const progress = (await t.http().get(`/api/plans/${parcEx}/progress`).set(bearer(t.tokens.committee)).expect(200)).body as {
      indicators: { name: string; n: number | null }[];
    };
    const counted = progress.indicators.find((i) => i.n !== null && i.n > 0);
    if (!counted) throw new Error('the demo plan has no indicator with a value');
    await page.getByLabel('Plan', { exact: true }).selectOption(parcEx);
    await page.getByLabel('Nom contenant').fill(counted.name);
    await page.getByRole('button', { name: 'Chercher' }).click();
    const demoRow = page.getByRole('row', { name: counted.name });
    await eventually(() => expect(demoRow.getByRole('cell').nth(5).innerText()).resolves.toBe(String(counted.n)));
    await expectNoAxeViolations(page, 'indicators overview');
    await screenshot(page, 'indicators-overview');
  });

  it('browses, filters and exports the raw responses of a questionnaire', async () => {
    const [{ id }] = await t.db.query<{ id: string }[]>('SELECT id FROM questionnaires WHERE slug = $1', [WELCOME_DAY_SLUG]);
    await page.goto(`${origin}/questionnaires/${id}`);
    await page.getByRole('link', { name: 'Parcourir et exporter les réponses' }).click();
    await page.waitForURL(new RegExp(`/questionnaires/${id}/responses$`));
    await page.getByText(NOTICE).waitFor();

    // The responses of 2023 given in French, as the API counts them.
    await page.getByLabel('Répondu à partir du').fill('2023-01-01');
    await page.getByLabel("Répondu jusqu'au").fill('2023-12-31');
    await page.getByLabel('Langue', { exact: true }).selectOption('fr');
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await page.waitForURL(/from=2023-01-01/);
    const api = await t
      .http()
      .get(`/api/questionnaires/${id}/responses?from=2023-01-01&to=2023-12-31&language=fr&limit=1`)
      .set(bearer(t.tokens.evaluator))
      .expect(200);
    const total = (api.body as { total: number }).total;
    expect(total).toBeGreaterThan(0);
    await page.getByText(`${total} réponse`, { exact: false }).first().waitFor();
    await eventually(() => expect(page.locator('table.responses-table tbody tr').count()).resolves.toBe(Math.min(total, 25)));
    await expectNoAxeViolations(page, 'responses browser');
    await screenshot(page, 'responses-browser');

    // CSV in the French convention: BOM, the notice first, then a header and one line per filtered response, split on « ; ».
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en CSV' }).click()]);
    const csv = readFileSync(await saved(csvDownload, 'responses.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv
      .slice(1)
      .split('\r\n')
      .filter((line) => line !== '');
    expect(lines[0]).toBe(NOTICE);
    const header = lines[1].split(';');
    expect(header.slice(0, 5)).toEqual(['Réponse', 'Répondu le', 'Reçu le', 'Version', 'Langue']);
    expect(header.length).toBeGreaterThan(5);
    expect(lines).toHaveLength(total + 2);
    for (const line of lines.slice(2)) expect(line.split(';')[4]).toBe('fr');
    await page.getByText('Fichier téléchargé', { exact: false }).waitFor();

    // The same responses as a workbook: the notice on the first row.
    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter en Excel (XLSX)' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await saved(xlsxDownload, 'responses.xlsx'));
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').value).toBe(NOTICE);
    expect(sheet.getCell('A2').value).toBe('Réponse');
    expect(sheet.rowCount).toBe(total + 2);
  });

  it('shows the responses page in English too', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Raw responses: confidential; do not publish').waitFor();
    await page.getByRole('heading', { name: /^Responses — /, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByText(NOTICE).waitFor();
    // The plan made here leaves the lists (archived: the other files of the run share the database).
    await t.http().delete(`/api/plans/${planId}`).set(bearer(t.tokens.evaluator)).expect(204);
  });
});
