import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DEMO_TENANT_ID } from '../../domain/demo';
import { demoUser } from '../../support/app';
import { APP_BACKGROUND, downloadText, rememberDemoUser, seriousViolations } from '../helpers/browser';
import { seedPortfolio } from '../../support/portfolio';
import { startBrowserApp, type BrowserApp } from '../../support/browser';
import { projectRoot } from '../../store/embedded';

/**
 * The senior leaders' view with 1,000 more pilots than the demo's eight: the virtualized grid
 * (what the DOM holds, what assistive tech hears, how far the keyboard reaches), filters, the
 * drill-down, practice outcomes and trends, the CSV export, axe on every section, and the same
 * view inside the test Teams host (SSO on every call, live themes, Spanish, narrow width).
 */
const avery = demoUser('Avery'); // senior leader
const morgan = demoUser('Morgan'); // manager
const BULK = 1000;
const TOTAL = BULK + 8;

describe('leader view', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp({ env: { DEMO_SIGN_IN: 'true', RATE_LIMIT_API_PER_MINUTE: '100000' } });
    await seedPortfolio(b.t.app, DEMO_TENANT_ID, BULK);
  });
  afterAll(() => b?.stop());

  /** Standalone, signed in as the demo leader, at `hash`. */
  async function openAsLeader(hash = '#/leader', opts: { viewport?: { width: number; height: number } } = {}) {
    const { page, context, errors } = await b.newPage(opts);
    await rememberDemoUser(context, avery.userId);
    await page.goto(`${b.tabUrl}${hash}`);
    return { page, context, errors };
  }
  const grid = (page: Page | ReturnType<Page['frameLocator']>) => page.getByRole('grid', { name: 'Pilots' });
  const dataRows = (g: Locator) => g.locator('[role="row"][data-index]');
  const focusedRowIndex = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'));

  test('every pilot in one accessible grid: the DOM holds a few rows, the keyboard reaches all of them', async () => {
    const { page, errors } = await openAsLeader();
    const g = grid(page);
    await dataRows(g).first().waitFor();
    await expect(g.getAttribute('aria-rowcount')).resolves.toBe(String(TOTAL + 1));
    await expect(page.getByTestId('totals').locator('[data-stat="pilots"] dd').textContent()).resolves.toBe(String(TOTAL));
    const rendered = await dataRows(g).count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60); // far fewer than 1,008
    // Riskiest first, as the API orders them.
    await expect(dataRows(g).first().locator('[data-health]').getAttribute('data-health')).resolves.toBe('at_risk');

    // One tab stop: Tab from the last filter (Clear filters is disabled) lands on the first row.
    await page.getByRole('combobox', { name: /^Manager/ }).focus();
    await page.keyboard.press('Tab');
    await expect(focusedRowIndex(page)).resolves.toBe('2');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(focusedRowIndex(page)).resolves.toBe('4');
    await page.keyboard.press('End');
    await page.waitForFunction((n) => document.activeElement?.getAttribute('aria-rowindex') === String(n), TOTAL + 1);
    expect(await dataRows(g).count()).toBeLessThan(60);
    await page.keyboard.press('PageUp');
    const afterPageUp = Number(await focusedRowIndex(page));
    expect(afterPageUp).toBeLessThan(TOTAL + 1);
    expect(afterPageUp).toBeGreaterThan(TOTAL - 30);
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-rowindex') === '2');
    // Scrolling away by mouse keeps the tab stop's row in the DOM.
    await g.evaluate((el) => el.scrollTo({ top: 20_000 }));
    await page.waitForTimeout(100);
    await expect(g.locator('[role="row"][aria-rowindex="2"]').count()).resolves.toBe(1);

    // Enter opens the focused pilot.
    await page.keyboard.press('ArrowDown');
    const title = await page.evaluate(() => document.activeElement?.querySelector('a')?.textContent);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: title!, level: 1 }).waitFor();
    expect(await page.evaluate(() => performance.getEntriesByName('leaderful:leader-rows').length)).toBe(1);
    expect(errors).toEqual([]);
  });

  test('a cold start shows the first rows from a small answer, then the grid holds every pilot; a filter covers all of them', async () => {
    const { page, context } = await b.newPage();
    await rememberDemoUser(context, avery.userId);
    const answers: { path: string; bytes: Promise<number> }[] = [];
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/leader/') || url.pathname === '/api/me') answers.push({ path: url.pathname + url.search, bytes: r.body().then((x) => x.length) });
    });
    await page.goto(`${b.tabUrl}#/leader`);
    const g = grid(page);
    await dataRows(g).first().waitFor();
    await page.getByRole('combobox', { name: /^Status/ }).waitFor(); // the filters come with the whole portfolio
    // One round trip before the rows: who is signed in brings the first rows along; then the whole portfolio.
    expect(answers.map((a) => a.path)).toEqual(['/api/me?opening=leader', '/api/leader/portfolio']);
    const [firstBytes, wholeBytes] = await Promise.all(answers.map((a) => a.bytes));
    expect(firstBytes * 10).toBeLessThan(wholeBytes);

    // Every pilot is reachable, in the server's order: the last row is the portfolio's last pilot.
    const whole = (await b.t.api('/api/leader/portfolio', { as: avery })).body;
    await expect(g.getAttribute('aria-rowcount')).resolves.toBe(String(TOTAL + 1));
    await dataRows(g).first().focus();
    await page.keyboard.press('End');
    await page.waitForFunction((n) => document.activeElement?.getAttribute('aria-rowindex') === String(n), TOTAL + 1);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-pilot-id'))).resolves.toBe(whole.pilots[TOTAL - 1].id);

    // A filter opened from a link: its first rows, then all of its pilots.
    await page.goto(`${b.tabUrl}#/leader?status=paused`);
    await page.reload();
    const paused = (await b.t.api('/api/leader/portfolio?status=paused', { as: avery })).body.pilots;
    expect(paused.length).toBeGreaterThan(60);
    await page.getByTestId('pilot-count').filter({ hasText: `${paused.length} pilots` }).waitFor();
    await expect(g.getAttribute('aria-rowcount')).resolves.toBe(String(paused.length + 1));
    await page.getByRole('combobox', { name: /^Status/ }).waitFor();
    await dataRows(g).first().focus();
    await page.keyboard.press('End');
    await page.waitForFunction((n) => document.activeElement?.getAttribute('aria-rowindex') === String(n), paused.length + 1);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-pilot-id'))).resolves.toBe(paused[paused.length - 1].id);
    const statuses = await dataRows(g).locator('[data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['paused']));
    await context.close();
  });

  test('data that arrived before its view is on the view\'s first render: no spinner in between, nothing asked twice', async () => {
    const { page, context } = await b.newPage();
    await rememberDemoUser(context, avery.userId);
    // The view's chunk comes late (a slow network), so who is signed in and the first rows are here before it.
    await page.route(/\/tabs\/LeaderView-[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    // Whether a spinner was ever shown inside the leader view's panel, watched from the first paint.
    await context.addInitScript(() => {
      const w = window as unknown as { spinnerInPanel: boolean };
      w.spinnerInPanel = false;
      new MutationObserver(() => {
        if (document.querySelector('[role="tabpanel"] [role="progressbar"]')) w.spinnerInPanel = true;
      }).observe(document, { childList: true, subtree: true });
    });
    const asked: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) asked.push(url.pathname + url.search);
    });
    await page.goto(`${b.tabUrl}#/leader`);
    await dataRows(grid(page)).first().waitFor();
    await page.getByRole('combobox', { name: /^Status/ }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { spinnerInPanel: boolean }).spinnerInPanel)).toBe(false);
    expect(asked).toEqual(['/api/me?opening=leader', '/api/leader/portfolio']);
    // The same view opened again (no data sent ahead) loads as usual.
    await page.getByRole('tab', { name: 'Trends' }).click();
    await page.getByRole('tab', { name: 'Pilots', exact: true }).click();
    await dataRows(grid(page)).first().waitFor();
  });

  test('a lazy view\'s parts are asked for together with the view, not once it has arrived', async () => {
    // What the built leader view imports besides app.js (small chunks it shares with other views).
    const tabs = path.join(projectRoot(), 'dist', 'tabs');
    const view = readdirSync(tabs).find((f) => /^LeaderView-\w+\.js$/.test(f))!;
    const parts = [...readFileSync(path.join(tabs, view), 'utf8').matchAll(/(?:import|from)\s*["']\.\/([\w.-]+\.js)["']/g)].map((m) => m[1]).filter((f) => f !== 'app.js');
    expect(parts.length).toBeGreaterThan(0);
    const { page, context } = await b.newPage();
    await rememberDemoUser(context, avery.userId);
    // The view's chunk takes half a second: its parts, had they waited for it, would be asked for after it arrived.
    let viewArrived = false;
    await page.route(/\/tabs\/LeaderView-\w+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    page.on('requestfinished', (r) => {
      if (r.url().endsWith(`/${view}`)) viewArrived = true;
    });
    const askedBeforeView: string[] = [];
    page.on('request', (r) => {
      if (!viewArrived) askedBeforeView.push(path.basename(new URL(r.url()).pathname));
    });
    await page.goto(`${b.tabUrl}#/leader`);
    await dataRows(grid(page)).first().waitFor();
    expect(parts.filter((f) => !askedBeforeView.includes(f))).toEqual([]);
    await context.close();
  });

  test('keyboard-only filters by status and team; the list, totals and URL follow; Clear filters resets', async () => {
    const { page } = await openAsLeader();
    const g = grid(page);
    await dataRows(g).first().waitFor();
    const requests: string[] = [];
    page.on('request', (r) => r.url().includes('/api/leader/portfolio') && requests.push(new URL(r.url()).search));

    await page.getByRole('combobox', { name: /^Status/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Active' }).waitFor();
    await page.keyboard.type('Activ');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('status=active'));
    await page.getByTestId('pilot-count').filter({ hasText: /^\d+ pilots/ }).waitFor();
    const statuses = await dataRows(g).locator('[data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['active']));
    const activeCount = Number((await page.getByTestId('pilot-count').textContent())!.split(' ')[0]);
    await expect(page.getByTestId('totals').locator('[data-stat="pilots"] dd').textContent()).resolves.toBe(String(activeCount));

    await page.keyboard.press('Tab'); // practice
    await page.keyboard.press('Tab'); // team
    await page.keyboard.press('ArrowDown'); // opens the list
    await page.getByRole('option', { name: 'Customer Care — Americas' }).waitFor();
    await page.keyboard.type('Customer');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('teamId=team%3Ademo-care'));
    await page.getByTestId('pilot-count').filter({ hasText: '1 pilot,' }).waitFor();
    await expect(dataRows(g).locator('a').allTextContents()).resolves.toEqual(['Friday 30-minute retro']);
    expect(requests).toContain(`?status=active&teamId=${encodeURIComponent('team:demo-care')}`);

    // A reload keeps the filters (they live in the URL).
    await page.reload();
    await page.getByTestId('pilot-count').filter({ hasText: '1 pilot,' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).focus();
    await page.keyboard.press('Space');
    await page.getByTestId('pilot-count').filter({ hasText: `${TOTAL} pilots` }).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/leader');
  });

  test('drill-down: a pilot’s health, signals with their reasons and its check-ins over time; Back keeps the filters', async () => {
    const { page } = await openAsLeader(`#/leader?teamId=${encodeURIComponent('team:demo-care')}`);
    const g = grid(page);
    await dataRows(g).filter({ hasText: 'Friday 30-minute retro' }).click();
    await page.getByRole('heading', { name: 'Friday 30-minute retro', level: 1 }).waitFor();
    const signals = page.getByTestId('signals');
    await signals.locator('[data-signal="micromanagement"]').getByText(/^Autonomy answers fell from \d\.\d to \d\.\d over the last \d+ rounds\.$/).waitFor();
    await page.getByRole('heading', { name: 'Check-ins over time' }).waitFor();
    await page.locator('[data-chart="line"] svg').first().waitFor();
    await page.getByText('Show the figures as a table').first().click();
    expect(await page.getByTestId('pilot-trend-table').locator('tbody tr').count()).toBe(6);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Back to pilots' }).click();
    await page.getByTestId('pilot-count').filter({ hasText: /^2 pilots/ }).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe(`#/leader?teamId=${encodeURIComponent('team:demo-care')}`);
  });

  test('Export CSV downloads the server’s file for the same filters, with formula-safe cells', async () => {
    const created = await b.t.api('/api/pilots', {
      as: morgan,
      body: { title: '=HYPERLINK("http://evil.example","click")', hypothesis: 'A hypothesis long enough to pass.', successMeasures: ['One measure'], teamId: 'team:demo-ops', startDate: '2031-01-06', endDate: '2031-02-03' },
    });
    expect(created.status).toBe(201);
    const { page } = await openAsLeader(`#/leader?teamId=${encodeURIComponent('team:demo-ops')}`);
    await page.getByTestId('pilot-count').filter({ hasText: /^\d+ pilots/ }).waitFor();
    const shown = Number((await page.getByTestId('pilot-count').textContent())!.split(' ')[0]);

    await page.getByRole('button', { name: 'Export CSV' }).focus();
    const { text, filename } = await downloadText(page, () => page.keyboard.press('Enter'));
    expect(filename).toBe('leaderful-pilots.csv');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('"Pilot","Practice","Team","Manager","Status","Start","End","Check-ins","Participation","Confidence","Open feedback","Health","Signals"');
    expect(lines).toHaveLength(1 + shown);
    expect(lines.slice(1).every((l) => l.includes('"Operations — Service Desk"'))).toBe(true);
    // The formula is neutralised: text, never something a spreadsheet would run.
    expect(lines.some((l) => l.startsWith('"\'=HYPERLINK(""http://evil.example"",""click"")"'))).toBe(true);
    expect(lines.some((l) => l.startsWith('"='))).toBe(false);
  });

  test('practice outcomes and trends: what was adopted, adapted or stopped, what was learned, and charts over time', async () => {
    const { page } = await openAsLeader(`#/leader/outcomes?teamId=${encodeURIComponent('team:demo-eng')}`);
    const table = page.getByTestId('outcomes-table');
    await table.waitFor();
    const row = (name: string) => table.locator('tbody tr').filter({ hasText: name });
    await expect(row('“You said, we did” feedback ritual').locator('td').allTextContents()).resolves.toEqual(['“You said, we did” feedback ritual', '1', '0', '0', '0', '100%']);
    await page.getByText('People gave twice as much feedback once they saw it acted on.', { exact: false }).waitFor();
    await expect(page.getByTestId('outcome-bars').getByRole('img').first().getAttribute('aria-label')).resolves.toMatch(/Adopted: 1, Adapted: 0, Stopped: 0, Still running: 0/);

    await page.getByRole('tab', { name: 'Trends' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/leader/trends?teamId='));
    await page.locator('[data-chart="line"] svg path').first().waitFor({ state: 'attached' });
    expect(await page.locator('[data-chart="line"]').count()).toBe(2);
    await page.getByText('Show the figures as a table').click();
    expect(await page.getByTestId('trend-table').locator('tbody tr').count()).toBeGreaterThan(3);
  });

  test('axe: no serious or critical violations on any section', async () => {
    const { page } = await openAsLeader();
    await dataRows(grid(page)).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // One team's outcomes: the same markup as all of them, at a size axe scans quickly.
    await page.getByRole('combobox', { name: /^Team/ }).click();
    await page.getByRole('option', { name: 'Engineering — Platform' }).click();
    await page.getByTestId('pilot-count').filter({ hasText: /^3 pilots/ }).waitFor();
    await page.getByRole('tab', { name: 'Practice outcomes' }).click();
    await page.getByTestId('outcomes-table').locator('tbody tr').nth(2).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Trends' }).click();
    await page.locator('[data-chart="line"] svg').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tablist', { name: 'Leader view sections' }).getByRole('tab', { name: 'Feedback' }).click();
    await page.getByTestId('summary-table').waitFor();
    await page.getByTestId('signals').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('members and managers who open #/leader see their own pilots, and never ask for the portfolio', async () => {
    const { page, context } = await b.newPage();
    await rememberDemoUser(context, morgan.userId);
    const asked: string[] = [];
    page.on('request', (r) => r.url().includes('/api/leader/') && asked.push(r.url()));
    await page.goto(`${b.tabUrl}#/leader`);
    await page.getByRole('heading', { name: 'My pilots', level: 1 }).waitFor();
    await expect(page.getByRole('tab', { name: 'Leader view' }).count()).resolves.toBe(0);
    expect(asked).toEqual([]);
  });

  test('admins set the anonymity threshold within its bounds', async () => {
    const { page, context } = await b.newPage();
    await rememberDemoUser(context, demoUser('Alex').userId);
    await page.goto(`${b.tabUrl}#/leader/feedback`);
    const input = page.getByLabel(/^People per group/);
    await input.fill('2');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Enter a whole number from 3 to 25.').waitFor();
    await input.fill('6');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    expect((await b.t.api('/api/settings/anonymity', { as: avery })).body.anonymityThreshold).toBe(6);
    expect((await b.t.api('/api/settings/anonymity', { as: demoUser('Alex'), method: 'PUT', body: { anonymityThreshold: 5 } })).status).toBe(200);
    // Leaders who are not admins see no such setting.
    const other = await openAsLeader('#/leader/feedback');
    await other.page.getByTestId('summary-table').waitFor();
    await expect(other.page.getByLabel(/^People per group/).count()).resolves.toBe(0);
  });

  describe('inside Teams', () => {
    const LIGHT = 'rgb(250, 250, 250)';
    const DARK = 'rgb(31, 31, 31)';
    const CONTRAST = 'rgb(0, 0, 0)';
    const frameOf = (page: Page) => page.frame({ url: /\/tabs\/index\.html/ })!;

    test('SSO on every call (the CSV export too), and the theme follows Teams live', async () => {
      const teams = await b.openInTeams(avery, { tabUrl: '/tabs/index.html#/leader', theme: 'dark' });
      await dataRows(grid(teams.tab)).first().waitFor();
      const frame = frameOf(teams.page);
      expect(await frame.evaluate(APP_BACKGROUND)).toBe(DARK);
      await teams.setTheme('default');
      await frame.waitForFunction((bg) => getComputedStyle(document.getElementById('app-root')!).backgroundColor === bg, LIGHT);
      await teams.setTheme('contrast');
      await frame.waitForFunction((bg) => getComputedStyle(document.getElementById('app-root')!).backgroundColor === bg, CONTRAST);
      // Charts take the new theme too: the trend lines are drawn in the high-contrast brand colour.
      await teams.tab.getByRole('tab', { name: 'Trends' }).click();
      await teams.tab.locator('[data-chart="line"] svg path').first().waitFor({ state: 'attached' });
      await teams.setTheme('dark');
      await frame.waitForFunction((bg) => getComputedStyle(document.getElementById('app-root')!).backgroundColor === bg, DARK);

      await teams.tab.getByRole('tab', { name: 'Pilots', exact: true }).click();
      const count = teams.tab.getByTestId('pilot-count').filter({ hasText: /^\d+ pilots/ });
      const shown = Number((await count.textContent())!.split(' ')[0]);
      expect(shown).toBeGreaterThanOrEqual(TOTAL);
      const { text } = await downloadText(teams.page, () => teams.tab.getByRole('button', { name: 'Export CSV' }).click());
      expect(text.trim().split('\r\n')).toHaveLength(1 + shown);
      const api = teams.apiRequests.filter((r) => r.path.startsWith('/api/'));
      expect(api.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/me?opening=leader', '/api/leader/portfolio', '/api/leader/pilots.csv']));
      for (const req of api) expect(req.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      // The first call's token is asked for while the tab connects; each call has one of its own.
      expect(await teams.messages('authentication.getAuthToken')).toHaveLength(api.length);
      expect(teams.errors).toEqual([]);
    });

    test('Spanish, at a narrow width, with no serious axe violations', async () => {
      const teams = await b.openInTeams(avery, { tabUrl: '/tabs/index.html#/leader', locale: 'es-ES', viewport: { width: 400, height: 800 } });
      await teams.tab.getByRole('heading', { name: 'Vista de líderes', level: 1 }).waitFor();
      const g = teams.tab.getByRole('grid', { name: 'Pilotos' });
      await dataRows(g).first().waitFor();
      await teams.tab.getByRole('columnheader', { name: 'Salud' }).waitFor();
      await teams.tab.getByRole('combobox', { name: /^Estado/ }).waitFor();
      await teams.tab.getByRole('button', { name: 'Exportar CSV' }).waitFor();
      // Narrow: the grid keeps pilot, status and health; nothing spills sideways.
      const frame = frameOf(teams.page);
      expect(await frame.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await seriousViolations(teams.page)).toEqual([]);
    });
  });
});
