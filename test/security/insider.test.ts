import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../domain/shared/clock';
import type { Pilot } from '../../domain/pilots';
import type { Round } from '../../domain/checkins';
import type { OutboxItem } from '../../domain/outbox';
import type { Member, Team } from '../../domain/directory';
import { startTestApp, type TestApp } from '../../support/app';
import { installInGroupChatActivity, installInTeamActivity, rosterOf, type TeamsUser } from '../../support/teams';
import { changeCount, diffDigests, printFigures, storeDigest } from './support';

/**
 * Issue 22, classes 1 and 2, as a hostile insider would try them (a plain member, the manager of
 * one team), through the tab API and the bot only:
 *
 *  1. Edits are checked as creation is: a pilot cannot be moved to a team its manager does not
 *     manage, to a circle, or to any other document of the directory; one under way cannot move
 *     at all. Lookups by id are typed, and the scheduler isolates failures per pilot and round:
 *     data that is bad anyway (written before these checks) is skipped with its id, and the
 *     tenant's other check-ins open, remind and close.
 *  2. Manager rights are per team, decided in one place: installing the bot (in a team or a
 *     two-person chat) grants no tenant-wide role, and a stored `manager` role alone grants nothing.
 */
const MONDAY = '2027-01-04';
const FRIDAY_AFTER = '2027-01-08T10:00:30Z'; // a check-in day of the default cadence (Fridays 10:00)
const tenantId = randomUUID();
const person = (name: string, roles?: string[]): TeamsUser => ({ tenantId, userId: randomUUID(), name, roles });
const maria = person('Maria Manager'); // owns Ops in Teams (so manages it)
const nils = person('Nils Manager'); // owns Care in Teams (so manages it); Maria is in Care too
const ops = [person('Olga Ops'), person('Omar Ops'), person('Oona Ops')];
const care = [person('Cora Care'), person('Cato Care')];
const lena = person('Lena Leader', ['leader']); // senior leader (Entra app role)
const adi = person('Adi Admin', ['admin']); // admin (Entra app role)
const OPS = `19:${randomUUID()}@thread.tacv2`;
const CARE = `19:${randomUUID()}@thread.tacv2`;
const CHAT = `19:${randomUUID()}@thread.v2`; // Olga and Omar's two-person chat
const opsId = `team:${OPS}`;
const careId = `team:${CARE}`;
const chatId = `team:${CHAT}`;

const clock = new ManualClock(new Date(`${MONDAY}T08:00:00Z`));
let t: TestApp;
let draftId = '';
let activeId = '';
let circleId = '';

