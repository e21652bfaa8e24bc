import { randomUUID } from 'node:crypto';
import type { Round } from '../domain/checkins';
import type { Pilot } from '../domain/pilots';
import { ManualClock } from '../domain/shared/clock';
import { startTestApp, type TestApp } from '../support/app';
import { BOT_ID, installInTeamActivity, invokeActivity, messageActivity, rosterOf, type TeamsUser } from '../support/teams';
import { adaptiveCardsIn } from './helpers/cards';

/**
 * The manager who installs the bot is one of their team; and the small things a new user
 * notices: a circle's name said once, the pilot form starting on the channel it was opened
 * from, and a pilot started from scratch asking the standard check-in questions.
 */
// Fridays at 10:00 UTC is the pilot form's default rhythm.
const clock = new ManualClock(new Date('2027-01-01T12:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false' } });
});
afterAll(() => t.stop());

const tenantId = randomUUID();
const person = (name: string): TeamsUser => ({ tenantId, userId: randomUUID(), name });
const maria = person('Maria Manager');
const ana = person('Ana Member');
const ned = person('Ned Member');
const OPS = { teamsTeamId: '19:ops@thread.tacv2', name: 'Ops squad' };
const CARE = { teamsTeamId: '19:care@thread.tacv2', name: 'Care crew' };
const teamId = (team: { teamsTeamId: string }) => `team:${team.teamsTeamId}`;

/** An invoke or message as Teams sends it from a team's channel. */
const inChannel = <A extends { channelData: Record<string, unknown> }>(activity: A, team: { teamsTeamId: string }): A => ({
  ...activity,
  channelData: { ...activity.channelData, team: { id: team.teamsTeamId } },
});
const channel = (team: { teamsTeamId: string }) => ({ conversationId: `${team.teamsTeamId};messageid=1`, conversationType: 'channel' as const });

/** The team chosen in a pilot form card ('' when none is). */
function chosenTeam(body: unknown): string {
  const [card] = adaptiveCardsIn(body);
  const find = (items: unknown[]): { value?: string } | undefined => {
    for (const item of items as Record<string, unknown>[]) {
      if (item.id === 'teamId') return item;
      const inner = find([...((item.items as unknown[]) ?? []), ...((item.columns as unknown[]) ?? [])]);
      if (inner) return inner;
    }
    return undefined;
  };
  const input = find(card.body as unknown[]);
  if (!input) throw new Error('the form has no team picker');
  return input.value ?? '';
}

const pilotsOf = () => t.app.store.all<Pilot>('pilots', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'pilot'");

beforeAll(async () => {
  // Maria installs the bot in two teams. Teams' roster of Ops does not list her (as in the
  // Agents Playground, and for an owner who is not a channel member); Care's does.
  // She owns both in Teams, so manages both.
  t.connector.members = rosterOf(tenantId, [ana, ned]);
  expect((await t.activity(installInTeamActivity(t.connector.url, maria, { ...OPS, aadGroupId: t.teamInGraph(tenantId, [maria], [ana, ned]) }))).status).toBe(200);
  t.connector.members = rosterOf(tenantId, [maria, ana]);
  expect((await t.activity(installInTeamActivity(t.connector.url, maria, { ...CARE, aadGroupId: t.teamInGraph(tenantId, [maria], [ana]) }))).status).toBe(200);
});

describe('the installer is on their own team', () => {
  test('listed as a member even when the roster leaves them out', async () => {
    const teams = (await t.api('/api/teams', { as: maria })).body.teams;
    expect(teams).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: teamId(OPS), managerId: maria.userId, memberCount: 3 }),
        expect.objectContaining({ id: teamId(CARE), managerId: maria.userId, memberCount: 2 }),
      ]),
    );
  });

  test('gets check-ins for their own pilot and takes a turn on the facilitator rota', async () => {
    const created = await t.api('/api/pilots', {
      as: maria,
      body: { title: 'Ops retro', practiceId: 'practice:weekly-retro', hypothesis: 'A weekly retro helps us improve.', successMeasures: ['One change a week'], teamId: teamId(OPS), startDate: '2027-01-04', endDate: '2027-02-26' },
    });
    expect(created.status).toBe(201);
    const pilotId = created.body.pilot.id;
    await t.api(`/api/pilots/${encodeURIComponent(pilotId)}/launch`, { as: maria, method: 'POST' });
    clock.set('2027-01-08T10:01:00Z');
    await t.app.background.tick();
    await t.app.background.delivery.flush();

    const [round] = await t.app.store.all<Round>('checkins', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.pilotId = @p", { p: pilotId });
    expect(round.invited.sort()).toEqual([maria.userId, ana.userId, ned.userId].sort());
    expect(round.prompted).toContain(maria.userId);
    const toMaria = [...t.connector.personalChats].find(([, member]) => member === `29:${maria.userId}`)?.[0];
    expect(t.connector.received.some((a) => a.conversationId === toMaria && JSON.stringify(a.activity).includes('Check-in: Ops retro'))).toBe(true);
    const pilot = (await pilotsOf()).find((p) => p.id === pilotId)!;
    expect(pilot.rota?.order).toContain(maria.userId);
  });
});

