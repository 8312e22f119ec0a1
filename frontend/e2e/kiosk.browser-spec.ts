/// <reference lib="dom" />
import { BrowserContext, Page } from 'playwright-core';
import { Fixtures, fixtures, PlanFixture, uniqueText } from '../../backend/test/support/fixtures';
import { bearer, type TestApp } from '../../backend/test/support/test-app';
import { eventually, screenshot, signIn, useBrowserApp } from './browser';
import { expectNoAxeViolations } from './axe';

// A shared tablet at an event (kiosk mode), the resident page offline, the « question N of M » counter, and the
// builder's check of translations before publishing.

const TABLET = { width: 820, height: 1180 };
interface Created {
  id: string;
  slug: string;
}

/** Four questions; the second shows only after « Oui » to the first, and has no Arabic: residents reading Arabic get French. */
function questions() {
  return [
    {
      type: 'yes_no',
      required: true,
      label: { fr: 'Êtes-vous venu en famille ?', en: 'Did you come with your family?', ar: 'هل أتيت مع عائلتك؟' },
    },
    {
      type: 'short_text',
      required: true,
      label: { fr: 'Combien d’enfants ?', en: 'How many children?' },
    },
    {
      type: 'single_choice',
      required: true,
      label: { fr: 'Par quel moyen êtes-vous venu ?', en: 'How did you come?', ar: 'كيف أتيت؟' },
      choices: [
        { code: 'bus', label: { fr: 'En autobus', en: 'By bus', ar: 'بالحافلة' } },
        { code: 'walk', label: { fr: 'À pied', en: 'On foot' } },
      ],
    },
    {
      type: 'short_text',
      required: false,
      label: { fr: 'Un mot pour l’équipe ?', en: 'A word for the team?', ar: 'كلمة للفريق؟' },
    },
  ];
}

