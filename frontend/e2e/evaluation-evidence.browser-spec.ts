import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { EvaluationFreezerService } from '@backend/evaluations/evaluation-freezer.service';
import { todayIn } from '@backend/common/time-zone';
import { Fixtures, fixtures, PlanFixture } from '../../backend/test/support/fixtures';
import { SAMPLE_FILES } from '../../backend/test/support/stored-zip';
import { bearer, type TestApp } from '../../backend/test/support/test-app';
import { expectNoAxeViolations } from './axe';
import { eventually, screenshot, signIn, useBrowserApp } from './browser';

// Issue 19's goal, in Chromium against the real API: « every figure can be traced to its evidence ». A partner
// attaches minutes to its count and a committee member opens them from the evaluation that froze them, and anyone
// goes from a plan dashboard's figure to its file in two clicks: the figure (→ the indicator's page), then the file.

const COMMITTEE = 'comite@demo.repere.org';
const PARTNER = 'partenaire@demo.repere.org';
const ACTIVITY = `Journée de Bienvenue ${randomUUID().slice(0, 8)}`;
const FILE_PATH = /^\/api\/evidence\/[0-9a-f-]{36}\/file$/;

describe('Evidence behind the figures: from an evaluation, and from a dashboard in two clicks', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let fx: Fixtures;
  let plan: PlanFixture;
  const title = `Compte rendu de la Journée de Bienvenue ${randomUUID().slice(0, 8)}`;

  // Declared before useBrowserApp's, so that it runs before the app is closed.
  afterAll(async () => {
    await fx?.cleanup();
  });
  const app = useBrowserApp();
  beforeAll(async () => {
    ({ t, browser, origin } = app());
    fx = fixtures(t);
    // A plan of the demo partner's organization, whose indicator counts the participants of its instrument, and one
    // count the partner recorded; the partner attaches its minutes in the first test.
    plan = await fx.plan();
    const admin = bearer(t.tokens.admin);
    const [{ organization_id: organizationId }] = await t.db.query<{ organization_id: string }[]>(
      'SELECT organization_id FROM users WHERE email = $1',
      [PARTNER],
    );
    await t.http().patch(`/api/plans/${plan.planId}`).set(admin).send({ ownerOrganizationId: organizationId }).expect(200);
    await t
      .http()
      .patch(`/api/indicators/${plan.indicatorId}`)
      .set(admin)
      .send({ kind: 'participation_sum', status: 'active', source: { instrumentIds: [plan.instrumentId] }, finalTarget: 100 })
      .expect(200);
    await t
      .http()
      .post('/api/participation-counts')
      .set(bearer(t.tokens.partner))
      .set('Idempotency-Key', randomUUID())
      .send({ instrumentId: plan.instrumentId, activity: ACTIVITY, date: '2024-08-17', total: 40 })
      .expect(201);
  });
  beforeEach(async () => {
    // bypassCSP: axe-core is injected as an inline script, which the app's Content-Security-Policy refuses.
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  });
  afterEach(async () => {
    await page.close();
  });

  /** Clicks the file's title and checks what opened: a tab of its own, from the PDF the API served with the token. */
  async function opensThePdf(list: ReturnType<Page['getByRole']>): Promise<void> {
    const opener = list.getByRole('button', { name: `${title} (s'ouvre dans un nouvel onglet)` });
    const [tab, file] = await Promise.all([
      page.context().waitForEvent('page'),
      page.waitForResponse((response) => FILE_PATH.test(new URL(response.url()).pathname)),
      opener.click(),
    ]);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    await eventually(() => expect(Promise.resolve(tab.url())).resolves.toMatch(/^blob:/));
    await tab.close();
  }

  it('a partner attaches minutes to its count, and the committee opens them from the evaluation', async () => {
    // Arrange: the partner, on the participation page, attaches the minutes of its count
    await signIn(page, origin, PARTNER);
    await page.goto(`${origin}/participation?planId=${plan.planId}&instrumentId=${plan.instrumentId}`);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: ACTIVITY }) });
    await row.getByRole('button', { name: new RegExp(`^Pièces — décompte « ${ACTIVITY} »`) }).click();
    const panel = page.getByRole('group', { name: new RegExp(`^Pièces justificatives — ${ACTIVITY}`) });
    await panel.getByRole('button', { name: 'Joindre un document' }).click();
    await panel.getByLabel('Fichier').setInputFiles({ name: 'compte-rendu.pdf', mimeType: 'application/pdf', buffer: SAMPLE_FILES.pdf() });
    await panel.getByLabel('Titre').fill(title);
    await panel.getByLabel('Date').fill('2024-08-17');
    await panel.getByRole('button', { name: 'Joindre', exact: true }).click();
    await panel.getByRole('status').getByText(`« ${title} » a été joint.`).waitFor();
    await page.close();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });

    // An evaluation with today's cut-off (in the plan's zone), frozen
    const { timeZone } = (await t.http().get(`/api/plans/${plan.planId}`).set(bearer(t.tokens.admin)).expect(200)).body as {
      timeZone: string;
    };
    const opened = await t
      .http()
      .post(`/api/plans/${plan.planId}/evaluations`)
      .set(bearer(t.tokens.committee))
      .send({ kind: 'midterm', cutoff: todayIn(timeZone) })
      .expect(201);
    const evaluationId = (opened.body as { id: string }).id;
    // The API queued a job too; a worker may freeze it first.
    await expect(t.app.get(EvaluationFreezerService).freeze(evaluationId)).resolves.toMatch(/^(frozen|already_frozen)$/);

    // Act
    await signIn(page, origin, COMMITTEE);
    await page.goto(`${origin}/evaluations/${evaluationId}`);
    const list = page.getByRole('list', { name: 'Pièces justificatives — Indicateur fixture' });
    await list.waitFor();

    // Assert: under the indicator, its title, date and type, and it opens
    await list.getByText(/17 août 2024 · PDF · décompte de participation/).waitFor();
    await opensThePdf(list);
    await screenshot(page, 'evaluation-evidence');
    await expectNoAxeViolations(page, 'the evaluation page, with the evidence under an indicator');

    // The committee saves its assessment, then may put the documents it relied on beside it.
    await page
      .getByRole('radio', { name: /En bonne voie/ })
      .first()
      .check();
    await page.getByRole('button', { name: "Enregistrer l'appréciation" }).first().click();
    const documents = page.locator('details.evidence-disclosure');
    await documents.locator('summary').click();
    await documents.getByRole('button', { name: 'Joindre un document' }).waitFor();
    await expectNoAxeViolations(page, 'the evaluation page, an assessment saved and its documents open');
  });

  it('from the plan dashboard: the figure, then the file — two clicks', async () => {
    // Arrange
    await signIn(page, origin, COMMITTEE);
    await page.goto(`${origin}/plans/${plan.planId}/dashboard`);

    // Act: 1. the figure's indicator
    await page.getByRole('link', { name: 'Indicateur fixture' }).click();
    const section = page.getByRole('region', { name: 'Pièces justificatives' });
    await section.waitFor();

    // Assert: 2. the file
    await section.getByText(/17 août 2024 · PDF · décompte de participation/).waitFor();
    await opensThePdf(section);
    await screenshot(page, 'indicator-evidence');
    await expectNoAxeViolations(page, 'the indicator page, with its evidence');
  });
});
