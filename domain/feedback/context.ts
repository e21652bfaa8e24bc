import type { Disclosure, DisclosureLoader, Loaded, MemberInfo, Roster } from '../anonymity';
import { isoDay } from '../shared/clock';

/** What every feedback decision is made against: disclosure (threshold, roster, partition) and the members, as of now. */
export interface Ctx {
  disclosure: Disclosure;
  k: number;
  roster: Roster;
  members: Map<string, MemberInfo>;
  now: Date;
  today: string;
  thisWeek: string;
  /** Everyone who can read leader views (senior leaders, admins): never counted in any crowd. */
  readers: string[];
}

/** Loads the context per call, so a roster or threshold change counts at once. */
export class ContextLoader {
  constructor(private readonly loader: DisclosureLoader) {}

  async load(tenantId: string): Promise<Ctx> {
    return contextOf(await this.loader.load(tenantId));
  }
}

/** The context of one request, from its disclosure and members. Pure. */
export function contextOf({ disclosure, members }: Loaded): Ctx {
  return {
    disclosure,
    k: disclosure.k,
    roster: disclosure.roster,
    members: new Map(members.map((m) => [m.userId, m])),
    now: disclosure.now,
    today: isoDay(disclosure.now),
    thisWeek: disclosure.window,
    readers: disclosure.readers,
  };
}
