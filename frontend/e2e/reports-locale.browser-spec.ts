import { readFile } from 'node:fs/promises';
import type { Job } from 'bullmq';
import { Browser, Page } from 'playwright-core';
import { csvConvention, parseCsv, parseCsvNumber } from '@backend/common/csv-convention';
import { PARC_EXTENSION_PLAN } from '@backend/demo/parc-extension-plan';
import { EvaluationFreezerService } from '@backend/evaluations/evaluation-freezer.service';
import type { RenderReportPayload } from '@backend/queue/queues';
import { ReportRenderService } from '@backend/reports/report-render.service';
import { ReportProcessor } from '../../workers/src/reports/report.processor';
import { DEMO_EVALUATIONS_WAIT_MS, lockDemoEvaluations } from '../../backend/test/support/demo-evaluations';
import { purgeEvaluations } from '../../backend/test/support/fixtures';
import { bearer, type TestApp } from '../../backend/test/support/test-app';
import { waitFor } from '../../backend/test/support/wait-for';
import { eventually, screenshot, useBrowserApp, signIn as signInAs } from './browser';
import { expectNoAxeViolations } from './axe';

// Issue 18: reports a French office opens (the CSV in the reader's convention), API errors in the user's language, the
// QR code on direct loads, and the rough edges (the menu at 1366 px, the annual report's dropdowns, the poster's link).

const SLUG = 'bienvenue-parc-ex';

