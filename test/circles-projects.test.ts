import { randomUUID } from 'node:crypto';
import { circleActions } from '../bot';
import { ManualClock } from '../domain/shared/clock';
import type { Caller } from '../domain/shared/caller';
import type { Celebration } from '../domain/celebrations';
import { startTestApp, type TestApp } from '../support/app';
import { adaptiveCardsIn, cardProblems } from './helpers/cards';
import type { ReceivedActivity } from '../support/connector';
import { BOT_ID, messageActivity, rosterOf, type TeamsUser } from '../support/teams';

/**
 * Community projects over real HTTP: a circle proposes one (goal, weeks and budget asked, a
 * senior leader as sponsor); the sponsor hears of it in their chat and approves it or declines it
 * with a reason; circle members check in on progress; done is celebrated in the circle, once.
 */
const tenantId = randomUUID();
const person = (name: string, roles?: string[]): TeamsUser => ({ tenantId, userId: randomUUID(), name, roles });
const ana = person('Ana Alvarez');
const ben = person('Ben Brown');
const lea = person('Lea Leader', ['leader']); // senior leader (Entra app role), the sponsor
const leo = person('Leo Leader', ['leader']); // another senior leader
const olu = person('Olu Outside');
const eve: TeamsUser = { tenantId: randomUUID(), userId: randomUUID(), name: 'Eve Elsewhere' };
const CHAT = `19:${randomUUID()}@thread.v2`;
const clock = new ManualClock(new Date('2027-03-01T09:00:00Z'));
const links = { publicUrl: 'https://leaderful.test' };

let t: TestApp;
let circleId: string;
let projectId: string;

const cardText = (a: ReceivedActivity) => JSON.stringify(adaptiveCardsIn(a.activity));
const deliver = () => t.app.background.delivery.flush();
const callerOf = (u: TeamsUser): Promise<Caller> => t.app.domain.directory.resolveCaller(u.tenantId, u.userId, u.name);
const pid = () => encodeURIComponent(projectId);
const proposal = (over: Record<string, unknown> = {}) => ({
  circleId,
  title: 'Onboarding buddies for new managers',
  goal: 'Pair every new manager with a buddy from the circle for their first 90 days.',
  weeksAsked: 12,
  budget: { amount: 1500, currency: 'EUR' },
  sponsorId: lea.userId,
  ...over,
});

beforeAll(async () => {
  t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false' } });
  t.connector.members = rosterOf(tenantId, [ana, ben]);
  const install = {
    type: 'conversationUpdate',
    id: randomUUID(),
    serviceUrl: t.connector.url,
    channelId: 'msteams',
    from: { id: `29:${ana.userId}`, name: ana.name, aadObjectId: ana.userId },
    conversation: { id: CHAT, conversationType: 'groupChat', tenantId, isGroup: true },
    recipient: { id: BOT_ID, name: 'Leaderful' },
    membersAdded: [{ id: BOT_ID }],
    channelData: { tenant: { id: tenantId } },
  };
  expect((await t.activity(install)).status).toBe(200);
  circleId = (await t.api('/api/circles', { as: ana, body: { teamId: `team:${CHAT}`, name: 'New managers circle' } })).body.circle.id;
  // The leaders talk to the bot in their own 1:1 chats, and have signed in to the tab once (their
  // tokens' app roles are what the bot goes by).
  for (const u of [lea, leo]) {
    await t.activity(messageActivity(t.connector.url, u, 'hello'));
    expect((await t.api('/api/me', { as: u })).status).toBe(200);
  }
  await callerOf(olu);
  await callerOf(eve);
});
afterAll(() => t.stop());

