/// <reference lib="dom" />
import { resolve } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Browser, Locator, Page } from 'playwright-core';
import type { TestApp } from '../../backend/test/support/test-app';
import { bearer } from '../../backend/test/support/test-app';
import { waitFor } from '../../backend/test/support/wait-for';
import { WELCOME_DAY_SLUG } from '../../backend/src/demo/welcome-day-questionnaire';
import { WorkersModule } from '../../workers/src/workers.module';
import { eventually, screenshot, useBrowserApp, signIn as signInAs } from './browser';

// The evaluator's workspace (issue #5), driven in Chromium against the real API, PostgreSQL and Redis.
//
// Indicator values are computed by the worker process, never by the API: saving an indicator only queues a
// recompute (AggregationQueueService). So that the page's live value comes from the production path (API → Redis
// queue → AggregationProcessor → AggregationService), this file starts the real WorkersModule in its own process,
// on the run's database and this file's queue prefix (setup/file-prefix.ts), as workers.e2e-spec.ts does: they take
// this file's jobs and no other's. Calling AggregationService from the test would also give a value, but would not
// show that the page finds the value the workers write.

describe('An evaluator works in the evaluation workspace', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let workers: INestApplicationContext;

  const app = useBrowserApp();
  beforeAll(async () => {
    ({ t, browser, origin } = app());
    workers = await NestFactory.createApplicationContext(WorkersModule, { logger: false });
    await workers.init();
  });
  afterAll(async () => {
    await workers?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => {
    await page.close();
  });

  const signIn = (email: string) => signInAs(page, origin, email);

  /** Selects the first option whose text contains `text`, once the options have loaded. */
  async function selectContaining(select: Locator, text: string): Promise<void> {
    const option = select.locator('option', { hasText: text }).first();
    await option.waitFor({ state: 'attached' });
    const value = await option.getAttribute('value');
    await select.selectOption(value ?? '');
  }

  async function parcExPlanId(): Promise<string> {
    const [row] = await t.db.query<{ id: string }[]>("SELECT id FROM plans WHERE title LIKE '%Parc-Extension%' LIMIT 1");
    if (!row) throw new Error('the demo plan is missing');
    return row.id;
  }

  it('defines a new indicator on the Welcome Day questionnaire and sees the value the workers computed', async () => {
    const name = `Part des participants qui connaissent la Table (navigateur ${Date.now()})`;
    await signIn('evaluation@demo.repere.org');
    await page.getByRole('link', { name: "Espace d'évaluation" }).click();
    await page.getByRole('heading', { name: "Espace d'évaluation", level: 1 }).waitFor();
    await page.getByRole('link', { name: /Modifier le plan .*Parc-Extension/ }).click();

    // The action the Welcome Day questionnaire follows up, and its « Définir un indicateur ».
    const action = page.locator('article.ws-node--action', { hasText: 'Mettre en place une Journée de Bienvenue à Parc-Ex' }).first();
    await action.getByRole('link', { name: 'Définir un indicateur' }).click();
    await page.getByRole('heading', { name: 'Nouvel indicateur' }).waitFor();

    await page.getByLabel("Nom de l'indicateur").fill(name);
    await page.getByLabel('Unité', { exact: true }).fill('%');
    await page.getByLabel('Calcul', { exact: true }).selectOption('answer_share');
    await selectContaining(page.getByLabel('Questionnaire', { exact: true }), 'Journée de Bienvenue à Parc-Ex');
    await selectContaining(page.getByLabel('Question', { exact: true }), 'Connaissez-vous la Table de quartier');
    await page.getByLabel('Période', { exact: true }).selectOption('year');
    await page.getByLabel('Valeur de base', { exact: true }).fill('30');
    await page.getByLabel('Date de la valeur de base').fill('2021-06-28');
    await page.getByLabel('Cible à mi-parcours').fill('45');
    await page.getByLabel('Cible finale').fill('60');

    // No answer ticked: the form says so beside the answers, as the API would, and sends nothing.
    await page.getByRole('button', { name: "Enregistrer l'indicateur" }).click();
    await page.getByText('Cochez au moins une réponse qui compte.').waitFor();
    expect(await t.db.query('SELECT 1 FROM indicators WHERE name = $1', [name])).toHaveLength(0);

    // Before saving, the preview says which questionnaire, question and answers it will count.
    await page.getByLabel('Oui', { exact: true }).check();
    const preview = page.getByTestId('indicator-source-preview');
    await preview.getByText('Connaissez-vous la Table de quartier de Parc-Extension ?', { exact: false }).waitFor();
    await preview.getByText('… dont la réponse est : Oui.').waitFor();
    await preview.getByText(/réponses reçues à ce jour/).waitFor();
    await screenshot(page, 'workspace-indicator-form');

    await page.getByRole('button', { name: "Enregistrer l'indicateur" }).click();
    await page.waitForURL(/\/workspace\/indicators\/[0-9a-f-]{36}$/);
    const indicatorId = page.url().split('/').pop() as string;

    // The API only queued a recompute; the page polls until the workers' value is there.
    const current = page.getByTestId('indicator-current-value');
    await current.waitFor({ timeout: 45_000 });
    const progress = await t
      .http()
      .get(`/api/plans/${await parcExPlanId()}/progress`)
      .set(bearer(t.tokens.evaluator))
      .expect(200);
    const own = (progress.body.indicators as { id: string; value: number | null; n: number }[]).find((item) => item.id === indicatorId);
    expect(own?.value).not.toBeNull();
    expect(own?.n).toBeGreaterThan(0);
    await eventually(() => expect(current.innerText()).resolves.toContain(`n = ${own?.n}`));
    await eventually(() => expect(current.innerText()).resolves.toContain('%'));
    await page.getByRole('table').getByRole('rowheader').first().waitFor();
    await screenshot(page, 'workspace-indicator-value');

    const [stored] = await t.db.query<{ kind: string; source: { questionId: string; anyOf: unknown[] }; grain: string }[]>(
      'SELECT kind, source, grain FROM indicators WHERE id = $1',
      [indicatorId],
    );
    expect(stored).toMatchObject({ kind: 'answer_share', grain: 'year', source: { anyOf: [true] } });
  });

  it('builds a two-question questionnaire in French and Arabic, sees the API refuse a taken link, previews it right to left and prints its QR code', async () => {
    const slug = `cafe-rencontre-${Date.now()}`;
    await signIn('evaluation@demo.repere.org');
    await page.goto(`${origin}/workspace`);
    await page.getByRole('link', { name: 'Nouveau questionnaire' }).click();
    await page.getByRole('heading', { name: 'Nouveau questionnaire' }).waitFor();

    await selectContaining(page.getByLabel('Plan', { exact: true }), 'Parc-Extension');
    await page.getByLabel('Ajouter une langue (code)').fill('ar');
    await page.getByRole('button', { name: 'Ajouter la langue' }).click();
    const title = page.getByRole('group', { name: 'Titre' });
    await title.getByLabel('français (fr, par défaut)').fill('Café-rencontre des nouveaux arrivants');
    await title.getByLabel('arabe (ar)').fill('لقاء القهوة للقادمين الجدد');

    // The Welcome Day's link is taken: only the server knows, and its refusal lands beside the field, in French.
    await page.getByLabel('Lien public (facultatif)').fill(WELCOME_DAY_SLUG);
    await page.getByRole('button', { name: 'Créer le questionnaire' }).click();
    const slugError = page.locator('#qn-slug-error');
    await slugError.getByText(`« ${WELCOME_DAY_SLUG} » est déjà le lien d'un autre questionnaire.`).waitFor();
    await eventually(() => expect(page.getByLabel('Lien public (facultatif)').getAttribute('aria-invalid')).resolves.toBe('true'));
    await screenshot(page, 'workspace-api-error');

    await page.getByLabel('Lien public (facultatif)').fill(slug);
    await page.getByRole('button', { name: 'Créer le questionnaire' }).click();
    await page.getByRole('heading', { name: 'Café-rencontre des nouveaux arrivants', level: 1 }).waitFor();

    // Question 1: yes / no.
    await page.getByLabel('Type de la nouvelle question').selectOption('yes_no');
    await page.getByRole('button', { name: 'Ajouter une question' }).click();
    const first = page.getByRole('group', { name: 'Question 1' });
    await first.getByRole('group', { name: 'Libellé' }).getByLabel('français (fr, par défaut)').fill('Est-ce votre première visite ?');
    await first.getByRole('group', { name: 'Libellé' }).getByLabel('arabe (ar)').fill('هل هذه زيارتك الأولى؟');
    await first.getByLabel('Réponse obligatoire').check();

    // Question 2: single choice, two choices, each with its code and both labels.
    await page.getByLabel('Type de la nouvelle question').selectOption('single_choice');
    await page.getByRole('button', { name: 'Ajouter une question' }).click();
    const second = page.getByRole('group', { name: 'Question 2' });
    await second.getByRole('group', { name: 'Libellé' }).getByLabel('français (fr, par défaut)').fill('Quel moment vous convient ?');
    await second.getByRole('group', { name: 'Libellé' }).getByLabel('arabe (ar)').fill('ما هو الوقت المناسب لك؟');
    await second.getByRole('button', { name: 'Ajouter un choix à la question 2' }).click();
    const choices = [
      { code: 'matin', fr: 'Le matin', ar: 'في الصباح' },
      { code: 'soir', fr: 'Le soir', ar: 'في المساء' },
    ];
    for (const [n, choice] of choices.entries()) {
      const group = second.getByRole('group', { name: `Choix ${n + 1}`, exact: true });
      await group.getByLabel('Code', { exact: true }).fill(choice.code);
      await group.getByLabel('français (fr, par défaut)').fill(choice.fr);
      await group.getByLabel('arabe (ar)').fill(choice.ar);
    }
    await page.getByRole('toolbar').getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').getByText('Modifications enregistrées.').waitFor();

    const [stored] = await t.db.query<{ id: string; languages: string[]; questions: { type: string; label: Record<string, string> }[] }[]>(
      'SELECT id, languages, questions FROM questionnaires WHERE slug = $1',
      [slug],
    );
    expect(stored?.languages).toEqual(['fr', 'ar']);
    expect(stored?.questions.map((question) => question.type)).toEqual(['yes_no', 'single_choice']);
    expect(stored?.questions[1]?.label).toEqual({ fr: 'Quel moment vous convient ?', ar: 'ما هو الوقت المناسب لك؟' });

    // The Arabic preview reads right to left, in Arabic, with the resident page's own Arabic words.
    await page.getByLabel("Langue de l'aperçu").selectOption('ar');
    const preview = page.getByTestId('questionnaire-preview');
    await preview.getByText('هل هذه زيارتك الأولى؟').waitFor();
    await eventually(() => expect(preview.getAttribute('dir')).resolves.toBe('rtl'));
    await eventually(() => expect(preview.getAttribute('lang')).resolves.toBe('ar'));
    await preview.getByText('في المساء').waitFor();
    await preview.getByText('نعم').waitFor();
    expect(await preview.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    await preview.scrollIntoViewIfNeeded();
    await screenshot(page, 'workspace-preview-ar');
    await preview.screenshot({ path: resolve(__dirname, '../../artifacts/screenshots/workspace-preview-ar-panel.png') });
    await page.getByLabel("Langue de l'aperçu").selectOption('fr');
    await eventually(() => expect(preview.getAttribute('dir')).resolves.toBe('ltr'));

    // The standard ADS+ block, in the questionnaire's two languages; a second one is refused by the API, beside
    // the question that already asks about gender.
    await page.getByRole('button', { name: 'Ajouter le bloc ADS+' }).click();
    await page.getByRole('status').getByText('Bloc ADS+ ajouté à la fin du questionnaire.').waitFor();
    await page.getByRole('heading', { name: '8 questions' }).waitFor();
    await page.getByRole('button', { name: 'Ajouter le bloc ADS+' }).click();
    await page.locator('#qb-questions-2-dimension-error').getByText('La question 3 porte déjà sur : genre.').waitFor();

    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.getByRole('status').getByText('Questionnaire publié : les résidents peuvent y répondre.').waitFor();

    // The poster: the API's QR image, fetched with the token and shown from an object URL, the link under it.
    await page.getByRole('link', { name: 'Imprimer le code QR' }).first().click();
    const image = page.getByRole('img', { name: new RegExp(`Code QR du lien .*/q/${slug}$`) });
    await image.waitFor();
    await eventually(() => expect(image.getAttribute('src')).resolves.toMatch(/^blob:/));
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.qr-print__code');
      return Boolean(img && img.complete && img.naturalWidth > 0);
    });
    await eventually(() => expect(page.getByTestId('qr-url').innerText()).resolves.toMatch(new RegExp(`/q/${slug}$`)));
    await screenshot(page, 'workspace-qr-print');
    await page.emulateMedia({ media: 'print' });
    await eventually(() => expect(page.locator('.topbar').isVisible()).resolves.toBe(false));
    await screenshot(page, 'workspace-qr-print-media');
  });

  it('edits a plan tree: adds, renames, reorders and deletes its parts, with the schedule rules checked beside the fields', async () => {
    const created = await t
      .http()
      .post('/api/plans')
      .set(bearer(t.tokens.evaluator))
      .send({ title: `Plan de l'espace ${Date.now()}`, startDate: '2024-01-01', endDate: '2026-12-31' })
      .expect(201);
    const planId = created.body.id as string;
    await signIn('evaluation@demo.repere.org');
    await page.goto(`${origin}/workspace/plans/${planId}`);
    await page.getByText("Ce plan n'a pas encore d'orientation.").waitFor();

    for (const [number, title] of [
      [1, 'Mobiliser les résidents'],
      [2, 'Informer le quartier'],
    ] as const) {
      await page.getByRole('button', { name: 'Ajouter une orientation' }).click();
      const form = page.getByRole('form', { name: 'Nouvelle orientation' });
      await form.getByLabel('Numéro').fill(String(number));
      await form.getByLabel("Titre de l'orientation").fill(title);
      await form.getByRole('button', { name: 'Ajouter une orientation' }).click();
      await page.getByRole('heading', { name: `Orientation ${number} : ${title}` }).waitFor();
    }

    // Rename, then move the second orientation above the first.
    await page.getByRole('button', { name: "Renommer — l'orientation 2" }).click();
    const rename = page.getByRole('form', { name: "Modifier l'orientation" });
    await rename.getByLabel("Titre de l'orientation").fill('Informer et accueillir');
    await rename.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { name: 'Orientation 2 : Informer et accueillir' }).waitFor();
    await page.getByRole('button', { name: "Monter : l'orientation 2" }).click();
    await page.waitForFunction(() => document.querySelector('.ws-node--orientation h2')?.textContent?.includes('Informer et accueillir'));
    const order = await t.db.query<{ title: string }[]>('SELECT title FROM orientations WHERE plan_id = $1 ORDER BY position, number', [
      planId,
    ]);
    expect(order.map((row) => row.title)).toEqual(['Informer et accueillir', 'Mobiliser les résidents']);

    // An objective, then an action whose recurrence is not an RRULE: refused beside the field, then fixed.
    await page.getByRole('button', { name: "Ajouter un objectif à l'orientation 2" }).click();
    const objective = page.getByRole('form', { name: 'Ajouter un objectif' });
    await objective.getByLabel('Code').fill('2.1');
    await objective.getByLabel("Titre de l'objectif").fill('Accueillir les nouveaux résidents');
    await objective.getByRole('button', { name: 'Ajouter un objectif' }).click();
    await page.getByRole('heading', { name: '2.1 Accueillir les nouveaux résidents' }).waitFor();

    await page.getByRole('button', { name: 'Ajouter une action à 2.1' }).click();
    const action = page.getByRole('form', { name: 'Nouvelle action' });
    await action.getByLabel('Description (moyens-actions)').fill('Organiser une Journée de Bienvenue');
    await action.getByLabel("Type d'échéance").selectOption('recurrence');
    await action.getByLabel("Échéance telle qu'écrite").fill('Annuel – août');
    await action.getByLabel('Règle de récurrence').fill('chaque août');
    await action.getByLabel('Inclusion et intégration').check();
    await action.getByRole('button', { name: "Ajouter l'action" }).click();
    await action.getByText('La règle doit être une RRULE, par exemple FREQ=YEARLY;BYMONTH=8.').waitFor();
    await action.getByLabel('Règle de récurrence').fill('FREQ=YEARLY;BYMONTH=8');
    await action.getByRole('button', { name: "Ajouter l'action" }).click();
    await page.getByRole('heading', { name: 'Action 1' }).waitFor();
    const [stored] = await t.db.query<{ schedule_kind: string; schedule_recurrence: string; schedule_text: string; values: string }[]>(
      'SELECT schedule_kind, schedule_recurrence, schedule_text, values::text FROM actions WHERE plan_id = $1',
      [planId],
    );
    expect(stored).toMatchObject({
      schedule_kind: 'recurrence',
      schedule_recurrence: 'FREQ=YEARLY;BYMONTH=8',
      schedule_text: 'Annuel – août',
    });
    expect(stored?.values).toContain('inclusion_integration');

    // An expected result on the action.
    const card = page.locator('article.ws-node--action').first();
    await card.getByRole('button', { name: 'Ajouter un résultat attendu' }).click();
    await card.getByRole('textbox', { name: 'Résultat attendu' }).fill('Les nouveaux résidents connaissent les services du quartier');
    await card.getByRole('form').getByRole('button', { name: 'Ajouter un résultat attendu' }).click();
    await card.getByText('Les nouveaux résidents connaissent les services du quartier').waitFor();
    await screenshot(page, 'workspace-plan-tree');

    // Deleting asks once more, then the orientation is gone.
    await page.getByRole('button', { name: "Supprimer : l'orientation 1" }).click();
    await page.getByRole('button', { name: "Confirmer la suppression : l'orientation 1" }).click();
    await page.getByRole('heading', { name: /Orientation 1 :/ }).waitFor({ state: 'detached' });
    expect(await t.db.query('SELECT 1 FROM orientations WHERE plan_id = $1', [planId])).toHaveLength(1);
  });

  it('edits a work cell, its steps and its partners', async () => {
    await signIn('evaluation@demo.repere.org');
    await page.goto(`${origin}/workspace/work-cells/new`);
    const name = `Cellule de l'espace ${Date.now()}`;
    // Without a name the form refuses, beside the field, and sends nothing.
    await page.getByRole('button', { name: 'Créer la cellule' }).click();
    await page.locator('#cell-name-error').getByText('Ce champ est obligatoire.').waitFor();
    await page.getByLabel('Nom', { exact: true }).fill(name);
    await page.getByLabel('Date de début').fill('2024-02-29');
    await page.getByLabel('Mandat').fill('Accueillir les familles nouvellement arrivées.');
    await page.getByRole('button', { name: 'Créer la cellule' }).click();
    await page.getByRole('heading', { name: `Modifier : ${name}` }).waitFor();

    await page.getByRole('button', { name: 'Ajouter une étape' }).click();
    await page.getByLabel('Étape', { exact: true }).fill('Dresser la liste des organismes d’accueil');
    await page.getByLabel('Phase').fill('PHASE 1');
    await page.getByRole('form', { name: 'Nouvelle étape' }).getByRole('button', { name: 'Ajouter une étape' }).click();
    await page.getByText('Dresser la liste des organismes d’accueil').waitFor();
    await page.getByLabel("l'étape 1 réalisée").check();

    await page.getByRole('button', { name: 'Ajouter un partenaire' }).click();
    await page.getByLabel('Chercher un organisme').fill('Val-Martin');
    await selectContaining(page.getByLabel('Organisme', { exact: true }), 'Val-Martin');
    await page.getByLabel('Réseau représenté').selectOption('communautaire');
    await page.getByLabel('Secteur').fill('Habitation');
    await page.getByRole('form', { name: 'Nouveau partenaire' }).getByRole('button', { name: 'Ajouter un partenaire' }).click();
    await page.getByText('Habitation', { exact: false }).first().waitFor();
    await screenshot(page, 'workspace-work-cell');

    const [cell] = await t.db.query<{ id: string; start_date: string }[]>('SELECT id, start_date::text FROM work_cells WHERE name = $1', [
      name,
    ]);
    expect(cell?.start_date).toBe('2024-02-29');
    const steps = await waitFor(
      'the step to be stored as done',
      async () => {
        const rows = await t.db.query<{ done: boolean; phase: string }[]>('SELECT done, phase FROM work_steps WHERE work_cell_id = $1', [
          cell?.id,
        ]);
        return rows[0]?.done ? rows : undefined;
      },
      { timeoutMs: 10_000 },
    );
    expect(steps).toEqual([{ done: true, phase: 'PHASE 1' }]);
    const partners = await t.db.query<{ network: string; sector: string }[]>(
      'SELECT network, sector FROM partnerships WHERE work_cell_id = $1',
      [cell?.id],
    );
    expect(partners).toEqual([{ network: 'communautaire', sector: 'Habitation' }]);
  });

  it('lets the steering committee read the workspace without editing it', async () => {
    await signIn('comite@demo.repere.org');
    await eventually(() => expect(page.getByRole('link', { name: "Espace d'évaluation" }).count()).resolves.toBe(0));
    await page.goto(`${origin}/workspace/plans/${await parcExPlanId()}`);
    await page.getByText('Votre rôle permet de consulter ces pages, pas de les modifier', { exact: false }).waitFor();
    await eventually(() => expect(page.getByRole('button', { name: 'Ajouter une orientation' }).count()).resolves.toBe(0));
  });
});
