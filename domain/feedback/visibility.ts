import { isReleased, type GroupLabel, type Partition, type Scope } from '../anonymity/rules';
import { hasRole, type Caller } from '../shared/caller';
import type { Ctx } from './context';
import type { FeedbackItem } from './model';
import type { FeedbackRepository } from './repository';

/**
 * Who sees what. An item goes to its manager or to senior leaders; an anonymous one is released
 * only after the week it was written in has ended, and leaders see it as coming from a cell of
 * the one partition they all share (rules in domain/anonymity).
 */

export function scopeOf(item: Pick<FeedbackItem, 'scope' | 'teamId'>): Scope {
  if (item.scope) return item.scope;
  return item.teamId ? { level: 'team', teamId: item.teamId } : { level: 'tenant' };
}

/** Where an item goes now: its manager, or senior leaders (also when its team fell below k). */
export function routeOf(item: FeedbackItem, ctx: Ctx): 'owner' | 'leaders' {
  if (item.audience === 'leaders') return 'leaders';
  if (!item.anonymous) return 'owner';
  const teamId = scopeOf(item).teamId;
  return item.ownerId && teamId && ctx.roster.crowd({ level: 'team', teamId }, [item.ownerId]) >= ctx.k ? 'owner' : 'leaders';
}

/** The partition leader views are shown in, over the anonymous leader items among `items`. */
export function leadersPartition(viewer: Caller, ctx: Ctx, items: FeedbackItem[]): Partition {
  const scopes = items.filter((i) => i.anonymous && routeOf(i, ctx) === 'leaders').map(scopeOf);
  return ctx.roster.partition(ctx.k, [viewer.userId, ...ctx.readers], scopes);
}

/** How the viewer may see the item (its group label), or undefined if not at all. */
export function visibility(item: FeedbackItem, viewer: Caller, ctx: Ctx, partition: () => Partition): { label: GroupLabel } | undefined {
  const route = routeOf(item, ctx);
  if (route === 'owner' && item.ownerId !== viewer.userId) return undefined;
  if (route === 'leaders' && !hasRole(viewer, 'leader')) return undefined;
  if (!item.anonymous) return { label: ctx.roster.label(scopeOf(item)) };
  if (!isReleased(item.createdWeek, ctx.now)) return undefined;
  if (route === 'owner') return { label: ctx.roster.label(scopeOf(item)) };
  const cell = partition().cellOf(scopeOf(item));
  return cell ? { label: cell.label } : undefined;
}

/** Did the caller give this item? For anonymous items only their own contact says so. */
export async function isContributor(repo: FeedbackRepository, caller: Caller, item: FeedbackItem): Promise<boolean> {
  if (!item.anonymous) return item.authorId === caller.userId;
  const contact = await repo.contact(caller.tenantId, item.id);
  return contact?.userId === caller.userId;
}
