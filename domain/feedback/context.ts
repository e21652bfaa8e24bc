import { Roster, effectiveThreshold, weekOf, type RosterMember } from '../anonymity/rules';
import { isoDay, type Clock } from '../shared/clock';
import type { Directory } from '../directory/directory';
import type { FeedbackRepository, MemberInfo } from './repository';

/** What every feedback decision is made against: the threshold and the roster, as of now. */
export interface Ctx {
  k: number;
  roster: Roster;
  members: Map<string, MemberInfo>;
  now: Date;
  today: string;
  thisWeek: string;
  /**
   * Everyone who can read leader views (senior leaders, admins). Crowds in those views never
   * count them, so every leader sees the same partition and two leaders comparing views learn
   * nothing one of them could not see alone.
   */
  readers: string[];
}

/** Loads the context per call (teams and members, projected), so a roster change counts at once. */
export class ContextLoader {
  constructor(
    private readonly repo: FeedbackRepository,
    private readonly directory: Directory,
    private readonly clock: Clock,
  ) {}

  async load(tenantId: string): Promise<Ctx> {
    const [settings, teams, members] = await Promise.all([this.directory.settings(tenantId), this.repo.rosterTeams(tenantId), this.repo.rosterMembers(tenantId)]);
    const now = this.clock.now();
    const roster = new Roster(
      teams.map((t) => ({ ...t, memberIds: t.memberIds ?? [] })),
      members.map((m): RosterMember => ({ userId: m.userId, department: m.department, managerId: m.managerId })),
    );
    const readers = members.filter((m) => m.roles?.some((r) => r === 'leader' || r === 'admin')).map((m) => m.userId);
    return { k: effectiveThreshold(settings.anonymityThreshold), roster, members: new Map(members.map((m) => [m.userId, m])), now, today: isoDay(now), thisWeek: weekOf(now), readers };
  }
}
