import { hasRole, type Caller } from '../shared/caller';
import type { Team } from './model';

/**
 * Who may act as a team's manager: the ONE place this is decided. Manager rights are per team
 * (launching, editing and closing that team's pilots), never a tenant-wide role: a stored
 * `manager` role grants nothing by itself. A team's managers are its owners in Teams (read from
 * Microsoft Graph) and anyone an admin names (see team-managers.ts); records from before Teams
 * owners were read know one manager, `managerId`. Admins may act for every team.
 */
export function managersOf(team: Pick<Team, 'managerId' | 'managers'>): string[] {
  if (team.managers) return team.managers.map((m) => m.userId);
  return team.managerId ? [team.managerId] : [];
}

export function managesTeam(caller: Caller, team: Pick<Team, 'type' | 'tenantId' | 'managerId' | 'managers'>): boolean {
  if (team.type !== 'team' || team.tenantId !== caller.tenantId) return false;
  return hasRole(caller, 'admin') || managersOf(team).includes(caller.userId);
}
