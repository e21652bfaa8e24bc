import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TurnContext } from 'botbuilder';
import { circleActions, circleCommands } from '../bot';
import { ManualClock } from '../domain/shared/clock';
import type { Caller } from '../domain/shared/caller';
import type { Circle } from '../domain/circles';
import type { Pilot } from '../domain/pilots';
import type { Round } from '../domain/checkins';
import type { OutboxItem } from '../domain/outbox';
import { startTestApp, type TestApp } from '../support/app';
import { word } from '../i18n';
import { adaptiveCardsIn, cardProblems } from './helpers/cards';
import type { ReceivedActivity } from '../support/connector';
import { BOT_ID, adaptiveActionActivity, messageActivity, rosterOf, type TeamsUser } from '../support/teams';

/**
 * Leadership circles over real HTTP: a circle started in a group chat, its members from the
 * roster, an election with nominations, secret changeable votes, a tie-break, a term, automatic
 * re-election with rotation, the circle's check-in rhythm run by the one check-in engine, and
 * everything that must be refused (non-members, other tenants, senior leaders who are not in it).
 */
const DAY = 86_400_000;
const tenantId = randomUUID();
const person = (name: string, roles?: string[]): TeamsUser => ({ tenantId, userId: randomUUID(), name, roles });
const fay = person('Fay Founder');
const ana = person('Ana Alvarez');
const ben = person('Ben Brown');
const cy = person('Cy Chen');
const dee = person('Dee Later'); // added to the chat after the circle started
const olu = person('Olu Outside'); // same tenant, not in the chat
const lea = person('Lea Leader', ['leader']); // senior leader (Entra app role), not in the chat
const adi = person('Adi Admin', ['admin']); // admin (Entra app role), not in the chat
const eve: TeamsUser = { tenantId: randomUUID(), userId: randomUUID(), name: 'Eve Elsewhere' };

const CHAT = `19:${randomUUID()}@thread.v2`;
const TEAM_ID = `team:${CHAT}`;
const clock = new ManualClock(new Date('2027-01-04T08:00:00Z')); // a Monday
let t: TestApp;
let circleId: string;

const source = (file: string) => {
  try {
    return readFileSync(path.join(__dirname, '..', file), 'utf8');
  } catch {
    return '';
  }
};
const botSources = ['bot/index.ts', 'bot/circles/routes.ts', 'server/background.ts'].map(source).join('\n');
const WIRED = { chat: botSources.includes('circleCommands'), actions: botSources.includes('circleActions'), tick: /circles\.tick/.test(botSources) };
function whenWired(wired: boolean, name: string, fn: () => Promise<void>) {
  if (wired) test(name, fn);
  else test.todo(`${name} — waiting for the wiring in bot/`);
}

