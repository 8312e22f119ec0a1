/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { Fixtures, fixtures, PlanFixture } from '../../backend/test/support/fixtures';
import { bearer } from '../../backend/test/support/test-app';
import { eventually, screenshot, signIn, useBrowserApp } from './browser';

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
    // The form also sets the links its computation implies (none for a manual indicator): a second event, its own.
    const event = panel.locator('li.history__event', { hasText: 'evaluation@demo.repere.org' }).filter({ hasText: 'Cible finale' }).first();
    await event.waitFor();
    await eventually(() => expect(event.innerText()).resolves.toMatch(/modification[\s\S]*Cible finale[\s\S]*—[\s\S]*75/));
    await screenshot(page, 'indicator-history');
  });

  it("shows the plan's whole history on the plan page: a change of one of its indicators, its type named", async () => {
    // Arrange: an evaluator changes the plan's indicator
    const { browser, origin, t } = app();
    const mine = await fx.plan(); // the plan of the test before is cleaned up after it
    await t.http().patch(`/api/indicators/${mine.indicatorId}`).set(bearer(t.tokens.evaluator)).send({ midtermTarget: 33 }).expect(200);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, origin, 'evaluation@demo.repere.org');

    // Act
    await page.goto(`${origin}/plans/${mine.planId}`);

    // Assert: the plan page's history holds the indicator's change, named as an indicator's
    const panel = page.getByTestId('history-panel');
    await panel.getByRole('heading', { name: 'Historique' }).waitFor();
    const event = panel.locator('li.history__event', { hasText: 'Cible à mi-parcours' }).first();
    await event.waitFor();
    await eventually(() => expect(event.innerText()).resolves.toMatch(/modification \(indicateur\)[\s\S]*Cible à mi-parcours[\s\S]*33/));
    await screenshot(page, 'plan-history');
  });
});