test('proposing: a circle member, a senior leader as sponsor, every field checked', async () => {
  const options = await t.api('/api/projects/options', { as: ana });
  expect(options.body.sponsors.map((s: any) => s.name)).toEqual(['Lea Leader', 'Leo Leader']);
  expect(options.body.circles).toEqual([{ id: circleId, name: 'New managers circle' }]);
  const bad = await t.api('/api/projects', { as: ana, body: proposal({ weeksAsked: 0, budget: { amount: -5, currency: 'euro' }, title: '' }) });
  expect(bad.status).toBe(400);
  expect(bad.body.error.fields.map((f: any) => f.field).sort()).toEqual(['budget.amount', 'budget.currency', 'title', 'weeksAsked']);
  const notLeader = await t.api('/api/projects', { as: ana, body: proposal({ sponsorId: ben.userId }) });
  expect(notLeader.status).toBe(400);
  expect(notLeader.body.error.fields).toEqual([{ field: 'sponsorId', code: 'project.not_leader', params: {}, message: 'must be a senior leader in your organisation' }]);
  expect((await t.api('/api/projects', { as: olu, body: proposal() })).status).toBe(404);
  expect((await t.api('/api/projects', { as: eve, body: proposal() })).status).toBe(404);

  const key = randomUUID();
  const created = await t.api('/api/projects', { as: ana, body: proposal(), headers: { 'idempotency-key': key } });
  expect(created.status).toBe(201);
  projectId = created.body.project.id;
  expect(created.body.project).toMatchObject({ status: 'proposed', sponsor: { id: lea.userId, name: 'Lea Leader' }, proposedBy: { name: 'Ana Alvarez' }, budget: { amount: 1500, currency: 'EUR' }, can: { decide: false, checkin: false } });
  const retried = await t.api('/api/projects', { as: ana, body: proposal(), headers: { 'idempotency-key': key } });
  expect(retried.status).toBe(200);
  expect(retried.body.project.id).toBe(projectId);
});

test('who sees it: the circle, the sponsor and senior leaders; nobody else', async () => {
  expect((await t.api(`/api/projects/${pid()}`, { as: ben })).status).toBe(200);
  expect((await t.api(`/api/projects/${pid()}`, { as: lea })).body.project.can.decide).toBe(true);
  expect((await t.api(`/api/projects/${pid()}`, { as: leo })).status).toBe(200);
  expect((await t.api(`/api/projects/${pid()}`, { as: olu })).status).toBe(404);
  expect((await t.api(`/api/projects/${pid()}`, { as: eve })).status).toBe(404);
  expect((await t.api('/api/projects', { as: olu })).body.projects).toEqual([]);
  expect((await t.api('/api/projects', { as: ben })).body.projects.map((p: any) => p.id)).toEqual([projectId]);
  expect((await t.api('/api/projects?status=sideways', { as: ben })).status).toBe(400);
});

test('the sponsor is asked in their chat, the circle hears of the proposal', async () => {
  await deliver();
  const asked = t.connector.received.filter((a) => a.conversationId === `a:personal-${lea.userId}` && cardText(a).includes('You are asked to sponsor'));
  expect(asked).toHaveLength(1);
  const [card] = adaptiveCardsIn(asked[0].activity);
  expect(cardProblems(card)).toEqual([]);
  expect(JSON.stringify(card)).toContain('project.decide');
  expect(JSON.stringify(card)).toContain('€1,500.00');
  expect(t.connector.received.filter((a) => a.conversationId === CHAT && cardText(a).includes('waiting for its sponsor'))).toHaveLength(1);
});

test('deciding: senior leaders only; declining needs a reason; approval starts the clock', async () => {
  expect((await t.api(`/api/projects/${pid()}/decision`, { as: ben, body: { decision: 'approve' } })).status).toBe(403);
  const noReason = await t.api(`/api/projects/${pid()}/decision`, { as: lea, body: { decision: 'decline' } });
  expect(noReason.status).toBe(400);
  expect(noReason.body.error.fields).toEqual([{ field: 'reason', code: 'project.decline_reason', params: {}, message: 'say why the project is declined' }]);
  expect((await t.api(`/api/projects/${pid()}/checkins`, { as: ana, body: { confidence: 3, note: 'Waiting to start' } })).status).toBe(409);
  const approved = await t.api(`/api/projects/${pid()}/decision`, { as: lea, body: { decision: 'approve', reason: 'Exactly what new managers need.' } });
  expect(approved.status).toBe(200);
  expect(approved.body.project).toMatchObject({ status: 'approved', startedOn: '2027-03-01', dueOn: '2027-05-24', decision: { outcome: 'approved', byName: 'Lea Leader' } });
  // Retried: same answer. Changing one's mind afterwards is a conflict.
  expect((await t.api(`/api/projects/${pid()}/decision`, { as: lea, body: { decision: 'approve' } })).status).toBe(200);
  expect((await t.api(`/api/projects/${pid()}/decision`, { as: leo, body: { decision: 'decline', reason: 'No budget' } })).status).toBe(409);
  await deliver();
  expect(t.connector.received.filter((a) => a.conversationId === CHAT && cardText(a).includes('The project is approved'))).toHaveLength(1);
});

