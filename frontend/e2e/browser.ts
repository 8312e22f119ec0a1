import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

/** Debian's Chromium, as on every developer and CI machine (DEVELOPERS.md); CHROMIUM_PATH overrides it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync'],
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
