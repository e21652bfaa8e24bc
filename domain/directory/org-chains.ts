import type { Member, OrgPlace, Person, Team } from './model';
import { managersOf } from './rights';

/**
 * The groups a member's activity rolls up through, narrowest first: their team, the org unit of
 * that team's manager, each unit above it, and the organisation. Where the organisation sync has
 * no place for the team's manager (no sync yet, a manager outside the directory), the team's
 * department stands in for the units. Consumers (roll-ups, the anonymity hierarchy) read these
 * as data; names are data too.
 */
export type OrgLevel =
  | { level: 'team'; id: string; name: string }
  /** `unit:<leaderId>`: everyone whose chain of managers passes through the leader. */
  | { level: 'unit'; id: string; leaderId: string; name: string; department?: string }
  | { level: 'department'; id: string; name: string }
  | { level: 'organisation'; id: 'organisation' };

export interface MemberOrgChain {
  userId: string;
  /** Every (non-personal) team the member is in or manages. */
  teamIds: string[];
  /** Narrowest first; always ends with the organisation. */
  levels: OrgLevel[];
}

/** Who the chain is read from: what the sync knows of a person (member or not). */
export type OrgNode = Pick<Person, 'userId' | 'name' | 'department'> & { org?: OrgPlace };

export const ORGANISATION: OrgLevel = { level: 'organisation', id: 'organisation' };
export const departmentId = (name: string) => `department:${name}`;

/** The units above a team, from the synced place of its manager: theirs first, up to the top. */
export function unitsAbove(manager: OrgNode | undefined, nodes: Map<string, OrgNode>): OrgLevel[] {
  if (!manager?.org || manager.org.left) return [];
  return [manager.userId, ...manager.org.chain].map((leaderId) => {
    const leader = leaderId === manager.userId ? manager : nodes.get(leaderId);
    return { level: 'unit', id: `unit:${leaderId}`, leaderId, name: leader?.name ?? leaderId, ...(leader?.department ? { department: leader.department } : {}) };
  });
}

/** A team's levels above it: its manager's units, or its department, then the organisation. */
export function levelsAboveTeam(team: Team, nodes: Map<string, OrgNode>): OrgLevel[] {
  const manager = team.managerId ? nodes.get(team.managerId) : undefined;
  const units = unitsAbove(manager, nodes);
  if (units.length) return [...units, ORGANISATION];
  const department = team.department ?? manager?.department;
  return department ? [{ level: 'department', id: departmentId(department), name: department }, ORGANISATION] : [ORGANISATION];
}

/**
 * Each member's chain. A member in several teams rolls up through one: the team run by the
 * nearest of their own managers in the organisation, else the first by name. A member in no team
 * rolls up through their own manager's units (or department).
 */
export function orgChainsOf(members: Member[], teams: Team[], nodes: Map<string, OrgNode>): MemberOrgChain[] {
  const shared = teams.filter((t) => t.kind !== 'personal').sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const teamsOf = new Map<string, Team[]>();
  for (const t of shared) {
    for (const id of new Set([...t.memberIds, ...managersOf(t)])) teamsOf.set(id, [...(teamsOf.get(id) ?? []), t]);
  }
  const above = new Map(shared.map((t) => [t.id, levelsAboveTeam(t, nodes)]));
  return members.map((m) => {
    const mine = teamsOf.get(m.userId) ?? [];
    const line = m.org && !m.org.left ? [m.userId, ...m.org.chain] : [];
    const rank = (t: Team) => {
      const i = t.managerId ? line.indexOf(t.managerId) : -1;
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    const home = mine.reduce<Team | undefined>((best, t) => (!best || rank(t) < rank(best) ? t : best), undefined);
    let levels: OrgLevel[];
    if (home) {
      levels = [{ level: 'team', id: home.id, name: home.name }, ...above.get(home.id)!];
    } else {
      const units = m.org && !m.org.left && m.org.chain.length ? unitsAbove(nodes.get(m.org.chain[0]), nodes) : [];
      levels = units.length ? [...units, ORGANISATION] : m.department ? [{ level: 'department', id: departmentId(m.department), name: m.department }, ORGANISATION] : [ORGANISATION];
    }
    return { userId: m.userId, teamIds: mine.map((t) => t.id), levels };
  });
}
