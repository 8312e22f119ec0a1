import { Browser, Page } from 'playwright-core';
import { EvaluationFreezerService } from '@backend/evaluations/evaluation-freezer.service';
import { indicatorsOf, type EvaluationSnapshot } from '@backend/evaluations/evaluation-snapshot';
import { DEMO_EVALUATIONS_WAIT_MS, lockDemoEvaluations } from '../../backend/test/support/demo-evaluations';
import { purge, purgeEvaluations } from '../../backend/test/support/fixtures';
import { bearer, type TestApp } from '../../backend/test/support/test-app';
import { eventually, screenshot, useBrowserApp, signIn as signInAs } from './browser';

const PLAN_TITLE = "Plan d'action 2021/2023 — Table de quartier de Parc-Extension";
const KNOWS = 'Part des nouveaux résidents qui connaissent la Table';
const MIDTERM = '2022-09-29';

/** How the pages write a figure in French (fr-CA: decimal comma, narrow no-break space before %). */
const frenchNumber = (value: number) => new Intl.NumberFormat('fr-CA', { maximumFractionDigits: 2 }).format(value);

/**
 * Issue « One truth », in a browser: the committee's dashboard moved to the mid-term date shows the same figure, n and
 * period as the mid-term evaluation cut off that day, the period said to be partial; today, after the plan's end,
 * the dashboard says which dates counted and gives final statuses with how far from the target each one ended.
 */
