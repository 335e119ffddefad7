import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../paths.js';

/** Debian's chromium; the flags this offline machine needs. */
export const CHROMIUM = process.env.PARALLAX_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const SCREENSHOTS = join(REPO_ROOT, 'test-output', 'ui');

export const chromiumMissing = existsSync(CHROMIUM)
  ? false
  : `no browser at ${CHROMIUM} (apt-get install -y chromium, or set PARALLAX_CHROMIUM)`;

export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Opens a hash route and waits until the app has rendered it. */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('#app[data-ready="true"]');
}

/** Hostile-content probe: records dialogs, console errors from page scripts, and requests leaving the server. */
export function watch(page: Page, origin: string) {
  const seen = { dialogs: [] as string[], external: [] as string[], pageErrors: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) seen.external.push(r.url());
  });
  page.on('pageerror', (e) => seen.pageErrors.push(e.message));
  return seen;
}
