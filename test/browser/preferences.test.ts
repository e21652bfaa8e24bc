import { demoUser } from '../../support/app';
import { startBrowserApp, type BrowserApp } from '../../support/browser';
import { seriousViolations } from '../helpers/browser';

/**
 * Preferences in the tab (issue 18), inside the Teams host: time zone, work days, quiet hours,
 * pause, celebrations and where each kind of notice arrives — by keyboard, axe clean, in English
 * and Spanish. What the tab saves is what the API (and so the chat commands) then say.
 */
const sam = demoUser('Sam');
const riley = demoUser('Riley');

describe('preferences in the tab', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp({ env: { DEMO_SIGN_IN: 'true' } });
  });
  afterAll(() => b?.stop());

  test('by keyboard: work days, quiet hours, celebrations, a pause and its end; axe clean', async () => {
    const teams = await b.openInTeams(sam, { tabUrl: '/tabs/index.html#/preferences' });
    const tab = teams.tab;
    await tab.getByRole('heading', { name: 'Preferences', level: 1 }).waitFor();
    expect(await seriousViolations(teams.page)).toEqual([]);

    // Saturday becomes a work day; quiet hours 21:00–07:30; celebrated privately. All by keyboard.
    await tab.getByRole('checkbox', { name: 'Saturday' }).focus();
    await teams.page.keyboard.press('Space');
    await tab.getByRole('switch', { name: 'Quiet hours' }).focus();
    await teams.page.keyboard.press('Space');
    await tab.getByLabel('From').fill('21:00');
    await tab.getByLabel('Until').fill('07:30');
    await tab.getByRole('switch', { name: /Celebrate me privately/ }).focus();
    await teams.page.keyboard.press('Space');
    await tab.getByRole('button', { name: 'Save check-in preferences' }).focus();
    await teams.page.keyboard.press('Enter');
    await tab.getByText('Your preferences are saved.').waitFor();
    const saved = (await b.t.api('/api/me/preferences', { as: sam })).body.preferences;
    expect(saved).toMatchObject({ quietHours: { from: '21:00', to: '07:30' }, optOutPublicCelebration: true });
    expect(saved.workDays).toContain(6);

    // No work days at all is refused before anything is sent.
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']) await tab.getByRole('checkbox', { name: day }).uncheck();
    await tab.getByRole('button', { name: 'Save check-in preferences' }).click();
    await tab.getByText('Pick at least one work day.').waitFor();
    expect((await b.t.api('/api/me/preferences', { as: sam })).body.preferences.workDays).toEqual(saved.workDays);

    // Pause: the chat command's rule (1–90 days); then resume.
    await tab.getByLabel(/Pause my check-ins for/).fill('120');
    await tab.getByRole('button', { name: 'Pause check-ins' }).click();
    await tab.getByText('Enter a whole number of days from 1 to 90.').waitFor();
    await tab.getByLabel(/Pause my check-ins for/).fill('5');
    await tab.getByRole('button', { name: 'Pause check-ins' }).click();
    await tab.getByTestId('paused').waitFor();
    expect((await b.t.api('/api/me/preferences', { as: sam })).body.preferences.pausedUntil).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(await seriousViolations(teams.page)).toEqual([]);
    await tab.getByRole('button', { name: 'Resume check-ins now' }).click();
    await tab.getByText('Your check-ins are back on.').waitFor();
    expect((await b.t.api('/api/me/preferences', { as: sam })).body.preferences.pausedUntil).toBeNull();
    expect(teams.errors).toEqual([]);
  });

  test('notification channels: chat for every kind until changed; with Graph the activity feed and both are offered', async () => {
    const teams = await b.openInTeams(riley, { tabUrl: '/tabs/index.html#/preferences' });
    const tab = teams.tab;
    await tab.getByRole('heading', { name: 'Notifications' }).waitFor();
    const due = tab.getByRole('radiogroup', { name: 'A check-in is due' });
    expect(await due.getByRole('radio', { name: 'Chat' }).isChecked()).toBe(true);
    expect(await tab.getByTestId('feed-note').count()).toBe(0);
    expect(await tab.getByText(/not available yet/).count()).toBe(0);
    // The feed for check-ins, both for the digest; by keyboard.
    await due.getByRole('radio', { name: 'Activity feed' }).focus();
    await teams.page.keyboard.press('Space');
    const digest = tab.getByRole('radiogroup', { name: /Leader digest/ });
    await digest.getByRole('radio', { name: 'Both' }).focus();
    await teams.page.keyboard.press('Space');
    await tab.getByRole('button', { name: 'Save notification choices' }).focus();
    await teams.page.keyboard.press('Enter');
    await tab.getByText('Your preferences are saved.').waitFor();
    expect((await b.t.api('/api/me/preferences', { as: riley })).body.preferences.notifications).toEqual({ checkin_due: 'feed', feedback_reply: 'chat', facilitator_turn: 'chat', leader_digest: 'both' });
    expect(await seriousViolations(teams.page)).toEqual([]);
    expect(teams.errors).toEqual([]);
  });

  test('in Spanish, axe clean', async () => {
    const teams = await b.openInTeams(riley, { tabUrl: '/tabs/index.html#/preferences', locale: 'es-ES', theme: 'dark' });
    const tab = teams.tab;
    await tab.getByRole('heading', { name: 'Preferencias', level: 1 }).waitFor();
    await tab.getByRole('checkbox', { name: 'lunes' }).waitFor();
    const due = tab.getByRole('radiogroup', { name: 'Toca hacer un seguimiento' });
    expect(await due.getByRole('radio', { name: 'Fuente de actividad' }).isDisabled()).toBe(false);
    expect(await tab.getByText(/aún no están disponibles en tu organización/).count()).toBe(0);
    expect(await seriousViolations(teams.page)).toEqual([]);
  });
});

describe('preferences in the tab without the activity feed', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp({ env: { DEMO_SIGN_IN: 'true', ACTIVITY_FEED: 'false' } });
  });
  afterAll(() => b?.stop());

  test('the feed and both are shown as not available yet, and the API refuses them', async () => {
    const teams = await b.openInTeams(riley, { tabUrl: '/tabs/index.html#/preferences' });
    const tab = teams.tab;
    await tab.getByRole('heading', { name: 'Notifications' }).waitFor();
    await tab.getByTestId('feed-note').waitFor();
    const due = tab.getByRole('radiogroup', { name: 'A check-in is due' });
    expect(await due.getByRole('radio', { name: 'Chat' }).isChecked()).toBe(true);
    expect(await due.getByRole('radio', { name: /Activity feed \(not available yet\)/ }).isDisabled()).toBe(true);
    expect(await due.getByRole('radio', { name: /Both \(not available yet\)/ }).isDisabled()).toBe(true);
    const refused = await b.t.api('/api/me/preferences', { as: riley, method: 'PUT', body: { notifications: { leader_digest: 'feed' } } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0]).toMatchObject({ field: 'notifications.leader_digest', code: 'directory.channel_unavailable' });
    expect((await b.t.api('/api/me/preferences', { as: riley })).body.preferences.notifications.leader_digest).toBe('chat');
    expect(teams.errors).toEqual([]);
  });
});