describe('A shared tablet at an event, and the resident page offline', () => {
  let t: TestApp;
  let fx: Fixtures;
  let plan: PlanFixture;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  let kiosk: Created;
  const made: string[] = [];

  // Before useBrowserApp's own: Jest runs afterAll hooks in the order they are declared, and the app must still run.
  afterAll(async () => {
    await t.db.query('DELETE FROM responses WHERE questionnaire_id = ANY($1::uuid[])', [made]);
    await fx.cleanup();
  });
  const app = useBrowserApp();
  const as = () => bearer(t.tokens.evaluator);

  /** A questionnaire of the fixture plan in French, English and Arabic; the conditional's source is filled in after. */
  async function create(options: { kiosk: boolean; publish: boolean }): Promise<Created> {
    const res = await t
      .http()
      .post('/api/questionnaires')
      .set(as())
      .send({
        planId: plan.planId,
        title: { fr: uniqueText('Fête de quartier'), en: 'Block party', ar: 'حفلة الحي' },
        defaultLanguage: 'fr',
        languages: ['fr', 'en', 'ar'],
        questions: questions(),
        kiosk: options.kiosk,
      })
      .expect(201);
    const created = res.body as Created & { questions: { id: string }[] };
    fx.track(`/api/questionnaires/${created.id}`);
    made.push(created.id);
    const [first, second, ...rest] = created.questions;
    await t
      .http()
      .patch(`/api/questionnaires/${created.id}`)
      .set(as())
      .send({ questions: [first, { ...second, showIf: { questionId: first!.id, anyOf: [true] } }, ...rest] })
      .expect(200);
    if (options.publish) await t.http().post(`/api/questionnaires/${created.id}/publish`).set(as()).send({}).expect(200);
    return created;
  }

  async function responsesOf(questionnaireId: string): Promise<number> {
    const [row] = await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM responses WHERE questionnaire_id = $1', [
      questionnaireId,
    ]);
    return row?.n ?? 0;
  }

  /** Everything the page keeps in the browser's storage (localStorage, sessionStorage, IndexedDB databases). */
  async function storedByPage(): Promise<{ local: string[]; session: string[]; databases: number }> {
    return page.evaluate(async () => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      databases: (await indexedDB.databases()).length,
    }));
  }

  const progress = () => page.locator('.r-progress').innerText();

  beforeAll(async () => {
    ({ t, origin } = app());
    fx = fixtures(t);
    plan = await fx.plan();
    kiosk = await create({ kiosk: true, publish: true });
  });
  afterEach(async () => {
    await context?.close();
  });

  async function open(locale = 'fr-CA', options: { bypassCSP?: boolean } = {}): Promise<void> {
    context = await app().browser.newContext({ viewport: TABLET, locale, hasTouch: true, ...options });
    page = await context.newPage();
  }

  it('takes two residents in a row, nothing of the first left, and the count never grows mid-way', async () => {
    await open('fr-CA', { bypassCSP: true });
    await page.goto(`${origin}/q/${kiosk.slug}`);
    await page.getByRole('button', { name: 'Commencer' }).click();

    // First resident: the branch opens. The conditional question was counted from the start: 1/4, 2/4, 3/4, 4/4.
    const seen: string[] = [await progress()];
    await page.getByRole('radio', { name: 'Oui', exact: true }).check();
    expect(await progress()).toBe(seen[0]);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('textbox').waitFor();
    seen.push(await progress());
    await page.getByRole('textbox').fill('Trois');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('radio', { name: 'En autobus' }).check();
    seen.push(await progress());
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('textbox').fill('Premier résident');
    seen.push(await progress());
    expect(seen).toEqual(['Question 1 / 4', 'Question 2 / 4', 'Question 3 / 4', 'Question 4 / 4']);
    await page.getByRole('button', { name: 'Envoyer' }).click();

    await page.getByRole('heading', { name: 'Merci ! Votre réponse a bien été reçue.' }).waitFor();
    await page.getByRole('button', { name: 'Nouvelle réponse' }).waitFor();
    await screenshot(page, 'kiosk-thanks');
    await expectNoAxeViolations(page, 'thank-you page in kiosk mode');
    expect(await responsesOf(kiosk.id)).toBe(1);
    expect(await storedByPage()).toEqual({ local: [], session: [], databases: 0 });

    // Second resident: a blank questionnaire (« Commencer », not « Reprendre »), nothing checked, nothing typed.
    await page.getByRole('button', { name: 'Nouvelle réponse' }).click();
    await page.getByRole('button', { name: 'Commencer' }).click();
    expect(await page.getByRole('radio', { name: 'Oui', exact: true }).isChecked()).toBe(false);
    expect(await page.getByRole('radio', { name: 'Non', exact: true }).isChecked()).toBe(false);
    expect(await progress()).toBe('Question 1 / 4');
    await page.getByRole('radio', { name: 'Non', exact: true }).check();
    // « Non » rules the branch out: the total shrinks, it never grows.
    expect(await progress()).toBe('Question 1 / 3');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('radio', { name: 'À pied' }).waitFor();
    expect(await page.getByRole('radio', { name: 'En autobus' }).isChecked()).toBe(false);
    expect(await progress()).toBe('Question 2 / 3');
    await page.getByRole('radio', { name: 'À pied' }).check();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('textbox').waitFor();
    expect(await page.getByRole('textbox').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByRole('button', { name: 'Nouvelle réponse' }).waitFor();
    expect(await responsesOf(kiosk.id)).toBe(2);
    expect(await storedByPage()).toEqual({ local: [], session: [], databases: 0 });
  });

  it('goes back to the start when left idle, with nothing of the answers kept', async () => {
    await open();
    await page.clock.install();
    await page.goto(`${origin}/q/${kiosk.slug}`);
    await page.getByRole('button', { name: 'Commencer' }).click();
    await page.getByRole('radio', { name: 'Oui', exact: true }).check();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('textbox').fill('Deux');
    expect((await storedByPage()).local).toEqual([`repere.q.${kiosk.slug}.draft`]);

    // The resident walks away: 20 s later the tablet is back at the start.
    await page.clock.runFor(21_000);
    await page.getByRole('button', { name: 'Commencer' }).waitFor();
    expect(await storedByPage()).toEqual({ local: [], session: [], databases: 0 });
    await page.getByRole('button', { name: 'Commencer' }).click();
    expect(await page.getByRole('radio', { name: 'Oui', exact: true }).isChecked()).toBe(false);
  });

  it('keeps a response sent offline when the next resident starts, and sends it once the connection is back', async () => {
    await open();
    await page.goto(`${origin}/q/${kiosk.slug}`);
    const before = await responsesOf(kiosk.id);
    await page.getByRole('button', { name: 'Commencer' }).click();
    await page.getByRole('radio', { name: 'Non', exact: true }).check();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('radio', { name: 'À pied' }).check();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByText('gardée sur cette tablette').waitFor();
    await screenshot(page, 'kiosk-offline');

    await page.getByRole('button', { name: 'Nouvelle réponse' }).click();
    await page.getByRole('button', { name: 'Commencer' }).waitFor();
    // Only the unsent response stays, in the outbox: no draft of it.
    expect((await storedByPage()).local).toEqual([`repere.q.${kiosk.slug}.outbox`]);

    await context.setOffline(false);
    await eventually(() => expect(responsesOf(kiosk.id)).resolves.toBe(before + 1), 30_000);
    await eventually(() => expect(storedByPage()).resolves.toEqual({ local: [], session: [], databases: 0 }));
  });

  it('opens offline after a first visit', async () => {
    await open();
    await page.goto(`${origin}/q/${kiosk.slug}`);
    await page.getByRole('button', { name: 'Commencer' }).waitFor();
    // The worker is in charge of the page and holds its questionnaire.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await eventually(() =>
      expect(page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).resolves.toMatch(/\/q-sw\.js$/),
    );
    await eventually(() =>
      expect(
        page.evaluate((slug) => caches.match(`/api/public/questionnaires/${slug}`, { ignoreSearch: true }).then(Boolean), kiosk.slug),
      ).resolves.toBe(true),
    );
    // Its scope is the resident page: the staff app is never under it.
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration('/').then((r) => r?.scope ?? null))).toBeNull();

    await context.setOffline(true);
    // Offline for the worker too: English, never fetched, comes from the copy it has (the default language, French).
    expect(
      await page.evaluate(
        (slug) => fetch(`/api/public/questionnaires/${slug}?lang=en`).then((r) => r.json() as Promise<{ language: string }>),
        kiosk.slug,
      ),
    ).toMatchObject({ language: 'fr' });
    await page.reload();
    await page.getByRole('button', { name: 'Commencer' }).click();
    await page.getByRole('radio', { name: 'Oui', exact: true }).waitFor();
    expect(await progress()).toBe('Question 1 / 4');
  });

  it('shows French fallback text to an Arabic reader with its own direction', async () => {
    await open('ar');
    await page.goto(`${origin}/q/${kiosk.slug}?lang=ar`);
    await page.getByRole('button', { name: 'ابدأ' }).click();
    await page.getByRole('radio', { name: 'نعم', exact: true }).check();
    await page.getByRole('button', { name: 'التالي' }).click();
    const label = page.locator('main h1 bdi', { hasText: 'Combien d’enfants ?' });
    await label.waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    // Isolated and left to right: its « ? » stays at its end instead of jumping to the start of the line.
    expect(await label.evaluate((el) => el.matches(':dir(ltr)'))).toBe(true);
  });

  it('asks before publishing a questionnaire with an incomplete language, naming the questions it lacks', async () => {
    const draft = await create({ kiosk: false, publish: false });
    await open('fr-CA', { bypassCSP: true });
    await signIn(page, origin, 'evaluation@demo.repere.org');
    await page.goto(`${origin}/workspace/questionnaires/${draft.id}`);
    await page.getByRole('button', { name: 'Publier', exact: true }).click();

    const check = page.locator('section', { has: page.getByRole('heading', { name: 'Publier avec des traductions incomplètes ?' }) });
    await check.waitFor();
    const text = await check.innerText();
    expect(text).toContain('arabe (ar)');
    expect(text).toContain('Combien d’enfants ?');
    expect(text).toContain('À pied');
    expect(text).not.toMatch(/questions\.\d/);
    await screenshot(page, 'publish-translations-check');
    await expectNoAxeViolations(page, 'publish confirmation');

    // Cancelled: nothing published.
    await check.getByRole('button', { name: 'Annuler pour compléter les traductions' }).click();
    await eventually(() => expect(check.count()).resolves.toBe(0));
    expect((await t.http().get(`/api/questionnaires/${draft.id}`).set(as()).expect(200)).body.status).toBe('draft');

    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.getByRole('button', { name: 'Publier quand même' }).click();
    await page.getByText('Questionnaire publié : les résidents peuvent y répondre.').waitFor();
    expect((await t.http().get(`/api/questionnaires/${draft.id}`).set(as()).expect(200)).body.status).toBe('published');

    // Kiosk mode is switched on the same page, and applies at once.
    await page.getByRole('checkbox', { name: 'Mode borne (tablette partagée)' }).check();
    await page.getByText('Mode borne activé.').waitFor();
    expect((await t.http().get(`/api/public/questionnaires/${draft.slug}`).expect(200)).body.kiosk).toBe(true);
  });
});
