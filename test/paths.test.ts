import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { circleActions, circleCommands } from '../bot';
import { DEMO_TENANT_ID } from '../domain/demo';
import type { Caller } from '../domain/shared/caller';
import type { Celebration } from '../domain/celebrations';
import type { DevelopmentPath } from '../domain/paths';
import type { OutboxItem } from '../domain/outbox';
import { demoUser, startTestApp, type TestApp } from '../support/app';
import { adaptiveCardsIn, cardProblems } from './helpers/cards';
import type { ReceivedActivity } from '../support/connector';
import { messageActivity, type TeamsUser } from '../support/teams';

/**
 * Development paths over real HTTP, from choosing a level to a recognition celebration: a
 * self-assessment on the five elements, goals tied to pilots, sharing with one's manager and a
 * peer, coaching check-ins, a readiness review. Privacy above all: a path is visible to its owner
 * and the people they share it with — not to senior leaders, admins, other managers, or anyone
 * once unshared — and every such request is answered 404.
 */
const sam = demoUser('Sam'); // member of team:demo-ops (manager Morgan)
const morgan = demoUser('Morgan');
const riley = demoUser('Riley'); // Sam's teammate, a peer
const jordan = demoUser('Jordan'); // another team's manager
const avery = demoUser('Avery'); // senior leader
const alex = demoUser('Alex'); // admin + leader
const outsider: TeamsUser = { tenantId: randomUUID(), userId: randomUUID(), name: 'Eve Outsider' };
const links = { publicUrl: 'https://leaderful.test' };
const RATINGS = { setting_direction: 3, owning_results: 4, influencing: 2, empowering_others: 3, accountability: 4 };

let t: TestApp;
let pathId: string;

