import { Roster, type RosterMember, type RosterTeam } from './rules';

/**
 * The organisation as anonymity sees it: who is in which team, and which larger unit each team
 * and each person belongs to. Today units are departments from the directory; the org structure
 * from Microsoft Graph (manager chains, org units) is meant to arrive here too, as the same shape.
 */
export interface OrgStructure {
  teams: { id: string; name: string; unit?: string; managerId?: string; memberIds?: string[] }[];
  people: { userId: string; unit?: string; managerId?: string }[];
}

/**
 * The ONE place the group hierarchy (team → unit → organisation) is built. Every crowd, cell and
 * label is computed over what this returns, so a new source of structure plugs in here alone.
 */
export function buildHierarchy(org: OrgStructure): Roster {
  const teams: RosterTeam[] = org.teams.map((t) => ({ id: t.id, name: t.name, department: t.unit || undefined, managerId: t.managerId, memberIds: [...new Set(t.memberIds ?? [])] }));
  const people: RosterMember[] = org.people.map((p) => ({ userId: p.userId, department: p.unit || undefined, managerId: p.managerId }));
  return new Roster(teams, people);
}
