/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { Fixtures, fixtures, PlanFixture } from '../../backend/test/support/fixtures';
import { screenshot, signIn, useBrowserApp } from './browser';

// « Historique »: a change made in the web app is on the record's page, with who made it (issue 15).

describe("An indicator's history", () => {
  const app = useBrowserApp();
  let fx: Fixtures;
  let plan: PlanFixture;
  let page: Page;

  beforeAll(async () => {
    fx = fixtures(app().t);
    plan = await fx.plan();
  });
  // Before useBrowserApp's afterAll closes the app.
  afterEach(async () => {
    await page?.close();
    await fx.cleanup();
  });

  it("shows an evaluator's change of a target, with their email, on the indicator page", async () => {
    // Arrange
    const { browser, origin } = app();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, origin, 'evaluation@demo.repere.org');
    await page.goto(`${origin}/workspace/indicators/${plan.indicatorId}`);

    // Act: the evaluator sets the final target in the workspace
    await page.getByLabel('Cible finale').fill('75');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Indicateur enregistré.', { exact: false }).waitFor();

    // Assert: the indicator page's history says who changed what, from what to what
    await page.goto(`${origin}/indicators/${plan.indicatorId}`);
    const panel = page.getByTestId('history-panel');
    await panel.getByRole('heading', { name: 'Historique' }).waitFor();
    const event = panel.locator('li.history__event', { hasText: 'evaluation@demo.repere.org' }).first();
    await event.waitFor();
    expect(await event.innerText()).toMatch(/modification[\s\S]*Cible finale[\s\S]*—[\s\S]*75/);
    await screenshot(page, 'indicator-history');
  });
});
