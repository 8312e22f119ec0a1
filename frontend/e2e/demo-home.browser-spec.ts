import { Browser, Page } from 'playwright-core';
import { PARC_EX_UNMEASURED } from '@backend/demo/parc-ex-indicators';
import { expectNoAxeViolations } from './axe';
import { signIn, useBrowserApp } from './browser';

/** Where the web app keeps the language chosen in its menu (src/i18n/i18n.ts). */
const LANGUAGE_KEY = 'repere.lang';

// Issue #19: a newcomer's first look at the demo says its figures are generated from the seeds' structure, and an
// indicator left without data says why, where « Sans données » is shown.
describe('A newcomer opens the demo', () => {
  let browser: Browser;
  let page: Page;
  let origin: string;

  const app = useBrowserApp();
  beforeAll(() => {
    ({ browser, origin } = app());
  });
  beforeEach(async () => {
    // bypassCSP: axe-core is injected as an inline script, which the app's Content-Security-Policy refuses.
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  });
  afterEach(async () => {
    await page.close();
  });

  it('reads on the sign-in page that the data is generated, in French and in English', async () => {
    // Act
    await page.goto(`${origin}/login`);
    // Assert
    const notice = page.getByRole('region', { name: 'Démonstration' });
    await notice.waitFor();
    await notice.getByText(/générées à partir de la structure des documents de départ/).waitFor();
    await expectNoAxeViolations(page, 'sign-in page with the demo notice');
    const english = await browser.newPage();
    try {
      await english.goto(`${origin}/login`);
      await english.evaluate((key) => localStorage.setItem(key, 'en'), LANGUAGE_KEY);
      await english.reload();
      await english
        .getByRole('region', { name: 'Demo' })
        .getByText(/generated from the structure of the seed documents/)
        .waitFor();
    } finally {
      await english.close();
    }
  });

  it('sees why an indicator of the Parc-Extension plan has no data, on its dashboard and on its page', async () => {
    // Arrange
    const [{ id: planId }] = await app().t.db.query<{ id: string }[]>(`SELECT id FROM plans WHERE title LIKE '%Parc-Extension%'`);
    const [unmeasured] = PARC_EX_UNMEASURED;
    await signIn(page, origin, 'comite@demo.repere.org');
    // Act
    await page.goto(`${origin}/plans/${planId}/dashboard`);
    // Assert
    const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: unmeasured.name }) });
    await row.getByText('Pourquoi aucune donnée :').waitFor();
    await row.getByText(unmeasured.note).waitFor();
    await row.getByRole('link', { name: unmeasured.name }).click();
    await page.getByText(unmeasured.note).waitFor();
    await expectNoAxeViolations(page, 'indicator page with its note');
  });
});