const cardText = (a: ReceivedActivity) => JSON.stringify(adaptiveCardsIn(a.activity));
const inChat = () => t.connector.received.filter((a) => a.conversationId === CHAT);
const deliver = () => t.app.background.delivery.flush();
const callerOf = (u: TeamsUser): Promise<Caller> => t.app.domain.directory.resolveCaller(u.tenantId, u.userId, u.name);
const circleDoc = () => t.app.store.read<Circle>('directory', tenantId, circleId);
const api = (as: TeamsUser, p: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => t.api(p, { as, ...init });
const cid = () => encodeURIComponent(circleId);
const expectValid = (value: unknown) => {
  const cards = adaptiveCardsIn(value);
  expect(cards.length).toBeGreaterThan(0);
  for (const c of cards) expect(cardProblems(c)).toEqual([]);
  return cards;
};

function groupChatActivity(from: TeamsUser, extra: Record<string, unknown>) {
  return {
    type: 'conversationUpdate',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl: t.connector.url,
    channelId: 'msteams',
    from: { id: `29:${from.userId}`, name: from.name, aadObjectId: from.userId },
    conversation: { id: CHAT, conversationType: 'groupChat', tenantId, isGroup: true, name: 'Managers who coach' },
    recipient: { id: BOT_ID, name: 'Leaderful' },
    channelData: { tenant: { id: tenantId } },
    ...extra,
  };
}

/** A chat turn for the exported command handler, with a stand-in context that records replies. */
function fakeTurn(user: TeamsUser, text: string, conversationType: 'groupChat' | 'personal' = 'groupChat') {
  const sent: any[] = [];
  const context = {
    activity: {
      ...messageActivity(t.connector.url, user, text, { conversationId: conversationType === 'groupChat' ? CHAT : `a:personal-${user.userId}`, conversationType }),
      entities: [],
    },
    sendActivity: async (a: unknown) => {
      sent.push(a);
      return { id: 'x' };
    },
  } as unknown as TurnContext;
  return { context, sent };
}
const links = { publicUrl: 'https://leaderful.test' };
/** The text of a reply the bot sent (text messages go out as activities, escaped for markdown). */
const said = (sent: unknown): string => (typeof sent === 'string' ? sent : String((sent as { text?: unknown })?.text ?? ''));

beforeAll(async () => {
  t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false' } });
  t.connector.members = rosterOf(tenantId, [fay, ana, ben, cy]);
  const install = groupChatActivity(fay, { membersAdded: [{ id: BOT_ID }] });
  expect((await t.activity(install)).status).toBe(200);
  for (const u of [olu, eve]) await callerOf(u);
  // The leader and the admin sign in once: their tokens' app roles are remembered for the bot.
  for (const u of [lea, adi]) expect((await t.api('/api/me', { as: u })).status).toBe(200);
});
afterAll(() => t.stop());

describe('starting a circle', () => {
  test('only someone in the conversation starts it; bad input is named field by field', async () => {
    expect((await api(olu, '/api/circles', { body: { teamId: TEAM_ID, name: 'Managers who coach' } })).status).toBe(404);
    expect((await api(eve, '/api/circles', { body: { teamId: TEAM_ID, name: 'Managers who coach' } })).status).toBe(404);
    const bad = await api(fay, '/api/circles', { body: { teamId: TEAM_ID, name: 'x', termWeeks: 99, sneaky: true } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: any) => f.field).sort()).toEqual(expect.arrayContaining(['name', 'termWeeks']));
    const options = await api(fay, '/api/circles/options');
    expect(options.body.conversations).toEqual([expect.objectContaining({ teamId: TEAM_ID, kind: 'groupChat' })]);
  });

  test('a circle starts with the chat roster, the founder convening in the interim and an election open', async () => {
    const created = await api(fay, '/api/circles', { body: { teamId: TEAM_ID, name: 'Managers who coach', purpose: 'Practise coaching conversations together.', termWeeks: 2 } });
    expect(created.status).toBe(201);
    const circle = created.body.circle;
    circleId = circle.id;
    expect(circle).toMatchObject({ name: 'Managers who coach', memberCount: 4, kind: 'groupChat', convenorTerm: { id: fay.userId, interim: true }, election: { number: 1, status: 'open', reason: 'first', nominees: [] } });
    expect(circle.members.map((m: any) => m.name).sort()).toEqual(['Ana Alvarez', 'Ben Brown', 'Cy Chen', 'Fay Founder']);
    expect(circle.rhythm).toMatchObject({ status: 'active', rounds: 0 });
    // Starting it again (a retry) gives the same circle.
    const again = await api(ana, '/api/circles', { body: { teamId: TEAM_ID, name: 'Another name' } });
    expect(again.status).toBe(200);
    expect(again.body.circle.id).toBe(circleId);
    expect(again.body.circle.name).toBe('Managers who coach');

    // The election is announced in the chat, once.
    await deliver();
    await t.app.domain.circles.tick(tenantId);
    await deliver();
    const announced = inChat().filter((a) => cardText(a).includes('Elect the convenor'));
    expect(announced).toHaveLength(1);
    expectValid(announced[0].activity);
    expect(cardText(announced[0])).toContain('circle.ballot');
  });

  test('who can see it: members and admins; not outsiders, other tenants, or leaders who are not in it', async () => {
    expect((await api(ana, `/api/circles/${cid()}`)).status).toBe(200);
    expect((await api(adi, `/api/circles/${cid()}`)).status).toBe(200);
    for (const u of [olu, lea, eve]) expect((await api(u, `/api/circles/${cid()}`)).status).toBe(404);
    expect((await api(ana, '/api/circles')).body.circles).toEqual([expect.objectContaining({ id: circleId, isMember: true })]);
    expect((await api(olu, '/api/circles')).body.circles).toEqual([]);
    // A circle lives in a (possibly private) group chat: someone outside it learns nothing of it,
    // not even its name; a leader outside it neither. Admins see every circle.
    for (const u of [olu, lea, eve]) expect((await api(u, '/api/circles?scope=all')).body.circles).toEqual([]);
    const forAdmin = await api(adi, '/api/circles?scope=all');
    expect(forAdmin.body.circles).toEqual([expect.objectContaining({ id: circleId, isMember: false, memberCount: 4 })]);
    expect(JSON.stringify(forAdmin.body)).not.toContain(ana.userId);
    expect((await api(ana, '/api/circles?scope=everything')).status).toBe(400);
    expect((await api(ana, '/api/circles/not-an-id')).status).toBe(404);
  });

  test('someone added to the chat later can join; people outside it cannot', async () => {
    t.connector.members = rosterOf(tenantId, [fay, ana, ben, cy, dee]);
    const added = groupChatActivity(fay, { membersAdded: [{ id: `29:${dee.userId}`, name: dee.name, aadObjectId: dee.userId }] });
    expect((await t.activity(added)).status).toBe(200);
    expect((await api(dee, `/api/circles/${cid()}`)).status).toBe(404);
    // Now in the chat, they find the circle among those they may join (and only that one).
    expect((await api(dee, '/api/circles?scope=all')).body.circles).toEqual([expect.objectContaining({ id: circleId, isMember: false })]);
    const joined = await api(dee, `/api/circles/${cid()}/join`, { method: 'POST' });
    expect(joined.status).toBe(200);
    expect(joined.body.circle.memberCount).toBe(5);
    expect((await api(olu, `/api/circles/${cid()}/join`, { method: 'POST' })).status).toBe(404);
    expect((await api(dee, `/api/circles/${cid()}/leave`, { method: 'POST' })).body).toEqual({ left: true });
    expect((await api(dee, `/api/circles/${cid()}`)).status).toBe(404);
    // The interim convenor hands the role on before leaving.
    expect((await api(fay, `/api/circles/${cid()}/leave`, { method: 'POST' })).status).toBe(409);
  });
});

