import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Browser, Page } from 'playwright-core';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import { indicatorsOf, type EvaluationSnapshot } from '@backend/evaluations/evaluation-snapshot';
import { pdfPageCount, pdfPlainText } from '@backend/reports/render/pdf-text';
import { AGGREGATION_QUEUE, AggregationJob } from '@backend/queue/queues';
import { assertBuilt, Child, startWorkers, stopAll } from '../../backend/test/support/child-processes';
import { DEMO_EVALUATIONS_WAIT_MS, lockDemoEvaluations } from '../../backend/test/support/demo-evaluations';
import { purgeEvaluations } from '../../backend/test/support/fixtures';
import { bearer, type TestApp } from '../../backend/test/support/test-app';
import { waitFor } from '../../backend/test/support/wait-for';
import { eventually, screenshot, useBrowserApp, signIn as signInAs } from './browser';

const PLAN_TITLE = "Plan d'action 2021/2023 — Table de quartier de Parc-Extension";
const RESPONDENTS = 'Nombre de répondants au questionnaire de la Journée de Bienvenue';
const CUTOFF = '2022-12-31';
const SLUG = 'bienvenue-parc-ex';

interface EvaluationBody {
  id: string;
  planId: string;
  kind: string;
  cutoff: string;
  state: string;
  snapshot: EvaluationSnapshot | null;
  assessments: { objectiveId: string; rating: string; comment: string | null; recommendations: string | null }[];
  history: { action: string; userName: string | null }[];
}

interface ProgressItem {
  id: string;
  name: string;
  value: number | null;
  n: number | null;
  status: string;
}

/** How the page writes a figure in French: « 180 réponses » (fr-CA groups thousands with a narrow no-break space). */
const frenchFigure = (value: number, unit: string | null) =>
  `${new Intl.NumberFormat('fr-CA', { maximumFractionDigits: 2 }).format(value)}${unit ? ` ${unit}` : ''}`;

/**
 * Issue #5, « Done when »: the steering committee opens a mid-term evaluation of the Parc-Extension plan, the values
 * are frozen, it assesses an objective, closes the evaluation and downloads its PDF; a response that comes after the
 * cut-off changes the dashboard's figures and not the evaluation's.
 *
 * The background work is the real worker process (the build's dist/workers/src/main.js, as `npm run start:workers`
 * runs it), on this file's own queue prefix (setup/file-prefix.ts): it takes this file's jobs and no other file's.
 * It starts once the page shows the evaluation waiting for its freeze, so that the freezing page is always seen,
 * and then freezes, renders and recomputes as in production; the page learns of it through the API, by polling.
 */