describe('small things', () => {
  test('a circle named "… circle" is not called "… circle circle"', async () => {
    for (const [name, rhythm] of [['Test circle', 'Test circle'], ['Leading hybrid teams', 'Leading hybrid teams circle']]) {
      const team = { teamsTeamId: `19:${randomUUID()}@thread.tacv2`, name: `${name} chat` };
      t.connector.members = rosterOf(tenantId, [maria, ana, ned]);
      await t.activity(installInTeamActivity(t.connector.url, maria, team));
      const start = {
        ...inChannel(messageActivity(t.connector.url, maria, `<at>Leaderful</at> start circle ${name}`, channel(team)), team),
        entities: [{ type: 'mention', text: '<at>Leaderful</at>', mentioned: { id: BOT_ID, name: 'Leaderful' } }],
      };
      await t.activity(start);
      const [reply] = t.connector.received.filter((a) => a.activity.replyToId === start.id);
      expect(JSON.stringify(reply.activity)).toContain(`Circle: ${name}`);
      const titles = (await pilotsOf()).filter((p) => p.circleId && p.teamName === name).map((p) => p.title);
      expect(titles).toEqual([rhythm]);
    }
  });

  test('the pilot form opened from a channel starts on that channel’s team; from a 1:1 it asks', async () => {
    const dialogFromCare = await t.activity(inChannel(invokeActivity(t.connector.url, maria, 'task/fetch', { data: { action: 'launchPilot' } }, channel(CARE)), CARE));
    expect(chosenTeam(dialogFromCare.body)).toBe(teamId(CARE));
    const extensionFromOps = await t.activity(inChannel(invokeActivity(t.connector.url, maria, 'composeExtension/fetchTask', { commandId: 'launchPilot', commandContext: 'compose' }, channel(OPS)), OPS));
    expect(chosenTeam(extensionFromOps.body)).toBe(teamId(OPS));
    const fromChat = await t.activity(invokeActivity(t.connector.url, maria, 'task/fetch', { data: { action: 'launchPilot' } }));
    expect(chosenTeam(fromChat.body)).toBe('');
    // A channel of a team she is not in is not preselected for her.
    const stranger = await t.activity(inChannel(invokeActivity(t.connector.url, ned, 'task/fetch', { data: { action: 'launchPilot' } }, channel(CARE)), CARE));
    expect(chosenTeam(stranger.body)).not.toBe(teamId(CARE));
  });

  test('a pilot from scratch asks the standard check-in questions, from the chat dialog and the message extension alike', async () => {
    const form = (title: string) => ({
      action: 'createPilot', requestId: randomUUID(), practiceId: 'scratch', title, hypothesis: 'Short stand-ups keep us aligned.', successMeasures: 'Stand-ups under 15 minutes',
      teamId: teamId(OPS), weekdays: '5', time: '10:00', startDate: '2027-01-11', endDate: '2027-02-22', launchNow: 'true',
    });
    const dialog = await t.activity(invokeActivity(t.connector.url, maria, 'task/submit', { data: form('Stand-ups from chat') }));
    expect(dialog.body.task).toEqual({ type: 'message', value: '“Stand-ups from chat” is launched.' });
    const extension = await t.activity(invokeActivity(t.connector.url, maria, 'composeExtension/submitAction', { commandId: 'launchPilot', commandContext: 'compose', data: form('Stand-ups from the extension') }));
    expect(extension.body.composeExtension.type).toBe('result');

    const pilots = (await pilotsOf()).filter((p) => p.title.startsWith('Stand-ups from'));
    expect(pilots).toHaveLength(2);
    for (const pilot of pilots) {
      expect(pilot.practiceId).toBeUndefined();
      expect(pilot.questions.map((q) => q.id)).toEqual(['confidence', 'progress', 'blocker', 'autonomy', 'workload']);
    }
  });
});
