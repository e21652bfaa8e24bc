import { randomUUID } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import { ManualClock } from '../domain/shared/clock';
import type { Round } from '../domain/checkins';
import type { Pilot } from '../domain/pilots';
import type { Member, Team } from '../domain/directory';
import { CONTAINERS } from '../domain/ports/store';
import { startTestApp, type TestApp } from '../support/app';
import { botRemovedFromTeamActivity, installInTeamActivity, messageActivity, rosterOf, uninstallFromTeamActivity, uninstallPersonalActivity, type TeamsUser } from '../support/teams';
import { printFigures } from './security/support';

/**
 * Done when (issue 17, part 4): removing the app from a team stops its schedules (no prompt or
 * reminder reaches its people; its pilots are paused with the reason `app_removed`) and drops its
 * conversation references, idempotently (Teams sends two events, and retries); a reinstall works
 * again. A tenant admin deletes all of the tenant's data in two confirmed steps: afterwards no
 * container holds anything of that tenant, and the other tenant's data is untouched.
 */
const tenantId = randomUUID();
const otherTenant = randomUUID();
const person = (name: string, tid = tenantId, roles: string[] = []): TeamsUser => ({ tenantId: tid, userId: randomUUID(), name, roles });
const manager = person('Maria Manager');
const ana = person('Ana Member');
const ned = person('Ned Member');
const admin = person('Ada Admin', tenantId, ['admin']);
const outsider = person('Otto Other', otherTenant, ['admin']);
const team = { teamsTeamId: `19:${randomUUID()}@thread.tacv2`, name: 'Ops squad' };
const teamId = `team:${team.teamsTeamId}`;
const MONDAY = '2027-01-04';
const clock = new ManualClock(new Date(`${MONDAY}T06:00:00Z`));
let t: TestApp;
let raw: CosmosClient;
let pilotId = '';

const roundsOf = (id: string) => t.app.store.all<Round>('checkins', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.pilotId = @p", { p: id });
const pilot = async () => (await t.app.store.read<Pilot>('pilots', tenantId, pilotId))!;

async function tenantCounts(tid: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of CONTAINERS) {
    const { resources } = await raw.database('leaderful').container(name).items.query({ query: 'SELECT c.id FROM c WHERE c.tenantId = @t', parameters: [{ name: '@t', value: tid }] }).fetchAll();
    out[name] = resources.length;
  }
  return out;
}

beforeAll(async () => {
  t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false' } });
  raw = new CosmosClient({ endpoint: t.app.embedded!.endpoint, key: 'embedded', connectionPolicy: { enableEndpointDiscovery: false } });
  t.connector.members = rosterOf(tenantId, [manager, ana, ned]);
  const aadGroupId = t.teamInGraph(tenantId, [manager], [ana, ned]);
  expect((await t.activity(installInTeamActivity(t.connector.url, manager, { ...team, aadGroupId }))).status).toBe(200);
  for (const u of [ana, ned]) await t.activity(messageActivity(t.connector.url, u, 'time zone Europe/Madrid'));
  const created = await t.api('/api/pilots', {
    as: manager,
    body: { title: 'Monday stand-up', practiceId: 'practice:rotating-facilitator', hypothesis: 'Sharing the chair grows ownership.', successMeasures: ['Everyone facilitates once'], teamId, cadence: { weekdays: [1], time: '09:00', everyWeeks: 1, reminderHours: 4, roundHours: 24 }, startDate: MONDAY, endDate: '2027-02-26' },
  });
  expect(created.status).toBe(201);
  pilotId = created.body.pilot.id;
  expect((await t.api(`/api/pilots/${encodeURIComponent(pilotId)}/launch`, { as: manager, method: 'POST' })).status).toBe(200);
  // The other tenant, with data of its own.
  t.connector.members = rosterOf(otherTenant, [outsider]);
  await t.activity(installInTeamActivity(t.connector.url, outsider, { teamsTeamId: `19:${randomUUID()}@thread.tacv2`, name: 'Elsewhere', aadGroupId: t.teamInGraph(otherTenant, [outsider]) }));
  await t.api('/api/me', { as: outsider });
});
afterAll(() => t.stop());

