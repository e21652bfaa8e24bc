import type { ManagerPlace, OrgStep } from '../anonymity';
import { addWeeks, daysBetween, weekOf } from '../anonymity/rules';
import type { Directory } from '../directory/directory';
import type { Member } from '../directory/model';
import type { Load, PulseEntry } from './model';
import type { OwnedItem, PulseRepository } from './repository';

/** Loops are measured over the items of the last this many weeks (and any still waiting). */
export const LOOP_WEEKS = 12;

const READER_ROLES = new Set(['leader', 'admin']);
export const isReader = (m: Pick<Member, 'roles'>) => m.roles.some((r) => READER_ROLES.has(r));

/**
 * Who the pulse asks and what the product knows of their load. A manager is whoever manages a
 * team (directory rights: its Teams owners and anyone an admin named) or owns a running pilot.
 * Senior leaders and admins read the pulse's groups, so they are never in them (nor asked).
 */
export class Managers {
  constructor(
    private readonly repo: PulseRepository,
    private readonly directory: Directory,
  ) {}

  /** Every manager's id, senior leaders included (callers filter readers out). */
  async ids(tenantId: string): Promise<Set<string>> {
    const [teams, pilots] = await Promise.all([this.directory.teamManagers(tenantId), this.repo.pilotLoads(tenantId)]);
    return new Set([...teams.flatMap((t) => t.managerIds), ...pilots.map((p) => p.managerId)]);
  }

  /** The managers the pulse groups (members who are no readers), each with their org chain. */
  async places(tenantId: string): Promise<ManagerPlace[]> {
    const [ids, chains, members] = await Promise.all([this.ids(tenantId), this.directory.orgChains(tenantId), this.directory.members(tenantId)]);
    const readers = new Set(members.filter(isReader).map((m) => m.userId));
    const chainOf = new Map(chains.map((c) => [c.userId, c]));
    return members
      .filter((m) => ids.has(m.userId) && !readers.has(m.userId))
      .map((m) => {
        // A manager sits in the unit they belong to, not their own: `unit:<them>` groups those they lead.
        const levels = (chainOf.get(m.userId)?.levels ?? []).filter((l) => l.id !== `unit:${m.userId}`);
        const path: OrgStep[] = levels.flatMap((l): OrgStep[] => {
          if (l.level === 'unit') return [{ id: l.id, level: 'unit', name: l.name }];
          if (l.level === 'department') return [{ id: l.id, level: 'department', name: l.name }];
          if (l.level === 'organisation') return [{ id: 'organisation', level: 'organisation', name: '' }];
          return []; // a manager's team is never their group: managers roll up from their own unit
        });
        return { userId: m.userId, path };
      });
  }

  /** Each manager's load in a period [from, to): pilots, teams, open loops, rounds to facilitate. */
  async loads(tenantId: string, from: string, to: string, now: Date): Promise<Map<string, { load: Load; loops: PulseEntry['loops']; overrides: PulseEntry['overrides'] }>> {
    const thisWeek = weekOf(now);
    const [teams, pilots, overridden, rounds, items] = await Promise.all([
      this.directory.teamManagers(tenantId),
      this.repo.pilotLoads(tenantId),
      this.repo.overriddenPilots(tenantId),
      this.repo.facilitators(tenantId, from, to),
      // Released items only: a week still running says nothing yet (and hides who wrote when).
      this.repo.ownedItems(tenantId, addWeeks(thisWeek, -LOOP_WEEKS), thisWeek),
    ]);
    const out = new Map<string, { load: Load; loops: PulseEntry['loops']; overrides: PulseEntry['overrides'] }>();
    const of = (id: string) => {
      let e = out.get(id);
      if (!e) out.set(id, (e = { load: { pilots: 0, teams: 0, openLoops: 0, rounds: 0 }, loops: { items: 0, ackWeeks: null, actWeeks: null }, overrides: { count: 0, byLeader: 0 } }));
      return e;
    };
    for (const t of teams) for (const id of t.managerIds) of(id).load.teams++;
    for (const p of pilots) of(p.managerId).load.pilots++;
    for (const p of overridden) {
      for (const o of p.overrides ?? []) {
        if (o.week < from || o.week >= to) continue;
        const e = of(p.managerId);
        e.overrides.count++;
        if (o.byLeader) e.overrides.byLeader++;
      }
    }
    for (const id of rounds) of(id).load.rounds++;
    const byOwner = new Map<string, OwnedItem[]>();
    for (const item of items) byOwner.set(item.ownerId, [...(byOwner.get(item.ownerId) ?? []), item]);
    for (const [owner, owned] of byOwner) {
      const e = of(owner);
      e.load.openLoops = owned.filter((i) => i.state === 'open' || i.state === 'acknowledged').length;
      e.loops = loopTimes(owned, thisWeek);
    }
    return out;
  }
}

const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : Math.round(((s[mid - 1] + s[mid]) / 2) * 10) / 10;
};
export { median };

/**
 * An owner's time to acknowledge and to act, in whole weeks, median over their items: an item
 * still waiting counts as waiting until this week (so neglect shows before anything is done).
 */
export function loopTimes(items: OwnedItem[], thisWeek: string): PulseEntry['loops'] {
  const weeks = (from: string, to: string) => Math.max(0, Math.round(daysBetween(from, to) / 7));
  const actedWeek = (i: OwnedItem) => i.replies?.find((r) => r.from === 'owner' && r.kind === 'acted')?.week;
  const ack = items.map((i) => weeks(i.createdWeek, i.acknowledgedWeek ?? actedWeek(i) ?? i.closedWeek ?? thisWeek));
  const act = items.map((i) => weeks(i.createdWeek, actedWeek(i) ?? i.closedWeek ?? thisWeek));
  return { items: items.length, ackWeeks: median(ack), actWeeks: median(act) };
}