describe('the circle check-in rhythm runs on the check-in engine', () => {
  test('members (the founder too) are prompted, the facilitator is announced, and the summary reaches the chat', async () => {
    const circle = (await circleDoc())!;
    const rhythm = (await t.app.store.read<Pilot>('pilots', tenantId, circle.rhythmPilotId))!;
    expect(rhythm).toMatchObject({ status: 'active', circleId, teamId: circleId, practiceName: 'Leadership circle' });
    // Circle rhythms are not pilots of a practice: the circle API is where they are managed.
    clock.set('2027-01-05T10:01:00Z'); // Tuesday 10:01 UTC: the first circle check-in
    await t.app.background.tick();
    await deliver();
    const rounds = await t.app.store.all<Round>('checkins', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.pilotId = @p", { p: rhythm.id });
    expect(rounds).toHaveLength(1);
    expect(rounds[0].invited.sort()).toEqual([fay, ana, ben, cy].map((u) => u.userId).sort());
    const prompts = t.connector.received.filter((a) => cardText(a).includes('Check-in: Managers who coach circle'));
    expect(prompts).toHaveLength(4);
    expect(prompts.every((p) => p.conversationId !== CHAT)).toBe(true);
    expect(inChat().filter((a) => cardText(a).includes('facilitator for this round'))).toHaveLength(1);

    // Ana answers on the card; the round closes two days later with a summary in the chat.
    const answered = await t.activity(adaptiveActionActivity(t.connector.url, ana, 'checkin.submit', { roundId: rounds[0].id, confidence: '4', progress: 'Tried a coaching question a day', blocker: '' }));
    expect(JSON.stringify(answered.body.value)).toContain('Tried a coaching question a day');
    clock.set('2027-01-07T10:02:00Z');
    await t.app.background.tick();
    await deliver();
    const summary = inChat().filter((a) => cardText(a).includes('check-in 1 summary'));
    expect(summary).toHaveLength(1);
    expect(cardText(summary[0])).toContain('1 of 4');
    expectValid(summary[0].activity);
  });
});

describe('electing the convenor', () => {
  test('nominations: oneself or another member; not outsiders; nominees hear of it in their chat', async () => {
    expect((await api(ana, `/api/circles/${cid()}/nominations`, { body: { userId: ben.userId } })).status).toBe(200);
    clock.advance(60_000);
    const self = await api(ben, `/api/circles/${cid()}/nominations`, { body: { userId: ben.userId } });
    expect(self.body.circle.election.nominees).toEqual([expect.objectContaining({ id: ben.userId, nominations: 2, nominatedByMe: true })]);
    clock.advance(60_000);
    expect((await api(cy, `/api/circles/${cid()}/nominations`, { body: { userId: ana.userId } })).status).toBe(200);
    // Retried: nothing changes.
    const retried = await api(cy, `/api/circles/${cid()}/nominations`, { body: { userId: ana.userId } });
    expect(retried.body.circle.election.nominees.map((n: any) => [n.name, n.nominations])).toEqual([
      ['Ben Brown', 2],
      ['Ana Alvarez', 1],
    ]);
    expect((await api(olu, `/api/circles/${cid()}/nominations`, { body: { userId: olu.userId } })).status).toBe(404);
    const notMember = await api(ana, `/api/circles/${cid()}/nominations`, { body: { userId: olu.userId } });
    expect(notMember.status).toBe(400);
    expect(notMember.body.error.fields).toEqual([{ field: 'userId', code: 'circle.not_member', params: {}, message: 'is not a member of this circle' }]);
    expect((await api(ana, `/api/circles/${cid()}/nominations`, { body: {} })).status).toBe(400);

    await deliver();
    const toBen = t.connector.received.filter((a) => cardText(a).includes('You are nominated to convene'));
    expect(toBen.length).toBe(2); // Ben (by Ana) and Ana (by Cy); never Ben's own nomination
    expect(toBen.every((a) => a.conversationId !== CHAT)).toBe(true);
    expectValid(toBen[0].activity);
  });

  test('one secret vote each, changeable until the close', async () => {
    const vote = (as: TeamsUser, who: TeamsUser) => api(as, `/api/circles/${cid()}/vote`, { method: 'PUT', body: { userId: who.userId } });
    expect((await vote(fay, ben)).status).toBe(200);
    expect((await vote(ana, ben)).status).toBe(200);
    expect((await vote(ben, ana)).status).toBe(200);
    expect((await vote(cy, ben)).status).toBe(200);
    const changed = await vote(cy, ana);
    expect(changed.body.circle.election).toMatchObject({ votesCast: 4, myVote: ana.userId });
    // Nobody sees who voted for whom: only their own vote and the count.
    const seenByAna = await api(ana, `/api/circles/${cid()}`);
    expect(seenByAna.body.circle.election.myVote).toBe(ben.userId);
    expect(JSON.stringify(seenByAna.body)).not.toContain('"votes"');
    expect((await vote(olu, ben)).status).toBe(404);
    const notStanding = await vote(ana, cy);
    expect(notStanding.status).toBe(400);
    expect(notStanding.body.error.fields[0]).toEqual({ field: 'userId', code: 'circle.not_standing', params: {}, message: 'is not standing in this election' });
  });

  test('only the convenor or an admin closes early; a tie follows the stated rule; the chat hears the result', async () => {
    expect((await api(ana, `/api/circles/${cid()}/election/close`, { method: 'POST' })).status).toBe(403);
    const closed = await api(fay, `/api/circles/${cid()}/election/close`, { method: 'POST' });
    expect(closed.status).toBe(200);
    const e = closed.body.circle.election;
    // 2–2: neither has convened, so the one nominated first (Ben) wins.
    expect(e.result).toMatchObject({ winnerId: ben.userId, rule: 'tie_break', votesCast: 4, closedBy: 'convenor' });
    expect(e.result.tally.map((r: any) => r.votes)).toEqual([2, 2]);
    expect(e.rules).toEqual(['circle.rule.tie_break', 'circle.rule.rotation']);
    expect(word('en', e.rules[0])).toMatch(/least recently/);
    expect(closed.body.circle.convenorTerm).toMatchObject({ id: ben.userId, interim: false, termEndsAt: new Date(clock.now().getTime() + 14 * DAY).toISOString() });
    expect(closed.body.circle.pastConvenors).toEqual([expect.objectContaining({ userId: fay.userId })]);
    // A retried close changes nothing.
    expect((await api(fay, `/api/circles/${cid()}/election/close`, { method: 'POST' })).body.circle.convenorTerm.id).toBe(ben.userId);
    // The rhythm follows the convenor.
    const rhythm = await t.app.store.read<Pilot>('pilots', tenantId, (await circleDoc())!.rhythmPilotId);
    expect(rhythm?.managerId).toBe(ben.userId);

    await deliver();
    const result = inChat().filter((a) => a.method === 'POST' && cardText(a).includes('Ben Brown convenes'));
    expect(result).toHaveLength(1);
    // The announcement's ballot is redrawn in place with the result (its own activity, once).
    const announcement = inChat().find((a) => a.method === 'POST' && cardText(a).includes('Elect the convenor'))!;
    expect(adaptiveCardsIn(announcement.activity)[0].refresh).toMatchObject({ action: { verb: 'circle.ballot', data: { circleId } } });
    const redrawn = inChat().filter((a) => a.method === 'PUT');
    expect(redrawn.map((a) => a.activityId)).toEqual([announcement.activityId]);
    expect(cardText(redrawn[0])).toContain('Ben Brown convenes');
    expect(cardText(redrawn[0])).not.toContain('circle.ballot');
    expect(cardText(result[0])).toMatch(/tied/);
    expect(cardText(result[0])).not.toContain(cy.userId);
    expectValid(result[0].activity);
  });

  test('when the term ends an election opens by itself; the outgoing convenor may not stand; with no nominees the role rotates', async () => {
    expect((await api(ben, `/api/circles/${cid()}/vote`, { method: 'PUT', body: { userId: ana.userId } })).status).toBe(409);
    clock.advance(15 * DAY);
    expect(await t.app.domain.circles.tick(tenantId)).toBe(1);
    let view = (await api(ana, `/api/circles/${cid()}`)).body.circle;
    expect(view.election).toMatchObject({ number: 2, status: 'open', reason: 'term_ended', excluded: [{ id: ben.userId, name: 'Ben Brown' }] });
    expect(view.convenorTerm.id).toBe(ben.userId); // carries on until the election closes
    const barred = await api(ben, `/api/circles/${cid()}/nominations`, { body: { userId: ben.userId } });
    expect(barred.status).toBe(400);
    expect(barred.body.error.fields[0].message).toMatch(/role rotates/);
    await deliver();
    expect(inChat().filter((a) => a.method === 'POST' && cardText(a).includes('Elect the convenor'))).toHaveLength(2);

    // Nobody stands; at the deadline the role rotates to who convened least recently (Ana: never, first to join after Fay).
    clock.advance(8 * DAY);
    await t.app.domain.circles.tick(tenantId);
    view = (await api(ana, `/api/circles/${cid()}`)).body.circle;
    expect(view.election.result).toMatchObject({ winnerId: ana.userId, rule: 'rotation', closedBy: 'deadline' });
    expect(view.convenorTerm.id).toBe(ana.userId);
    expect(view.pastConvenors.map((c: any) => c.userId)).toEqual([fay.userId, ben.userId]);
    // Nothing more is due: ticking again does nothing.
    expect(await t.app.domain.circles.tick(tenantId)).toBe(0);
    await deliver();
    // Posted once; the second election's announcement redrawn with it.
    expect(inChat().filter((a) => a.method === 'POST' && cardText(a).includes('Ana Alvarez convenes'))).toHaveLength(1);
    expect(inChat().filter((a) => a.method === 'PUT' && cardText(a).includes('Ana Alvarez convenes'))).toHaveLength(1);
  });

  test('the convenor or an admin calls an election; members and leaders cannot', async () => {
    expect((await api(cy, `/api/circles/${cid()}/election`, { method: 'POST' })).status).toBe(403);
    expect((await api(lea, `/api/circles/${cid()}/election`, { method: 'POST' })).status).toBe(404);
    expect((await api(ana, `/api/circles/${cid()}/election`, { body: { days: 0 } })).status).toBe(400);
    const opened = await api(adi, `/api/circles/${cid()}/election`, { body: { days: 3 } });
    expect(opened.status).toBe(200);
    expect(opened.body.circle.election).toMatchObject({ number: 3, reason: 'requested', excluded: [{ id: ana.userId, name: 'Ana Alvarez' }] });
    expect((await api(ana, `/api/circles/${cid()}/election`, { method: 'POST' })).status).toBe(409);
    // A nominee can withdraw; votes for them go with the nomination.
    await api(cy, `/api/circles/${cid()}/nominations`, { body: { userId: cy.userId } });
    await api(fay, `/api/circles/${cid()}/vote`, { method: 'PUT', body: { userId: cy.userId } });
    const withdrawn = await api(cy, `/api/circles/${cid()}/nominations/${encodeURIComponent(cy.userId)}`, { method: 'DELETE' });
    expect(withdrawn.body.circle.election).toMatchObject({ nominees: [], votesCast: 0 });
    expect((await api(fay, `/api/circles/${cid()}/nominations/${encodeURIComponent(ben.userId)}`, { method: 'DELETE' })).status).toBe(403);
  });

  test('the convenor edits the circle; others cannot', async () => {
    expect((await api(cy, `/api/circles/${cid()}`, { method: 'PATCH', body: { name: 'Renamed' } })).status).toBe(403);
    const bad = await api(ana, `/api/circles/${cid()}`, { method: 'PATCH', body: { cadence: { weekdays: [], time: '25:00' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: any) => f.field)).toEqual(expect.arrayContaining(['cadence.weekdays', 'cadence.time']));
    const ok = await api(ana, `/api/circles/${cid()}`, { method: 'PATCH', body: { purpose: 'Coaching, together.', cadence: { weekdays: [3], time: '09:00', everyWeeks: 1, reminderHours: 4, roundHours: 24 } } });
    expect(ok.status).toBe(200);
    expect(ok.body.circle.rhythm.cadence.weekdays).toEqual([3]);
  });
});

describe('in Teams', () => {
  test('chat commands: the circle card, nominations by name, and friendly answers elsewhere', async () => {
    const commands = circleCommands(t.app.domain, links);
    const status = fakeTurn(cy, 'circle');
    expect(await commands(status.context, await callerOf(cy), 'circle')).toBe(true);
    const [card] = expectValid(status.sent);
    expect(JSON.stringify(card)).toContain('Circle: Managers who coach');
    expect(JSON.stringify(card)).toContain('circle.nominate');

    const nominate = fakeTurn(cy, 'nominate <at>Fay Founder</at>');
    await commands(nominate.context, await callerOf(cy), 'nominate <at>Fay Founder</at>');
    expect(said(nominate.sent[0])).toBe('Fay Founder is nominated. Type “ballot” to vote.');
    const nobody = fakeTurn(cy, 'nominate Zed');
    await commands(nobody.context, await callerOf(cy), 'nominate Zed');
    expect(said(nobody.sent[0])).toBe('Nobody in this circle is called “Zed”.');
    const barred = fakeTurn(cy, 'nominate Ana');
    await commands(barred.context, await callerOf(cy), 'nominate Ana');
    expect(said(barred.sent[0])).toMatch(/role rotates/);

    const personal = fakeTurn(cy, 'start circle Solo', 'personal');
    await commands(personal.context, await callerOf(cy), 'start circle Solo');
    expect(said(personal.sent[0])).toMatch(/Circles live in group chats/);
    const again = fakeTurn(cy, 'start circle Another');
    await commands(again.context, await callerOf(cy), 'start circle Another');
    expect(JSON.stringify(again.sent[0])).toContain('This chat already has a circle.');
    const unrelated = fakeTurn(cy, 'my pilots');
    expect(await commands(unrelated.context, await callerOf(cy), 'my pilots')).toBe(false);
  });

  test('card verbs: ballot, vote (never revealing whose), close; strangers get a join card or nothing', async () => {
    const act = circleActions(links);
    const ballot = await act(t.app.domain, await callerOf(ben), 'circle.ballot', { circleId });
    expect(cardProblems(ballot.content)).toEqual([]);
    expect(JSON.stringify(ballot.content)).toContain('Fay Founder');
    const voted = await act(t.app.domain, await callerOf(ben), 'circle.vote', { circleId, voteFor: fay.userId });
    expect(cardProblems(voted.content)).toEqual([]);
    expect(JSON.stringify(voted.content)).toContain('Your vote is in');
    expect(JSON.stringify(voted.content)).not.toContain('Ben Brown voted');
    const empty = await act(t.app.domain, await callerOf(ben), 'circle.vote', { circleId });
    expect(JSON.stringify(empty.content)).toContain('Pick someone to vote for.');
    const stranger = await act(t.app.domain, await callerOf(olu), 'circle.ballot', { circleId });
    expect(JSON.stringify(stranger.content)).toContain('That circle was not found.');
    const early = await act(t.app.domain, await callerOf(cy), 'circle.closeElection', { circleId });
    expect(JSON.stringify(early.content)).toContain('Only the convenor or an admin can close the election early.');
    const closed = await act(t.app.domain, await callerOf(ana), 'circle.closeElection', { circleId });
    expect(JSON.stringify(closed.content)).toContain('Fay Founder convenes the circle now.');
  });

  whenWired(WIRED.actions, 'over HTTP: the ballot opens from the chat card as an Action.Execute', async () => {
    const res = await t.activity(adaptiveActionActivity(t.connector.url, ben, 'circle.ballot', { circleId }, CHAT));
    expect(res.status).toBe(200);
    expectValid(res.body);
    expect(JSON.stringify(res.body.value)).toContain('Circle: Managers who coach');
  });

  whenWired(WIRED.chat, 'over HTTP: “circle” in the group chat answers with the circle card', async () => {
    const msg = messageActivity(t.connector.url, cy, 'circle', { conversationId: CHAT, conversationType: 'groupChat' });
    await t.activity(msg);
    const [reply] = await t.connector.waitFor((a) => a.activity.replyToId === msg.id);
    expect(cardText(reply)).toContain('Circle: Managers who coach');
  });

  whenWired(WIRED.tick, 'the scheduler settles circle elections and terms', async () => {
    clock.advance(100 * DAY);
    await t.app.background.tick();
    const circle = await circleDoc();
    expect(circle!.dueAt > clock.now().toISOString()).toBe(true);
  });

  test('nothing the circle queued is addressed to anyone outside it', async () => {
    const items = await t.app.store.all<OutboxItem>('outbox', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox'");
    const members = new Set([fay, ana, ben, cy, dee].map((u) => u.userId));
    for (const item of items) {
      if (item.target.kind === 'user') expect(members.has(item.target.userId)).toBe(true);
      if (item.target.kind === 'team') expect([circleId, TEAM_ID]).toContain(item.target.teamId);
    }
  });
});