describe('Reports in the reader’s convention, errors in the user’s language, the QR code and the rough edges', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let planId: string;

  const app = useBrowserApp();
  beforeAll(async () => {
    ({ t, browser, origin } = app());
    [{ id: planId }] = await t.db.query<{ id: string }[]>('SELECT id FROM plans WHERE title = $1', [PARC_EXTENSION_PLAN.title]);
  });
  beforeEach(async () => {
    // bypassCSP: axe-core is injected as an inline script, which the app's Content-Security-Policy refuses.
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, bypassCSP: true, acceptDownloads: true });
  });
  afterEach(async () => {
    await page.close();
  });

  const signIn = (email: string) => signInAs(page, origin, email);

  it(
    'downloads the French CSV of an evaluation, which opens as columns with decimal commas',
    async () => {
      // Arrange: a frozen mid-term evaluation of the demo plan (its turn on the demo plan's evaluations held meanwhile)
      const release = await lockDemoEvaluations(t.db);
      const opened: string[] = [];
      try {
        const [{ midterm_date: cutoff }] = await t.db.query<{ midterm_date: string }[]>(
          'SELECT midterm_date::text FROM plans WHERE id = $1',
          [planId],
        );
        const res = await t
          .http()
          .post(`/api/plans/${planId}/evaluations`)
          .set(bearer(t.tokens.committee))
          .send({ kind: 'midterm', cutoff })
          .expect(201);
        const evaluationId = (res.body as { id: string }).id;
        opened.push(evaluationId);
        // No worker runs on this file's queue prefix: the freeze and the report are this file's own calls.
        await expect(t.app.get(EvaluationFreezerService).freeze(evaluationId)).resolves.toBe('frozen');
        await signIn('comite@demo.repere.org');
        await page.goto(`${origin}/evaluations/${evaluationId}`);

        // Act: the CSV in French asked for in the page, rendered as the worker does, then downloaded
        await page.getByRole('button', { name: 'CSV', exact: true }).click();
        let reportId: string | undefined;
        await waitFor(
          'the CSV report to be asked for',
          async () => {
            const rows = await t.db.query<{ id: string }[]>(
              `SELECT id FROM reports WHERE evaluation_id = $1 AND format = 'csv' AND language = 'fr'`,
              [evaluationId],
            );
            reportId = rows[0]?.id;
            return Boolean(reportId);
          },
          { timeoutMs: 30_000 },
        );
        const job = {
          name: 'render-report',
          data: { reportId },
          attemptsMade: 0,
          opts: { attempts: 3 },
          updateProgress: async () => undefined,
        } as unknown as Job<RenderReportPayload>;
        await new ReportProcessor(t.app.get(ReportRenderService)).process(job);
        const link = page.getByRole('link', { name: 'Télécharger le rapport CSV (français)' });
        await link.waitFor({ timeout: 30_000 });
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);

        // Assert: UTF-8 with a BOM, « ; » between columns, figures with a decimal comma
        const bytes = await readFile(await download.path());
        expect(download.suggestedFilename()).toMatch(/\.csv$/);
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const fr = csvConvention('fr');
        const [header, ...rows] = parseCsv(bytes.toString('utf8'), fr);
        expect(header.slice(0, 5)).toEqual(['Section', 'Orientation', 'Code objectif', 'Objectif', 'Indicateur']);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) expect(row).toHaveLength(header.length);
        const figures = rows
          .filter((r) => r[0] === 'Série')
          .flatMap((r) => [r[header.indexOf('Valeur')], r[header.indexOf('Valeur cumulée')]])
          .filter((v) => v !== undefined && v !== '' && v !== 'supprimé');
        expect(figures.length).toBeGreaterThan(0);
        for (const figure of figures) {
          expect(figure).not.toContain('.');
          expect(parseCsvNumber(figure, fr)).not.toBeNaN();
        }
      } finally {
        // The page first, so that nothing asks for another report of the evaluation while it is purged.
        await page.close();
        await purgeEvaluations(t.db, opened);
        await release();
      }
    },
    DEMO_EVALUATIONS_WAIT_MS,
  );

  it('says a refused sign-in in the language of the page, French then English', async () => {
    // Arrange
    await page.goto(`${origin}/login`);
    await page.getByLabel('Courriel').fill('comite@demo.repere.org');
    await page.getByLabel('Mot de passe').fill('not-the-password');
    // Act
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // Assert
    await page.getByRole('alert').getByText('Adresse courriel ou mot de passe incorrect.').waitFor();
    await eventually(() => expect(page.getByText('Email or password is incorrect.').count()).resolves.toBe(0));
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Email').fill('comite@demo.repere.org');
    await page.getByLabel('Password').fill('still-not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Email or password is incorrect.').waitFor();
    await page.getByRole('button', { name: 'Français' }).click();
  });

  it('shows the QR code on every direct load of the poster and of the questionnaire’s page', async () => {
    // Arrange
    const [{ id }] = await t.db.query<{ id: string }[]>('SELECT id FROM questionnaires WHERE slug = $1', [SLUG]);
    await signIn('evaluation@demo.repere.org');
    // The image decoded (not only its element there); on failure, what the page showed instead (an alert, no image).
    const shown = (selector: string) =>
      eventually(
        () =>
          expect(
            page.evaluate((s) => {
              const img = document.querySelector<HTMLImageElement>(s);
              if (img && img.complete && img.naturalWidth > 0) return 'shown';
              const alert = document.querySelector('[role="alert"]')?.textContent ?? '';
              return `not shown: img=${img ? `${img.src} complete=${img.complete}` : 'none'} alert=${alert}`;
            }, selector),
          ).resolves.toBe('shown'),
        30_000,
      );
    // Act / Assert: each page typed in the address bar, ten times
    for (let load = 0; load < 10; load += 1) {
      await page.goto(`${origin}/workspace/questionnaires/${id}/qr`);
      await shown('img.qr-print__code');
      await page.goto(`${origin}/questionnaires/${id}`);
      await page.getByRole('img', { name: new RegExp(`Code QR du lien .*/q/${SLUG}`) }).waitFor();
      await shown('img[alt^="Code QR"]');
    }
    await page.goto(`${origin}/workspace/questionnaires/${id}/qr?lang=ar`);
    await shown('img.qr-print__code');
    await screenshot(page, 'qr-poster');
    await expectNoAxeViolations(page, 'qr-poster');
  });

  it('breaks the poster’s link at a slash, never inside a word, on a wide screen and on a phone', async () => {
    // Arrange
    const [{ id }] = await t.db.query<{ id: string }[]>('SELECT id FROM questionnaires WHERE slug = $1', [SLUG]);
    await signIn('evaluation@demo.repere.org');
    for (const width of [1366, 360]) {
      // Act
      await page.setViewportSize({ width, height: 740 });
      await page.goto(`${origin}/workspace/questionnaires/${id}/qr?lang=ar`);
      const url = page.getByTestId('qr-url');
      await eventually(() => expect(url.innerText()).resolves.toMatch(new RegExp(`/q/${SLUG}\\?lang=ar$`)));
      // Assert: where a line ends, the character before is a « / », or the next one a « ? »
      const breaks = await url.evaluate((element) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        const chars: { char: string; top: number }[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (let i = 0; i < text.length; i += 1) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (rect) chars.push({ char: text[i] ?? '', top: Math.round(rect.top) });
          }
        }
        const found: string[] = [];
        for (let i = 1; i < chars.length; i += 1)
          if (chars[i]!.top > chars[i - 1]!.top + 2) found.push(`${chars[i - 1]!.char}|${chars[i]!.char}`);
        return found;
      });
      if (width === 360) expect(breaks.length).toBeGreaterThan(0);
      for (const at of breaks) expect({ width, at }).toEqual({ width, at: expect.stringMatching(/^\/\||\|\?$/) });
    }
    await screenshot(page, 'qr-poster-narrow');
  });

  it('keeps the menu on one line at 1366 px, for the role with the most entries', async () => {
    // Arrange / Act
    await signIn('admin@demo.repere.org');
    await page.goto(`${origin}/plans`);
    await page.getByRole('heading', { name: 'Plans', level: 1 }).waitFor();
    // Assert: every entry of the menu on the same line, none cut off
    const nav = page.getByRole('navigation', { name: /menu|navigation/i }).first();
    const boxes = await nav.getByRole('listitem').evaluateAll((items) =>
      items.map((item) => {
        const r = item.getBoundingClientRect();
        return { top: Math.round(r.top), right: Math.round(r.right) };
      }),
    );
    expect(boxes.length).toBeGreaterThan(5);
    expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
    for (const b of boxes) expect(b.right).toBeLessThanOrEqual(1366);
    await screenshot(page, 'menu-1366');
    await expectNoAxeViolations(page, 'menu-1366');
  });

  it('lines the workspace cards up: « Plans » starts level with the others', async () => {
    // Arrange / Act
    await signIn('evaluation@demo.repere.org');
    await page.goto(`${origin}/workspace`);
    await page.getByRole('heading', { name: 'Plans', level: 2 }).waitFor();
    // Assert: the cards of the first row share their top
    const tops = await page.locator('.ws-hub > .card').evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().top)));
    expect(tops.length).toBeGreaterThan(2);
    const firstRow = tops.filter((top) => top < tops[0] + 100);
    expect(firstRow.length).toBeGreaterThan(1);
    expect(new Set(firstRow).size).toBe(1);
    await screenshot(page, 'workspace-hub-1366');
  });

  it('styles the annual report form’s dropdowns like the other fields', async () => {
    // Arrange / Act
    await signIn('comite@demo.repere.org');
    await page.goto(`${origin}/plans/${planId}/evaluations`);
    const panel = page.getByRole('region', { name: 'Rapport d’activité annuel' });
    await panel.getByLabel('Année').waitFor();
    // Assert: a visible border and the height of a text field, not the browser's bare control
    const style = await panel.getByLabel('Année').evaluate((select) => {
      const s = getComputedStyle(select);
      return { border: s.borderTopWidth, height: select.getBoundingClientRect().height, radius: s.borderTopLeftRadius };
    });
    expect(style.border).toBe('2px');
    expect(style.height).toBeGreaterThanOrEqual(44);
    expect(style.radius).not.toBe('0px');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'report-form');
    await expectNoAxeViolations(page, 'report-form');
  });
});