describe('The dashboard and the evaluation give one figure for one date', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let planId: string;
  let evaluationId: string | undefined;

  let ownPlanId: string | undefined;

  afterAll(async () => {
    await page?.close();
    // The demo plan is shared: the evaluation this file opened goes, and so does the plan it made.
    // The database keeps evaluations and plans' history from plain deletes: test cleanup purges them.
    if (evaluationId) await purgeEvaluations(t.db, [evaluationId]);
    if (ownPlanId) await purge(t.db, 'plans', ownPlanId);
  });
  const app = useBrowserApp();
  const committee = () => bearer(t.tokens.committee);

  beforeAll(async () => {
    ({ t, browser, origin } = app());
    const plans = await t.http().get('/api/plans').set(committee()).expect(200);
    planId = (plans.body.items as { id: string; title: string }[]).find((p) => p.title === PLAN_TITLE)!.id;
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  it(
    'shows at the mid-term date the figure of the mid-term evaluation, with its period said to be partial',
    async () => {
      // Arrange: the mid-term evaluation cut off at the plan's mid-term date, frozen as the workers freeze it. A plan has
      // one evaluation of each kind not closed at a time, and the demo plan is shared with other files: this test's turn
      // on its evaluations, until the evaluation is purged (support/demo-evaluations.ts).
      const release = await lockDemoEvaluations(t.db);
      try {
        const opened = await t
          .http()
          .post(`/api/plans/${planId}/evaluations`)
          .set(committee())
          .send({ kind: 'midterm', cutoff: MIDTERM })
          .expect(201);
        evaluationId = (opened.body as { id: string }).id;
        await expect(t.app.get(EvaluationFreezerService).freeze(evaluationId)).resolves.toMatch(/^(frozen|already_frozen)$/);
        const snapshot = (
          (await t.http().get(`/api/evaluations/${evaluationId}`).set(committee()).expect(200)).body as { snapshot: EvaluationSnapshot }
        ).snapshot;
        const frozen = indicatorsOf(snapshot).find((i) => i.name.startsWith(KNOWS))!;
        expect(frozen).toMatchObject({ period: '2022-01-01', periodEnd: MIDTERM, partial: true });
        const figure = frenchNumber(frozen.value!);

        // Act: the committee opens the plan's dashboard and moves it to the mid-term
        await signInAs(page, origin, 'comite@demo.repere.org');
        await page.goto(`${origin}/plans/${planId}/dashboard`);
        await page.getByRole('button', { name: 'Mi-parcours' }).click();
        await page.getByRole('button', { name: 'Mi-parcours', pressed: true }).waitFor();
        const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: new RegExp(`^${KNOWS}`) }) });

        // Assert: the same value, n and period as the evaluation
        await row.getByText("2022, jusqu'au 29 sept.", { exact: true }).waitFor();
        await eventually(() => expect(row.innerText()).resolves.toContain(figure));
        await eventually(() => expect(row.innerText()).resolves.toMatch(new RegExp(`n\\s+${frozen.n}\\b`)));
        await screenshot(page, 'dashboard-midterm');

        // Act: the evaluation itself
        await page.goto(`${origin}/evaluations/${evaluationId}`);
        const evaluationRow = page.getByRole('row').filter({ hasText: KNOWS });
        await evaluationRow.first().waitFor();

        // Assert
        await eventually(() => expect(evaluationRow.first().innerText()).resolves.toContain(figure));
        await eventually(() => expect(evaluationRow.first().innerText()).resolves.toContain(`n = ${frozen.n}`));
        await eventually(() => expect(evaluationRow.first().innerText()).resolves.toContain("2022, jusqu'au 29 sept."));
        await screenshot(page, 'evaluation-midterm-partial');
      } finally {
        if (evaluationId) await purgeEvaluations(t.db, [evaluationId]);
        evaluationId = undefined;
        await release();
      }
    },
    DEMO_EVALUATIONS_WAIT_MS,
  );

  it('says after the end which dates counted, and whether each target was reached and by how much', async () => {
    // Arrange: today's figures, as the API gives them
    const today = (await t.http().get(`/api/plans/${planId}/progress`).set(committee()).expect(200)).body as {
      ended: boolean;
      indicators: { name: string; value: number | null; finalTarget: number | null; status: string }[];
    };
    const knows = today.indicators.find((i) => i.name.startsWith(KNOWS))!;
    expect([today.ended, knows.status]).toEqual([true, 'not_achieved']);

    // Act
    await page.goto(`${origin}/plans/${planId}/dashboard`);
    const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: new RegExp(`^${KNOWS}`) }) });

    // Assert
    await page.getByText(/^Données comptées du 28 juin 2021 au 31 décembre 2023 \(fuseau America\/Toronto\)/).waitFor();
    await page.getByRole('note').filter({ hasText: 'Plan terminé' }).waitFor();
    await row.getByText('Cible non atteinte').first().waitFor();
    // The published share (perturbed counts, so the gap differs run to run), and French's plural: « 1,18 point », « 2,5 points ».
    const gapValue = Math.round(Math.abs(knows.finalTarget! - knows.value!) * 100) / 100;
    const points = new Intl.PluralRules('fr-CA').select(gapValue) === 'one' ? 'point' : 'points';
    await eventually(() =>
      expect(row.locator('.dash-indicator__gap').innerText()).resolves.toContain(`à ${frenchNumber(gapValue)} ${points} de la cible`),
    );
    await eventually(() => expect(page.getByText('En bonne voie', { exact: true }).count()).resolves.toBe(0));
    await screenshot(page, 'dashboard-ended');

    // And in English
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(/^Data counted from June 28, 2021 to December 31, 2023/).waitFor();
    await row.getByText('Not achieved').first().waitFor();
    await page.getByRole('button', { name: 'Français' }).click();
  });

  it("lets an evaluator set a plan's time zone and widen its data period in the plan editor", async () => {
    // Arrange: a plan of this test's own
    const created = await t
      .http()
      .post('/api/plans')
      .set(bearer(t.tokens.evaluator))
      .send({ title: `Plan de Vancouver ${Date.now()}`, startDate: '2024-01-01', endDate: '2024-12-31' })
      .expect(201);
    ownPlanId = (created.body as { id: string }).id;
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await signInAs(page, origin, 'evaluation@demo.repere.org');

    // Act
    await page.goto(`${origin}/workspace/plans/${ownPlanId}`);
    const form = page.getByRole('form', { name: 'Période des données et fuseau horaire' });
    await form.getByLabel('Fuseau horaire').selectOption('America/Vancouver');
    await form.getByLabel("Données comptées jusqu'au").fill('2025-03-31');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').filter({ hasText: 'Période des données et fuseau horaire enregistrés.' }).waitFor();
    await screenshot(page, 'plan-editor-data-period');

    // Assert: what the plan now counts, as the API and the dashboard say it
    const plan = (await t.http().get(`/api/plans/${ownPlanId}`).set(committee()).expect(200)).body;
    expect(plan).toMatchObject({ timeZone: 'America/Vancouver', dataFrom: null, dataUntil: '2025-03-31' });
    await page.goto(`${origin}/plans/${ownPlanId}/dashboard`);
    await page.getByText(/^Données comptées du 1er janvier 2024 au 31 mars 2025 \(fuseau America\/Vancouver\)/).waitFor();
  });
});
