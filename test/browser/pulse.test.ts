import { DEMO_TENANT_ID } from '../../domain/demo';
import { periodOf } from '../../domain/pulse';
import { ManualClock } from '../../domain/shared/clock';
import { demoUser } from '../../support/app';
import { startBrowserApp, type BrowserApp } from '../../support/browser';
import { seriousViolations } from '../helpers/browser';

/**
 * A manager's own pulse in the tab (issue 16), inside the Teams host: the pulse open for them,
 * answered by keyboard; their history and their load against the organisation's median; axe
 * clean. Senior leaders have no pulse of their own, and switch the weekly at-risk digest off in
 * their preferences.
 */
const morgan = demoUser('Morgan'); // manages Ops
const avery = demoUser('Avery'); // senior leader
const PERIOD = periodOf(new Date('2027-01-13T12:00:00Z'));
const clock = new ManualClock(new Date(`${PERIOD}T12:00:00Z`));

describe('the managers’ pulse in the tab', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp({ env: { DEMO_SIGN_IN: 'true' }, clock });
    // The fortnight's pulse opens for the demo's managers (the scheduler's pass).
    await b.t.app.domain.pulse.tick(DEMO_TENANT_ID);
  });
  afterAll(() => b?.stop());

  test('a manager answers their pulse by keyboard and sees their history and load; axe clean', async () => {
    const teams = await b.openInTeams(morgan, { tabUrl: '/tabs/index.html#/pulse' });
    const tab = teams.tab;
    await tab.getByRole('heading', { name: 'My pulse', level: 1 }).waitFor();
    await expect(tab.getByRole('tab', { name: 'My pulse' }).getAttribute('aria-selected')).resolves.toBe('true');
    expect(await seriousViolations(teams.page)).toEqual([]);

    for (const [question, value] of [[/How free were you/, '2'], [/How manageable/, '3'], [/senior leader support/, '4'], [/feedback loops/, '5']] as const) {
      await tab.getByRole('radiogroup', { name: question }).getByRole('radio', { name: value }).focus();
      await teams.page.keyboard.press('Space');
    }
    await tab.getByRole('textbox', { name: /What would help/ }).fill('Fewer status meetings');
    await tab.getByRole('button', { name: 'Send my pulse' }).focus();
    await teams.page.keyboard.press('Enter');
    await tab.getByText('Thanks — your pulse is in.').waitFor();
    await tab.getByTestId('pulse-history').getByText('Fewer status meetings').waitFor();
    const mine = (await b.t.api('/api/pulse/me', { as: morgan })).body;
    expect(mine.history).toEqual([{ period: PERIOD, values: { autonomy: 2, workload: 3, support: 4, loops: 5, open: 'Fewer status meetings' } }]);
    // Their load row by row, the median shown only from k managers.
    const load = tab.getByTestId('pulse-load');
    await load.getByRole('row', { name: /Pilots you run/ }).waitFor();
    expect(await load.getByRole('row').count()).toBe(5);
    expect(await seriousViolations(teams.page)).toEqual([]);
  });

  test('a senior leader has no pulse tab, and switches the at-risk digest off in preferences', async () => {
    const teams = await b.openInTeams(avery, { tabUrl: '/tabs/index.html#/preferences' });
    const tab = teams.tab;
    await tab.getByRole('heading', { name: 'Preferences', level: 1 }).waitFor();
    expect(await tab.getByRole('tab', { name: 'My pulse' }).count()).toBe(0);
    const digest = tab.getByRole('switch', { name: 'Send me the weekly at-risk digest' });
    await expect(digest.isChecked()).resolves.toBe(true);
    await digest.focus();
    await teams.page.keyboard.press('Space');
    await tab.getByText('Your preferences are saved.').waitFor();
    expect((await b.t.api('/api/me/preferences', { as: avery })).body.preferences.optOutAtRiskDigest).toBe(true);
    expect(await seriousViolations(teams.page)).toEqual([]);
  });
});
