import { Browser, Locator, Page } from 'playwright-core';
import type { TestApp } from '../../backend/test/support/test-app';
import { eventually, screenshot, useBrowserApp, signIn as signInAs } from './browser';

describe('A partner records a participation count', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;

  const app = useBrowserApp();
  beforeAll(() => {
    ({ t, browser, origin } = app());
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

  async function countsOf(
    activity: string,
  ): Promise<{ total: number; breakdown: { dimension: string; category: string; count: number }[] }[]> {
    return t.db.query('SELECT total, breakdown FROM participation_counts WHERE activity = $1', [activity]);
  }

  it('enters a count with a breakdown, is stopped when the parts exceed the total, and sees it listed once', async () => {
    const activity = `Atelier de cuisine collective ${Date.now()}`;
    await signIn('partenaire@demo.repere.org');
    await page.getByRole('link', { name: 'Participation' }).click();
    await page.getByRole('heading', { name: 'Nombre de participants' }).waitFor();

    // The plan the demo partner (Centre communautaire Val-Martin) works on, in the Laval work cells: partners count
    // only for their own plans' instruments.
    await selectContaining(page.getByLabel("Plan d'action"), 'Laval');
    await selectContaining(page.getByLabel('Suivi (instrument)'), '(Nombre de participants)');
    await page.getByLabel('Activité').fill(activity);
    await page.getByLabel('Date').fill('2023-08-26');
    await page.getByLabel('Nombre total de participants').fill('25');

    await page.getByText('Ventilation ADS+ (facultatif)').click();
    await page.getByLabel('Femmes').fill('20');
    await page.getByLabel('Hommes').fill('9');
    await page.getByLabel('18 à 24 ans').fill('10');
    await page.getByLabel('Arrivées il y a moins de 5 ans').fill('12');
    await page.getByRole('button', { name: 'Enregistrer le compte' }).click();
    // 20 + 9 > 25: refused in the form, nothing sent.
    await page.getByText('La somme des parts (29) dépasse le total (25).').waitFor();
    expect(await countsOf(activity)).toHaveLength(0);

    await page.getByLabel('Femmes').fill('14');
    await screenshot(page, 'participation-form');
    // A double click records once: one Idempotency-Key for this body until the server acknowledges it.
    await page.getByRole('button', { name: 'Enregistrer le compte' }).dblclick();
    await page.getByRole('status').getByText(`Compte enregistré : 25 participants, « ${activity} ».`).waitFor();

    const table = page.getByRole('table');
    await table.getByRole('rowheader', { name: activity }).waitFor();
    await table.getByText('Femmes 14').waitFor();
    await screenshot(page, 'participation-recorded');

    const stored = await countsOf(activity);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.total).toBe(25);
    expect(stored[0]?.breakdown).toEqual(
      expect.arrayContaining([
        { dimension: 'gender', category: 'woman', count: 14 },
        { dimension: 'gender', category: 'man', count: 9 },
        { dimension: 'age_group', category: '18_24', count: 10 },
        { dimension: 'immigration', category: 'arrived_lt5', count: 12 },
      ]),
    );
    // The form is ready for the next count of the same activity.
    await eventually(() => expect(page.getByLabel('Nombre total de participants').inputValue()).resolves.toBe(''));
    await eventually(() => expect(page.getByLabel('Activité').inputValue()).resolves.toBe(activity));
  });
});
