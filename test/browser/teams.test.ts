import { demoUser } from '../../support/app';
import { APP_BACKGROUND } from '../helpers/browser';
import { startBrowserApp, type BrowserApp } from '../../support/browser';

/**
 * The tab inside the test Teams host (support/teams-host): SSO tokens, themes, deep links,
 * the channel tab and its configuration page. This server has Teams SSO only (no demo sign-in),
 * so anything the tab shows was fetched with a Bearer token.
 */
describe('tab, inside Teams', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp();
  });
  afterAll(() => b?.stop());

  const morgan = demoUser('Morgan');
  // Fluent tokens the app paints its page with (colorNeutralBackground2).
  const LIGHT = 'rgb(250, 250, 250)';
  const DARK = 'rgb(31, 31, 31)';
  const CONTRAST = 'rgb(0, 0, 0)';

  test('signs in with the Teams SSO token on every API call', async () => {
    const teams = await b.openInTeams(demoUser('Alex'), { tabUrl: '/tabs/index.html#/pilots' });
    await teams.tab.getByTestId('signed-in-user').filter({ hasText: 'Alex Kim' }).waitFor(); // from /api/me
    await teams.tab.locator('tbody tr').first().waitFor();

    expect(teams.apiRequests.length).toBeGreaterThanOrEqual(2);
    for (const req of teams.apiRequests) {
      expect(req.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      expect(req.headers['x-leaderful-demo-user']).toBeUndefined();
    }
    // A token is asked for before each call (Teams caches them, so this is cheap).
    expect((await teams.messages('authentication.getAuthToken')).length).toBeGreaterThanOrEqual(teams.apiRequests.length);
    await teams.waitForMessage('appInitialization.success');
    expect(teams.errors).toEqual([]);
  });

  test('starts in the Teams theme and follows live theme changes', async () => {
    const teams = await b.openInTeams(morgan, { tabUrl: '/tabs/index.html#/pilots', theme: 'dark' });
    const frame = teams.page.frame({ url: /\/tabs\/index\.html/ })!;
    await teams.tab.locator('tbody tr').first().waitFor();
    expect(await frame.evaluate(APP_BACKGROUND)).toBe(DARK);

    await teams.setTheme('default');
    await frame.waitForFunction((bg) => getComputedStyle(document.getElementById('app-root')!).backgroundColor === bg, LIGHT);
    await teams.setTheme('contrast');
    await frame.waitForFunction((bg) => getComputedStyle(document.getElementById('app-root')!).backgroundColor === bg, CONTRAST);
    await expect(frame.locator('#app-root').getAttribute('data-theme')).resolves.toBe('contrast');
  });

  test('a deep link (subEntityId) opens the pilot', async () => {
    const teams = await b.openInTeams(morgan, { tabUrl: '/tabs/index.html#/pilots', subEntityId: 'pilot:demo-facilitator' });
    await teams.tab.getByRole('heading', { name: 'Rotate who runs our Monday stand-up', level: 1 }).waitFor();
    await teams.tab.getByRole('heading', { name: 'Health' }).waitFor();
    await teams.tab.getByRole('link', { name: 'Back to pilots' }).click();
    await teams.tab.getByRole('heading', { name: 'My pilots', level: 1 }).waitFor();
  });

  test('the configuration page saves a channel tab for the chosen team', async () => {
    const teams = await b.openInTeams(morgan, { tabUrl: '/tabs/index.html#/config', frameContext: 'settings', teamId: '19:teams-internal-id@thread.skype' });
    await teams.tab.getByRole('heading', { name: /Show a team’s pilots/ }).waitFor();
    await teams.waitForMessage('registerHandler');
    expect((await teams.messages('settings.setValidityState')).map((m) => m.args[0])).not.toContain(true);

    await teams.tab.getByRole('combobox', { name: /^Team/ }).click();
    await teams.tab.getByRole('option', { name: 'Operations — Service Desk' }).click();
    await teams.page.waitForFunction(() =>
      (window as any).__teamsHost.messages.some((m: any) => m.func === 'settings.setValidityState' && m.args[0] === true),
    );

    await teams.save();
    const saved = await teams.waitForMessage('settings.setSettings');
    const config = saved.args[0] as Record<string, string>;
    const contentUrl = new URL(config.contentUrl);
    expect(contentUrl.origin).toBe(b.t.url);
    expect(contentUrl.pathname).toBe('/tabs/index.html');
    expect(contentUrl.searchParams.get('teamId')).toBe('team:demo-ops');
    expect(contentUrl.hash).toBe('#/team');
    expect(config).toMatchObject({ websiteUrl: config.contentUrl, entityId: 'pilots:team:demo-ops', suggestedDisplayName: 'Pilots' });
    await teams.waitForMessage('settings.save.success');
    expect((await teams.messages('registerHandler')).map((m) => m.args[0])).toContain('save');
  });

  test('the channel tab shows only its team’s pilots', async () => {
    // A senior leader may see every pilot, so only the tab's team filter narrows the list.
    const teams = await b.openInTeams(demoUser('Avery'), { tabUrl: `/tabs/index.html?teamId=${encodeURIComponent('team:demo-care')}#/team` });
    await teams.tab.getByRole('heading', { name: 'Customer Care — Americas', level: 1 }).waitFor();
    await teams.tab.locator('tbody tr').first().waitFor();
    const titles = await teams.tab.locator('tbody tr a').allTextContents();
    expect(titles.sort()).toEqual(['Friday 30-minute retro', 'Meeting-free Wednesday mornings']);
    expect(teams.apiRequests.some((r) => r.path === `/api/pilots?teamId=${encodeURIComponent('team:demo-care')}`)).toBe(true);
  });

  test('speaks the Teams locale: Spanish', async () => {
    const teams = await b.openInTeams(morgan, { tabUrl: '/tabs/index.html#/pilots', locale: 'es-ES' });
    await teams.tab.getByRole('heading', { name: 'Mis pilotos', level: 1 }).waitFor();
    await teams.tab.getByRole('button', { name: 'Nuevo piloto' }).waitFor();
    await teams.tab.getByRole('columnheader', { name: 'Confianza' }).waitFor();
    await teams.tab.locator('tbody tr [data-status="active"]').filter({ hasText: 'Activo' }).first().waitFor();
    expect(await teams.page.frame({ url: /\/tabs\/index\.html/ })!.evaluate(() => document.documentElement.lang)).toBe('es');
  });

  test('says so when Teams cannot sign the user in', async () => {
    const teams = await b.openInTeams(morgan, { tabUrl: '/tabs/index.html#/pilots', signIn: false });
    await teams.tab.getByRole('heading', { name: 'We couldn’t sign you in with Teams.' }).waitFor();
    await teams.tab.getByRole('button', { name: 'Try again' }).waitFor();
  });

  test('opened in a plain browser without demo sign-in, it points to Teams', async () => {
    const { page } = await b.newPage();
    await page.goto(`${b.tabUrl}#/pilots`);
    await page.getByRole('heading', { name: 'Open Leaderful in Microsoft Teams' }).waitFor();
  });
});
