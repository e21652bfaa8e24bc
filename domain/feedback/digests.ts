import type { Caller } from '../shared/caller';
import type { Outbox } from '../outbox/outbox';
import type { ContextLoader } from './context';
import type { Intake } from './intake';
import type { FeedbackRepository, MemberInfo } from './repository';
import type { PilotRollups } from './rollups';
import { routeOf, visibility } from './visibility';

/** The weekly digest owners get of what waits on them (the scheduler calls `queue`). */
export class Digests {
  constructor(
    private readonly repo: FeedbackRepository,
    private readonly contexts: ContextLoader,
    private readonly intake: Intake,
    private readonly rollups: PilotRollups,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Queues one quiet digest per owner with something waiting (open, a reply to answer, overdue),
   * at most one per owner per ISO week. Also releases last week's anonymous items into pilot
   * rollups and picks up check-in answers shared with leaders.
   */
  async queue(tenantId: string): Promise<number> {
    await this.intake.shareClosedCheckins(tenantId);
    const ctx = await this.contexts.load(tenantId);
    const items = await this.repo.unclosed(tenantId);
    for (const pilotId of new Set(items.filter((i) => i.pilotId && i.state === 'open').map((i) => i.pilotId!))) await this.rollups.refresh(tenantId, pilotId);

    const leaders = [...ctx.members.values()].filter((m) => m.roles?.includes('leader'));
    const candidates = new Map<string, MemberInfo>();
    for (const item of items) {
      if (routeOf(item, ctx) === 'owner') {
        if (item.ownerId && ctx.members.has(item.ownerId)) candidates.set(item.ownerId, ctx.members.get(item.ownerId)!);
      } else if (item.ownerId && ctx.members.get(item.ownerId)?.roles?.includes('leader')) candidates.set(item.ownerId, ctx.members.get(item.ownerId)!);
      else for (const l of leaders) candidates.set(l.userId, l);
    }
    let queued = 0;
    for (const owner of candidates.values()) {
      const viewer: Caller = { tenantId, userId: owner.userId, name: owner.name, roles: owner.roles ?? [] };
      const mine = items.filter((item) => {
        if (!visibility(item, viewer, ctx)) return false;
        // Leader items someone else took on are theirs to be reminded of.
        return routeOf(item, ctx) === 'owner' || !item.ownerId || item.ownerId === owner.userId || !ctx.members.get(item.ownerId)?.roles?.includes('leader');
      });
      const waiting = mine.filter((i) => i.state === 'open' || i.replies[i.replies.length - 1]?.from === 'contributor' || i.dueDate < ctx.today);
      if (!waiting.length) continue;
      const topics = Object.entries(
        waiting.reduce<Record<string, number>>((acc, i) => ({ ...acc, [i.topic]: (acc[i.topic] ?? 0) + 1 }), {}),
      ).map(([topic, count]) => ({ topic, count }));
      const ok = await this.outbox.enqueue(tenantId, `feedback-digest:${owner.userId}:${ctx.thisWeek}`, 'feedback_digest', { kind: 'user', userId: owner.userId }, {
        week: ctx.thisWeek,
        waiting: waiting.length,
        open: waiting.filter((i) => i.state === 'open').length,
        awaitingReply: waiting.filter((i) => i.replies[i.replies.length - 1]?.from === 'contributor').length,
        overdue: waiting.filter((i) => i.dueDate < ctx.today).length,
        topics,
      });
      if (ok) queued++;
    }
    return queued;
  }
}
