import { demoUser } from '../../support/app';
import { startBrowserApp, type BrowserApp } from '../../support/browser';
import { downloadText, seriousViolations } from '../helpers/browser';

/**
 * Issue 17 in the test Teams host: everyone downloads their own data from Preferences; an admin
 * exports a person and erases them through a confirmation that names who and wants the name typed
 * back; the erase shows in the audit log without the name; axe on each.
 */
const alex = demoUser('Alex');
const sam = demoUser('Sam');
const quinn = demoUser('Quinn');

describe('privacy', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp();
  });
  afterAll(() => b?.stop());

  test('“Download my data” in preferences: a JSON file of everything about the caller', async () => {
    const teams = await b.openInTeams(sam, { tabUrl: '/tabs/index.html#/preferences' });
    const button = teams.tab.getByRole('button', { name: 'Download my data (JSON)' });
    await button.waitFor();
    expect(await seriousViolations(teams.page)).toEqual([]);
    const { text, filename } = await downloadText(teams.page, () => button.click());
    expect(filename).toBe('my-leaderful-data.json');
    const data = JSON.parse(text).export;
    expect(data).toMatchObject({ subject: { userId: sam.userId, name: 'Sam Taylor' }, audience: 'self' });
    const csv = await downloadText(teams.page, () => teams.tab.getByRole('button', { name: 'Download my data (CSV)' }).click());
    expect(csv.text.split('\r\n')[0]).toBe('"container","type","id","field","value"');
    expect(teams.errors).toEqual([]);
  });

  test('an admin exports a person, then erases them after typing their name; the log keeps no name', async () => {
    const teams = await b.openInTeams(alex, { tabUrl: '/tabs/index.html#/admin/privacy' });
    const { tab, page } = teams;
    const person = tab.getByRole('combobox', { name: 'Person' });
    await person.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await person.focus();
    await page.keyboard.type('Quinn');
    await tab.getByRole('option', { name: /Quinn Adeyemi/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const exported = await downloadText(page, () => tab.getByRole('button', { name: 'Export (JSON)' }).click());
    expect(JSON.parse(exported.text).export).toMatchObject({ subject: { userId: quinn.userId, name: 'Quinn Adeyemi' }, audience: 'admin', withheld: expect.any(Object) });

    await tab.getByRole('button', { name: 'Erase…' }).click();
    const dialog = tab.getByRole('alertdialog', { name: 'Erase Quinn Adeyemi?' });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Erase Quinn Adeyemi' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await dialog.getByRole('textbox', { name: 'Type Quinn Adeyemi to confirm' }).fill('Quinn Adeyem');
    await expect(confirm.isDisabled()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Type Quinn Adeyemi to confirm' }).fill('Quinn Adeyemi');
    await confirm.click();
    await tab.getByTestId('notice').filter({ hasText: /Quinn Adeyemi was erased: \d+ documents removed, \d+ de-identified\./ }).waitFor();

    await tab.getByRole('tab', { name: 'Audit log' }).click();
    const rows = tab.getByTestId('audit-table').locator('tbody tr');
    await rows.first().waitFor();
    await expect(rows.nth(0).textContent()).resolves.toMatch(/Alex KimErased a person \(reference [0-9a-f]{8}\)/);
    await expect(tab.getByTestId('audit-table').textContent()).resolves.not.toContain('Quinn Adeyemi');
    expect(teams.errors).toEqual([]);
  });
});
