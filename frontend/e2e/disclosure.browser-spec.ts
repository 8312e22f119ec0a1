import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { bearer, type TestApp } from '../../backend/test/support/test-app';
import { eventually, screenshot, useBrowserApp, signIn as signInAs } from './browser';

interface ProgressItem {
  id: string;
  name: string;
  value: number | null;
  n: number | null;
}
interface ValueCell {
  period: string;
  category?: string;
  value: number | null;
  n: number | null;
  suppressed: boolean;
  cumulativeValue: number | null;
  cumulativeN: number | null;
  cumulativeSuppressed: boolean;
  notForPublication?: boolean;
}

const fr = JSON.parse(readFileSync(resolve(__dirname, '../src/i18n/fr.json'), 'utf8')) as {
  adsCategory: { gender: Record<string, string> };
  dashboard: { category: Record<string, string> };
};

const RESPONDENTS = 'Nombre de répondants au questionnaire de la Journée de Bienvenue';
const MARK_FR = 'Ne pas publier — chiffres réels, réservés aux évaluateurs';
const MARK_EN = 'Not for publication — true figures, for evaluators only';
/** fr-CA numbers as the page writes them (a narrow no-break space between thousands). */
const frenchNumber = (value: number) => new Intl.NumberFormat('fr-CA', { maximumFractionDigits: 2 }).format(value);

/**
 * Issue 13, the web app's part: every figure the committee reads went through the disclosure control (the cell-key
 * method), and the dashboards say so in a legend with the deployment's k and D, in French and in English. Evaluators
 * (not the committee) may switch the indicator page to the true figures, which are marked « Ne pas publier ».
 */