describe('The steering committee evaluates the Parc-Extension plan', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let planId: string;
  let evaluationId: string | undefined;
  const others: string[] = [];
  let responseId: string | undefined;
  let questionnaireId: string;
  // A plan has one evaluation of each kind not closed at a time, and the demo plan is shared with other files: this
  // file holds its turn on the demo plan's evaluations from beforeAll to afterAll (support/demo-evaluations.ts).
  let releaseDemo: (() => Promise<void>) | undefined;
  const activityReports: string[] = [];
  let workers: Promise<Child> | undefined;
  /** The worker process, started on first need (the first test starts it at a chosen moment). */
  const startedWorkers = () => (workers ??= startWorkers('workers', {}));

  // Declared before useBrowserApp's own: Jest runs afterAll hooks in order, and this one needs the app still up.
  // The demo data stays as other files expect it: no extra evaluation (a final would compare with it), no extra
  // response, no extra report.
  afterAll(async () => {
    await page?.close();
    await stopAll();
    const opened = [...others, ...(evaluationId ? [evaluationId] : [])];
    await purgeEvaluations(t.db, opened); // the database keeps evaluations from plain deletes
    await releaseDemo?.();
    if (activityReports.length) await t.db.query('DELETE FROM reports WHERE id = ANY($1)', [activityReports]);
    if (responseId) {
      await t.db.query('DELETE FROM responses WHERE id = $1', [responseId]);
      // Cleanup only: the values as they were, computed here (the workers are gone).
      const aggregation = t.app.get(AggregationService);
      await aggregation.recomputeMany(await aggregation.indicatorsFedBy({ questionnaireId }));
    }
  });
  const app = useBrowserApp();
  const committee = () => bearer(t.tokens.committee);
  const evaluation = async (id: string) =>
    (await t.http().get(`/api/evaluations/${id}`).set(committee()).expect(200)).body as EvaluationBody;
  const progressBody = async (at?: string) =>
    (
      await t
        .http()
        .get(`/api/plans/${planId}/progress`)
        .query(at ? { at } : {})
        .set(committee())
        .expect(200)
    ).body as {
      indicators: ProgressItem[];
      disclosure: { k: number; maxDeviation: number };
    };
  const progress = async (at?: string) => (await progressBody(at)).indicators;
  /** Opened through the API and frozen by the workers, as the page would see it. */
  const openFrozen = async (kind: 'midterm' | 'final', cutoff: string) => {
    const res = await t.http().post(`/api/plans/${planId}/evaluations`).set(committee()).send({ kind, cutoff }).expect(201);
    const id = (res.body as { id: string }).id;
    others.push(id);
    await waitFor(`the ${kind} evaluation to be frozen by the workers`, async () => (await evaluation(id)).state === 'open', {
      timeoutMs: 60_000,
    });
    return id;
  };
  /** The queue's completed recompute of the Welcome Day's questionnaire asked for after `since` (ms). */
  const recomputedSince = async (since: number) => {
    const queue = t.app.get<Queue>(getQueueToken(AGGREGATION_QUEUE));
    const done = await queue.getJobs(['completed'], 0, 100);
    return done.some(
      (job) =>
        job.name === AggregationJob.RecomputeQuestionnaire &&
        (job.data as { questionnaireId: string }).questionnaireId === questionnaireId &&
        job.timestamp >= since,
    );
  };

  beforeAll(async () => {
    assertBuilt();
    ({ t, browser, origin } = app());
    releaseDemo = await lockDemoEvaluations(t.db);
    const plans = await t.http().get('/api/plans').set(committee()).expect(200);
    planId = (plans.body.items as { id: string; title: string }[]).find((p) => p.title === PLAN_TITLE)!.id;
    [{ id: questionnaireId }] = await t.db.query<{ id: string }[]>('SELECT id FROM questionnaires WHERE slug = $1', [SLUG]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, DEMO_EVALUATIONS_WAIT_MS);

  it('opens a mid-term evaluation, waits for the freeze, assesses, closes, downloads the PDF; a later response leaves it as frozen', async () => {
    // Arrange: the committee member on the plan's evaluations
    await signInAs(page, origin, 'comite@demo.repere.org');
    await page
      .getByRole('link', { name: /Parc-Extension/ })
      .first()
      .click();
    await page.getByRole('heading', { name: PLAN_TITLE }).waitFor();
    await page.getByRole('link', { name: 'Évaluations', exact: true }).click();
    await page.getByRole('heading', { name: 'Ouvrir une évaluation' }).waitFor();

    // Act: a cut-off the API refuses is refused beside its field, before anything is sent
    await page.getByRole('radio', { name: 'À mi-parcours' }).check();
    const cutoff = page.getByLabel('Date de coupure');
    await cutoff.fill('2021-01-15');
    await page.getByRole('button', { name: "Ouvrir l'évaluation" }).click();
    await page.getByText('La date de coupure ne peut pas être avant le début du plan').waitFor();
    await eventually(() => expect(cutoff.getAttribute('aria-invalid')).resolves.toBe('true'));

    // Act: open it at the end of 2022
    await cutoff.fill(CUTOFF);
    await page.getByRole('button', { name: "Ouvrir l'évaluation" }).click();
    await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
    evaluationId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: 'Évaluation à mi-parcours' }).waitFor();

    // Assert: no worker runs yet on this file's queue prefix, so the page says it is being frozen. Workers of other
    // files recover freezes from the whole database: the row stays locked while the page is looked at, which keeps
    // their freeze (SELECT … FOR UPDATE) waiting and lets the API's reads through.
    const hold = t.db.createQueryRunner();
    await hold.connect();
    await hold.startTransaction();
    try {
      await hold.query('SELECT id FROM evaluations WHERE id = $1 FOR NO KEY UPDATE', [evaluationId]);
      await page.getByText('Gel des valeurs en cours', { exact: true }).waitFor();
      await expect(evaluation(evaluationId)).resolves.toMatchObject({ state: 'freezing', snapshot: null });
      await screenshot(page, 'evaluation-freezing');
    } finally {
      await hold.rollbackTransaction();
      await hold.release();
    }

    // Act: the workers start, and take the freeze the API queued
    await startedWorkers();
    // Assert: the page, asking again, shows the frozen plan
    const orientation4 = page.getByRole('heading', { name: 'Orientation 4 : Obtenir plus de visibilité dans le quartier' });
    await orientation4.waitFor({ timeout: 60_000 });
    const frozen = await evaluation(evaluationId);
    expect(frozen).toMatchObject({ planId, kind: 'midterm', cutoff: CUTOFF, state: 'open' });
    const respondents = indicatorsOf(frozen.snapshot!).find((i) => i.name === RESPONDENTS)!;
    // What the dashboard gave at the cut-off: the 180 responses of the 2021 and 2022 Welcome Days, as published
    // (perturbed by at most D: the disclosure control), read through the API as the committee reads it.
    const atCutoff = await progressBody(CUTOFF);
    const published = atCutoff.indicators.find((i) => i.id === respondents.id)!;
    expect(Math.abs(published.value! - 180)).toBeLessThanOrEqual(atCutoff.disclosure.maxDeviation);
    expect(respondents).toMatchObject({ value: published.value, n: published.n, status: published.status });
    const objective = page.getByRole('region', { name: /^Objectif 4\.1 — / });
    const respondentsRow = objective.getByRole('row').filter({ hasText: RESPONDENTS });
    await respondentsRow.getByText(frenchFigure(published.value!, respondents.unit), { exact: true }).waitFor();
    await respondentsRow.getByText(`n = ${published.n}`).waitFor();
    // Who opened it, from the history.
    await page
      .getByRole('definition')
      .filter({ hasText: /par Comité de pilotage \(démo\)$/ })
      .first()
      .waitFor();

    // Act: the committee's assessment of objective 4.1
    await objective.getByRole('radio', { name: 'En bonne voie' }).check();
    await objective.getByLabel('Commentaire').fill('La Journée de Bienvenue rejoint de plus en plus de familles.');
    await objective.getByLabel('Recommandations').fill('Traduire le questionnaire en ourdou.');
    await objective.getByRole('button', { name: "Enregistrer l'appréciation" }).click();
    await objective.getByText('Appréciation enregistrée.').waitFor();
    await page.getByRole('cell', { name: "Appréciation de l'objectif 4.1 : En bonne voie" }).waitFor();
    await screenshot(page, 'evaluation');
    const objectiveId = frozen.snapshot!.orientations.flatMap((o) => o.objectives).find((o) => o.code === '4.1')!.id;
    expect((await evaluation(evaluationId)).assessments).toEqual([
      expect.objectContaining({
        objectiveId,
        rating: 'on_track',
        comment: 'La Journée de Bienvenue rejoint de plus en plus de familles.',
        recommendations: 'Traduire le questionnaire en ourdou.',
      }),
    ]);

    // Act: close it, after the confirmation
    await page.getByRole('button', { name: "Clôturer l'évaluation" }).click();
    const dialog = page.getByRole('dialog', { name: "Clôturer l'évaluation ?" });
    await dialog.getByText(/objectifs n'ont pas encore d'appréciation/).waitFor();
    await dialog.getByRole('button', { name: 'Confirmer la clôture' }).click();
    await page.getByText('Cette évaluation est clôturée : elle est en lecture seule.').waitFor();

    // Assert: read-only, with its history
    await objective.getByText('Traduire le questionnaire en ourdou.').waitFor();
    await eventually(() => expect(objective.getByRole('radio').count()).resolves.toBe(0));
    await eventually(() => expect(page.getByRole('button', { name: "Clôturer l'évaluation" }).count()).resolves.toBe(0));
    await page.getByRole('cell', { name: "Clôture de l'évaluation" }).waitFor();
    const closed = await evaluation(evaluationId);
    expect(closed.state).toBe('closed');
    expect(closed.history.map((h) => h.action)).toEqual(['opened', 'frozen', 'assessed', 'closed']);

    // Act: the PDF report, in French: asked for, followed while the workers render it, then downloaded
    await page.getByRole('button', { name: 'PDF', exact: true }).click();
    const download = page.getByRole('link', { name: 'Télécharger le rapport PDF (français)' });
    await download.waitFor({ timeout: 60_000 });
    const reports = await t.db.query<{ state: string }[]>(
      `SELECT state FROM reports WHERE evaluation_id = $1 AND format = 'pdf' AND language = 'fr'`,
      [evaluationId],
    );
    expect(reports).toEqual([{ state: 'ready' }]);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);

    // Assert: a PDF with pages, about this plan
    expect(file.suggestedFilename()).toMatch(/^evaluation-mi-parcours-.*-2022-12-31\.pdf$/);
    const pdf = await readFile(await file.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/Type \/Page\b(?!s)/);
    expect(pdfPageCount(pdf)).toBeGreaterThan(0);
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(squeeze(pdfPlainText(pdf))).toContain(squeeze(PLAN_TITLE));
    await screenshot(page, 'evaluation-closed');

    // Act: a resident answers after the cut-off, and the values are computed again
    const before = (await progress()).find((i) => i.id === respondents.id)!;
    const questionnaire = (await t.http().get(`/api/public/questionnaires/${SLUG}?lang=fr`).expect(200)).body as { version: number };
    const answers = [
      { questionId: '6b1f5a0e-0001-4c00-8000-000000000001', value: 'poster' },
      { questionId: '6b1f5a0e-0001-4c00-8000-000000000002', value: false },
      { questionId: '6b1f5a0e-0001-4c00-8000-000000000003', value: true },
      { questionId: '6b1f5a0e-0001-4c00-8000-000000000005', value: 5 },
    ];
    const postedAt = Date.now();
    const posted = await t
      .http()
      .post(`/api/public/questionnaires/${SLUG}/responses`)
      .set('Idempotency-Key', randomUUID())
      .send({ language: 'fr', version: questionnaire.version, answers });
    expect(posted.status).toBe(201);
    responseId = (posted.body as { id: string }).id;
    // The API asks the workers for the recompute (within half a second), and they run it.
    await waitFor("the workers' recompute of the Welcome Day's indicators", () => recomputedSince(postedAt), { timeoutMs: 60_000 });

    // Assert: the response is stored, but the plan ended on 2023-12-31 and only its data period counts: the dashboard's
    // figure did not move (one-truth.e2e-spec.ts shows a widened period counting later data); neither did the evaluation,
    // its page or its snapshot.
    const after = (await progress()).find((i) => i.id === respondents.id)!;
    expect(await t.db.query('SELECT 1 FROM responses WHERE id = $1', [responseId])).toHaveLength(1);
    expect(after.value).toBe(before.value);
    expect((await evaluation(evaluationId)).snapshot).toEqual(frozen.snapshot);
    await page.reload();
    await page.getByText('Cette évaluation est clôturée : elle est en lecture seule.').waitFor();
    await respondentsRow.getByText(frenchFigure(published.value!, respondents.unit), { exact: true }).waitFor();
  }, 180_000);

  it('shows a final beside its mid-term: baseline → mid-term → final, in French and in English', async () => {
    // Arrange: a mid-term at the end of 2022 and a final at the plan's end, opened through the API and frozen
    await startedWorkers();
    await openFrozen('midterm', CUTOFF);
    const final = await openFrozen('final', '2023-12-31');

    // Act: from the plan's list of evaluations, newest first
    await page.goto(`${origin}/plans/${planId}/evaluations`);
    const rows = page.getByRole('table').getByRole('row');
    await eventually(() => expect(rows.nth(1).innerText()).resolves.toMatch(/^Finale au 31 décembre 2023\s+✎ Ouverte/));
    await rows.filter({ hasText: 'Clôturée' }).first().waitFor();
    await screenshot(page, 'evaluations');
    // The newest row: the demo has a final at the same cut-off of its own (demo/parc-ex-evaluations.ts).
    await rows.nth(1).getByRole('link', { name: 'Finale au 31 décembre 2023' }).click();
    await page.waitForURL(`${origin}/evaluations/${final}`);

    // Assert: the respondents went from 0 (baseline) to 180 (mid-term) to 300 (final), as published (within ±D of
    // the true counts: the figures the committee reads through the API)
    const atMidterm = await progressBody(CUTOFF);
    const atEnd = await progressBody('2023-12-31');
    const published = (body: { indicators: ProgressItem[] }) => body.indicators.find((i) => i.name === RESPONDENTS)!;
    const [midtermValue, finalValue] = [published(atMidterm), published(atEnd)];
    expect(Math.abs(midtermValue.value! - 180)).toBeLessThanOrEqual(atMidterm.disclosure.maxDeviation);
    expect(Math.abs(finalValue.value! - 300)).toBeLessThanOrEqual(atEnd.disclosure.maxDeviation);
    await page.getByRole('heading', { name: 'Évaluation finale' }).waitFor();
    const objective = page.getByRole('region', { name: /^Objectif 4\.1 — / });
    await objective.getByRole('columnheader', { name: 'Mi-parcours (31 décembre 2022)' }).waitFor();
    await objective.getByRole('columnheader', { name: 'Finale (31 décembre 2023)' }).waitFor();
    const row = objective.getByRole('row').filter({ hasText: RESPONDENTS });
    const cells = row.getByRole('cell');
    await eventually(() => expect(cells.nth(0).innerText()).resolves.toMatch(/^0 réponses/));
    await eventually(() =>
      expect(cells.nth(1).innerText()).resolves.toMatch(new RegExp(`^${midtermValue.value} réponses\\s+n = ${midtermValue.n}`)),
    );
    await eventually(() =>
      expect(cells.nth(2).innerText()).resolves.toMatch(new RegExp(`^${finalValue.value} réponses\\s+n = ${finalValue.n}`)),
    );
    await page.getByRole('link', { name: "l'évaluation à mi-parcours au 31 décembre 2022" }).waitFor();
    await screenshot(page, 'evaluation-final');

    // And in English
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Final evaluation' }).waitFor();
    await page
      .getByRole('region', { name: /^Objective 4\.1 — / })
      .getByRole('columnheader', { name: 'Mid-term (December 31, 2022)' })
      .waitFor();
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Évaluation finale' }).waitFor();
  });

  it("prepares the plan's annual activity report, follows it and downloads the PDF", async () => {
    // Arrange
    await startedWorkers();
    const asked = Date.now();
    await page.goto(`${origin}/plans/${planId}/evaluations`);
    const panel = page.getByRole('region', { name: 'Rapport d’activité annuel' });
    await panel.getByLabel('Année').selectOption('2022');

    // Act: asked for, rendered by the workers, then offered
    await panel.getByRole('button', { name: 'Préparer le rapport d’activité (PDF)' }).click();
    const download = panel.getByRole('link', { name: 'Télécharger le rapport PDF (français)' });
    await download.waitFor({ timeout: 60_000 });
    const reports = await t.db.query<{ id: string; state: string }[]>(
      `SELECT id, state FROM reports WHERE plan_id = $1 AND kind = 'activity' AND year = 2022 AND created_at >= $2`,
      [planId, new Date(asked)],
    );
    activityReports.push(...reports.map((r) => r.id));
    expect(reports).toEqual([{ id: expect.any(String), state: 'ready' }]);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);

    // Assert: a PDF with pages, about this plan
    const pdf = await readFile(await file.path());
    expect(pdfPageCount(pdf)).toBeGreaterThan(0);
    expect(pdfPlainText(pdf).replace(/\s+/g, '')).toContain(PLAN_TITLE.replace(/\s+/g, ''));
  });
});
