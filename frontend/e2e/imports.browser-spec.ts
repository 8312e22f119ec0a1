/// <reference lib="dom" />
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Browser, Page } from 'playwright-core';
import type { TestApp } from '../../backend/test/support/test-app';
import { bearer } from '../../backend/test/support/test-app';
import { waitFor } from '../../backend/test/support/wait-for';
import { WorkersModule } from '../../workers/src/workers.module';
import { eventually, screenshot, useBrowserApp, signIn as signInAs } from './browser';

// Importing existing plans (issue: bring existing plans and data in), driven in Chromium against the real API,
// PostgreSQL and Redis. The analysis and the import are background jobs of the worker process, never of the API: this
// file starts the real WorkersModule in its own process, on the run's database and this file's queue prefix, as
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
  afterEach(async () => {
    await page.close();
  });

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
    await eventually(() => expect(confirm.isDisabled()).resolves.toBe(true));
    await page.getByRole('button', { name: 'Appliquer et analyser de nouveau' }).click();
    await waitFor(
      'the new title to be analysed',
      async () => {
        const body = await importOf(id);
        return body.status === 'ready' && body.options.title === title ? body : undefined;
      },
      { timeoutMs: 45_000 },
    );
    await waitFor("« Confirmer l'import » to be enabled", () => confirm.isEnabled(), { timeoutMs: 10_000 });
    await eventually(() => expect(page.getByLabel('Titre du plan').inputValue()).resolves.toBe(title));

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
    writeFileSync(
      path,
      [
        "Plan d'action 2024/2026",
        'ORIENTATION 1 : Mieux accueillir les nouveaux résidents',
        'OBJECTIF,MOYENS-ACTIONS,ÉCHÉANCIER,RESSOURCES,RÉSULTATS ATTENDUS,SUIVIS',
        "Accueillir les nouveaux résidents,Organiser une journée d'accueil,Annuel – août,Table de quartier,Les nouveaux résidents connaissent les services,-Nombre de participants",
        '',
      ].join('\n'),
    );
    const plansBefore = await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM plans');

    await openImports("Plan d'action");
    const id = await upload(path);
    const problems = page.getByRole('region', { name: /problèmes?$/ });
    await problems.waitFor({ timeout: 45_000 });
    const body = await importOf(id);
    expect(body.status).toBe('invalid');
    expect(body.problems).toContainEqual(
      expect.objectContaining({ row: 3, code: 'missing_column', params: { column: 'INDICATEURS DE RÉUSSITE' } }),
    );

    // The problem's row: its line, its column (the header row as a whole: there is no such column to point at) and
    // what is wrong, in French.
    const row = problems.getByRole('row').filter({ hasText: 'INDICATEURS' }).first();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(['3', '—', 'La colonne « INDICATEURS DE RÉUSSITE » est absente.']);
    await eventually(() => expect(page.getByRole('button', { name: "Confirmer l'import" }).isDisabled()).resolves.toBe(true));
    await screenshot(page, 'imports-plan-problems');

    expect(await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM plans')).toEqual(plansBefore);
  });

  it('imports past responses of a questionnaire, maps a label no choice has, and stores each row once', async () => {
    // A questionnaire of its own (not the Welcome Day's: other files count its responses), published through the API.
    const evaluator = bearer(t.tokens.evaluator);
    const [plan] = await t.db.query<{ id: string }[]>("SELECT id FROM plans WHERE title LIKE '%Parc-Extension%' LIMIT 1");
    const title = `Sondage d'accueil (navigateur ${Date.now()})`;
    const created = await t
      .http()
      .post('/api/questionnaires')
      .set(evaluator)
      .send({
        planId: plan.id,
        title: { fr: title },
        defaultLanguage: 'fr',
        languages: ['fr'],
        questions: [
          { type: 'yes_no', required: true, label: { fr: 'Êtes-vous venu·e ?' } },
          {
            type: 'single_choice',
            required: true,
            label: { fr: 'Comment en avez-vous entendu parler ?' },
            choices: [
              { code: 'friends', label: { fr: 'Amis' } },
              { code: 'poster', label: { fr: 'Affiche' } },
            ],
          },
        ],
      })
      .expect(201);
    const questionnaireId = (created.body as { id: string }).id;
    await t.http().post(`/api/questionnaires/${questionnaireId}/publish`).set(evaluator).expect(200);
    const stored = async () =>
      (await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM responses WHERE questionnaire_id = $1', [questionnaireId]))[0].n;
    try {
      // Another tool's export, as Excel in French writes it: semicolons, a timestamp column, labels as answers.
      const dir = mkdtempSync(join(tmpdir(), 'repere-import-'));
      const path = join(dir, 'export-sondage.csv');
      writeFileSync(
        path,
        [
          'Horodateur;Êtes-vous venu·e ?;Comment en avez-vous entendu parler ?',
          '2024-05-01 10:00;Oui;Amis',
          '2024-05-02 11:30;Non;Affiche',
          '2024-05-03 09:15;Oui;Bouche à oreille',
          '',
        ].join('\r\n'),
      );

      await openImports('Réponses à un questionnaire');
      const select = page.getByLabel('Questionnaire', { exact: true });
      const option = select.locator('option', { hasText: title });
      await option.waitFor({ state: 'attached' });
      await select.selectOption((await option.getAttribute('value')) ?? '');
      const id = await upload(path);

      // The label no choice has: its line and column, and a way to say which choice it means.
      const problems = page.getByRole('region', { name: /problèmes?$/ });
      await problems.waitFor({ timeout: 45_000 });
      const row = problems.getByRole('row').filter({ hasText: 'Bouche à oreille' }).first();
      expect((await row.getByRole('cell').allInnerTexts()).slice(0, 2)).toEqual(['4', 'Comment en avez-vous entendu parler ?']);
      await page.getByLabel('Choix correspondant à « Bouche à oreille » (Comment en avez-vous entendu parler ?)').selectOption('friends');
      await screenshot(page, 'imports-responses-mapping');
      await page.getByRole('button', { name: 'Appliquer et analyser de nouveau' }).click();
      await waitFor('the mapping to be analysed', async () => ((await importOf(id)).status === 'ready' ? true : undefined), {
        timeoutMs: 45_000,
      });
      const confirm = page.getByRole('button', { name: "Confirmer l'import" });
      await waitFor("« Confirmer l'import » to be enabled", () => confirm.isEnabled(), { timeoutMs: 10_000 });
      expect(await stored()).toBe(0);

      await confirm.click();
      await page.getByText('3 réponses importées').waitFor({ timeout: 60_000 });
      await screenshot(page, 'imports-responses-done');
      expect(await stored()).toBe(3);

      // The same file again: nothing new.
      await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Importer' }).click();
      await page.getByRole('radio', { name: 'Réponses à un questionnaire' }).check();
      await option.waitFor({ state: 'attached' });
      await select.selectOption((await option.getAttribute('value')) ?? '');
      const again = await upload(path);
      await page.getByRole('region', { name: /problèmes?$/ }).waitFor({ timeout: 45_000 });
      await page.getByLabel('Choix correspondant à « Bouche à oreille » (Comment en avez-vous entendu parler ?)').selectOption('friends');
      await page.getByRole('button', { name: 'Appliquer et analyser de nouveau' }).click();
      await waitFor('the second import to be analysed', async () => ((await importOf(again)).status === 'ready' ? true : undefined), {
        timeoutMs: 45_000,
      });
      await waitFor("« Confirmer l'import » to be enabled", () => confirm.isEnabled(), { timeoutMs: 10_000 });
      await confirm.click();
      await page.getByText('3 réponses ignorées (déjà importées)').waitFor({ timeout: 60_000 });
      expect(await stored()).toBe(3);
    } finally {
      await t.http().delete(`/api/questionnaires/${questionnaireId}`).set(evaluator);
    }
  });

  it("pastes a work cell's fiche from Word, renames the cell its name already exists under, and finds its partners merged", async () => {
    const fiche = readFileSync(resolve(__dirname, '../../backend/test/fixtures/seeds/001_c3c9cf7dd883bb2b.txt'), 'utf8');
    const name = `Cellule 4.2 (importée ${Date.now()})`;
    const organizationsBefore = await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM organizations');
    await openImports("Fiche synthèse d'une cellule de travail");
    await page.getByLabel('Coller le texte du tableau Word').fill(fiche);
    await page.getByRole('button', { name: 'Analyser le texte collé' }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop() as string;
    importIds.push(id);

    // The demo data holds « Cellule 4.2 » already: a problem, and a name to give instead.
    const preview = page.getByRole('region', { name: 'Aperçu de la cellule de travail' });
    await preview.getByText('7 étapes', { exact: true }).waitFor({ timeout: 45_000 });
    await preview.getByText('10 partenaires', { exact: true }).waitFor();
    await preview.getByText('0 nouvel organisme', { exact: true }).waitFor();
    expect((await importOf(id)).problems).toEqual([expect.objectContaining({ code: 'already_exists' })]);
    await page.getByLabel('Nom de la cellule').fill(name);
    await page.getByRole('button', { name: 'Appliquer et analyser de nouveau' }).click();
    await waitFor('the new name to be analysed', async () => ((await importOf(id)).status === 'ready' ? true : undefined), {
      timeoutMs: 45_000,
    });
    const confirm = page.getByRole('button', { name: "Confirmer l'import" });
    await waitFor("« Confirmer l'import » to be enabled", () => confirm.isEnabled(), { timeoutMs: 10_000 });
    await screenshot(page, 'imports-work-cell-preview');
    await confirm.click();
    const view = page.getByRole('link', { name: 'Voir la cellule' });
    await view.waitFor({ timeout: 60_000 });
    const done = await importOf(id);
    expect(done.status).toBe('done');
    await view.click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();

    // Every partner was already in the directory (the demo's « Cellule 4.2 »): merged, not duplicated.
    expect(await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM organizations')).toEqual(organizationsBefore);
    const cellId = page.url().split('/').pop() as string;
    await t.http().delete(`/api/work-cells/${cellId}`).set(bearer(t.tokens.evaluator)).expect(204);
  });
});