const api = (as: TeamsUser, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => t.api(path, { as, ...init });
const etagOf = async (id: string) => (await t.app.store.read<Pilot>('pilots', tenantId, id))?._etag ?? '';
const patch = async (as: TeamsUser, id: string, body: unknown) => api(as, `/api/pilots/${encodeURIComponent(id)}`, { method: 'PATCH', body, headers: { 'if-match': await etagOf(id) } });
const newPilot = (teamId: string, title = 'Rotate the stand-up') => ({
  title,
  hypothesis: 'If everyone runs the stand-up in turn, more people speak up.',
  successMeasures: ['Everyone has run one'],
  teamId,
  startDate: MONDAY,
  endDate: '2027-02-26',
});

beforeAll(async () => {
  t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false', RATE_LIMIT_API_PER_MINUTE: '100000' } });
  t.connector.members = rosterOf(tenantId, [maria, ...ops]);
  const opsGroup = t.teamInGraph(tenantId, [maria], ops);
  expect((await t.activity(installInTeamActivity(t.connector.url, maria, { teamsTeamId: OPS, name: 'Ops', aadGroupId: opsGroup }))).status).toBe(200);
  t.connector.members = rosterOf(tenantId, [nils, maria, ...care]);
  const careGroup = t.teamInGraph(tenantId, [nils], [maria, ...care]);
  expect((await t.activity(installInTeamActivity(t.connector.url, nils, { teamsTeamId: CARE, name: 'Care', aadGroupId: careGroup }))).status).toBe(200);
  t.connector.members = rosterOf(tenantId, [ops[0], ops[1]]);
  expect((await t.activity(installInGroupChatActivity(t.connector.url, ops[0], { id: CHAT, name: 'Olga and Omar' }))).status).toBe(200);
  // A chat has no owners in Teams: an admin names who manages it.
  expect((await api(adi, `/api/admin/teams/${encodeURIComponent(chatId)}/managers/${ops[0].userId}`, { method: 'PUT' })).status).toBe(200);
  expect((await api(lena, '/api/me')).status).toBe(200);
  draftId = (await api(maria, '/api/pilots', { body: newPilot(opsId, 'Draft to move') })).body.pilot.id;
  activeId = (await api(maria, '/api/pilots', { body: newPilot(opsId) })).body.pilot.id;
  expect((await api(maria, `/api/pilots/${encodeURIComponent(activeId)}/launch`, { method: 'POST' })).status).toBe(200);
  // A circle in the two-person chat: Maria is not in it.
  circleId = (await api(ops[0], '/api/circles', { body: { teamId: chatId, name: 'Two of us' } })).body.circle.id;
});
afterAll(() => t.stop());

describe('class 1: edits are checked as creation is', () => {
  test('a pilot moves only to a team its manager manages, only as a draft; nothing else changes hands', async () => {
    const before = await storeDigest(t);
    const refused: [string, number][] = [];
    for (const teamId of [careId, chatId, circleId, 'settings', `member:${nils.userId}`, 'practice:weekly-retro', `team:19:${randomUUID()}@thread.tacv2`]) {
      const res = await patch(maria, draftId, { teamId });
      refused.push([teamId, res.status]);
      expect(res.body.error?.reason).toBe('pilot.own_team_only');
    }
    expect(refused.every(([, status]) => status === 403)).toBe(true);
    // A pilot under way keeps its team, even for a team its manager does manage.
    const newTeam = `19:${randomUUID()}@thread.tacv2`;
    t.connector.members = rosterOf(tenantId, [maria, ops[2]]);
    await t.activity(installInTeamActivity(t.connector.url, maria, { teamsTeamId: newTeam, name: 'Ops nights', aadGroupId: t.teamInGraph(tenantId, [maria], [ops[2]]) }));
    const diff = diffDigests(before, await storeDigest(t));
    const underWay = await patch(maria, activeId, { teamId: `team:${newTeam}` });
    expect(underWay.status).toBe(409);
    expect(underWay.body.error.reason).toBe('pilot.move_under_way');
    expect(diff.changed.filter((k) => k.startsWith('pilots/'))).toEqual([]);
    // The draft may move to the other team Maria manages, and back.
    expect((await patch(maria, draftId, { teamId: `team:${newTeam}` })).body.pilot).toMatchObject({ teamId: `team:${newTeam}`, teamName: 'Ops nights' });
    expect((await patch(maria, draftId, { teamId: opsId })).body.pilot).toMatchObject({ teamId: opsId, teamName: 'Ops' });
    // Care's people never see Ops' pilots, and a practice must be one of the library's.
    for (const who of [nils, ...care]) expect(JSON.stringify((await api(who, '/api/pilots')).body)).not.toContain('Rotate the stand-up');
    expect((await patch(maria, draftId, { practiceId: 'settings' })).status).toBe(404);
    expect((await patch(maria, draftId, { practiceId: 'practice:weekly-retro' })).body.pilot.practiceName).toBe('Weekly team retrospective');
  });

  test('bad documents are skipped with their id; the tenant’s other check-ins go on', async () => {
    // Written straight to the store, as data from before these checks could be.
    const good = (await t.app.store.read<Pilot>('pilots', tenantId, activeId))!;
    const legacy = (suffix: string, changes: Partial<Pilot>) => ({ ...good, id: `pilot:legacy-${suffix}`, title: `Legacy ${suffix}`, managerId: nils.userId, ...changes, _etag: undefined, _rid: undefined, _ts: undefined, _self: undefined });
    await t.app.store.create('pilots', legacy('settings', { teamId: 'settings' }));
    await t.app.store.create('pilots', legacy('member', { teamId: `member:${maria.userId}` }));
    await t.app.store.create('pilots', legacy('circle', { teamId: circleId }));
    await t.app.store.create('pilots', legacy('broken', { cadence: null as never }));
    await t.app.store.create<Round>('checkins', { id: 'round:legacy-broken', tenantId, type: 'round', pilotId: activeId, teamId: opsId, status: 'open', closesAt: '2099-01-01T00:00:00Z', invited: null } as never);

    clock.set(FRIDAY_AFTER);
    const report = await t.app.background.tick();
    const skipped = report.skipped.filter((s) => s.tenantId === tenantId);
    expect(skipped.map((s) => [s.what, s.id]).sort()).toEqual([
      ['pilot', 'pilot:legacy-broken'],
      ['round', 'round:legacy-broken'],
    ]);
    // The good pilot's round opened and its members are prompted, its manager among them.
    const round = await t.app.store.read<Round>('checkins', tenantId, `round:${activeId}:2027-01-08`);
    expect(round?.invited.sort()).toEqual([maria, ...ops].map((m) => m.userId).sort());
    const outbox = await t.app.store.all<OutboxItem>('outbox', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox'");
    expect(outbox.filter((i) => i.kind === 'checkin_prompt')).toHaveLength(ops.length + 1);
    // Nothing goes to the conversations the bad pilots name: no round, prompt or card.
    expect(outbox.filter((i) => /legacy/.test(JSON.stringify(i)))).toEqual([]);
    // Every one of them reads fine (no 500); members of the chat do not see the circle one.
    for (const suffix of ['settings', 'member', 'circle', 'broken']) {
      expect((await api(lena, `/api/pilots/pilot%3Alegacy-${suffix}`)).status).toBe(200);
      expect((await api(ops[0], `/api/pilots/pilot%3Alegacy-${suffix}`)).status).toBe(suffix === 'broken' ? 200 : 404);
    }
    expect((await api(lena, '/api/pilots')).status).toBe(200);
    printFigures('Insider, class 1 (issue 22)', { 'moves refused': 7, 'bad documents skipped': skipped.length, 'prompts still queued': ops.length });
  });
});

describe('class 2: manager rights are per team', () => {
  test('installing or owning a team grants no role; its managers manage that one conversation', async () => {
    for (const u of [maria, nils, ops[0]]) expect((await t.app.store.read<Member>('directory', tenantId, `member:${u.userId}`))?.roles).toEqual(['member']);
    const me = (await api(maria, '/api/me')).body.user;
    expect(me.roles).toContain('manager'); // for the tab: she manages at least one team
    expect(me.managedTeamIds.sort()).toEqual(expect.arrayContaining([opsId]));
    expect(me.managedTeamIds).not.toContain(careId);
    // Maria is in Care, but Care is Nils's: no pilots for it.
    expect((await api(maria, '/api/pilots', { body: newPilot(careId) })).status).toBe(403);
    // Olga was named the manager of her two-person chat: she may launch pilots there, nowhere else.
    expect((await api(ops[0], '/api/pilots', { body: newPilot(opsId) })).status).toBe(403);
    expect((await api(ops[0], '/api/pilots', { body: newPilot(chatId, 'Our chat pilot') })).status).toBe(201);
    expect((await api(ops[1], '/api/me')).body.user.roles).toEqual(['member']);
  });

  test('a stored manager role alone grants nothing; rights follow the team', async () => {
    await t.app.store.update<Member>('directory', tenantId, `member:${care[0].userId}`, (m) => ({ ...m, roles: [...m.roles, 'manager'] }));
    expect((await api(care[0], '/api/pilots', { body: newPilot(careId) })).status).toBe(403);
    expect((await api(care[0], '/api/me')).body.user.roles).toEqual(['member']);
    // Ops gets another manager (as an admin or the organisation would decide): rights move with it.
    await t.app.store.update<Team>('directory', tenantId, opsId, (team) => ({ ...team, managerId: nils.userId, managers: [{ userId: nils.userId, source: 'admin', since: clock.now().toISOString() }] }));
    expect((await patch(maria, draftId, { title: 'Maria no longer manages Ops' })).status).toBe(403);
    expect((await api(maria, `/api/pilots/${encodeURIComponent(draftId)}`)).body.pilot.canEdit).toBe(false);
    const nilsEdit = await patch(nils, draftId, { title: 'Nils manages Ops now' });
    expect(nilsEdit.status).toBe(200);
    expect((await api(nils, `/api/pilots/${encodeURIComponent(draftId)}`)).body.pilot.canEdit).toBe(true);
    const before = await storeDigest(t);
    expect((await api(maria, `/api/pilots/${encodeURIComponent(activeId)}/pause`, { method: 'POST' })).status).toBe(403);
    expect(changeCount(diffDigests(before, await storeDigest(t)))).toBe(0);
  });
});
