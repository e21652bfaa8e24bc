import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/app';
import type { GraphUser } from '../support/graph/directory';
import { organisation } from '../support/graph/organisation';
import { installInTeamActivity, invokeActivity, messageActivity, rosterOf, type TeamsUser } from '../support/teams';
import { adaptiveCardsIn } from './helpers/cards';
import { printFigures } from './security/support';

/**
 * Done when (issue 14): a fresh tenant of 200 people in four levels, against the Graph stand-in,
 * goes from first install to an admin (role from the token) who sees the synced organisation and
 * the team's managers; a senior leader (role from the token) sees the leader view with groups that
 * follow the organisation; a second sync with 5 changes reads only the delta; and removing a role
 * in the token removes the access it gave.
 */
const tenantId = randomUUID();
const org = organisation(200, 4);
const [ceo] = org.levels[0];
const vp = org.levels[1][0];
const director = org.levels[2][0];
const reports = org.levels[3].filter((u) => u.managerId === director.id);
const as = (u: GraphUser, roles: string[] = []): TeamsUser => ({ tenantId, userId: u.id, name: u.displayName, roles });
const admin = as(org.levels[1][1], ['admin']);
const leader = as(ceo, ['leader']);
const teamsTeamId = `19:${randomUUID()}@thread.tacv2`;
const teamId = `team:${teamsTeamId}`;

let t: TestApp;

/** Waits until the tenant's sync has run `count` times and none is running. */
async function syncs(count: number, who: TeamsUser = admin) {
  for (let i = 0; i < 400; i++) {
    const res = await t.api('/api/admin/sync', { as: who });
    expect(res.status).toBe(200);
    if (!res.body.running && res.body.runs.length >= count) return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the sync did not finish');
}

beforeAll(async () => {
  t = await startTestApp({ env: { SEED_DEMO_DATA: 'false' } });
  t.graph.pageSize = 50;
  t.graph.tenant(tenantId).put(org.users);
});
afterAll(() => t.stop());

test('first install: the team’s owner in Teams manages it, the installer does not, and the organisation syncs', async () => {
  const installer = as(reports[0]);
  const aadGroupId = t.teamInGraph(tenantId, [as(director)], reports.map((r) => as(r)));
  t.connector.members = rosterOf(tenantId, [as(director), ...reports.map((r) => as(r))]);
  const res = await t.activity(installInTeamActivity(t.connector.url, installer, { teamsTeamId, name: 'Director’s team', aadGroupId }));
  expect(res.status).toBe(200);

  const status = await syncs(1);
  const [first] = status.runs;
  expect(first).toMatchObject({ trigger: 'install', mode: 'full', ok: true, people: 200, changes: 200, updated: 200, teams: 1, problems: [] });
  // 200 people at 50 a page, and the one team's members.
  expect(first.graphCalls).toBe(5);
  expect(status.summary).toMatchObject({ people: 200, levels: 4, top: 1 });
  expect(status.summary.departments.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining([vp.department]));

  // The admin sees the org tree: the chief executive at the top, their reports below.
  const top = await t.api('/api/admin/people', { as: admin });
  expect(top.body.people).toEqual([expect.objectContaining({ userId: ceo.id, name: ceo.displayName, jobTitle: 'Chief Executive Officer', directReports: org.levels[1].length })]);
  const below = await t.api(`/api/admin/people?managerId=${ceo.id}`, { as: admin });
  expect(below.body.people.map((p: { userId: string }) => p.userId).sort()).toEqual(org.levels[1].map((u) => u.id).sort());

  // …and the team with its manager, from Teams.
  const teams = await t.api('/api/admin/teams', { as: admin });
  expect(teams.body.teams).toEqual([expect.objectContaining({ id: teamId, teamsTeam: true, managers: [expect.objectContaining({ userId: director.id, name: director.displayName, source: 'teams' })] })]);
  const roles = await t.api('/api/admin/roles', { as: admin });
  expect(roles.body.roles).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ userId: admin.userId, role: 'admin', source: 'entra' }),
      expect.objectContaining({ userId: director.id, role: 'manager', source: 'teams', team: { id: teamId, name: 'Director’s team' } }),
    ]),
  );
  expect(roles.body.roles.some((r: { userId: string }) => r.userId === installer.userId)).toBe(false);

  // People who use Leaderful carry their place; the rest of the directory stays out of its groups
  // (anonymity counts the people who could have written, never the whole organisation).
  expect(await t.app.domain.directory.member(tenantId, installer.userId)).toMatchObject({ department: director.department, managerId: director.id, org: { chain: [director.id, director.managerId, ceo.id] } });
  expect(await t.app.domain.directory.member(tenantId, org.levels[3].find((u) => u.managerId !== director.id)!.id)).toBeUndefined();

  // The owner runs the team; the installer is one of its members.
  const pilot = { title: 'Weekly retro', practiceId: 'practice:weekly-retro', hypothesis: 'A short weekly retro helps us improve.', successMeasures: ['One change a week'], teamId, startDate: '2027-03-01', endDate: '2027-04-30' };
  expect((await t.api('/api/pilots', { as: installer, body: pilot })).status).toBe(403);
  expect((await t.api('/api/pilots', { as: as(director), body: pilot })).status).toBe(201);
});