const cardText = (a: ReceivedActivity) => JSON.stringify(adaptiveCardsIn(a.activity));
const callerOf = (u: TeamsUser): Promise<Caller> => t.app.domain.directory.resolveCaller(u.tenantId, u.userId, u.name);
const deliver = () => t.app.background.delivery.flush();
const me = (as: TeamsUser, p = '', init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => t.api(`/api/paths/me${p}`, { as, ...init });
const pid = () => encodeURIComponent(pathId);
const toPersonal = (u: TeamsUser) => t.connector.received.filter((a) => a.conversationId === `a:personal-${u.userId}`);

beforeAll(async () => {
  t = await startTestApp();
  // Everyone involved has a 1:1 with the bot, so notifications can reach them.
  for (const u of [sam, morgan, riley]) await t.activity(messageActivity(t.connector.url, u, 'hello'));
});
afterAll(() => t.stop());

test('anyone starts a path by choosing a level; bad input names its fields', async () => {
  expect((await me(sam)).body).toEqual({ path: null });
  const options = await t.api('/api/paths/options', { as: sam });
  expect(options.body.levels.map((l: any) => l.value)).toEqual(['self', 'direct', 'group', 'executive']);
  expect(options.body.elements.map((e: any) => e.value)).toEqual(['setting_direction', 'owning_results', 'influencing', 'empowering_others', 'accountability']);
  expect(options.body.managers).toEqual([{ id: morgan.userId, name: 'Morgan Lee' }]);
  expect((await me(sam, '', { method: 'PUT', body: { level: 'galactic' } })).status).toBe(400);
  expect((await me(sam, '/assessment', { method: 'PUT', body: { ratings: RATINGS } })).status).toBe(404); // no path yet
  const started = await me(sam, '', { method: 'PUT', body: { level: 'direct' } });
  expect(started.status).toBe(201);
  pathId = started.body.path.id;
  expect(started.body.path).toMatchObject({ level: 'direct', levelLabel: 'Leading others directly', isOwner: true, shares: [], recognition: { visibility: 'private' } });
  expect((await me(sam, '', { method: 'PUT', body: { level: 'direct' } })).status).toBe(200);
});

test('self-assessment: 1–5 on each of the five elements', async () => {
  const bad = await me(sam, '/assessment', { method: 'PUT', body: { ratings: { ...RATINGS, influencing: 7, accountability: undefined, charisma: 5 } } });
  expect(bad.status).toBe(400);
  expect(bad.body.error.fields.map((f: any) => f.field).sort()).toEqual(['ratings', 'ratings.accountability', 'ratings.influencing']);
  const ok = await me(sam, '/assessment', { method: 'PUT', body: { ratings: RATINGS, note: 'Influencing across teams is my edge.' } });
  expect(ok.body.path.assessment).toMatchObject({ ratings: RATINGS, note: 'Influencing across teams is my edge.' });
});

test('goals: at most five, tied to a pilot the person can see or a circle they are in', async () => {
  const withPilot = await me(sam, '/goals', { body: { text: 'Facilitate the stand-up twice', pilotId: 'pilot:demo-facilitator' } });
  expect(withPilot.status).toBe(201);
  expect(withPilot.body.path.goals[0]).toMatchObject({ text: 'Facilitate the stand-up twice', pilotTitle: 'Rotate who runs our Monday stand-up', status: 'open' });
  expect((await me(sam, '/goals', { body: { text: 'Someone else’s pilot', pilotId: 'pilot:demo-coaching' } })).status).toBe(404);
  expect((await me(sam, '/goals', { body: { text: 'A circle I am not in', circleId: 'circle:nope' } })).status).toBe(404);
  for (const text of ['Ask for feedback weekly', 'Lead one retro', 'Mentor a new joiner', 'Write a decision memo']) expect((await me(sam, '/goals', { body: { text } })).status).toBe(201);
  const sixth = await me(sam, '/goals', { body: { text: 'One too many' } });
  expect(sixth.status).toBe(400);
  expect(sixth.body.error.fields[0].field).toBe('goals');
  const goalId = withPilot.body.path.goals[0].id;
  expect((await me(sam, `/goals/${goalId}`, { method: 'PATCH', body: { status: 'done' } })).body.path.goals[0].status).toBe('done');
  expect((await me(sam, `/goals/${goalId}`, { method: 'PATCH', body: { status: 'finished' } })).status).toBe(400);
  const last = (await me(sam)).body.path.goals[4].id;
  expect((await me(sam, `/goals/${last}`, { method: 'DELETE' })).body.path.goals).toHaveLength(4);
  expect((await me(sam, '/goals/nope', { method: 'PATCH', body: { text: 'Ghost goal' } })).status).toBe(404);
});

test('private by default: nobody else can read it — not leaders, not admins, not other tenants', async () => {
  for (const u of [morgan, riley, jordan, avery, alex, outsider]) {
    const res = await t.api(`/api/paths/${pid()}`, { as: u });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('Influencing');
  }
  expect((await t.api('/api/paths/shared', { as: avery })).body.paths).toEqual([]);
  // Nothing about a path travels through a leader-facing view.
  const portfolio = await t.api('/api/leader/portfolio', { as: avery });
  expect(JSON.stringify(portfolio.body)).not.toContain(pathId);
});

test('sharing with my manager and a peer; not with someone who is not my manager', async () => {
  const notManager = await me(sam, '/shares', { body: { userId: jordan.userId, relation: 'manager' } });
  expect(notManager.status).toBe(400);
  expect(notManager.body.error.fields).toEqual([{ field: 'userId', code: 'path.not_your_manager', params: {}, message: 'is not your manager' }]);
  expect((await me(sam, '/shares', { body: { userId: sam.userId, relation: 'peer' } })).status).toBe(400);
  expect((await me(sam, '/shares', { body: { userId: 'nobody', relation: 'peer' } })).status).toBe(400);
  expect((await me(sam, '/shares', { body: { userId: morgan.userId, relation: 'manager' } })).status).toBe(200);
  const peer = await me(sam, '/shares', { body: { userId: riley.userId, relation: 'peer', coach: false } });
  expect(peer.body.path.shares.map((s: any) => [s.name, s.relation, s.coach])).toEqual([
    ['Morgan Lee', 'manager', true],
    ['Riley Chen', 'peer', false],
  ]);
  const seen = await t.api(`/api/paths/${pid()}`, { as: morgan });
  expect(seen.status).toBe(200);
  expect(seen.body.path).toMatchObject({ isOwner: false, myRelation: 'manager', can: { edit: false, coach: true, review: true }, assessment: { ratings: RATINGS } });
  expect((await t.api('/api/paths/shared', { as: morgan })).body.paths).toEqual([expect.objectContaining({ id: pathId, owner: { id: sam.userId, name: 'Sam Taylor' }, myRelation: 'manager', coach: true })]);
  expect((await t.api(`/api/paths/${pid()}`, { as: riley })).body.path.can).toEqual({ edit: false, coach: false, review: false });
  // Unsharing takes it away at once.
  await me(sam, `/shares/${encodeURIComponent(riley.userId)}`, { method: 'DELETE' });
  expect((await t.api(`/api/paths/${pid()}`, { as: riley })).status).toBe(404);
  // Still invisible to leaders and admins.
  expect((await t.api(`/api/paths/${pid()}`, { as: avery })).status).toBe(404);
  await deliver();
  const told = toPersonal(morgan).filter((a) => cardText(a).includes('Sam Taylor shared their development path with you'));
  expect(told).toHaveLength(1);
  for (const c of adaptiveCardsIn(told[0].activity)) expect(cardProblems(c)).toEqual([]);
  // The notification says that it was shared, never the ratings.
  expect(cardText(told[0])).not.toContain('Influencing');
});

test('coaching check-ins by the owner or a coach; the other side hears of it', async () => {
  const key = randomUUID();
  const note = await t.api(`/api/paths/${pid()}/coaching`, { as: morgan, body: { text: 'Try leading Thursday’s retro; I’ll stay quiet.' }, headers: { 'idempotency-key': key } });
  expect(note.status).toBe(200);
  await t.api(`/api/paths/${pid()}/coaching`, { as: morgan, body: { text: 'Try leading Thursday’s retro; I’ll stay quiet.' }, headers: { 'idempotency-key': key } });
  const mine = await t.api(`/api/paths/${pid()}/coaching`, { as: sam, body: { text: 'Led the retro: nervous, but it went well.' } });
  expect(mine.body.path.coaching.map((c: any) => c.byName)).toEqual(['Sam Taylor', 'Morgan Lee']);
  expect((await t.api(`/api/paths/${pid()}/coaching`, { as: jordan, body: { text: 'Let me in' } })).status).toBe(404);
  expect((await t.api(`/api/paths/${pid()}/coaching`, { as: sam, body: { text: '' } })).status).toBe(400);
  await deliver();
  expect(toPersonal(sam).filter((a) => cardText(a).includes('Morgan Lee added a coaching note'))).toHaveLength(1);
  expect(toPersonal(morgan).filter((a) => cardText(a).includes('Sam Taylor added a coaching check-in'))).toHaveLength(1);
});

test('readiness review: asked of the coaches, given by a coach, "not yet" needs a note', async () => {
  const requested = await me(sam, '/review-request', { method: 'POST' });
  expect(requested.body.path.review).toMatchObject({ status: 'requested' });
  await deliver();
  const ask = toPersonal(morgan).filter((a) => cardText(a).includes('asks for a readiness review'));
  expect(ask).toHaveLength(1);
  expect(cardText(ask[0])).toContain('path.review');
  expect((await t.api(`/api/paths/${pid()}/review`, { as: sam, body: { outcome: 'ready' } })).status).toBe(403);
  expect((await t.api(`/api/paths/${pid()}/review`, { as: avery, body: { outcome: 'ready' } })).status).toBe(404);
  const noNote = await t.api(`/api/paths/${pid()}/review`, { as: morgan, body: { outcome: 'not_yet' } });
  expect(noNote.status).toBe(400);
  expect(noNote.body.error.fields).toEqual([{ field: 'note', code: 'path.review_note', params: {}, message: 'say what to work on next' }]);
  const notYet = await t.api(`/api/paths/${pid()}/review`, { as: morgan, body: { outcome: 'not_yet', note: 'Run two more retros without me first.' } });
  expect(notYet.body.path.review).toMatchObject({ status: 'not_yet', byName: 'Morgan Lee' });
  await deliver();
  expect(toPersonal(sam).filter((a) => cardText(a).includes('Run two more retros without me first.'))).toHaveLength(1);
});

test('"ready" ends in a recognition celebration, private unless the person chose their team', async () => {
  expect((await me(sam, '/recognition', { method: 'PUT', body: { visibility: 'team' } })).body.error.fields).toEqual([{ field: 'teamId', code: 'path.celebration_team', params: {}, message: 'pick the team to celebrate with' }]);
  expect((await me(sam, '/recognition', { method: 'PUT', body: { visibility: 'team', teamId: 'team:demo-care' } })).status).toBe(400);
  expect((await me(sam, '/recognition', { method: 'PUT', body: { visibility: 'private' } })).status).toBe(200);

  const act = circleActions(links);
  const viaCard = await act(t.app.domain, await callerOf(morgan), 'path.review', { pathId, outcome: 'ready', note: 'You ran three retros on your own. Ready.' });
  expect(cardProblems(viaCard.content)).toEqual([]);
  expect(JSON.stringify(viaCard.content)).toContain('Sam Taylor is recognised');
  const after = await me(sam);
  expect(after.body.path.review).toMatchObject({ status: 'ready', byName: 'Morgan Lee' });
  expect(after.body.path.recognition.celebrationId).toMatch(/^celebration:/);
  // Reviewing "ready" again does not celebrate twice.
  await t.api(`/api/paths/${pid()}/review`, { as: morgan, body: { outcome: 'ready', note: 'Still ready.' } });
  await deliver();
  const celebrated = toPersonal(sam).filter((a) => cardText(a).includes('Ready to lead'));
  expect(celebrated).toHaveLength(1);
  expect(cardText(celebrated[0])).toContain('Sam Taylor is ready to lead at the “Leading others directly” level, recognised by Morgan Lee.');
  for (const c of adaptiveCardsIn(celebrated[0].activity)) expect(cardProblems(c)).toEqual([]);
  const celebrations = await t.app.store.all<Celebration>('pilots', DEMO_TENANT_ID, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'celebration' AND c.kind = 'path_ready'");
  expect(celebrations).toEqual([expect.objectContaining({ visibility: 'private', toId: sam.userId })]);
  // Private recognition never went to a team conversation.
  const queued = await t.app.store.all<OutboxItem>('outbox', DEMO_TENANT_ID, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND c.kind = 'celebration' AND c.data.kind = 'path_ready'");
  expect(queued.map((q) => q.target)).toEqual([{ kind: 'user', userId: sam.userId }]);
});

test('in chat the path is only ever shown in the owner’s 1:1', async () => {
  const commands = circleCommands(t.app.domain, links);
  const turn = (conversationType: 'personal' | 'groupChat') => {
    const sent: any[] = [];
    const context = {
      activity: messageActivity(t.connector.url, sam, 'my path', conversationType === 'personal' ? {} : { conversationId: '19:group@thread.v2', conversationType }),
      sendActivity: async (a: unknown) => void sent.push(a),
    } as unknown as TurnContext;
    return { context, sent };
  };
  const group = turn('groupChat');
  await commands(group.context, await callerOf(sam), 'my path');
  expect(String(group.sent[0]?.text ?? group.sent[0])).toMatch(/private/);
  expect(JSON.stringify(group.sent)).not.toContain('Influencing');
  const personal = turn('personal');
  await commands(personal.context, await callerOf(sam), 'my path');
  const [card] = adaptiveCardsIn(personal.sent);
  expect(cardProblems(card)).toEqual([]);
  expect(JSON.stringify(card)).toContain('Influencing');
  expect(JSON.stringify(card)).toContain('2 / 5');
});

test('stored path documents carry no more than the owner chose to share', async () => {
  const doc = await t.app.store.read<DevelopmentPath>('directory', DEMO_TENANT_ID, pathId);
  expect(doc?.sharedIds).toEqual([morgan.userId]);
});
