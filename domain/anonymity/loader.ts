import type { Clock } from '../shared/clock';
import { isValidTimeZone } from '../shared/schedule';
import { Disclosure } from './disclosure';
import { buildHierarchy } from './hierarchy';
import type { AnonymityRepository, MemberInfo, TeamInfo } from './repository';
import type { ManagerPlace } from './pulse-groups';
import { addWeeks, effectiveThreshold, weekOf, type Scope } from './rules';

/** How far back released data shapes the partition: the longest window any view reads. */
export const RELEASE_HORIZON_WEEKS = 52;
/** Rounds' figures reach signals for this many weeks. */
export const ROUND_HORIZON_WEEKS = 6;

export interface TenantAnonymity {
  anonymityThreshold?: number;
  defaultTimeZone?: string;
}

export interface Loaded {
  disclosure: Disclosure;
  members: MemberInfo[];
}

/** Loads disclosure per call (roster, threshold, released scopes), so a roster change counts at once. */
export class DisclosureLoader {
  constructor(
    private readonly repo: AnonymityRepository,
    private readonly settings: (tenantId: string) => Promise<TenantAnonymity>,
    private readonly clock: Clock,
    /** Managers and their org chains (the pulse's groups), read only by views that show them. */
    private readonly managerPlaces: (tenantId: string) => Promise<ManagerPlace[]> = async () => [],
  ) {}

  /**
   * `managers`: also the managers' org chains, for pulse views, signals and digests.
   * `partition: false`: not the released scopes (two queries over the feedback and check-in
   * partitions), for views that show pilots by their own team and never a group (the portfolio).
   */
  async load(tenantId: string, opts: { managers?: boolean; partition?: boolean } = {}): Promise<Loaded> {
    const now = this.clock.now();
    const window = weekOf(now);
    const partition = opts.partition ?? true;
    const [settings, teams, members, items, rounds, managers] = await Promise.all([
      this.settings(tenantId),
      this.repo.teams(tenantId),
      this.repo.members(tenantId),
      partition ? this.repo.releasedItemScopes(tenantId, addWeeks(window, -RELEASE_HORIZON_WEEKS), window) : undefined,
      partition ? this.repo.releasedRoundTeams(tenantId, addWeeks(window, -ROUND_HORIZON_WEEKS), window) : undefined,
      opts.managers ? this.managerPlaces(tenantId) : Promise.resolve(undefined),
    ]);
    return assemble({ now, settings, teams, members, items, rounds, managers });
  }
}

/** What a disclosure is built from: the tenant's settings, roster and released scopes, as stored. */
export interface DisclosureSources {
  now: Date;
  settings: TenantAnonymity;
  teams: TeamInfo[];
  members: MemberInfo[];
  /** Items written in the horizon before this week, or before it and still open (absent: no partition). */
  items?: { scope?: Scope; teamId?: string }[];
  /** Teams of closed rounds dated in the round horizon before this week (absent: no partition). */
  rounds?: { teamId?: string }[];
  /** Managers and their org chains, when the view shows pulse groups. */
  managers?: ManagerPlace[];
}

/** Builds the disclosure of one request from its sources. Pure: the loader and the anonymity suite share it. */
export function assemble({ now, settings, teams, members, items, rounds, managers }: DisclosureSources): Loaded {
  const roster = buildHierarchy({
    teams: teams.map((t) => ({ id: t.id, name: t.name, unit: t.department, managerId: t.managerId, memberIds: t.memberIds })),
    people: members.map((m) => ({ userId: m.userId, unit: m.department, managerId: m.managerId })),
    managers,
  });
  const readers = members.filter((m) => m.roles?.some((r) => r === 'leader' || r === 'admin')).map((m) => m.userId);
  const released: Scope[] | undefined = items && rounds && [
    ...items.map((i): Scope => i.scope ?? (i.teamId ? { level: 'team', teamId: i.teamId } : { level: 'tenant' })),
    ...rounds.filter((r) => r.teamId).map((r): Scope => ({ level: 'team', teamId: r.teamId })),
  ];
  const timeZone = settings.defaultTimeZone && isValidTimeZone(settings.defaultTimeZone) ? settings.defaultTimeZone : 'UTC';
  const disclosure = new Disclosure({ roster, k: effectiveThreshold(settings.anonymityThreshold), readers, now, released, timeZone });
  return { disclosure, members };
}
