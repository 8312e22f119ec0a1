import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { bearer, type TestApp } from '../../backend/test/support/test-app';
import { expectNoAxeViolations } from './axe';
import { screenshot, signIn, useBrowserApp } from './browser';

const fr = JSON.parse(readFileSync(resolve(__dirname, '../src/i18n/fr.json'), 'utf8')) as {
  dashboard: { status: Record<string, string> };
  workStepsIndicator: { title: string };
};

const CELL = 'Cellule 4.2';
const INDICATOR = `Part des étapes réalisées — ${CELL}`;

/** The Laval demo's step-progress indicator, on its work cell's page and on the plan's dashboard (issue 19). */
describe("A work cell's progress as an indicator", () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  let page: Page;
  let planId: string;
  let cellId: string;
  let status: string;

  const app = useBrowserApp();
  beforeAll(async () => {
    ({ t, browser, origin } = app());
    [{ id: cellId }] = await t.db.query(`SELECT id FROM work_cells WHERE name = $1`, [CELL]);
    [{ id: planId }] = await t.db.query(`SELECT id FROM plans WHERE title LIKE '%(PRDS)'`);
    const progress = await t.http().get(`/api/plans/${planId}/progress`).set(bearer(t.tokens.committee)).expect(200);
    const indicator = (progress.body.indicators as { name: string; value: number | null; status: string }[]).find(
      (i) => i.name === INDICATOR,
    )!;
    expect(indicator.value).toEqual(expect.any(Number));
    status = indicator.status;
  });
  beforeEach(async () => {
    // bypassCSP: axe-core is injected as an inline script, which the app's Content-Security-Policy refuses.
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await signIn(page, origin, 'comite@demo.repere.org');
  });
  afterEach(async () => {
    await page.close();
  });

  it("shows the share of the cell's steps done on the cell's page, with its status, as the dashboard does", async () => {
    await page.goto(`${origin}/work-cells/${cellId}`);
    const section = page.getByRole('region', { name: fr.workStepsIndicator.title });
    const row = section.getByRole('listitem').filter({ has: page.getByRole('link', { name: INDICATOR }) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(fr.dashboard.status[status]);
    await expectNoAxeViolations(page, 'work cell page with its progress indicator');
    console.log(`Screenshot: ${await screenshot(page, 'work-steps-indicator-cell')}`);
  });

  it("shows it on the Laval plan's dashboard like any indicator", async () => {
    await page.goto(`${origin}/plans/${planId}/dashboard`);
    await page.waitForFunction(() => performance.getEntriesByName('repere:plan-dashboard:ready').length > 0);
    const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: INDICATOR }) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(fr.dashboard.status[status]);
    await expectNoAxeViolations(page, 'Laval plan dashboard');
    console.log(`Screenshot: ${await screenshot(page, 'work-steps-indicator-dashboard')}`);
    // Its page says its figures count steps, not people, and are published exact (no perturbed counts of people).
    await row.getByRole('link', { name: INDICATOR }).click();
    await page.getByText(fr.disclosure.stepsOnly).waitFor();
    expect(await page.getByText(fr.disclosure.perturbed.split('{{')[0]).count()).toBe(0);
  });
});