describe('Protected figures: the legend, and the evaluators’ true figures', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let planId: string;
  let indicatorId: string;
  let disclosure: { k: number; maxDeviation: number };

  const app = useBrowserApp();
  beforeAll(async () => {
    ({ t, browser, origin } = app());
    const plans = await t.http().get('/api/plans').set(bearer(t.tokens.committee)).expect(200);
    planId = (plans.body.items as { id: string; title: string }[]).find((p) => p.title.includes('Parc-Extension'))!.id;
    const progress = await t.http().get(`/api/plans/${planId}/progress`).set(bearer(t.tokens.committee)).expect(200);
    disclosure = progress.body.disclosure as { k: number; maxDeviation: number };
    indicatorId = (progress.body.indicators as ProgressItem[]).find((i) => i.name === RESPONDENTS)!.id;
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => {
    await page.close();
  });

  const signIn = (email: string) => signInAs(page, origin, email);
  const values = async (token: string, query: Record<string, string>) =>
    (await t.http().get(`/api/indicators/${indicatorId}/values`).query(query).set(bearer(token)).expect(200)).body as ValueCell[];

  it("explains on the plan's dashboard, in French and in English, which figures are perturbed or suppressed, with the API's k and D", async () => {
    expect(disclosure).toEqual({ k: expect.any(Number), maxDeviation: expect.any(Number) });
    expect(disclosure.k).toBeGreaterThan(1);
    expect(disclosure.maxDeviation).toBeGreaterThan(0);
    const { k, maxDeviation: d } = disclosure;

    await signIn('comite@demo.repere.org');
    await page.goto(`${origin}/plans/${planId}/dashboard`);
    const legend = page.getByRole('region', { name: 'Légende' });
    const note = legend.getByRole('region', { name: 'Comment les chiffres sont protégés' });
    await note.waitFor();
    const french = await note.innerText();
    expect(french).toContain(`peuvent différer des vrais d'au plus ${d}`);
    expect(french).toContain('les parts et les moyennes sont calculées à partir de ces nombres');
    expect(french).toContain(
      `« supprimé » (barre hachurée) : trop peu de personnes derrière le chiffre, ou aucune (son compte brouillé est sous ${k})`,
    );
    expect(french).toContain("Il n'est jamais publié, ni montré comme zéro.");
    expect(french).toContain('Les valeurs saisies à la main sont publiées telles quelles : elles sont exactes.');
    await legend.screenshot({ path: '/tmp/disclosure-legend.png' });
    await screenshot(page, 'disclosure-dashboard-legend');

    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('region', { name: 'Legend' }).getByRole('region', { name: 'How figures are protected' });
    await english.waitFor();
    const text = await english.innerText();
    expect(text).toContain(`may differ from the true ones by at most ${d}`);
    expect(text).toContain('shares and means are computed from these counts');
    expect(text).toContain(`“suppressed” (hatched bar): too few people behind the figure, or none (its blurred count is under ${k})`);
    expect(text).toContain('It is never published, nor shown as zero.');
    expect(text).toContain('Values entered by hand are published as entered: they are exact.');
    await page.getByRole('region', { name: 'Legend' }).screenshot({ path: '/tmp/disclosure-legend-en.png' });
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('region', { name: 'Légende' }).waitFor();
  });

  it('shows the committee the published figures on the indicator page, suppressed cells said and tooltipped as such, and no true figures', async () => {
    const { k } = disclosure;
    const byGender = await values(t.tokens.committee, { by: 'gender' });
    const suppressed = byGender.find((cell) => cell.suppressed)!;
    expect(suppressed).toMatchObject({ value: null, n: null });
    // The committee may not ask for the true figures.
    await t.http().get(`/api/indicators/${indicatorId}/values`).query({ view: 'unpublished' }).set(bearer(t.tokens.committee)).expect(403);

    // What Chart.js writes on the canvases (tooltips included), to read a tooltip's words.
    await page.addInitScript(() => {
      const drawn: string[] = [];
      (window as unknown as { drawnTexts: string[] }).drawnTexts = drawn;
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (
        this: CanvasRenderingContext2D,
        text: string,
        x: number,
        y: number,
        maxWidth?: number,
      ) {
        drawn.push(String(text));
        return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth);
      };
    });
    await signIn('comite@demo.repere.org');
    // Even asked for in the address, the true figures are not the committee's: the page shows the published ones.
    await page.goto(`${origin}/indicators/${indicatorId}?view=unpublished`);
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart="drawn"]').length === 3);
    const note = page.getByRole('region', { name: 'Comment les chiffres sont protégés' });
    await note.getByText(`son compte brouillé est sous ${k}`, { exact: false }).waitFor();
    await eventually(() => expect(page.getByRole('button', { name: 'Chiffres réels' }).count()).resolves.toBe(0));
    await eventually(() => expect(page.getByText(MARK_FR).count()).resolves.toBe(0));
    await eventually(() => expect(page.getByTestId('not-for-publication').count()).resolves.toBe(0));

    // The suppressed cell: its words in the table, a note under the chart, never a number.
    const genderTable = page.getByRole('table', { name: /selon : Genre/ });
    const label = fr.adsCategory.gender[suppressed.category!] ?? fr.dashboard.category[suppressed.category!] ?? suppressed.category!;
    const periods = [...new Set(byGender.map((cell) => cell.period))].sort();
    const row = genderTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
    await eventually(() =>
      expect(row.getByRole('cell').nth(periods.indexOf(suppressed.period)).textContent()).resolves.toBe('supprimé (trop peu de personnes)'),
    );
    const figure = page.locator('#indicator-breakdown-gender');
    await figure
      .getByText('Barres hachurées : cases supprimées, trop peu de personnes derrière chacune, ou aucune', { exact: false })
      .waitFor();

    // Hovering a hatched bar shows a tooltip that says it is suppressed (a bar without a value would show none).
    const canvas = figure.locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    const expected = `${label} : supprimé (trop peu de personnes)`;
    let found = false;
    for (let x = 40; x < box.width - 10 && !found; x += 4) {
      await page.mouse.move(box.x + x, box.y + box.height * 0.45);
      found = await page.evaluate((text) => (window as unknown as { drawnTexts: string[] }).drawnTexts.includes(text), expected);
    }
    expect(found).toBe(true);
    await screenshot(page, 'disclosure-indicator-published');
  });

  it('lets an evaluator switch to the true figures, marked « Ne pas publier » on screen and on paper, and back', async () => {
    const published = await values(t.tokens.evaluator, {});
    const truth = await values(t.tokens.evaluator, { view: 'unpublished' });
    const trueByGender = await values(t.tokens.evaluator, { by: 'gender', view: 'unpublished' });
    expect(truth.every((cell) => cell.notForPublication === true)).toBe(true);
    const hiddenOnce = trueByGender.find((cell) => cell.suppressed && cell.value !== null)!;
    expect(hiddenOnce).toBeDefined();

    await signIn('evaluation@demo.repere.org');
    await page.goto(`${origin}/indicators/${indicatorId}`);
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart="drawn"]').length === 3);
    // The published figures first, as everyone else sees them.
    const switchGroup = page.getByRole('group', { name: 'Chiffres affichés' });
    await eventually(() =>
      expect(switchGroup.getByRole('button', { name: 'Chiffres publiés' }).getAttribute('aria-pressed')).resolves.toBe('true'),
    );
    await eventually(() =>
      expect(switchGroup.getByRole('button', { name: 'Chiffres réels' }).getAttribute('aria-pressed')).resolves.toBe('false'),
    );
    await eventually(() => expect(page.getByText(MARK_FR).count()).resolves.toBe(0));
    const seriesTable = page.getByRole('table', { name: /Valeurs de « Nombre de répondants/ });
    await eventually(() =>
      expect(seriesTable.getByRole('row').last().textContent()).resolves.toContain(
        `${frenchNumber(published.at(-1)!.cumulativeValue!)} réponses`,
      ),
    );

    // The true figures: loaded with view=unpublished, marked on the page and on every chart.
    await switchGroup.getByRole('button', { name: 'Chiffres réels' }).click();
    await page.waitForURL(/view=unpublished/);
    await page.getByRole('note').filter({ hasText: MARK_FR }).first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart="drawn"]').length === 3);
    // The page's banner and one mark per chart (the series and two breakdowns).
    await eventually(() => expect(page.getByTestId('not-for-publication').count()).resolves.toBe(4));
    await expect(page.title()).resolves.toMatch(/^Ne pas publier — /);
    const trueTable = page.getByRole('table', { name: /Valeurs de « Nombre de répondants.*chiffres réels, ne pas publier/ });
    await eventually(() =>
      expect(trueTable.getByRole('row').last().textContent()).resolves.toContain(
        `${frenchNumber(truth.at(-1)!.cumulativeValue!)} réponses`,
      ),
    );
    await page.getByText('chiffre réel', { exact: true }).waitFor();
    await page.getByText(/^publié : /).waitFor();
    // A cell suppressed once published shows its true value, and says so.
    const periods = [...new Set(trueByGender.map((cell) => cell.period))].sort();
    const label = fr.adsCategory.gender[hiddenOnce.category!] ?? fr.dashboard.category[hiddenOnce.category!] ?? hiddenOnce.category!;
    const genderTable = page.getByRole('table', { name: /selon : Genre.*chiffres réels/ });
    const row = genderTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
    await eventually(() =>
      expect(row.getByRole('cell').nth(periods.indexOf(hiddenOnce.period)).textContent()).resolves.toBe(
        `${frenchNumber(hiddenOnce.value!)} réponsessupprimé une fois publié`,
      ),
    );
    await screenshot(page, 'disclosure-true-figures');

    // On paper: the switch is not printed, the marks are.
    await page.emulateMedia({ media: 'print' });
    await eventually(() => expect(page.getByRole('group', { name: 'Chiffres affichés' }).isVisible()).resolves.toBe(false));
    await eventually(() => expect(page.getByTestId('not-for-publication').first().isVisible()).resolves.toBe(true));
    await eventually(() => expect(page.locator('#indicator-series').getByTestId('not-for-publication').isVisible()).resolves.toBe(true));
    await page.emulateMedia({ media: 'screen' });

    // In English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'True figures' }).waitFor();
    await page.getByRole('note').filter({ hasText: MARK_EN }).first().waitFor();
    await page.getByText('suppressed once published').first().waitFor();
    await page.getByRole('button', { name: 'Published figures' }).click();
    await page.getByText(MARK_EN).first().waitFor({ state: 'detached' });
    await eventually(() => expect(page.getByTestId('not-for-publication').count()).resolves.toBe(0));
    expect(page.url()).not.toContain('view=');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'Chiffres réels' }).waitFor();
    await eventually(() => expect(page.getByText(MARK_FR).count()).resolves.toBe(0));
  });

  it("shows an evaluator the true figures in the workspace's live value, marked, beside the published one", async () => {
    const truth = await values(t.tokens.evaluator, { view: 'unpublished' });
    await signIn('evaluation@demo.repere.org');
    await page.goto(`${origin}/workspace/indicators/${indicatorId}`);
    const card = page.getByRole('region', { name: 'Valeur actuelle' });
    await card.getByRole('note').filter({ hasText: MARK_FR }).waitFor();
    const current = card.getByTestId('indicator-current-value');
    await current.getByText('chiffre réel', { exact: true }).waitFor();
    await current.getByText(/^Valeur publiée : /).waitFor();
    const table = card.getByRole('table', { name: /chiffres réels, ne pas publier/ });
    await eventually(() =>
      expect(table.getByRole('row').last().textContent()).resolves.toContain(`${frenchNumber(truth.at(-1)!.cumulativeValue!)} réponses`),
    );
    await card.getByRole('region', { name: 'Chiffres réels : comment ils seraient publiés' }).waitFor();
    await screenshot(page, 'disclosure-workspace-live-value');
  });
});
