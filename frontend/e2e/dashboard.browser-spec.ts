import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { bearer, type TestApp } from '../../backend/test/support/test-app';
import { eventually, screenshot, useBrowserApp, signIn as signInAs } from './browser';

interface ProgressItem {
  id: string;
  name: string;
  status: string;
  value: number | null;
}
interface ValueCell {
  period: string;
  category?: string;
  value: number | null;
  suppressed: boolean;
  cumulativeValue: number | null;
}

const fr = JSON.parse(readFileSync(resolve(__dirname, '../src/i18n/fr.json'), 'utf8')) as {
  dashboard: { status: Record<string, string>; suppressed: string };
  adsCategory: Record<string, Record<string, string>>;
};

const RESPONDENTS = 'Nombre de répondants au questionnaire de la Journée de Bienvenue';
/** The colour of an indicator's series (lib/charts.ts SERIES_COLOR) and of the first ADS+ category. */
const SERIES_RGB: [number, number, number] = [11, 92, 173];
/** The hatching of a suppressed cell: rgba(77, 86, 97, 0.6). */
const HATCH_RGB: [number, number, number] = [77, 86, 97];
const OPAQUE: [number, number] = [200, 255];
const TRANSLUCENT: [number, number] = [40, 199];

/**
 * How many pixels of each drawn chart are close to a colour, within an opacity range: a chart that drew no
 * data has none. The canvas itself is transparent (the white is the page's), so the hatching of suppressed
 * cells, drawn at 60 % opacity, is told apart from opaque lines, bars and text by its alpha.
 */
function pixelsOf(
  page: Page,
  [r, g, b]: [number, number, number],
  tolerance: number,
  [minAlpha, maxAlpha]: [number, number],
): Promise<number[]> {
  return page.$$eval(
    'canvas[data-chart="drawn"]',
    (canvases, [cr, cg, cb, tol, lo, hi]) =>
      canvases.map((canvas) => {
        const context = (canvas as HTMLCanvasElement).getContext('2d');
        if (!context) return 0;
        const { data } = context.getImageData(0, 0, (canvas as HTMLCanvasElement).width, (canvas as HTMLCanvasElement).height);
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (
            data[i + 3] >= lo &&
            data[i + 3] <= hi &&
            Math.abs(data[i] - cr) <= tol &&
            Math.abs(data[i + 1] - cg) <= tol &&
            Math.abs(data[i + 2] - cb) <= tol
          )
            count += 1;
        }
        return count;
      }),
    [r, g, b, tolerance, minAlpha, maxAlpha] as const,
  );
}

const quarterLabel = (period: string): string => {
  const [year, month] = period.split('-').map(Number);
  return `T${Math.floor((month - 1) / 3) + 1} ${year}`;
};

