import { scopeOf, type GroupLabel } from '../anonymity';
import { hasRole, type Caller } from '../shared/caller';
import type { Ctx } from './context';
import type { FeedbackItem } from './model';
import type { FeedbackRepository } from './repository';

/**
 * Who sees what: every decision is disclosure's (domain/anonymity/disclosure.ts), over the one
 * partition of the release window, whichever route asks.
 */
export { scopeOf };

/** Where an item goes now: its manager, or senior leaders (also when its team fell below k). */
export function routeOf(item: FeedbackItem, ctx: Ctx): 'owner' | 'leaders' {
  return ctx.disclosure.route(item);
}

/** How the viewer may see the item (its group label), or undefined if not at all. */
export function visibility(item: FeedbackItem, viewer: Caller, ctx: Ctx): { label: GroupLabel } | undefined {
  const label = ctx.disclosure.itemLabel(item, { userId: viewer.userId, leader: hasRole(viewer, 'leader') });
  return label ? { label } : undefined;
}

/** Did the caller give this item? For anonymous items only their own contact says so. */
export async function isContributor(repo: FeedbackRepository, caller: Caller, item: FeedbackItem): Promise<boolean> {
  if (!item.anonymous) return item.authorId === caller.userId;
  const contact = await repo.contact(caller.tenantId, item.id);
  return contact?.userId === caller.userId;
}
