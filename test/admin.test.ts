import { randomUUID } from 'node:crypto';
import { DEMO_TENANT_ID } from '../domain/demo';
import { demoUser, startTestApp, type TestApp } from '../support/app';
import type { TeamsUser } from '../support/teams';

/**
 * The admin area over HTTP, in the demo tenant (Alex Kim holds Leaderful.Admin in Entra ID):
 * who holds which role and why, naming and un-naming a team's manager, tenant settings, and the
 * audit log that records each change and that nothing edits.
 */
let t: TestApp;
const alex = demoUser('Alex');
const sam = demoUser('Sam');
const morgan = demoUser('Morgan');
const enc = encodeURIComponent;
const managerPath = (teamId: string, userId: string) => `/api/admin/teams/${enc(teamId)}/managers/${enc(userId)}`;
const newPilot = (teamId: string) => ({ title: 'A pilot', practiceId: 'practice:weekly-retro', hypothesis: 'A weekly retro helps us improve.', successMeasures: ['One change a week'], teamId, startDate: '2027-03-01', endDate: '2027-04-30' });

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

test('the demo organisation came through a sync: departments, managers and team owners from Graph', async () => {
  const status = await t.api('/api/admin/sync', { as: alex });
  expect(status.body.runs[0]).toMatchObject({ trigger: 'demo', mode: 'full', ok: true, people: 23, teams: 3, problems: [] });
  expect(status.body.summary).toMatchObject({ people: 23, levels: 4, top: 1 });
  const top = await t.api('/api/admin/people', { as: alex });
  expect(top.body.people).toEqual([expect.objectContaining({ name: 'Dana Whitfield', jobTitle: 'Chief Executive Officer', directReports: 2 })]);
  const avery = await t.api(`/api/admin/people?managerId=${enc(demoUser('Avery').userId)}`, { as: alex });
  expect(avery.body.people.map((p: { name: string }) => p.name)).toEqual(['Jordan Silva', 'Morgan Lee', 'Priya Raman']);
  const found = await t.api('/api/admin/people?q=mo', { as: alex });
  expect(found.body.people.map((p: { name: string }) => p.name)).toEqual(['Morgan Lee']);
});

test('roles and where they come from: Entra ID app roles, and managers from Teams', async () => {
  await t.api('/api/me', { as: demoUser('Avery') });
  const { body } = await t.api('/api/admin/roles', { as: alex });
  const line = (r: { name: string; role: string; source: string; team?: { name: string } }) => `${r.name}: ${r.role} (${r.source}${r.team ? `, ${r.team.name}` : ''})`;
  expect(body.roles.map(line).sort()).toEqual([
    'Alex Kim: admin (entra)',
    'Alex Kim: leader (entra)',
    'Avery Okafor: leader (entra)',
    'Jordan Silva: manager (teams, Customer Care — Americas)',
    'Morgan Lee: manager (teams, Operations — Service Desk)',
    'Priya Raman: manager (teams, Engineering — Platform)',
  ]);
});

test('an admin names a manager Teams does not know, and takes them back: audited, and the rights follow', async () => {
  expect((await t.api('/api/pilots', { as: sam, body: newPilot('team:demo-ops') })).status).toBe(403);
  const named = await t.api(managerPath('team:demo-ops', sam.userId), { as: alex, method: 'PUT' });
  expect(named.status).toBe(200);
  expect(named.body.team.managers).toEqual([
    expect.objectContaining({ userId: morgan.userId, source: 'teams' }),
    expect.objectContaining({ userId: sam.userId, name: 'Sam Taylor', source: 'admin', by: 'Alex Kim' }),
  ]);
  // Naming again changes nothing (and is not audited twice).
  expect((await t.api(managerPath('team:demo-ops', sam.userId), { as: alex, method: 'PUT' })).status).toBe(200);
  expect((await t.api('/api/me', { as: sam })).body.user.roles).toContain('manager');
  expect((await t.api('/api/pilots', { as: sam, body: newPilot('team:demo-ops') })).status).toBe(201);

  // A Teams owner is changed in Teams, not here.
  const owner = await t.api(managerPath('team:demo-ops', morgan.userId), { as: alex, method: 'DELETE' });
  expect(owner.status).toBe(409);
  expect(owner.body.error.reason).toBe('admin.owner_in_teams');
  // Someone Leaderful does not know cannot be named.
  expect((await t.api(managerPath('team:demo-ops', randomUUID()), { as: alex, method: 'PUT' })).status).toBe(404);

  const unnamed = await t.api(managerPath('team:demo-ops', sam.userId), { as: alex, method: 'DELETE' });
  expect(unnamed.status).toBe(200);
  expect(unnamed.body.team.managers.map((m: { userId: string }) => m.userId)).toEqual([morgan.userId]);
  expect((await t.api('/api/me', { as: sam })).body.user.roles).not.toContain('manager');
  expect((await t.api('/api/pilots', { as: sam, body: newPilot('team:demo-ops') })).status).toBe(403);

  const audit = await t.api('/api/admin/audit', { as: alex });
  expect(audit.body.entries.slice(0, 2)).toEqual([
    expect.objectContaining({ action: 'team.manager_unnamed', actor: { userId: alex.userId, name: 'Alex Kim' }, target: { kind: 'team', id: 'team:demo-ops', name: 'Operations — Service Desk' }, before: { userId: sam.userId, name: 'Sam Taylor' } }),
    expect.objectContaining({ action: 'team.manager_named', after: { userId: sam.userId, name: 'Sam Taylor' } }),
  ]);
});

