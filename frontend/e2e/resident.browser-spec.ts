/// <reference lib="dom" />
import { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../../backend/test/support/test-app';
import { WELCOME_DAY_SLUG, WELCOME_QUESTION_IDS as ids } from '../../backend/src/demo/welcome-day-questionnaire';
import { eventually, screenshot, useBrowserApp } from './browser';

type Value = string | string[] | boolean | number | null;

interface PublicQuestion {
  id: string;
  type: string;
  label: string;
  choices: { code: string; label: string }[];
  min: number | null;
  allowPreferNot: boolean;
}

interface PublicQuestionnaire {
  language: string;
  direction: string;
  questions: PublicQuestion[];
}

const PHONE = { width: 390, height: 844 };
const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** The page's own words the tests read, per language (src/resident/lib/messages.ts). */
const UI = {
  fr: {
    start: 'Commencer',
    next: 'Suivant',
    submit: 'Envoyer',
    yes: 'Oui',
    no: 'Non',
    preferNot: 'Je préfère ne pas répondre',
    language: 'Langue',
    progress: 'Question',
    required: 'Veuillez répondre à cette question.',
    offline: 'sera envoyée dès le retour de la connexion',
    thanks: 'Merci ! Votre réponse a bien été reçue.',
  },
  en: {
    start: 'Start',
    next: 'Next',
    submit: 'Send',
    yes: 'Yes',
    no: 'No',
    preferNot: 'I prefer not to answer',
    language: 'Language',
    progress: 'Question',
    required: 'Please answer this question.',
    offline: 'will be sent as soon as the connection returns',
    thanks: 'Thank you! Your answers were received.',
  },
  ar: {
    start: 'ابدأ',
    next: 'التالي',
    submit: 'إرسال',
    yes: 'نعم',
    no: 'لا',
    preferNot: 'أفضّل عدم الإجابة',
    language: 'اللغة',
    progress: 'السؤال',
    required: 'يرجى الإجابة عن هذا السؤال.',
    offline: 'سيتم إرسالها فور عودة الاتصال',
    thanks: 'شكرًا! لقد تم استلام إجاباتك.',
  },
} as const;
type Lang = keyof typeof UI;

describe('A resident answers the Welcome Day questionnaire on a phone', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let origin: string;

  const app = useBrowserApp();
  beforeAll(() => {
    ({ t, browser, origin } = app());
  });
  afterEach(async () => {
    await context?.close();
  });

  async function open(locale: string, options: { bypassCSP?: boolean } = {}): Promise<void> {
    context = await browser.newContext({ viewport: PHONE, locale, hasTouch: true, ...options });
    page = await context.newPage();
  }

  async function questionnaire(lang: Lang): Promise<PublicQuestionnaire> {
    const res = await t.http().get(`/api/public/questionnaires/${WELCOME_DAY_SLUG}?lang=${lang}`).expect(200);
    return res.body as PublicQuestionnaire;
  }

  async function countResponses(language?: string): Promise<number> {
    const rows: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM responses r JOIN questionnaires q ON q.id = r.questionnaire_id
       WHERE q.slug = $1 AND ($2::text IS NULL OR r.language = $2)`,
      [WELCOME_DAY_SLUG, language ?? null],
    );
    return rows[0]?.n ?? 0;
  }

  async function latestAnswers(language: string): Promise<Record<string, Value>> {
    const rows: { answers: Record<string, Value> }[] = await t.db.query(
      `SELECT response_answers_by_id(r.questionnaire_id, r.version, r.answers) AS answers
         FROM responses r JOIN questionnaires q ON q.id = r.questionnaire_id
       WHERE q.slug = $1 AND r.language = $2 ORDER BY r.received_at DESC LIMIT 1`,
      [WELCOME_DAY_SLUG, language],
    );
    return rows[0]?.answers ?? {};
  }

  /** The question on screen, found by its heading (its label followed by « (obligatoire) » or « (facultatif) »). */
  async function currentQuestion(q: PublicQuestionnaire): Promise<PublicQuestion> {
    const heading = (await page.locator('main h1').innerText()).trim();
    const found = q.questions.filter((question) => heading.startsWith(question.label)).sort((a, b) => b.label.length - a.label.length)[0];
    if (!found) throw new Error(`No question has the heading « ${heading} »`);
    return found;
  }

  async function waitForStep(lang: Lang, step: number): Promise<void> {
    await page.locator('.r-progress', { hasText: new RegExp(`^${UI[lang].progress} ${step} / \\d+$`) }).waitFor();
  }

  async function activeElement(): Promise<{ tag: string; type: string; name: string; checked: boolean }> {
    return page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      const label = el?.labels?.[0]?.textContent ?? el?.textContent ?? '';
      return { tag: el?.tagName ?? '', type: el?.type ?? '', name: label.trim(), checked: Boolean(el?.checked) };
    });
  }

  /** Tab (or Shift+Tab) until the focused element has this accessible text. */
  async function tabTo(name: string, backwards = false): Promise<void> {
    for (let i = 0; i < 40; i += 1) {
      if ((await activeElement()).name === name) return;
      await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`Tab never reached « ${name} »`);
  }

  /** Answers with taps, as most residents do. */
  async function answerByTouch(lang: Lang, question: PublicQuestion, value: Value): Promise<void> {
    const ui = UI[lang];
    if (value === null) {
      await page.getByRole(question.type === 'multiple_choice' ? 'checkbox' : 'radio', { name: ui.preferNot }).check();
      return;
    }
    switch (question.type) {
      case 'single_choice':
        await page.getByRole('radio', { name: question.choices.find((c) => c.code === value)!.label, exact: true }).check();
        break;
      case 'yes_no':
        await page.getByRole('radio', { name: value ? ui.yes : ui.no, exact: true }).check();
        break;
      case 'multiple_choice':
        for (const code of value as string[]) {
          await page.getByRole('checkbox', { name: question.choices.find((c) => c.code === code)!.label, exact: true }).check();
        }
        break;
      case 'scale':
        await page.getByRole('radio', { name: String(value), exact: true }).check();
        break;
      default:
        await page.locator('main').getByRole('textbox').fill(String(value));
    }
  }

  it('switches to Arabic, loses the connection before the last step, and the server holds exactly one response', async () => {
    const plan: Record<string, Value> = {
      [ids.heardFrom]: 'poster',
      [ids.firstTime]: true,
      [ids.knowsTable]: false,
      [ids.services]: ['french', 'housing'],
      [ids.satisfaction]: 5,
      [ids.improve]: 'المزيد من الترجمة إلى العربية',
      [ids.gender]: null,
      [ids.age_group]: '25_34',
      [ids.immigration]: 'arrived_lt5',
      [ids.language]: ['ar', 'fr'],
      [ids.disability]: false,
    };
    const arabic = await questionnaire('ar');
    const before = await countResponses();
    const beforeArabic = await countResponses('ar');
    await open('en-US');

    await page.goto(`${origin}/q/${WELCOME_DAY_SLUG}`);
    // The phone speaks English and the questionnaire has English: it opens in English.
    await page.getByRole('button', { name: UI.en.start }).waitFor();
    await eventually(() => expect(page.getAttribute('html', 'lang')).resolves.toBe('en'));
    await eventually(() => expect(page.getAttribute('html', 'dir')).resolves.toBe('ltr'));

    await page.getByLabel(UI.en.language).selectOption('ar');
    await page.getByRole('button', { name: UI.ar.start }).waitFor();
    await eventually(() => expect(page.getAttribute('html', 'lang')).resolves.toBe('ar'));
    await eventually(() => expect(page.getAttribute('html', 'dir')).resolves.toBe('rtl'));
    expect(page.url()).toContain('lang=ar');
    await page.getByRole('button', { name: UI.ar.start }).click();

    let key: string | null = null;
    for (let step = 1; step <= 20; step += 1) {
      await waitForStep('ar', step);
      const question = await currentQuestion(arabic);
      expect(question.id in plan).toBe(true);
      if (step === 1) await screenshot(page, 'resident-ar');
      if (question.type === 'scale') await screenshot(page, 'resident-ar-scale');
      const isLast = question.id === ids.disability;
      if (isLast) {
        // A tunnel: the last answer is given and sent without a connection.
        await context.setOffline(true);
      }
      await answerByTouch('ar', question, plan[question.id] as Value);
      if (!isLast) {
        await page.getByRole('button', { name: UI.ar.next }).click();
        continue;
      }
      await page.getByRole('button', { name: UI.ar.submit }).click();
      await page.getByText(UI.ar.offline).waitFor();
      await screenshot(page, 'resident-ar-offline');
      const pending = await page.evaluate((slug) => localStorage.getItem(`repere.q.${slug}.pending`), WELCOME_DAY_SLUG);
      key = (JSON.parse(pending ?? '{}') as { idempotencyKey?: string }).idempotencyKey ?? null;
      expect(key).toMatch(/^[0-9a-f-]{36}$/);
      expect(await countResponses('ar')).toBe(beforeArabic);
      break;
    }

    await context.setOffline(false);
    await page.getByRole('heading', { name: UI.ar.thanks }).waitFor();
    await screenshot(page, 'resident-confirmation');
    await eventually(() => expect(page.getAttribute('html', 'dir')).resolves.toBe('rtl'));

    // Exactly one response, whatever the retries did, and nothing left on the phone.
    expect(await countResponses('ar')).toBe(beforeArabic + 1);
    expect(await countResponses()).toBe(before + 1);
    const rows: { n: number }[] = await t.db.query('SELECT count(*)::int AS n FROM responses WHERE idempotency_key = $1', [key]);
    expect(rows[0]?.n).toBe(1);
    const stored = await latestAnswers('ar');
    expect(stored).toEqual(plan);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('repere.q.')))).toEqual([]);
  });

  it('answers in French with the keyboard only', async () => {
    const french = await questionnaire('fr');
    const beforeFrench = await countResponses('fr');
    await open('fr-CA');
    await page.goto(`${origin}/q/${WELCOME_DAY_SLUG}`);
    await page.getByRole('button', { name: UI.fr.start }).waitFor();
    await eventually(() => expect(page.getAttribute('html', 'lang')).resolves.toBe('fr'));

    await tabTo(UI.fr.start);
    await page.keyboard.press('Enter');
    await waitForStep('fr', 1);
    // Focus is on the question's heading, so a screen reader reads it first.
    expect((await activeElement()).tag).toBe('H1');

    // Going on without an answer: the message sits beside the question.
    await tabTo(UI.fr.next);
    await page.keyboard.press('Enter');
    await page.getByText(UI.fr.required).waitFor();
    await screenshot(page, 'resident-fr-error');
    // Back into the radio group (at its last option), then arrows up to « Par un organisme du quartier ».
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect((await activeElement()).type).toBe('radio');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowUp');
    expect(await activeElement()).toMatchObject({ type: 'radio', checked: true, name: 'Par un organisme du quartier' });
    await eventually(() => expect(page.getByText(UI.fr.required).count()).resolves.toBe(0));
    await screenshot(page, 'resident-fr');

    const expected: Record<string, Value> = { [ids.heardFrom]: 'organization' };
    const next = async (): Promise<void> => {
      await tabTo(UI.fr.next);
      await page.keyboard.press('Enter');
    };
    /** Tab into a radio group and select its option at `index` with Space or the arrows. */
    const pickRadio = async (index: number): Promise<void> => {
      await page.keyboard.press('Tab');
      if (index === 0) await page.keyboard.press('Space');
      for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
      expect(await activeElement()).toMatchObject({ type: 'radio', checked: true });
    };
    await next();

    for (let step = 2; step <= 20; step += 1) {
      await waitForStep('fr', step);
      expect((await activeElement()).tag).toBe('H1');
      const question = await currentQuestion(french);
      switch (question.id) {
        case ids.firstTime: // Non: services are not asked then
          await pickRadio(1);
          expected[question.id] = false;
          break;
        case ids.knowsTable:
          await pickRadio(0);
          expected[question.id] = true;
          break;
        case ids.satisfaction: // 1 … 5: from 1, three steps right is 4
          await page.keyboard.press('Tab');
          for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
          expect(await activeElement()).toMatchObject({ type: 'radio', checked: true, name: '4' });
          expected[question.id] = 4;
          break;
        case ids.improve:
          await page.keyboard.press('Tab');
          await page.keyboard.type('Plus d’interprètes sur place.');
          expected[question.id] = 'Plus d’interprètes sur place.';
          break;
        case ids.gender: // « Je me décris autrement » shows the self-description
          await pickRadio(question.choices.findIndex((c) => c.code === 'self_described'));
          expected[question.id] = 'self_described';
          break;
        case ids.gender_self:
          await page.keyboard.press('Tab');
          await page.keyboard.type('Bispirituel·le');
          expected[question.id] = 'Bispirituel·le';
          break;
        case ids.age_group:
          await pickRadio(question.choices.findIndex((c) => c.code === '65_plus'));
          expected[question.id] = '65_plus';
          break;
        case ids.immigration:
          await pickRadio(0);
          expected[question.id] = 'born_canada';
          break;
        case ids.language: // checkboxes: Space on the first
          await page.keyboard.press('Tab');
          await page.keyboard.press('Space');
          expect(await activeElement()).toMatchObject({ type: 'checkbox', checked: true });
          expected[question.id] = [question.choices[0]!.code];
          break;
        case ids.disability: // Oui, Non, Je préfère ne pas répondre
          await pickRadio(2);
          expect((await activeElement()).name).toBe(UI.fr.preferNot);
          expected[question.id] = null;
          break;
        default:
          throw new Error(`Unexpected question ${question.label}`);
      }
      if (question.id === ids.disability) {
        await tabTo(UI.fr.submit);
        await page.keyboard.press('Enter');
        break;
      }
      await next();
    }

    await page.getByRole('heading', { name: UI.fr.thanks }).waitFor();
    expect((await activeElement()).tag).toBe('H1');
    expect(await countResponses('fr')).toBe(beforeFrench + 1);
    expect(await latestAnswers('fr')).toEqual(expected);
  });

  it.each(['fr', 'ar'] as const)('passes axe-core without serious or critical violations in %s', async (lang) => {
    await open(lang === 'fr' ? 'fr-CA' : 'ar', { bypassCSP: true });
    const audit = async (state: string): Promise<void> => {
      await page.addScriptTag({ path: AXE_PATH });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                context: Document,
                options: object,
              ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target) }));
      });
      const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect({ state, blocking }).toEqual({ state, blocking: [] });
    };

    await page.goto(`${origin}/q/${WELCOME_DAY_SLUG}?lang=${lang}`);
    await page.getByRole('button', { name: UI[lang].start }).waitFor();
    await eventually(() => expect(page.getAttribute('html', 'dir')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr'));
    await audit('intro');

    await page.getByRole('button', { name: UI[lang].start }).click();
    await waitForStep(lang, 1);
    await page.getByRole('button', { name: UI[lang].next }).click();
    await page.getByText(UI[lang].required).waitFor();
    await audit('question with an error');

    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: UI[lang].next }).click();
    await waitForStep(lang, 2);
    await audit('yes/no question');
  });

  it('keeps the answers across a reload and resumes where the resident was', async () => {
    await open('fr-CA');
    await page.goto(`${origin}/q/${WELCOME_DAY_SLUG}?lang=fr`);
    await page.getByRole('button', { name: UI.fr.start }).click();
    await waitForStep('fr', 1);
    await page.getByRole('radio', { name: 'Par une affiche' }).check();
    await page.getByRole('button', { name: UI.fr.next }).click();
    await waitForStep('fr', 2);
    await page.getByRole('radio', { name: UI.fr.yes, exact: true }).check();

    await page.reload();
    await waitForStep('fr', 2);
    await eventually(() => expect(page.getByRole('radio', { name: UI.fr.yes, exact: true }).isChecked()).resolves.toBe(true));
    await page.getByRole('button', { name: 'Précédent' }).click();
    await waitForStep('fr', 1);
    await eventually(() => expect(page.getByRole('radio', { name: 'Par une affiche' }).isChecked()).resolves.toBe(true));
  });

  it('sends after a closed tab: the answer waits on the phone and leaves when the page is opened again', async () => {
    const before = await countResponses('fr');
    await open('fr-CA');
    // Answers kept from an earlier visit, sent while offline, then the tab was closed.
    const body = {
      language: 'fr',
      version: (await t.http().get(`/api/public/questionnaires/${WELCOME_DAY_SLUG}`)).body.version as number,
      answers: [
        { questionId: ids.heardFrom, value: 'friends' },
        { questionId: ids.firstTime, value: false },
        { questionId: ids.knowsTable, value: true },
        { questionId: ids.satisfaction, value: 3 },
      ],
    };
    const key = '6f1e2d3c-4b5a-4968-8776-655443322110';
    await page.goto(`${origin}/q/${WELCOME_DAY_SLUG}?lang=fr`);
    await page.getByRole('button', { name: UI.fr.start }).waitFor();
    await context.setOffline(true);
    await page.evaluate(([slug, pending]) => localStorage.setItem(`repere.q.${slug}.pending`, pending), [
      WELCOME_DAY_SLUG,
      JSON.stringify({ idempotencyKey: key, body, createdAt: new Date().toISOString() }),
    ] as const);
    await page.reload().catch(() => undefined);
    await page.close();
    expect(await countResponses('fr')).toBe(before);

    await context.setOffline(false);
    page = await context.newPage();
    await page.goto(`${origin}/q/${WELCOME_DAY_SLUG}`);
    await page.getByRole('heading', { name: UI.fr.thanks }).waitFor();
    await screenshot(page, 'resident-confirmation-fr');
    expect(await countResponses('fr')).toBe(before + 1);
    const rows: { n: number }[] = await t.db.query('SELECT count(*)::int AS n FROM responses WHERE idempotency_key = $1', [key]);
    expect(rows[0]?.n).toBe(1);
  });

  it("shows the server's refusal beside the question it names", async () => {
    const before = await countResponses();
    await open('fr-CA');
    const version = (await t.http().get(`/api/public/questionnaires/${WELCOME_DAY_SLUG}`)).body.version as number;
    // A submission the server refuses: two required questions unanswered (as an older page might have sent).
    const pending = {
      idempotencyKey: '0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3',
      createdAt: new Date().toISOString(),
      body: {
        language: 'fr',
        version,
        answers: [
          { questionId: ids.heardFrom, value: 'poster' },
          { questionId: ids.firstTime, value: false },
        ],
      },
    };
    await page.goto(`${origin}/q/${WELCOME_DAY_SLUG}?lang=fr`);
    await page.evaluate(
      ([slug, value]) => {
        localStorage.setItem(`repere.q.${slug}.pending`, value);
      },
      [WELCOME_DAY_SLUG, JSON.stringify(pending)] as const,
    );
    await page.reload();

    // Back on the first question the server named (« Connaissez-vous la Table… », required), with its message.
    await page
      .getByText(/Connaissez-vous la Table de quartier/)
      .first()
      .waitFor();
    await page.getByText('Cette question demande une réponse.').waitFor();
    expect(await countResponses()).toBe(before);
    expect(await page.evaluate((slug) => localStorage.getItem(`repere.q.${slug}.pending`), WELCOME_DAY_SLUG)).toBeNull();
  });

  it('serves the light page for /q/ paths and the staff app elsewhere', async () => {
    const resident = await t.http().get(`/q/${WELCOME_DAY_SLUG}?lang=ar`).expect(200);
    expect(resident.text).toContain('/assets/q-');
    const staff = await t.http().get('/plans').expect(200);
    expect(staff.text).not.toContain('/assets/q-');
  });
});