test('removing the app from a team stops its prompts and reminders and drops its references; a reinstall works again', async () => {
  // 08:01Z (09:01 in Madrid): the round opens, Ana and Ned are asked.
  clock.set(`${MONDAY}T08:01:00Z`);
  await t.app.background.tick();
  await t.app.background.delivery.flush();
  const [round] = await roundsOf(pilotId);
  expect(round.prompted.length).toBeGreaterThan(0);

  // Teams sends both events on removal, and may retry one of them.
  const removal = uninstallFromTeamActivity(t.connector.url, manager, team);
  expect((await t.activity(removal)).status).toBe(200);
  expect((await t.activity(botRemovedFromTeamActivity(t.connector.url, manager, team))).status).toBe(200);
  expect((await t.activity(removal)).status).toBe(200);
  expect(await pilot()).toMatchObject({ status: 'paused', pausedReason: 'app_removed' });
  const stored = await t.app.store.read<Team>('directory', tenantId, teamId);
  expect(stored?.conversationReference).toBeUndefined();
  expect(stored?.removedAt).toBeTruthy();
  const [stopped] = await roundsOf(pilotId);
  expect(stopped.stoppedReason).toBe('app_removed');

  // The rest of the day and the next Monday: no prompt, no reminder, no new round.
  const sentBefore = t.connector.received.length;
  for (const at of [`${MONDAY}T12:30:00Z`, `${MONDAY}T20:00:00Z`, '2027-01-05T05:00:00Z', '2027-01-11T08:30:00Z', '2027-01-11T13:00:00Z']) {
    clock.set(at);
    await t.app.background.tick();
    await t.app.background.delivery.flush();
  }
  // (The open round still closes on time: its cards are redrawn as closed, its facilitator gets the summary.)
  const prompts = t.connector.received.slice(sentBefore).filter((a) => a.method === 'POST' && /"text":"Check-in: Monday stand-up"|remind/i.test(JSON.stringify(a.activity)));
  expect(prompts).toEqual([]);
  const queued = await t.app.store.all<{ kind: string; createdAt: string }>('outbox', tenantId, "SELECT c.kind, c.createdAt FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND (c.kind = 'checkin_prompt' OR c.kind = 'checkin_reminder')");
  expect(queued.filter((q) => q.createdAt > `${MONDAY}T08:02:00Z`)).toEqual([]);
  expect((await roundsOf(pilotId)).length).toBe(1);
  const me = await t.api('/api/teams', { as: manager });
  expect(me.status).toBe(200);

  // Reinstalled: the reference is back, the pilot runs again, and the next Monday's round opens and prompts.
  t.connector.members = rosterOf(tenantId, [manager, ana, ned]);
  expect((await t.activity(installInTeamActivity(t.connector.url, manager, { ...team, aadGroupId: t.teamInGraph(tenantId, [manager], [ana, ned]) }))).status).toBe(200);
  expect(await pilot()).toMatchObject({ status: 'active' });
  expect((await pilot()).pausedReason).toBeUndefined();
  clock.set('2027-01-18T08:01:00Z');
  await t.app.background.tick();
  await t.app.background.delivery.flush();
  const rounds = await roundsOf(pilotId);
  expect(rounds.length).toBe(2);
  expect(rounds.find((r) => r.date === '2027-01-18')!.prompted.length).toBeGreaterThan(0);
  expect(t.connector.received.slice(sentBefore).filter((a) => a.method === 'POST' && /"text":"Check-in: Monday stand-up"/.test(JSON.stringify(a.activity))).length).toBeGreaterThan(0);
});

test('removing the app from a personal chat drops that chat; writing to the bot again brings it back', async () => {
  const member = () => t.app.store.read<Member>('directory', tenantId, `member:${ana.userId}`);
  expect((await member())?.personalConversation).toBeTruthy();
  expect((await t.activity(uninstallPersonalActivity(t.connector.url, ana))).status).toBe(200);
  expect((await member())?.personalConversation).toBeUndefined();
  await t.activity(messageActivity(t.connector.url, ana, 'help'));
  expect((await member())?.personalConversation).toBeTruthy();
});

test('a tenant admin deletes all of the tenant’s data, after two confirmations; the other tenant is untouched', async () => {
  const otherBefore = await tenantCounts(otherTenant);
  const before = await tenantCounts(tenantId);
  expect(Object.values(before).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);

  // Only admins; and the first step changes nothing.
  expect((await t.api('/api/admin/tenant-deletion', { as: manager, body: {} })).status).toBe(403);
  const first = await t.api('/api/admin/tenant-deletion', { as: admin, body: {} });
  expect(first.status).toBe(200);
  expect(first.body.ticket).toMatchObject({ tenantName: 'Your organisation', token: expect.any(String) });
  const { token } = first.body.ticket;
  // A wrong name, a forged token, another tenant's admin with this token, a member: all refused, nothing gone.
  expect((await t.api('/api/admin/tenant-deletion/confirm', { as: admin, body: { token, tenantName: 'Some organisation' } })).body.error.reason).toBe('privacy.deletion_name');
  expect((await t.api('/api/admin/tenant-deletion/confirm', { as: admin, body: { token: `${token.split('.')[0]}.forged`, tenantName: 'Your organisation' } })).body.error.reason).toBe('privacy.deletion_token');
  expect((await t.api('/api/admin/tenant-deletion/confirm', { as: outsider, body: { token, tenantName: 'Your organisation' } })).status).toBe(400);
  expect((await t.api('/api/admin/tenant-deletion/confirm', { as: manager, body: { token, tenantName: 'Your organisation' } })).status).toBe(403);
  expect((await t.api('/api/admin/tenant-deletion/confirm', { as: admin, body: { tenantName: 'Your organisation' } })).status).toBe(400);
  const still = await tenantCounts(tenantId);
  // (the first step made the tenant's privacy record, and the refusals may add the callers' member records)
  for (const name of CONTAINERS.filter((c) => c !== 'directory')) expect(`${name} ${still[name]}`).toBe(`${name} ${before[name]}`);

  const started = Date.now();
  const done = await t.api('/api/admin/tenant-deletion/confirm', { as: admin, body: { token, tenantName: ' your organisation ' } });
  const ms = Date.now() - started;
  expect(done.status).toBe(200);
  const after = await tenantCounts(tenantId);
  expect(after).toEqual(Object.fromEntries(CONTAINERS.map((c) => [c, 0])));
  expect(await tenantCounts(otherTenant)).toEqual(otherBefore);
  // The scheduler no longer walks it.
  expect(await t.app.domain.directory.tenantIds()).not.toContain(tenantId);
  printFigures('Deleting a tenant’s data', { documents: Object.values(still).reduce((a, b) => a + b, 0), 'took (ms)': ms, deleted: JSON.stringify(done.body.deleted) });
});