test('a senior leader (role from the token) sees the leader view, its groups following the synced organisation', async () => {
  const portfolio = await t.api('/api/leader/portfolio', { as: leader });
  expect(portfolio.status).toBe(200);
  expect(portfolio.body.pilots.map((p: { title: string }) => p.title)).toEqual(['Weekly retro']);
  // The team sits in its manager's department, from Graph; the roll-up goes up the real chain.
  const summary = await t.api('/api/feedback/summary', { as: leader });
  expect(summary.status).toBe(200);
  expect(JSON.stringify(summary.body.groups)).toContain(director.department);
  const rollup = await t.app.domain.directory.rollupOf(tenantId, teamId);
  expect(rollup).toEqual({ teamId, managerId: director.id, department: director.department, units: [`unit:${director.id}`, `unit:${director.managerId}`, `unit:${ceo.id}`] });
  // Without the role, the same person is refused.
  expect((await t.api('/api/leader/portfolio', { as: as(ceo) })).status).toBe(403);
});

test('a second sync with 5 changes reads only the delta', async () => {
  const directory = t.graph.tenant(tenantId);
  const [a, b, c, d] = org.levels[3].filter((u) => u.managerId !== director.id);
  const newHire = { id: randomUUID(), displayName: 'New Hire', department: director.department, jobTitle: 'Specialist', managerId: director.id };
  directory.update(a.id, { department: 'Research' });
  directory.update(b.id, { jobTitle: 'Senior Specialist' });
  directory.update(c.id, { managerId: director.id });
  directory.put([newHire]);
  directory.remove(d.id);
  const before = t.graph.requests.length;

  const started = await t.api('/api/admin/sync', { as: admin, method: 'POST' });
  expect(started.status).toBe(202);
  const status = await syncs(2);
  const [second] = status.runs;
  const asked = t.graph.requests.slice(before);
  printFigures('Org sync, 200 people in 4 levels', {
    'first sync: Graph calls': status.runs[1].graphCalls,
    'second sync: Graph calls': second.graphCalls,
    'second sync: users changed': second.changes,
    'second sync: members written': second.updated,
  });
  expect(second).toMatchObject({ trigger: 'admin', mode: 'delta', ok: true, changes: 5, people: 200, problems: [] });
  expect(asked.filter((r) => r.path === '/v1.0/users/delta').map((r) => r.kind)).toEqual(['delta']);
  expect(second.graphCalls).toBe(2); // the delta page and the team's members

  const people = await t.api(`/api/admin/people?managerId=${director.id}`, { as: admin });
  const ids = people.body.people.map((p: { userId: string }) => p.userId);
  expect(ids).toEqual(expect.arrayContaining([c.id, newHire.id]));
  expect((await t.api(`/api/admin/people?managerId=${d.managerId}`, { as: admin })).body.people.map((p: { userId: string }) => p.userId)).not.toContain(d.id);
  const moved = await t.app.domain.directory.person(tenantId, c.id);
  expect(moved).toMatchObject({ managerId: director.id, org: { chain: [director.id, director.managerId, ceo.id] } });
  expect((await t.app.domain.directory.person(tenantId, a.id))?.department).toBe('Research');
  expect((await t.app.domain.directory.person(tenantId, d.id))?.org.left).toBe(true);
  // The admin's request is in the audit log.
  const audit = await t.api('/api/admin/audit', { as: admin });
  expect(audit.body.entries[0]).toMatchObject({ action: 'org.sync_requested', actor: { userId: admin.userId } });
});

