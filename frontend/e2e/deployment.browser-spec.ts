/// <reference lib="dom" />
import { Browser, Page } from 'playwright-core';
import { WELCOME_DAY_SLUG } from '../../backend/src/demo/welcome-day-questionnaire';
import { freePort } from '../../backend/test/support/child-processes';
import { startTestApp, TestApp } from '../../backend/test/support/test-app';
import { startTlsProxy, TlsProxy } from '../../backend/test/support/tls-proxy';
import { eventually, launchChromium, screenshot, signIn } from './browser';

// Where communities deploy Repère: a community centre's server reached by its LAN name over plain http, and a city's
// virtual machine behind a reverse proxy that terminates TLS. Chromium resolves the name to this machine
// (--host-resolver-rules), so the pages are loaded as a phone on the LAN or the Internet would load them: not from
// localhost, which browsers treat as secure whatever the scheme.

const HOST = 'centre.lan';
const VARIABLES = ['PUBLIC_URL', 'TRUST_PROXY'] as const;

interface Deployment {
  t: TestApp;
  browser: Browser;
  /** What people type or scan: http://centre.lan:PORT, or https://centre.lan:PORT through the proxy. */
  origin: string;
  proxy: TlsProxy | null;
}

async function deploy(scheme: 'http' | 'https'): Promise<Deployment> {
  const port = await freePort();
  const proxy = scheme === 'https' ? await startTlsProxy(HOST, `http://127.0.0.1:${port}`) : null;
  const origin = `${scheme}://${HOST}:${proxy?.port ?? port}`;
  process.env.PUBLIC_URL = origin;
  if (proxy) process.env.TRUST_PROXY = 'loopback';
  const t = await startTestApp();
  await t.app.listen(port, '127.0.0.1');
  const browser = await launchChromium([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
  return { t, browser, origin, proxy };
}

async function undeploy(d: Deployment | undefined): Promise<void> {
  await d?.browser.close();
  await d?.t.close();
  await d?.proxy?.close();
}

/** Every request the page makes, and those that failed (a blocked or upgraded asset shows here). */
function watch(page: Page): { urls: string[]; failed: string[] } {
  const seen = { urls: [] as string[], failed: [] as string[] };
  page.on('request', (r) => seen.urls.push(r.url()));
  page.on('requestfailed', (r) => seen.failed.push(`${r.url()} (${r.failure()?.errorText})`));
  return seen;
}

describe.each(['http', 'https'] as const)('Repère reached at %s://centre.lan', (scheme) => {
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  let d: Deployment;

  beforeAll(async () => {
    d = await deploy(scheme);
  });
  afterAll(async () => {
    await undeploy(d);
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('shows the resident page on a phone, every asset fetched from the address scanned', async () => {
    const context = await d.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-CA', ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const requests = watch(page);
    try {
      const answer = await page.goto(`${d.origin}/q/${WELCOME_DAY_SLUG}`);
      await page.getByRole('button', { name: 'Commencer' }).waitFor();
      // The page's own stylesheet applied: the start button is laid out, not the browser's default.
      expect(await page.getByRole('button', { name: 'Commencer' }).evaluate((b) => getComputedStyle(b).cursor)).toBe('pointer');
      expect(requests.failed).toEqual([]);
      expect(requests.urls.filter((url) => !url.startsWith(`${d.origin}/`))).toEqual([]);

      const headers = answer!.headers();
      if (scheme === 'http') {
        // Over http these two would send the browser to https for /assets, where nothing answers: a blank page.
        expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
        expect(headers['strict-transport-security']).toBeUndefined();
      } else {
        expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
        expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
      }
      await screenshot(page, `deployment-resident-${scheme}`);
    } finally {
      await context.close();
    }
  });

  it('lets staff sign in, and gives the questionnaire the address residents reach (PUBLIC_URL) for its link and poster', async () => {
    const context = await d.browser.newContext({ locale: 'fr-CA', ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const requests = watch(page);
    try {
      await signIn(page, d.origin, 'evaluation@demo.repere.org');
      const [{ id }] = await d.t.db.query<{ id: string }[]>('SELECT id FROM questionnaires WHERE slug = $1', [WELCOME_DAY_SLUG]);
      await page.goto(`${d.origin}/questionnaires/${id}`);
      const link = page.getByRole('link', { name: `${d.origin}/q/${WELCOME_DAY_SLUG}` });
      await link.waitFor();
      await eventually(() => expect(link.getAttribute('href')).resolves.toBe(`${d.origin}/q/${WELCOME_DAY_SLUG}`));
      expect(requests.failed).toEqual([]);
      await screenshot(page, `deployment-staff-${scheme}`);
    } finally {
      await context.close();
    }
  });
});
