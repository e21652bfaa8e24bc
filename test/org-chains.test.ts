import { orgChainsOf, type OrgNode } from '../domain/directory/org-chains';
import type { Member, Team } from '../domain/directory';

/**
 * Each member's chain of groups (team → org units → organisation) where the organisation sync
 * has not placed everyone: the team's department stands in, and a member in several teams rolls
 * up through the one their own manager runs.
 */
const member = (userId: string, extra: Partial<Member> = {}): Member => ({ id: `member:${userId}`, tenantId: 't', type: 'member', userId, name: userId, timeZone: 'UTC', roles: ['member'], teamIds: [], workDays: [1], ...extra });
const team = (id: string, managerId: string, memberIds: string[], extra: Partial<Team> = {}): Team => ({ id, tenantId: 't', type: 'team', name: id, kind: 'channel', managerId, memberIds, ...extra });
const placed = (chain: string[]) => ({ chain, syncedAt: '2027-01-01T00:00:00Z' });
const ids = (levels: { id: string }[]) => levels.map((l) => l.id);

test('without a sync: team → its department (or none) → organisation; no team: own department', () => {
  const chains = orgChainsOf(
    [member('ana'), member('ben', { department: 'Sales' }), member('cy'), member('mo')],
    [team('team:ops', 'mo', ['ana', 'mo'], { department: 'Operations' }), team('team:misc', 'zed', ['cy']), team('team:me', 'ana', ['ana'], { kind: 'personal' })],
    new Map(),
  );
  expect(chains.map((c) => [c.userId, ids(c.levels)])).toEqual([
    ['ana', ['team:ops', 'department:Operations', 'organisation']],
    ['ben', ['department:Sales', 'organisation']],
    ['cy', ['team:misc', 'organisation']],
    ['mo', ['team:ops', 'department:Operations', 'organisation']],
  ]);
  expect(chains[0].teamIds).toEqual(['team:ops']); // personal scopes are no group
});

test('synced: a member in two teams rolls up through the one their own manager runs; a manager outside the sync falls back', () => {
  const boss: OrgNode = { userId: 'boss', name: 'Boss', department: 'Exec', org: placed([]) };
  const lead: OrgNode = { userId: 'lead', name: 'Lead', department: 'Ops', org: placed(['boss']) };
  const nodes = new Map<string, OrgNode>([['boss', boss], ['lead', lead]]);
  const ana = member('ana', { managerId: 'lead', org: placed(['lead', 'boss']) });
  const chains = orgChainsOf([ana], [team('team:a-guild', 'guest', ['ana'], { department: 'Guilds' }), team('team:ops', 'lead', ['ana'])], nodes);
  expect(ids(chains[0].levels)).toEqual(['team:ops', 'unit:lead', 'unit:boss', 'organisation']);
  expect(chains[0].teamIds).toEqual(['team:a-guild', 'team:ops']);
  const left = orgChainsOf([member('ana', { org: { ...placed(['lead']), left: true }, department: 'Ops' })], [], nodes);
  expect(ids(left[0].levels)).toEqual(['department:Ops', 'organisation']);
});
