import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { demoUser } from '../../support/app';
import { signInAsDemoUser } from '../helpers/browser';
import { startBrowserApp, type BrowserApp } from '../../support/browser';

/**
 * The tab opened directly in a browser with demo sign-in on: the local demo path. Real server,
 * real Chromium; each test gets its own browser context and creates the data it changes.
 */
describe('tab, standalone with demo sign-in', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp({ env: { DEMO_SIGN_IN: 'true' } });
  });
  afterAll(() => b?.stop());

  const rows = (page: Page) => page.locator('tbody tr');
  const rowTitles = (page: Page) => page.locator('tbody tr a').allTextContents();
  const field = (page: Page, label: string | RegExp) => page.getByRole('dialog').getByLabel(label, { exact: typeof label === 'string' });
  const pilotStatus = (page: Page) => page.locator('main header [data-status]').getAttribute('data-status');

  test('a manager picks her demo user and sees her team’s pilots, filtered by status', async () => {
    const { page, errors } = await b.newPage();
    await signInAsDemoUser(page, b.tabUrl, 'Morgan Lee');
    await page.getByRole('heading', { name: 'My pilots', level: 1 }).waitFor();
    await rows(page).first().waitFor();
    const titles = await rowTitles(page);
    expect(titles).toEqual(expect.arrayContaining(['Rotate who runs our Monday stand-up', 'Let the desk decide refunds under £200']));
    expect(titles).not.toContain('Friday 30-minute retro'); // another manager's team

    const active = rows(page).filter({ hasText: 'Rotate who runs our Monday stand-up' });
    await expect(active.locator('[data-status]').getAttribute('data-status')).resolves.toBe('active');
    await expect(active.locator('[data-health]').textContent()).resolves.toBe('On track');

    await page.getByRole('tab', { name: /^Draft/ }).click();
    await rows(page).filter({ hasText: 'Rotate who runs' }).waitFor({ state: 'detached' });
    const statuses = await rows(page).locator('[data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['draft']));

    // The choice survives a reload.
    await page.reload();
    await page.getByTestId('signed-in-user').filter({ hasText: 'Morgan Lee' }).waitFor();
    expect(errors).toEqual([]);
  });

  test('a manager creates a pilot (fixing a validation error first), launches it and closes it', async () => {
    const { page, errors } = await b.newPage();
    const posts: { headers: Record<string, string>; body: any }[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/pilots') posts.push({ headers: req.headers(), body: req.postDataJSON() });
    });
    await signInAsDemoUser(page, b.tabUrl, 'Morgan Lee');
    await page.getByRole('button', { name: 'New pilot' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'New pilot' }).waitFor();

    // Start from a library practice: its measures are filled in.
    await dialog.getByRole('combobox', { name: 'Start from' }).click();
    await page.getByRole('option', { name: 'Rotating meeting facilitator' }).click();
    await expect(field(page, 'Success measure 1').inputValue()).resolves.toBe('Every member facilitates at least once');

    const title = `Rotating facilitator ${Date.now()}`;
    await field(page, /^Title/).fill(title);
    await field(page, /^Hypothesis/).fill('If each of us chairs the stand-up in turn, more people will shape how we work.');
    await expect(dialog.getByRole('combobox', { name: /^Team/ }).textContent()).resolves.toContain('Operations — Service Desk');
    await field(page, /^Start date/).fill('2030-03-10');
    await field(page, /^End date/).fill('2030-03-01');
    await dialog.getByRole('button', { name: 'Create pilot' }).click();

    await dialog.getByText('The end date must be after the start date.').waitFor();
    await expect(field(page, /^End date/).getAttribute('aria-invalid')).resolves.toBe('true');
    expect(posts).toHaveLength(0); // caught before anything was sent

    await field(page, /^End date/).fill('2030-04-21');
    await dialog.getByRole('button', { name: 'Create pilot' }).click();

    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByTestId('notice').getByText('Pilot created as a draft').waitFor();
    expect(posts).toHaveLength(1);
    expect(posts[0].headers['x-leaderful-demo-user']).toBe(demoUser('Morgan').userId);
    expect(posts[0].headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[0].body).toMatchObject({ title, practiceId: 'practice:rotating-facilitator', teamId: 'team:demo-ops', startDate: '2030-03-10', endDate: '2030-04-21' });
    await expect(pilotStatus(page)).resolves.toBe('draft');

    await page.getByRole('button', { name: 'Launch' }).click();
    await page.getByTestId('notice').getByText('Pilot launched').waitFor();
    await expect(pilotStatus(page)).resolves.toBe('active');

    await page.getByRole('button', { name: 'Close pilot' }).click();
    const close = page.getByRole('dialog');
    await close.getByRole('button', { name: 'Close pilot' }).click();
    await close.getByText('Choose an outcome.').waitFor();
    await close.getByRole('radio', { name: /^Adapt/ }).check();
    await close.getByLabel(/What did you learn/).fill('Rotating worked once we shared a one-page guide for first-time chairs.');
    await close.getByRole('button', { name: 'Close pilot' }).click();

    await page.getByTestId('notice').getByText('Pilot closed').waitFor();
    await expect(pilotStatus(page)).resolves.toBe('adapted');
    await page.getByRole('heading', { name: 'What we learned' }).waitFor();
    await expect(page.getByRole('toolbar', { name: 'Pilot actions' }).count()).resolves.toBe(0); // closed: nothing left to do

    const stored = await b.t.api(`/api/pilots?mine=true`, { as: demoUser('Morgan') });
    expect(stored.body.pilots.find((p: any) => p.title === title)).toMatchObject({ status: 'adapted', learning: expect.stringContaining('one-page guide') });
    expect(errors).toEqual([]);
  });

  test('server field errors appear next to their fields', async () => {
    const { page } = await b.newPage();
    await signInAsDemoUser(page, b.tabUrl, 'Morgan Lee');
    // A rule only the server knows (e.g. a future uniqueness check), answered in the API's error shape.
    await page.route('**/api/pilots', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 400,
            json: { error: { code: 'validation', message: 'title: already used', fields: [{ field: 'title', message: 'is already used by another pilot' }, { field: 'budget', message: 'is over the limit' }] } },
          })
        : route.fallback(),
    );
    await page.getByRole('button', { name: 'New pilot' }).click();
    await field(page, /^Title/).fill('Weekly retro');
    await field(page, /^Hypothesis/).fill('Talking about how we work each week will surface problems sooner.');
    await field(page, 'Success measure 1').fill('Two actions a week');
    await page.getByRole('dialog').getByRole('button', { name: 'Create pilot' }).click();

    await page.getByRole('dialog').getByText('is already used by another pilot').waitFor();
    await expect(field(page, /^Title/).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByTestId('form-banner').textContent()).resolves.toContain('budget: is over the limit');
  });

  test('saving over someone else’s change is refused, and Reload brings in their version', async () => {
    const morgan = demoUser('Morgan');
    const created = await b.t.api('/api/pilots', {
      as: morgan,
      body: { title: 'Shared pilot', hypothesis: 'Two editors at once should not lose either change.', successMeasures: ['No lost edits'], teamId: 'team:demo-ops', startDate: '2030-05-01', endDate: '2030-06-01' },
    });
    const id: string = created.body.pilot.id;
    const { page } = await b.newPage();
    await signInAsDemoUser(page, b.tabUrl, 'Morgan Lee', `#/pilots/${encodeURIComponent(id)}`);
    await page.getByRole('heading', { name: 'Shared pilot', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).click();
    await field(page, /^Title/).fill('My title');

    // Meanwhile, the same pilot is edited elsewhere (the bot, another tab).
    const fresh = await b.t.api(`/api/pilots/${encodeURIComponent(id)}`, { as: morgan });
    const patched = await b.t.api(`/api/pilots/${encodeURIComponent(id)}`, { as: morgan, method: 'PATCH', body: { title: 'Their title' }, headers: { 'if-match': fresh.body.pilot.etag } });
    expect(patched.status).toBe(200);

    await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('form-banner').getByText('Someone else changed this pilot').waitFor();
    await page.getByTestId('form-banner').getByRole('button', { name: 'Reload' }).click();
    await page.getByTestId('form-banner').waitFor({ state: 'detached' });
    await expect(field(page, /^Title/).inputValue()).resolves.toBe('Their title');

    await field(page, /^Title/).fill('Our agreed title');
    await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Our agreed title', level: 1 }).waitFor();
    await page.getByTestId('notice').getByText('Changes saved.').waitFor();
  });

  test('a team member sees the team’s pilots but cannot create or change them', async () => {
    const { page } = await b.newPage();
    await signInAsDemoUser(page, b.tabUrl, 'Sam Taylor');
    await rows(page).first().waitFor();
    expect(await rowTitles(page)).toContain('Rotate who runs our Monday stand-up');
    await expect(page.getByRole('button', { name: 'New pilot' }).count()).resolves.toBe(0);

    await page.getByRole('link', { name: 'Rotate who runs our Monday stand-up' }).click();
    await page.getByRole('heading', { name: 'Health' }).waitFor();
    await expect(page.getByRole('toolbar', { name: 'Pilot actions' }).count()).resolves.toBe(0);
    for (const name of ['Edit', 'Pause', 'Launch', 'Close pilot', 'Send to review']) {
      await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);
    }
  });

  test('the list and the pilot form have no serious accessibility problems', async () => {
    const { page, context } = await b.newPage();
    await signInAsDemoUser(page, b.tabUrl, 'Morgan Lee');
    await rows(page).first().waitFor();
    const scan = async () =>
      (await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(await scan()).toEqual([]);
    await page.getByRole('button', { name: 'New pilot' }).click();
    await field(page, /^Title/).waitFor();
    // Keyboard: focus starts inside the dialog and Escape closes it.
    await expect(page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).resolves.toBe(true);
    expect(await scan()).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await context.close();
  });
});
