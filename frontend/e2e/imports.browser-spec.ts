/// <reference lib="dom" />
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Browser, Page } from 'playwright-core';
import type { TestApp } from '../../backend/test/support/test-app';
import { bearer } from '../../backend/test/support/test-app';
import { waitFor } from '../../backend/test/support/wait-for';
import { WorkersModule } from '../../workers/src/workers.module';
import { screenshot, useBrowserApp, signIn as signInAs } from './browser';

// Importing existing plans (issue: bring existing plans and data in), driven in Chromium against the real API,
// PostgreSQL and Redis. The analysis and the import are background jobs of the worker process, never of the API: this
// file starts the real WorkersModule in its own process, on the run's database and queue prefix, as
// workspace.browser-spec.ts does, so that the page follows the production path (API → queue → ImportProcessor).

/** The Parc-Extension plan's table, as text taken from its Word document. */
const PLAN_TEXT = resolve(__dirname, '../../backend/test/fixtures/seeds/003_ae833e418bd2f86e.txt');
const EVALUATOR = 'evaluation@demo.repere.org';

interface ImportBody {
  id: string;
  status: string;
  options: Record<string, unknown>;
  problems: { row: number | null; column: string | null; code: string; message: string }[];
  result: { planId?: string } | null;
}

describe('An evaluator imports an existing action plan', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let workers: INestApplicationContext;
  const importIds: string[] = [];
  const planIds: string[] = [];

  // Declared before useBrowserApp's own: Jest runs afterAll hooks in order, and this one needs the app still up.
  // What the tests created goes again, so the other files see the demo data as it was.
  afterAll(async () => {
    const evaluator = bearer(t.tokens.evaluator);
    for (const id of importIds) await t.http().delete(`/api/imports/${id}`).set(evaluator);
    for (const id of planIds) await t.http().delete(`/api/plans/${id}`).set(evaluator).expect(204);
    await workers?.close();
  });
  const app = useBrowserApp();
  beforeAll(async () => {
    ({ t, browser, origin } = app());
    workers = await NestFactory.createApplicationContext(WorkersModule, { logger: false });
    await workers.init();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => { await page.close(); });

  const signIn = (email: string) => signInAs(page, origin, email);
  const importOf = async (id: string): Promise<ImportBody> =>
    (await t.http().get(`/api/imports/${id}`).set(bearer(t.tokens.evaluator)).expect(200)).body as ImportBody;

  /** Opens /imports from the navigation and picks the kind of file. */
  async function openImports(kind: string): Promise<void> {
    await signIn(EVALUATOR);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Importer' }).click();
    await page.getByRole('heading', { name: 'Importer', level: 1 }).waitFor();
    await page.getByRole('radio', { name: kind }).check();
  }

  /** Uploads a file and lands on its import's page; returns the import's id. */
  async function upload(path: string): Promise<string> {
    await page.getByLabel('Fichier', { exact: true }).setInputFiles(path);
    await page.getByRole('button', { name: 'Analyser le fichier' }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop() as string;
    importIds.push(id);
    return id;
  }

  it('uploads the Parc-Extension plan, previews it, renames it, confirms and opens the plan it created', async () => {
    const title = `Plan d'action importé (navigateur ${Date.now()})`;
    const plansBefore = await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM plans');
    await openImports("Plan d'action");
    const id = await upload(PLAN_TEXT);

    // The workers' analysis: the preview counts what the file holds, and shows its tree.
    const preview = page.getByRole('region', { name: 'Aperçu du plan' });
    await preview.getByText('4 orientations', { exact: true }).waitFor({ timeout: 45_000 });
    await preview.getByText('14 actions', { exact: true }).waitFor();
    await preview.getByRole('heading', { name: "Développer le pouvoir d'agir des résidents du quartier" }).waitFor();
    await preview.getByText('Mettre en place une Journée de Bienvenue à Parc-Ex').waitFor();
    await screenshot(page, 'imports-plan-preview');
    // Nothing is written before the confirmation.
    expect(await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM plans')).toEqual(plansBefore);

    // The demo data already holds a plan of the document's title: the import gets a title of its own. A changed
    // option is analysed again before it can be confirmed.
    const confirm = page.getByRole('button', { name: "Confirmer l'import" });
    await page.getByLabel('Titre du plan').fill(title);
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Appliquer et analyser de nouveau' }).click();
    await waitFor('the new title to be analysed', async () => {
      const body = await importOf(id);
      return body.status === 'ready' && body.options.title === title ? body : undefined;
    }, { timeoutMs: 45_000 });
    await waitFor('« Confirmer l\'import » to be enabled', () => confirm.isEnabled(), { timeoutMs: 10_000 });
    expect(await page.getByLabel('Titre du plan').inputValue()).toBe(title);

    await confirm.click();
    const viewPlan = page.getByRole('link', { name: 'Voir le plan' });
    await viewPlan.waitFor({ timeout: 60_000 });
    await screenshot(page, 'imports-plan-done');
    const done = await importOf(id);
    expect(done.status).toBe('done');
    if (done.result?.planId) planIds.push(done.result.planId);

    await viewPlan.click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByText('Mettre en place une Journée de Bienvenue à Parc-Ex').first().waitFor();
    const planId = page.url().split('/').pop() as string;
    expect(planId).toBe(done.result?.planId);
    const [actions] = await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM actions WHERE plan_id = $1', [planId]);
    expect(actions?.n).toBe(14);
  });

  it('shows every problem of a malformed file with its line and column, and cannot confirm it', async () => {
    // A plan table as a spreadsheet exports it, without its INDICATEURS column: the header row is line 3.
    const dir = mkdtempSync(join(tmpdir(), 'repere-import-'));
    const path = join(dir, 'plan-sans-indicateurs.csv');
    writeFileSync(path, [
      "Plan d'action 2024/2026",
      'ORIENTATION 1 : Mieux accueillir les nouveaux résidents',
      'OBJECTIF,MOYENS-ACTIONS,ÉCHÉANCIER,RESSOURCES,RÉSULTATS ATTENDUS,SUIVIS',
      "Accueillir les nouveaux résidents,Organiser une journée d'accueil,Annuel – août,Table de quartier,Les nouveaux résidents connaissent les services,-Nombre de participants",
      '',
    ].join('\n'));
    const plansBefore = await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM plans');

    await openImports("Plan d'action");
    const id = await upload(path);
    const problems = page.getByRole('region', { name: /problèmes?$/ });
    await problems.waitFor({ timeout: 45_000 });
    const body = await importOf(id);
    expect(body.status).toBe('invalid');
    expect(body.problems).toContainEqual(expect.objectContaining({ row: 3, code: 'missing_column', params: { column: 'INDICATEURS DE RÉUSSITE' } }));

    // The problem's row: its line, its column (the header row as a whole: there is no such column to point at) and
    // what is wrong, in French.
    const row = problems.getByRole('row').filter({ hasText: 'INDICATEURS' }).first();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(['3', '—', 'La colonne « INDICATEURS DE RÉUSSITE » est absente.']);
    expect(await page.getByRole('button', { name: "Confirmer l'import" }).isDisabled()).toBe(true);
    await screenshot(page, 'imports-plan-problems');

    expect(await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM plans')).toEqual(plansBefore);
  });
});