test('a group chat has no owners in Teams: an admin names its manager', async () => {
  const chat = `19:${randomUUID()}@thread.v2`;
  const fay: TeamsUser = { tenantId: DEMO_TENANT_ID, userId: demoUser('Riley').userId, name: 'Riley Chen' };
  const install = {
    type: 'conversationUpdate',
    id: randomUUID(),
    serviceUrl: t.connector.url,
    channelId: 'msteams',
    from: { id: `29:${fay.userId}`, name: fay.name, aadObjectId: fay.userId },
    conversation: { id: chat, conversationType: 'groupChat', tenantId: DEMO_TENANT_ID, isGroup: true, name: 'Desk leads' },
    recipient: { id: '28:bot-leaderful', name: 'Leaderful' },
    membersAdded: [{ id: '28:bot-leaderful' }],
    channelData: { tenant: { id: DEMO_TENANT_ID } },
  };
  t.connector.members = [];
  expect((await t.activity(install)).status).toBe(200);
  const teams = await t.api('/api/admin/teams', { as: alex });
  const team = teams.body.teams.find((x: { id: string }) => x.id === `team:${chat}`);
  expect(team).toMatchObject({ kind: 'groupChat', teamsTeam: false, managers: [] });
  expect((await t.api(managerPath(`team:${chat}`, fay.userId), { as: alex, method: 'PUT' })).body.team.managers).toEqual([expect.objectContaining({ userId: fay.userId, source: 'admin' })]);
});

test('tenant settings: checked, changed, audited with before and after; new people start from the defaults', async () => {
  const bad = await t.api('/api/admin/settings', { as: alex, method: 'PATCH', body: { anonymityThreshold: 2, defaultTimeZone: 'Mars/Olympus', workDays: [], quietHours: { from: '25:00', to: '07:00' } } });
  expect(bad.status).toBe(400);
  expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['anonymityThreshold', 'quietHours.from', 'workDays']);
  const zone = await t.api('/api/admin/settings', { as: alex, method: 'PATCH', body: { defaultTimeZone: 'Mars/Olympus' } });
  expect(zone.status).toBe(400);
  expect(zone.body.error.fields).toEqual([expect.objectContaining({ field: 'defaultTimeZone', code: 'not_time_zone' })]);

  const changed = await t.api('/api/admin/settings', { as: alex, method: 'PATCH', body: { anonymityThreshold: 7, defaultTimeZone: 'Europe/Madrid', workDays: [5, 1, 2, 3, 4], quietHours: { from: '20:00', to: '08:00' } } });
  expect(changed.status).toBe(200);
  expect(changed.body.settings).toEqual({ name: 'Contoso (demo)', anonymityThreshold: 7, defaultTimeZone: 'Europe/Madrid', workDays: [1, 2, 3, 4, 5], quietHours: { from: '20:00', to: '08:00' } });
  expect((await t.api('/api/settings/anonymity', { as: sam })).body.anonymityThreshold).toBe(7);
  const [entry] = (await t.api('/api/admin/audit', { as: alex })).body.entries;
  expect(entry).toMatchObject({
    action: 'settings.changed',
    before: { anonymityThreshold: 5, defaultTimeZone: 'Europe/London', quietHours: null },
    after: { anonymityThreshold: 7, defaultTimeZone: 'Europe/Madrid', quietHours: { from: '20:00', to: '08:00' } },
  });
  expect(entry.before.workDays).toBeUndefined(); // unchanged fields are not recorded

  const newcomer: TeamsUser = { tenantId: DEMO_TENANT_ID, userId: randomUUID(), name: 'Nia Newcomer' };
  expect((await t.api('/api/me/preferences', { as: newcomer })).body.preferences).toMatchObject({ timeZone: 'Europe/Madrid', quietHours: { from: '20:00', to: '08:00' } });

  // The older threshold route is audited too.
  await t.api('/api/settings/anonymity', { as: alex, method: 'PUT', body: { anonymityThreshold: 5 } });
  expect((await t.api('/api/admin/audit', { as: alex })).body.entries[0]).toMatchObject({ action: 'settings.changed', before: { anonymityThreshold: 7 }, after: { anonymityThreshold: 5 } });
});

test('the audit log is append-only: no route edits or deletes an entry', async () => {
  const { entries } = (await t.api('/api/admin/audit', { as: alex })).body;
  expect(entries.length).toBeGreaterThanOrEqual(4);
  for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
    const res = await t.api(`/api/admin/audit/${enc(entries[0].id)}`, { as: alex, method, body: method === 'DELETE' ? undefined : { action: 'nothing' } });
    expect([404, 405]).toContain(res.status);
  }
  expect((await t.api('/api/admin/audit', { as: alex })).body.entries).toEqual(entries);
});

test('admin words in Spanish', async () => {
  const res = await t.api(managerPath('team:demo-ops', morgan.userId), { as: alex, method: 'DELETE', headers: { 'accept-language': 'es-ES' } });
  expect(res.body.error.message).toBe('Esta persona es propietaria del equipo en Teams: cambia los propietarios del equipo en Teams.');
  const refused = await t.api('/api/admin/sync', { as: sam, headers: { 'accept-language': 'es' } });
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toMatch(/Leaderful\.Admin/);
});