test('removing the role in the token removes access, on the tab at once and in the bot from then on', async () => {
  const withoutRole = as(org.levels[1][1]);
  for (const path of ['/api/admin/sync', '/api/admin/teams', '/api/admin/roles', '/api/admin/settings']) {
    const res = await t.api(path, { as: withoutRole });
    expect(res.status).toBe(403);
    expect(res.body.error.reason).toBe('admin.admins_only');
  }
  expect((await t.api('/api/admin/sync', { as: withoutRole, method: 'POST' })).status).toBe(403);
  // The bot has no token: it goes by the roles of the person's last sign-in, which now has none.
  expect((await t.app.domain.directory.resolveCaller(tenantId, withoutRole.userId, withoutRole.name)).roles).not.toContain('admin');
  expect((await t.app.domain.directory.resolveCaller(tenantId, ceo.id, ceo.displayName)).roles).not.toContain('leader');
  // Given back in Entra, it works again with the next token.
  expect((await t.api('/api/admin/sync', { as: admin })).status).toBe(200);
});

test('people the sync read start with their place when they start using Leaderful; pickers and org chains follow it', async () => {
  const lead = org.levels[2][org.levels[2].length - 1];
  const [first, second, third] = org.levels[3].filter((u) => u.managerId === lead.id);
  for (const u of [lead, first, second]) expect(await t.app.domain.directory.member(tenantId, u.id)).toBeUndefined();

  // One signs in to the tab, one messages the bot, one is on a team's roster when the app arrives.
  expect((await t.api('/api/me', { as: as(lead) })).status).toBe(200);
  expect((await t.activity(messageActivity(t.connector.url, as(first), 'help'))).status).toBe(200);
  const leadTeams = `19:${randomUUID()}@thread.tacv2`;
  t.connector.members = rosterOf(tenantId, [as(lead), as(second)]);
  const aadGroupId = t.teamInGraph(tenantId, [as(lead)], [as(second)]);
  expect((await t.activity(installInTeamActivity(t.connector.url, as(lead), { teamsTeamId: leadTeams, name: 'Lead’s team', aadGroupId }))).status).toBe(200);
  const chainOf = (u: GraphUser): string[] => (u.managerId ? [u.managerId, ...chainOf(org.users.find((x) => x.id === u.managerId)!)] : []);
  for (const u of [lead, first, second]) {
    expect(await t.app.domain.directory.member(tenantId, u.id)).toMatchObject({ department: u.department, managerId: u.managerId, org: { jobTitle: u.jobTitle, chain: chainOf(u) } });
  }

  // The kudos picker of someone in no team lists their manager and peers who use Leaderful.
  const form = await t.activity(invokeActivity(t.connector.url, as(first), 'composeExtension/fetchTask', { commandId: 'giveKudos', commandContext: 'compose' }));
  const [card] = adaptiveCardsIn(form.body);
  const choices = (card.body as { id?: string; choices?: { title: string; value: string }[] }[]).find((e) => e.id === 'toUserId')!.choices!.map((c) => c.value);
  expect(choices.sort()).toEqual([lead.id, second.id].sort());
  expect(choices).not.toContain(third.id);

  // Each member's chain of groups, from their team up to the organisation (what roll-ups and
  // anonymity groups are built from); someone in no team rolls up through their manager.
  const stranger: TeamsUser = { tenantId, userId: randomUUID(), name: 'Not in the directory' };
  expect((await t.api('/api/me', { as: stranger })).status).toBe(200);
  const chains = new Map((await t.app.domain.directory.orgChains(tenantId)).map((c) => [c.userId, c.levels.map((l) => l.id)]));
  const units = (u: GraphUser) => [u.id, ...chainOf(u)].map((id) => `unit:${id}`);
  expect(chains.get(reports[1].id)).toEqual([teamId, ...units(director), 'organisation']);
  expect(chains.get(second.id)).toEqual([`team:${leadTeams}`, ...units(lead), 'organisation']);
  expect(chains.get(lead.id)).toEqual([`team:${leadTeams}`, ...units(lead), 'organisation']);
  expect(chains.get(first.id)).toEqual([...units(lead), 'organisation']);
  expect(chains.get(stranger.userId)).toEqual(['organisation']);
  const [, unit] = (await t.app.domain.directory.orgChains(tenantId)).find((c) => c.userId === second.id)!.levels;
  expect(unit).toEqual({ level: 'unit', id: `unit:${lead.id}`, leaderId: lead.id, name: lead.displayName, department: lead.department });
});
