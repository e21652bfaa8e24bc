import { hasRole, type Caller } from '../shared/caller';
import type { Team } from './model';

/**
 * Who may act as a team's manager: the ONE place this is decided. Manager rights are per team
 * (launching, editing and closing that team's pilots), never a tenant-wide role: a stored
 * `manager` role grants nothing by itself. Today a team's manager is the person recorded on the
 * team (whoever installed Leaderful there); where that comes from may change, this rule may not.
 * Admins may act for every team.
 */
export function managersOf(team: Pick<Team, 'managerId'>): string[] {
  return team.managerId ? [team.managerId] : [];
}

export function managesTeam(caller: Caller, team: Pick<Team, 'type' | 'tenantId' | 'managerId'>): boolean {
  if (team.type !== 'team' || team.tenantId !== caller.tenantId) return false;
  return hasRole(caller, 'admin') || managersOf(team).includes(caller.userId);
}
