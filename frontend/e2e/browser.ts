import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AddressInfo } from 'node:net';
import { Browser, chromium, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../../backend/test/support/test-app';
import { waitFor } from '../../backend/test/support/wait-for';

/** Debian's Chromium, as on every developer and CI machine (DEVELOPERS.md); CHROMIUM_PATH overrides it. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** Screenshots land in artifacts/screenshots, for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = resolve(__dirname, '../../artifacts/screenshots');
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface BrowserApp {
  t: TestApp;
  browser: Browser;
  origin: string;
}

/** The real app on a free port with the demo data, and Chromium: started once per file, closed after it. */
export function useBrowserApp(): () => BrowserApp {
  let state: BrowserApp | undefined;
  beforeAll(async () => {
    const t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    state = { t, origin, browser: await launchChromium() };
  });
  afterAll(async () => {
    await state?.browser.close();
    await state?.t.close();
  });
  return () => {
    if (!state) throw new Error('the app is not started yet');
    return state;
  };
}

/** Signs a demo user in through the login form. */
export async function signIn(page: Page, origin: string, email: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByLabel('Courriel').fill(email);
  await page.getByLabel('Mot de passe').fill('repere-demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Plans', exact: false }).first().waitFor();
}

/**
 * Runs a check on the page again until it passes, as Playwright Test's web-first assertions do: a count or a text read
 * once may be read before the page has settled. On timeout it fails with the check's last message.
 * `await eventually(() => expect(locator.count()).resolves.toBe(2));`
 */
export async function eventually(check: () => Promise<unknown>, timeoutMs = 10_000): Promise<void> {
  await waitFor(
    'a check on the page to pass',
    async () => {
      await check();
      return true;
    },
    { timeoutMs, intervalMs: 100 },
  );
}
