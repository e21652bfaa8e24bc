import { demoUser } from '../../support/app';
import { startBrowserApp, type BrowserApp } from '../../support/browser';
import { seriousViolations } from '../helpers/browser';

/**
 * The admin area in the test Teams host, signed in with Teams SSO tokens that carry Entra app
 * roles: the organisation sync (run now, watch it finish), roles and their sources, naming and
 * taking back a team's manager with the keyboard alone, settings, the audit log; axe on each
 * section; Spanish; and nothing of it for someone without the admin role.
 */
const alex = demoUser('Alex'); // Leaderful.Admin and Leaderful.Leader in the token
const avery = demoUser('Avery'); // Leaderful.Leader only

describe('admin area', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp();
  });
  afterAll(() => b?.stop());

  test('organisation sync: what the last one read, and a sync run from the page', async () => {
    const teams = await b.openInTeams(alex, { tabUrl: '/tabs/index.html#/admin' });
    const { tab } = teams;
    await tab.getByRole('heading', { name: 'Admin', level: 1 }).waitFor();
    await expect(tab.getByRole('tab', { name: 'Admin' }).getAttribute('aria-selected')).resolves.toBe('true');
    const facts = tab.getByTestId('sync-facts');
    await facts.waitFor();
    await expect(facts.textContent()).resolves.toMatch(/People\s*23.*Levels\s*4/);
    await expect(tab.getByTestId('sync-history').locator('tbody tr').count()).resolves.toBe(1);
    expect(await seriousViolations(teams.page)).toEqual([]);

    const syncNow = tab.getByRole('button', { name: 'Sync now' });
    await syncNow.focus();
    await teams.page.keyboard.press('Enter');
    await tab.getByTestId('sync-history').locator('tbody tr').nth(1).waitFor();
    await expect(tab.getByTestId('sync-history').locator('tbody tr').first().textContent()).resolves.toMatch(/An admin.*Changes only.*Completed/);
    await syncNow.waitFor(); // enabled again once done
    expect(teams.errors).toEqual([]);
  });

  test('roles and where they come from', async () => {
    const teams = await b.openInTeams(alex, { tabUrl: '/tabs/index.html#/admin/roles' });
    const rows = teams.tab.getByTestId('roles-table').locator('tbody tr');
    await rows.first().waitFor();
    const text = await rows.allTextContents();
    expect(text).toEqual(expect.arrayContaining([expect.stringMatching(/^Alex KimAdminMicrosoft Entra ID/), expect.stringMatching(/^Morgan LeeManagerOwner in TeamsOperations — Service Desk/)]));
    expect(await seriousViolations(teams.page)).toEqual([]);
  });

  test('keyboard only: name a manager of a team, then take them back; both in the audit log', async () => {
    const teams = await b.openInTeams(alex, { tabUrl: '/tabs/index.html#/admin/teams' });
    const { tab, page } = teams;
    const ops = tab.getByRole('article', { name: 'Operations — Service Desk' });
    await ops.waitFor();
    await expect(ops.getByRole('list', { name: 'Managers of Operations — Service Desk' }).textContent()).resolves.toMatch(/^Morgan LeeOwner in Teams$/);
    expect(await seriousViolations(page)).toEqual([]);

    await ops.getByRole('combobox', { name: 'Person' }).focus();
    await page.keyboard.type('Sam');
    await tab.getByRole('option', { name: /Sam Taylor/ }).waitFor(); // the list opens in a popup layer
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(ops.getByRole('combobox', { name: 'Person' }).inputValue()).resolves.toBe('Sam Taylor');
    await page.keyboard.press('Tab'); // the combobox's own "Open" button
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => (document.getElementById('tab') as HTMLIFrameElement).contentDocument!.activeElement?.textContent)).resolves.toBe('Name a manager');
    await page.keyboard.press('Enter');
    await tab.getByTestId('notice').filter({ hasText: 'Sam Taylor now manages Operations — Service Desk.' }).waitFor();
    const takeBack = ops.getByRole('button', { name: 'Take back Sam Taylor as a manager of Operations — Service Desk' });
    await takeBack.focus();
    await page.keyboard.press('Enter');
    await tab.getByTestId('notice').filter({ hasText: 'Sam Taylor no longer manages Operations — Service Desk.' }).waitFor();
    await expect(takeBack.count()).resolves.toBe(0);

    await tab.getByRole('tab', { name: 'Audit log' }).click();
    const rows = tab.getByTestId('audit-table').locator('tbody tr');
    await rows.first().waitFor();
    await expect(rows.nth(0).textContent()).resolves.toContain('Alex KimTook back Sam Taylor as a manager of Operations — Service Desk');
    await expect(rows.nth(1).textContent()).resolves.toContain('Named Sam Taylor a manager of Operations — Service Desk');
    expect(await seriousViolations(page)).toEqual([]);
    expect(teams.errors).toEqual([]);
  });

  test('settings: a bad value is named at its field, a good one saved and audited', async () => {
    const teams = await b.openInTeams(alex, { tabUrl: '/tabs/index.html#/admin/settings' });
    const { tab, page } = teams;
    const threshold = tab.getByRole('spinbutton', { name: /Anonymity threshold/ });
    await threshold.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await threshold.fill('30');
    await tab.getByRole('button', { name: 'Save settings' }).click();
    await tab.getByText('Choose a whole number from 3 to 25.').waitFor();
    await expect(threshold.getAttribute('aria-invalid')).resolves.toBe('true');
    await threshold.fill('6');
    await tab.getByRole('switch', { name: 'No check-ins during quiet hours' }).check();
    await tab.getByRole('button', { name: 'Save settings' }).click();
    await tab.getByTestId('notice').filter({ hasText: 'Settings saved.' }).waitFor();
    await tab.getByRole('tab', { name: 'Audit log' }).click();
    const row = tab.getByTestId('audit-table').locator('tbody tr').first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Changed Anonymity threshold (and|&) Quiet hours.*Anonymity threshold: 5 → 6.*Quiet hours: none → 20:00–08:00/);
  });

  test('in Spanish', async () => {
    const teams = await b.openInTeams(alex, { tabUrl: '/tabs/index.html#/admin/roles', locale: 'es-ES' });
    await teams.tab.getByRole('heading', { name: 'Administración', level: 1 }).waitFor();
    await teams.tab.getByRole('heading', { name: 'Quién tiene cada rol' }).waitFor();
    await teams.tab.getByRole('columnheader', { name: 'Procede de' }).waitFor();
    await teams.tab.getByRole('cell', { name: 'Propietaria en Teams' }).first().waitFor();
    expect(await seriousViolations(teams.page)).toEqual([]);
  });

  test('without the admin role in the token there is no admin area', async () => {
    const teams = await b.openInTeams(avery, { tabUrl: '/tabs/index.html#/admin' });
    await teams.tab.getByRole('tab', { name: 'Leader view' }).waitFor();
    await expect(teams.tab.getByRole('tab', { name: 'Admin' }).count()).resolves.toBe(0);
    await teams.tab.getByRole('heading', { name: 'My pilots', level: 1 }).waitFor();
    const adminCalls = teams.apiRequests.filter((r) => r.path.startsWith('/api/admin'));
    expect(adminCalls).toEqual([]);
  });
});
