import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

/** Browser tests' own helpers; the harness that starts the app and Chromium is support/browser.ts. */

/** Standalone: opens the tab and picks a demo user from the sign-in list. */
export async function signInAsDemoUser(page: Page, tabUrl: string, name: string, hash = '#/pilots'): Promise<void> {
  await page.goto(`${tabUrl}${hash}`);
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await page.getByTestId('signed-in-user').filter({ hasText: name }).waitFor();
}

/**
 * Serious and critical axe violations on the page (frames included), as `rule: targets` lines.
 * Fluent's focus sentinels (`data-tabster-dummy`) are excluded: they are invisible by design.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // In the test Teams host the tab is in the #tab frame: exclude the sentinels there too.
  const t0 = Date.now();
  const { violations } = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').exclude(['#tab', '[data-tabster-dummy]']).analyze();
  if (process.env.AXE_TIMING) console.log(`axe ${Date.now() - t0} ms`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Signs in a demo user without the picker (the choice the picker stores), for tests about other things. */
export async function rememberDemoUser(context: BrowserContext, userId: string): Promise<void> {
  await context.addInitScript((id) => localStorage.setItem('leaderful.demoUser', id), userId);
}

/** The text of a file the page downloads when `trigger` runs. */
export async function downloadText(page: Page, trigger: () => Promise<void>): Promise<{ text: string; filename: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const file = await download.path();
  return { text: readFileSync(file!, 'utf8'), filename: download.suggestedFilename() };
}

/** The computed background colour of the app's root, as `rgb(r, g, b)`. */
export const APP_BACKGROUND = () => getComputedStyle(document.getElementById('app-root')!).backgroundColor;