describe('The steering committee reads the dashboards', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let planId: string;
  let progress: ProgressItem[];
  /** k of the disclosure control (the legend says it). */
  let k: number;

  const app = useBrowserApp();
  beforeAll(async () => {
    ({ t, browser, origin } = app());
    const plans = await t.http().get('/api/plans').set(bearer(t.tokens.committee)).expect(200);
    planId = (plans.body.items as { id: string; title: string }[]).find((p) => p.title.includes('Parc-Extension'))!.id;
    // Today in the plan's time zone, as the dashboard shows it first.
    const res = await t.http().get(`/api/plans/${planId}/progress`).set(bearer(t.tokens.committee)).expect(200);
    progress = res.body.indicators as ProgressItem[];
    k = (res.body.disclosure as { k: number }).k;
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => {
    await page.close();
  });

  const signIn = (email = 'comite@demo.repere.org') => signInAs(page, origin, email);
  const overviewReady = () => page.waitForFunction(() => performance.getEntriesByName('repere:plan-dashboard:ready').length > 0);

  it('opens the Parc-Extension overview from the plan page, every indicator with its status in words', async () => {
    await signIn();
    await page
      .getByRole('link', { name: /Parc-Extension/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /Obtenir plus de visibilité/ }).waitFor();

    // In-app navigation: from the click to the figures on screen.
    await page.evaluate(() => performance.mark('test:open-dashboard'));
    await page.getByRole('link', { name: 'Tableau de bord du plan' }).click();
    await overviewReady();
    const afterClick = await page.evaluate(
      () => performance.measure('overview', 'test:open-dashboard', 'repere:plan-dashboard:ready').duration,
    );

    // A cold load of the page's address: scripts, session, tree and progress.
    await page.goto(`${origin}/plans/${planId}/dashboard`);
    await overviewReady();
    const coldLoad = await page.evaluate(() => performance.getEntriesByName('repere:plan-dashboard:ready')[0]!.startTime);
    console.log(
      `Plan overview (${progress.length} indicators): ${afterClick.toFixed(0)} ms after the click from the plan page; ` +
        `${coldLoad.toFixed(0)} ms from navigation start on a cold load of its address.`,
    );

    await page.getByRole('heading', { name: "En un coup d'œil" }).waitFor();
    expect(progress.some((i) => i.value !== null)).toBe(true);
    for (const indicator of progress) {
      const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: indicator.name, exact: true }) });
      await eventually(() => expect(row.getByText(fr.dashboard.status[indicator.status]!).count()).resolves.toBe(1));
    }
    for (const [status, label] of Object.entries(fr.dashboard.status)) {
      const count = progress.filter((i) => i.status === status).length;
      await page.getByRole('button', { name: new RegExp(`^${count}\\D.*${label}$`) }).waitFor();
    }
    // The 300 Welcome Day responses, as published (perturbed by at most D): the figure the committee reads from the API.
    const respondents = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: RESPONDENTS }) });
    await respondents
      .getByText(`${progress.find((i) => i.name === RESPONDENTS)!.value} réponses`)
      .first()
      .waitFor();
    await screenshot(page, 'dashboard-overview');

    // Hiding the indicators without data leaves only the measured ones.
    await page.getByRole('button', { name: new RegExp(fr.dashboard.status.no_data!) }).click();
    await eventually(() =>
      expect(page.locator('.dash-indicator').count()).resolves.toBe(progress.filter((i) => i.status !== 'no_data').length),
    );
  });

  it("draws an indicator's series and its ADS+ breakdowns, shows suppressed cells as suppressed, and copies a table", async () => {
    const indicator = progress.find((i) => i.name === RESPONDENTS)!;
    const series = (await t.http().get(`/api/indicators/${indicator.id}/values`).set(bearer(t.tokens.committee)).expect(200))
      .body as ValueCell[];
    const byGender = (
      await t.http().get(`/api/indicators/${indicator.id}/values`).query({ by: 'gender' }).set(bearer(t.tokens.committee)).expect(200)
    ).body as ValueCell[];
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });

    await signIn();
    await page.goto(`${origin}/plans/${planId}/dashboard`);
    await page.getByRole('link', { name: RESPONDENTS }).click();
    await page.waitForURL(`${origin}/indicators/${indicator.id}`);
    // Should the page not show its series, the page as it stood is kept for whoever looks into it (it once showed the
    // error page: see dashboard-breakdown-codes.browser-spec.ts).
    await page
      .getByRole('heading', { name: /Évolution du cumul/ })
      .waitFor()
      .catch(async (err: Error) => {
        await screenshot(page, 'dashboard-indicator-stalled');
        throw err;
      });
    // The series and one chart per dimension (gender, language).
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart="drawn"]').length === 3);

    // The charts drew data: the series line and the first category's bars in their colour, the hatching of suppressed cells.
    const seriesPixels = await pixelsOf(page, SERIES_RGB, 30, OPAQUE);
    const hatchPixels = await pixelsOf(page, HATCH_RGB, 12, TRANSLUCENT);
    console.log(`Indicator charts, pixels in the series colour: ${seriesPixels.join(', ')}; in the hatching: ${hatchPixels.join(', ')}`);
    expect(seriesPixels.every((n) => n > 500)).toBe(true);
    expect(hatchPixels[1]).toBeGreaterThan(1000);
    expect(hatchPixels[0]).toBeLessThan(hatchPixels[1]! / 10);

    // The numbers under the line: the running total of the last period, as the API gives it.
    const seriesTable = page.getByRole('table', { name: /Valeurs de « Nombre de répondants/ });
    const last = series.at(-1)!;
    await eventually(() =>
      expect(seriesTable.getByRole('row').last().textContent()).resolves.toContain(`${last.cumulativeValue} réponses`),
    );

    // The demo data has suppressed gender cells (fewer than 5 non-binary respondents in a period, for one).
    const suppressed = byGender.find((cell) => cell.suppressed);
    expect(suppressed).toBeDefined();
    const periods = [...new Set(byGender.map((cell) => cell.period))].sort();
    const genderTable = page.getByRole('table', { name: /selon : Genre/ });
    const categoryLabel = fr.adsCategory.gender![suppressed!.category!] ?? 'Préfère ne pas répondre';
    const row = genderTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: categoryLabel, exact: true }) });
    const cell = row.getByRole('cell').nth(periods.indexOf(suppressed!.period));
    await eventually(() => expect(cell.textContent()).resolves.toBe(fr.dashboard.suppressed.replace('{{k}}', String(k))));
    // The quarter's label, said to be partial where the data period cuts it (« T2 2021, depuis le 28 juin »).
    await eventually(() =>
      expect(
        genderTable
          .getByRole('columnheader')
          .nth(periods.indexOf(suppressed!.period) + 1)
          .textContent(),
      ).resolves.toMatch(new RegExp(`^${quarterLabel(suppressed!.period)}(,|$)`)),
    );
    await screenshot(page, 'dashboard-indicator');

    // « Copier le tableau » puts the table on the clipboard as tab-separated lines, header first.
    await page.getByRole('button', { name: 'Copier le tableau' }).first().click();
    await page.getByText('Tableau copié', { exact: false }).first().waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const lines = copied.split('\n');
    expect(lines[0]!.split('\t')[0]).toBe('Période');
    expect(lines).toHaveLength(series.length + 1);
    expect(lines.at(-1)!.split('\t').at(-1)).toBe(String(last.cumulativeValue));

    // The same page in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'ADS+ breakdowns' }).waitFor();
    await page.getByRole('button', { name: 'Copy the table' }).first().waitFor();
    await page
      .getByRole('table', { name: /by Gender/ })
      .getByText('suppressed (too few people)')
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Ventilations ADS+' }).waitFor();
  });

  it('reads on a phone 390 px wide: the page never scrolls sideways, tables scroll inside their frame', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn();
    await page.goto(`${origin}/plans/${planId}/dashboard`);
    await overviewReady();
    await page.getByRole('heading', { name: "En un coup d'œil" }).waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await screenshot(page, 'dashboard-overview-phone');

    const indicator = progress.find((i) => i.name.startsWith('Part des nouveaux résidents'))!;
    await page.goto(`${origin}/indicators/${indicator.id}`);
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart="drawn"]').length === 4);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    const widths = await page.$$eval('canvas[data-chart="drawn"]', (canvases) => canvases.map((c) => c.getBoundingClientRect().width));
    expect(widths.every((w) => w > 250 && w <= 390)).toBe(true);
    await screenshot(page, 'dashboard-indicator-phone');
  });

  it("shows a work cell's steps done over time and its partners by network and by sector", async () => {
    await signIn();
    await page.getByRole('link', { name: 'Cellules de travail' }).click();
    await page.getByRole('link', { name: 'Cellule 4.2' }).first().click();
    await page.getByRole('link', { name: 'Tableau de bord de la cellule' }).click();
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart="drawn"]').length === 3);
    const pixels = await pixelsOf(page, SERIES_RGB, 30, OPAQUE);
    console.log(`Work cell charts, pixels in the series colour: ${pixels.join(', ')}`);
    expect(pixels.every((n) => n > 300)).toBe(true);
    // Each of its six done steps is on the line at the day it was ticked (the demo dates them): a header and six rows,
    // and no step said to be missing from it.
    await eventually(() =>
      expect(
        page
          .getByRole('table', { name: /Étapes réalisées et datées/ })
          .getByRole('row')
          .count(),
      ).resolves.toBe(7),
    );
    expect(await page.getByText(/étapes? réalisées? n'ont? pas de date/).count()).toBe(0);
    await page
      .getByRole('table', { name: /par réseau représenté/ })
      .getByRole('rowheader', { name: 'Communautaire' })
      .waitFor();
    await screenshot(page, 'dashboard-work-cell');
  });
});
