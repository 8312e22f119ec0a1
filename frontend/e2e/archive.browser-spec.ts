/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { Fixtures, fixtures, PlanFixture, uniqueText } from '../../backend/test/support/fixtures';
import { bearer } from '../../backend/test/support/test-app';
import { eventually, screenshot, signIn, useBrowserApp } from './browser';

// Nothing is erased (issue 15): an archived record leaves the lists, admins and evaluators find it under « Archivés »,
// its page says « Archivé le … » without edit links, and an admin restores it.

describe('Archives in the web app', () => {
  const app = useBrowserApp();
  let fx: Fixtures;
  let plan: PlanFixture;
  let page: Page;

  beforeAll(() => {
    fx = fixtures(app().t);
  });
  beforeEach(async () => {
    plan = await fx.plan();
  });
  // Before useBrowserApp's afterAll closes the app.
  afterEach(async () => {
    await page?.close();
    await fx.cleanup();
  });

  /** A questionnaire of the fixture plan, created and archived through the API as the admin. */
  async function archivedQuestionnaire(): Promise<{ id: string; title: string }> {
    const { t } = app();
    const title = uniqueText('Questionnaire archivé');
    const created = await t
      .http()
      .post('/api/questionnaires')
      .set(bearer(t.tokens.admin))
      .send({
        planId: plan.planId,
        title: { fr: title },
        defaultLanguage: 'fr',
        languages: ['fr'],
        questions: [{ id: '6d1f3c0e-2a4b-4c5d-8e9f-0a1b2c3d4e5f', type: 'short_text', required: true, label: { fr: 'Un mot ?' } }],
      })
      .expect(201);
    const id = created.body.id as string;
    fx.track(`/api/questionnaires/${id}`);
    await t.http().delete(`/api/questionnaires/${id}`).set(bearer(t.tokens.admin)).expect(204);
    return { id, title };
  }

  it('lets an admin find an archived questionnaire under « Archivés » and restore it to the list', async () => {
    // Arrange
    const { browser, origin } = app();
    const questionnaire = await archivedQuestionnaire();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, origin, 'admin@demo.repere.org');

    // Its own page says it is archived, offers « Restaurer » and no edit link
    await page.goto(`${origin}/questionnaires/${questionnaire.id}`);
    const banner = page.getByTestId('archive-banner');
    await banner.getByText(/^Archivé le /).waitFor();
    await banner.getByRole('button', { name: `Restaurer « ${questionnaire.title} »` }).waitFor();
    await eventually(() => expect(page.getByRole('link', { name: 'Modifier', exact: true }).count()).resolves.toBe(0));
    await screenshot(page, 'archive-questionnaire-page');

    // Act: the list, then its archived ones
    await page.goto(`${origin}/questionnaires`);
    await page.getByRole('heading', { name: 'Questionnaires' }).waitFor();
    const active = page.getByRole('button', { name: 'Actifs', exact: true });
    await active.waitFor();
    await page.getByRole('row').nth(1).waitFor();
    await eventually(() => expect(page.getByRole('link', { name: questionnaire.title }).count()).resolves.toBe(0));
    await page.getByRole('button', { name: 'Archivés', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(questionnaire.title) });
    await row.getByText(/^Archivé le /).waitFor();
    await screenshot(page, 'archive-questionnaires-archived');
    await row.getByRole('button', { name: `Restaurer « ${questionnaire.title} »` }).click();

    // Assert: a confirmation, gone from the archived ones, back in the main list
    await page.getByRole('status').getByText(`« ${questionnaire.title} » est restauré`, { exact: false }).waitFor();
    await row.waitFor({ state: 'detached' });
    await active.click();
    await page.getByRole('link', { name: questionnaire.title }).waitFor();
    await screenshot(page, 'archive-questionnaire-restored');
    const { t } = app();
    const read = await t.http().get(`/api/questionnaires/${questionnaire.id}`).set(bearer(t.tokens.admin)).expect(200);
    expect(read.body.archivedAt).toBeNull();
  });

  it("shows an archived plan's page as archived, and an admin restores it there", async () => {
    // Arrange
    const { browser, origin, t } = app();
    await t.http().delete(`/api/plans/${plan.planId}`).set(bearer(t.tokens.admin)).expect(204);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, origin, 'admin@demo.repere.org');

    // Act
    await page.goto(`${origin}/plans/${plan.planId}`);
    const banner = page.getByTestId('archive-banner');
    await banner.getByText(/^Archivé le /).waitFor();
    await eventually(() => expect(page.getByRole('link', { name: 'Modifier', exact: true }).count()).resolves.toBe(0));
    await screenshot(page, 'archive-plan-page');
    await banner.getByRole('button', { name: /^Restaurer/ }).click();

    // Assert: restored, and editable again
    await page.getByRole('status').getByText('Restauré : cet élément figure de nouveau dans les listes', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Modifier', exact: true }).waitFor();
    const read = await t.http().get(`/api/plans/${plan.planId}`).set(bearer(t.tokens.admin)).expect(200);
    expect(read.body.archivedAt).toBeNull();
  });

  it('gives the committee no « Archivés » switch and no « Restaurer »', async () => {
    // Arrange
    const { browser, origin } = app();
    const questionnaire = await archivedQuestionnaire();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, origin, 'comite@demo.repere.org');

    // Act & Assert: the plans and questionnaires lists, then the archived questionnaire's own page
    await page
      .getByRole('link', { name: /Parc-Extension/ })
      .first()
      .waitFor();
    await eventually(() => expect(page.getByRole('button', { name: 'Archivés', exact: true }).count()).resolves.toBe(0));
    await page.goto(`${origin}/questionnaires`);
    await page.getByRole('heading', { name: 'Questionnaires' }).waitFor();
    await page.getByRole('row').nth(1).waitFor();
    await eventually(() => expect(page.getByRole('button', { name: 'Archivés', exact: true }).count()).resolves.toBe(0));
    await page.goto(`${origin}/questionnaires?archived=1`);
    await page.getByRole('row').nth(1).waitFor();
    await eventually(() => expect(page.getByRole('link', { name: questionnaire.title }).count()).resolves.toBe(0));
    await page.goto(`${origin}/questionnaires/${questionnaire.id}`);
    const banner = page.getByTestId('archive-banner');
    await banner.getByText("Seule l'administration peut le restaurer", { exact: false }).waitFor();
    await eventually(() => expect(banner.getByRole('button', { name: /Restaurer/ }).count()).resolves.toBe(0));
  });
});
