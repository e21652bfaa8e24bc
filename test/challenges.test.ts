import { randomUUID } from 'node:crypto';
import { ManualClock } from '../domain/shared/clock';
import type { Caller } from '../domain/shared/caller';
import { startTestApp, type TestApp } from '../support/app';
import { BOT_ID, messageActivity, rosterOf, type TeamsUser } from '../support/teams';

/**
 * Organisation challenges over real HTTP: senior leaders post a problem the organisation wants
 * solved; everyone in the organisation sees the open ones; a circle takes one up by proposing a
 * community project for it; the poster closes it, after which nobody can take it up.
 */
const tenantId = randomUUID();
const person = (name: string): TeamsUser => ({ tenantId, userId: randomUUID(), name });
const ana = person('Ana Alvarez'); // circle member
const lea: TeamsUser = { ...person('Lea Leader'), roles: ['leader'] }; // senior leader (Entra app role), posts the challenge
const leo: TeamsUser = { ...person('Leo Leader'), roles: ['leader'] }; // another senior leader
const olu = person('Olu Outside'); // in the organisation, in no circle
const eve: TeamsUser = { tenantId: randomUUID(), userId: randomUUID(), name: 'Eve Elsewhere' };
const CHAT = `19:${randomUUID()}@thread.v2`;
const clock = new ManualClock(new Date('2027-03-01T09:00:00Z'));

let t: TestApp;
let circleId: string;
let challengeId: string;

const callerOf = (u: TeamsUser): Promise<Caller> => t.app.domain.directory.resolveCaller(u.tenantId, u.userId, u.name);
const challenge = { title: 'Halve the time new hires wait for a laptop', problem: 'New hires wait eleven days on average for their equipment; their first weeks are lost.' };
const list = async (who: TeamsUser) => (await t.api('/api/challenges', { as: who })).body.challenges as { id: string; title: string; status: string; takenUpBy: { circleName: string; projectId: string }[] }[];
const proposal = (over: Record<string, unknown> = {}) => ({
  circleId,
  title: 'Laptops on day one',
  goal: 'A shelf of ready laptops in each office, kept stocked by the circle.',
  weeksAsked: 6,
  budget: { amount: 800, currency: 'EUR' },
  sponsorId: lea.userId,
  challengeId,
  ...over,
});

beforeAll(async () => {
  t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false' } });
  t.connector.members = rosterOf(tenantId, [ana]);
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
  circleId = (await t.api('/api/circles', { as: ana, body: { teamId: `team:${CHAT}`, name: 'Onboarding circle' } })).body.circle.id;
  for (const u of [lea, leo]) {
    await t.activity(messageActivity(t.connector.url, u, 'hello'));
    await t.api('/api/me', { as: u }); // a verified sign-in: the bot remembers their roles
  }
  await callerOf(olu);
  await callerOf(eve);
});
afterAll(() => t.stop());

test('senior leaders post challenges; members cannot; bad input is refused and changes nothing', async () => {
  const member = await t.api('/api/challenges', { as: ana, body: challenge });
  expect(member.status).toBe(403);
  expect(member.body.error.reason).toBe('challenge.leaders_only');
  const bad = await t.api('/api/challenges', { as: lea, body: { title: 'x', problem: 'y'.repeat(10_240) } });
  expect(bad.status).toBe(400);
  expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['problem', 'title']);
  const extra = await t.api('/api/challenges', { as: lea, body: { ...challenge, status: 'closed', postedById: ana.userId } });
  expect(extra.status).toBe(400);
  expect(await list(lea)).toEqual([]);

  const key = randomUUID();
  const posted = await t.api('/api/challenges', { as: lea, body: challenge, headers: { 'idempotency-key': key } });
  expect(posted.status).toBe(201);
  expect(posted.body.challenge).toMatchObject({ ...challenge, postedByName: 'Lea Leader', status: 'open', takenUpBy: [] });
  challengeId = posted.body.challenge.id;
  // Teams (or a double click) retries: still one challenge.
  const retried = await t.api('/api/challenges', { as: lea, body: challenge, headers: { 'idempotency-key': key } });
  expect(retried.status).toBe(200);
  expect(retried.body.challenge.id).toBe(challengeId);
  expect((await list(lea)).map((c) => c.id)).toEqual([challengeId]);
});

test('everyone in the organisation sees open challenges; another organisation sees none', async () => {
  for (const who of [ana, olu, leo]) expect((await list(who)).map((c) => c.title)).toEqual([challenge.title]);
  expect(await list(eve)).toEqual([]);
  expect((await t.api('/api/challenges', { as: eve, body: challenge })).status).toBe(403);
  expect((await t.api(`/api/challenges/${encodeURIComponent(challengeId)}/close`, { as: eve, method: 'POST' })).status).toBe(404);
});

test('a circle takes a challenge up as a community project', async () => {
  expect((await t.api('/api/projects', { as: ana, body: proposal({ challengeId: 'challenge:nope' }) })).status).toBe(404);
  expect((await t.api('/api/projects', { as: ana, body: proposal({ challengeId: circleId }) })).status).toBe(404);
  const taken = await t.api('/api/projects', { as: ana, body: proposal(), headers: { 'idempotency-key': randomUUID() } });
  expect(taken.status).toBe(201);
  expect(taken.body.project).toMatchObject({ challengeId, status: 'proposed', sponsor: { name: 'Lea Leader' }, circle: { name: 'Onboarding circle' } });
  const [shown] = await list(olu);
  expect(shown.takenUpBy).toEqual([{ projectId: taken.body.project.id, circleId, circleName: 'Onboarding circle' }]);
});

test('the poster closes a challenge; nobody else can; a closed one cannot be taken up', async () => {
  const path = `/api/challenges/${encodeURIComponent(challengeId)}/close`;
  const other = await t.api(path, { as: leo, method: 'POST' });
  expect(other.status).toBe(403);
  expect(other.body.error.reason).toBe('challenge.poster_only');
  expect((await t.api(path, { as: ana, method: 'POST' })).status).toBe(403);
  expect((await list(ana))[0].status).toBe('open');

  const closed = await t.api(path, { as: lea, method: 'POST' });
  expect(closed.status).toBe(200);
  expect(closed.body.challenge.status).toBe('closed');
  expect((await t.api(path, { as: lea, method: 'POST' })).body.challenge.status).toBe('closed');
  // Open ones come first.
  const next = await t.api('/api/challenges', { as: leo, body: { title: 'Fewer status meetings', problem: 'Managers spend a day a week in status meetings nobody needs.' } });
  expect((await list(ana)).map((c) => [c.title, c.status])).toEqual([
    ['Fewer status meetings', 'open'],
    [challenge.title, 'closed'],
  ]);
  const late = await t.api('/api/projects', { as: ana, body: proposal({ title: 'Laptops, again' }) });
  expect(late.status).toBe(409);
  expect(late.body.error.reason).toBe('challenge.closed');
  expect((await t.api('/api/projects', { as: ana })).body.projects).toHaveLength(1);
  expect(next.status).toBe(201);
});