test('progress check-ins by the circle, once per request', async () => {
  const key = randomUUID();
  const first = await t.api(`/api/projects/${pid()}/checkins`, { as: ben, body: { confidence: 4, note: 'Five pairs formed' }, headers: { 'idempotency-key': key } });
  expect(first.status).toBe(200);
  await t.api(`/api/projects/${pid()}/checkins`, { as: ben, body: { confidence: 4, note: 'Five pairs formed' }, headers: { 'idempotency-key': key } });
  const second = await t.api(`/api/projects/${pid()}/checkins`, { as: ana, body: { confidence: 5, note: 'All pairs met twice' } });
  expect(second.body.project.progress).toEqual({ checkins: 2, lastConfidence: 5, confidenceTrend: [4, 5] });
  expect(second.body.project.checkins[0].note).toBe('All pairs met twice');
  expect((await t.api(`/api/projects/${pid()}/checkins`, { as: ana, body: { confidence: 9, note: '' } })).body.error.fields.map((f: any) => f.field).sort()).toEqual(['confidence', 'note']);
  expect((await t.api(`/api/projects/${pid()}/checkins`, { as: lea, body: { confidence: 4, note: 'Sponsor note' } })).status).toBe(403);
  expect((await t.api(`/api/projects/${pid()}/checkins`, { as: olu, body: { confidence: 4, note: 'Hello there' } })).status).toBe(404);
});

test('done is celebrated in the circle, once', async () => {
  expect((await t.api(`/api/projects/${pid()}/done`, { as: olu, body: { summary: 'Not mine to close' } })).status).toBe(404);
  expect((await t.api(`/api/projects/${pid()}/done`, { as: ana, body: { summary: 'short' } })).status).toBe(400);
  const done = await t.api(`/api/projects/${pid()}/done`, { as: ana, body: { summary: 'Twelve new managers paired; all say it helped.' } });
  expect(done.body.project).toMatchObject({ status: 'done', done: { byName: 'Ana Alvarez' } });
  expect((await t.api(`/api/projects/${pid()}/done`, { as: ben, body: { summary: 'Closing it again, just in case.' } })).status).toBe(200);
  await deliver();
  const celebrated = t.connector.received.filter((a) => a.conversationId === CHAT && cardText(a).includes('Community project done'));
  expect(celebrated).toHaveLength(1);
  expect(cardText(celebrated[0])).toContain('Twelve new managers paired');
  for (const c of adaptiveCardsIn(celebrated[0].activity)) expect(cardProblems(c)).toEqual([]);
  const celebrations = await t.app.store.all<Celebration>('pilots', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'celebration' AND c.kind = 'project_done'");
  expect(celebrations).toHaveLength(1);
  expect(t.connector.received.filter((a) => a.conversationId === `a:personal-${lea.userId}` && cardText(a).includes('Thank you for sponsoring it'))).toHaveLength(1);
});

test('on the sponsor’s card: decline needs a reason, then declines in place', async () => {
  const other = (await t.api('/api/projects', { as: ben, body: proposal({ title: 'Leadership book club', goal: 'A monthly book club for the circle and guests.', sponsorId: leo.userId, budget: { amount: 300, currency: 'GBP' } }) })).body.project;
  const act = circleActions(links);
  const missing = await act(t.app.domain, await callerOf(leo), 'project.decide', { projectId: other.id, decision: 'decline', reason: '' });
  expect(cardProblems(missing.content)).toEqual([]);
  expect(JSON.stringify(missing.content)).toContain('reason: say why the project is declined');
  expect(JSON.stringify(missing.content)).toContain('project.decide');
  const member = await act(t.app.domain, await callerOf(ben), 'project.decide', { projectId: other.id, decision: 'approve' });
  expect(JSON.stringify(member.content)).toContain('Only senior leaders decide on community projects.');
  const declined = await act(t.app.domain, await callerOf(leo), 'project.decide', { projectId: other.id, decision: 'decline', reason: 'Let’s fold it into the L&D budget next quarter.' });
  expect(JSON.stringify(declined.content)).toContain('Declined. The circle has been told why.');
  expect(JSON.stringify(declined.content)).not.toContain('project.decide');
  const view = await t.api(`/api/projects/${encodeURIComponent(other.id)}`, { as: ben });
  expect(view.body.project).toMatchObject({ status: 'declined', decision: { reason: 'Let’s fold it into the L&D budget next quarter.' } });
  expect((await t.api(`/api/projects/${encodeURIComponent(other.id)}/done`, { as: ben, body: { summary: 'We did it anyway, sort of.' } })).status).toBe(409);
});
