import { randomUUID } from 'node:crypto';
import { Browser } from 'playwright-core';
import { AggregationService } from '@backend/aggregation/aggregation.service';
import type { TestApp } from '../../backend/test/support/test-app';
import { signIn, useBrowserApp } from './browser';

const SLUG = 'bienvenue-parc-ex';
const RESPONDENTS = 'Nombre de répondants au questionnaire de la Journée de Bienvenue';

// A language breakdown holds categories that are no language tag (not_answered, prefer_not): Intl.DisplayNames throws
// on them, and the indicator page once fell into the error page when a resident skipped the home-language question.
describe('An indicator broken down by language, with a resident who did not answer that question', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  const app = useBrowserApp();
  const recompute = async () => {
    const aggregation = t.app.get(AggregationService);
    for (const id of await aggregation.stale()) await aggregation.recompute(id);
  };

  beforeAll(() => {
    ({ t, browser, origin } = app());
  });

  it('shows the series and the breakdowns, not the error page', async () => {
    // Arrange: a response without the home-language answer, counted
    const { version } = (await t.http().get(`/api/public/questionnaires/${SLUG}?lang=fr`).expect(200)).body as { version: number };
    const posted = await t
      .http()
      .post(`/api/public/questionnaires/${SLUG}/responses`)
      .set('Idempotency-Key', randomUUID())
      .send({
        language: 'fr',
        version,
        answers: [
          { questionId: '6b1f5a0e-0001-4c00-8000-000000000001', value: 'poster' },
          { questionId: '6b1f5a0e-0001-4c00-8000-000000000002', value: false },
          { questionId: '6b1f5a0e-0001-4c00-8000-000000000003', value: true },
          { questionId: '6b1f5a0e-0001-4c00-8000-000000000005', value: 5 },
        ],
      })
      .expect(201);
    const responseId = (posted.body as { id: string }).id;
    await recompute();
    const [indicator] = await t.db.query<{ id: string }[]>('SELECT id FROM indicators WHERE name = $1', [RESPONDENTS]);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    try {
      // Act
      await signIn(page, origin, 'comite@demo.repere.org');
      await page.goto(`${origin}/indicators/${indicator.id}`);

      // Assert
      await page.getByRole('heading', { name: /Évolution du cumul/ }).waitFor();
      await page
        .getByRole('heading', { name: /Langue/ })
        .first()
        .waitFor();
      expect(errors).toEqual([]);
    } finally {
      // The other specs count the demo responses: this one goes again (the app is still up here, unlike in afterAll).
      await page.close();
      await t.db.query('DELETE FROM responses WHERE id = $1', [responseId]);
      await recompute();
    }
  });
});
