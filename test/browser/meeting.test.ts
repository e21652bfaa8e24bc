import type { Answer, Round } from '../../domain/checkins';
import { DEMO_TENANT_ID } from '../../domain/demo';
import { demoUser } from '../../support/app';
import { startBrowserApp, type BrowserApp } from '../../support/browser';
import { seriousViolations } from '../helpers/browser';

/**
 * The team's check-in in its meeting (issue 18), inside the Teams host: the side panel
 * (`sidePanel`, 320 px) and the shared stage (`meetingStage`). How many answered — never who —,
 * the facilitator's agenda, and the facilitator closing the round, after which the summary shows
 * as the server decided it (below the threshold: no averages). The configuration page, added to a
 * meeting, saves a meeting tab. axe on each.
 */
const morgan = demoUser('Morgan'); // manages Operations
const sam = demoUser('Sam'); // in Operations: facilitates this round
const riley = demoUser('Riley'); // in Operations
const PILOT = 'pilot:demo-facilitator';
const TAB = `/tabs/index.html?teamId=${encodeURIComponent('team:demo-ops')}#/meeting`;

describe('the check-in in a meeting', () => {
  let b: BrowserApp;
  let round: Round;
  beforeAll(async () => {
    b = await startBrowserApp({ env: { DEMO_SIGN_IN: 'true' } });
    // Today's round of the stand-up pilot is open, Sam facilitates, and two people have answered.
    const team = (await b.t.app.domain.directory.findTeam(DEMO_TENANT_ID, 'team:demo-ops'))!;
    const today = new Date().toISOString().slice(0, 10);
    const invited = [...team.memberIds].sort();
    round = {
      id: `round:${PILOT}:${today}`,
      tenantId: DEMO_TENANT_ID,
      type: 'round',
      pilotId: PILOT,
      teamId: team.id,
      date: today,
      number: 6,
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 20 * 3_600_000).toISOString(),
      facilitatorId: sam.userId,
      invited,
      schedule: {},
      prompted: invited,
      reminded: [],
      answered: [],
      status: 'open',
    };
    await b.t.app.store.upsert<Round>('checkins', round);
    for (const userId of [sam.userId, riley.userId]) {
      await b.t.app.store.upsert<Answer>('checkins', {
        id: `answer:${round.id}:${userId}`,
        tenantId: DEMO_TENANT_ID,
        type: 'answer',
        pilotId: PILOT,
        roundId: round.id,
        userId,
        values: { confidence: 4, blocker: 'BLOCKER-7q2 the rota clashes with on-call' },
        shareAnonymously: false,
        answeredAt: new Date().toISOString(),
      });
    }
  });
  afterAll(() => b?.stop());

  const choosePilot = async (tab: import('playwright-core').FrameLocator) => {
    const picker = tab.getByRole('combobox', { name: 'Pilot' });
    if (await picker.count()) await picker.selectOption({ label: 'Rotate who runs our Monday stand-up' });
  };

  test('side panel: a member sees how many answered, never who, and no close button', async () => {
    const teams = await b.openInTeams(riley, { tabUrl: TAB, frameContext: 'sidePanel', meetingId: 'meeting-standup', viewport: { width: 320, height: 900 } });
    const tab = teams.tab;
    await tab.getByTestId('answered').waitFor();
    await choosePilot(tab);
    await tab.getByTestId('answered').filter({ hasText: `2 of ${round.invited.length} answered` }).waitFor();
    await tab.getByText('Sam Patel facilitates this round.').or(tab.getByText(/facilitates this round\./)).first().waitFor();
    expect(await tab.getByTestId('round-status').textContent()).toBe('Open');
    const text = (await tab.locator('body').textContent()) ?? '';
    expect(text).not.toContain('Riley'); // who answered is never shown
    expect(text).not.toContain('BLOCKER-7q2'); // nothing anyone wrote while the round is open
    expect(await tab.getByRole('button', { name: 'Close the round now' }).count()).toBe(0);
    expect(await tab.getByTestId('agenda').locator('li').count()).toBe(5);
    // No app navigation in a meeting.
    expect(await tab.getByRole('navigation').count()).toBe(0);
    expect(await seriousViolations(teams.page)).toEqual([]);
    expect(teams.errors).toEqual([]);
  });

  test('side panel: the facilitator closes the round by keyboard; the summary follows the threshold', async () => {
    const teams = await b.openInTeams(sam, { tabUrl: TAB, frameContext: 'sidePanel', meetingId: 'meeting-standup', viewport: { width: 320, height: 900 } });
    const tab = teams.tab;
    await tab.getByTestId('answered').waitFor();
    await choosePilot(tab);
    await tab.getByText('You facilitate this round.').waitFor();
    await tab.getByRole('button', { name: 'Close the round now' }).focus();
    await teams.page.keyboard.press('Enter');
    await tab.getByRole('button', { name: 'Keep it open' }).waitFor();
    expect(await seriousViolations(teams.page)).toEqual([]);
    await tab.getByRole('button', { name: 'Close it' }).focus();
    await teams.page.keyboard.press('Enter');
    await tab.getByText('The round is closed. The summary is on its way to the team.').waitFor();
    expect(await tab.getByTestId('round-status').textContent()).toBe('Closed');
    // Two answers, below the demo tenant's threshold: no average, no comments, and why.
    await tab.getByTestId('summary').filter({ hasText: 'Shown when at least' }).waitFor();
    expect(await tab.getByTestId('blockers').count()).toBe(0);
    await tab.getByText(/To protect privacy/).waitFor();
    const stored = await b.t.app.store.read<Round>('checkins', DEMO_TENANT_ID, round.id);
    expect(stored?.status).toBe('closed');
    expect(stored?.summary).toMatchObject({ answered: 2, confidence: null, blockers: [] });
    // Closing again (a retry, or a second person) changes nothing.
    const again = await b.t.api(`/api/pilots/${encodeURIComponent(PILOT)}/round/close`, { as: morgan, method: 'POST' });
    expect(again.status).toBe(200);
    expect((await b.t.app.store.read<Round>('checkins', DEMO_TENANT_ID, round.id))?._etag).toBe(stored?._etag);
    expect(await seriousViolations(teams.page)).toEqual([]);
    expect(teams.errors).toEqual([]);
  });

  test('stage, in Spanish with the dark theme: the closed round and its agenda, axe clean', async () => {
    const teams = await b.openInTeams(riley, { tabUrl: TAB, frameContext: 'meetingStage', meetingId: 'meeting-standup', locale: 'es-ES', theme: 'dark' });
    const tab = teams.tab;
    await tab.getByTestId('answered').waitFor();
    const picker = tab.getByRole('combobox', { name: 'Piloto' });
    if (await picker.count()) await picker.selectOption({ label: 'Rotate who runs our Monday stand-up' });
    await tab.getByTestId('answered').filter({ hasText: `2 de ${round.invited.length} han respondido` }).waitFor();
    await tab.getByRole('heading', { name: 'Orden del día' }).waitFor();
    expect(await tab.getByTestId('round-status').textContent()).toBe('Cerrada');
    expect(await seriousViolations(teams.page)).toEqual([]);
  });

  test('the configuration page, in a meeting, saves the team’s check-in tab', async () => {
    const teams = await b.openInTeams(morgan, { tabUrl: '/tabs/index.html#/config', frameContext: 'settings', meetingId: 'meeting-standup', chatId: '19:meeting_standup@thread.v2' });
    await teams.tab.getByRole('heading', { name: /Bring a team’s check-in to this meeting/ }).waitFor();
    await teams.waitForMessage('registerHandler');
    await teams.tab.getByRole('combobox', { name: /^Team/ }).click();
    await teams.tab.getByRole('option', { name: 'Operations — Service Desk' }).click();
    await teams.page.waitForFunction(() => (window as any).__teamsHost.messages.some((m: any) => m.func === 'settings.setValidityState' && m.args[0] === true));
    expect(await seriousViolations(teams.page)).toEqual([]);
    await teams.save();
    const saved = await teams.waitForMessage('settings.setSettings');
    const config = saved.args[0] as Record<string, string>;
    const url = new URL(config.contentUrl);
    expect(url.searchParams.get('teamId')).toBe('team:demo-ops');
    expect(url.hash).toBe('#/meeting');
    expect(config).toMatchObject({ entityId: 'meeting:team:demo-ops', suggestedDisplayName: 'Check-in' });
  });

  test('the configuration page, in a group chat, pins a circle', async () => {
    const teams = await b.openInTeams(morgan, { tabUrl: '/tabs/index.html#/config', frameContext: 'settings', chatId: '19:managers@thread.v2' });
    await teams.tab.getByRole('heading', { name: /Pin a circle’s page in this chat/ }).waitFor();
    expect(await seriousViolations(teams.page)).toEqual([]);
  });
});
