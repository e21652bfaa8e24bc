import type { OutboxItem, Target } from '../../domain/outbox';

/**
 * Fair order for a pass over the outbox. Tenants take turns (each visit sends at most one
 * tenant window's worth, then the next tenant goes), and within a tenant conversations take
 * turns: one message of each conversation, then the second of each, and so on. A flooded
 * conversation or tenant therefore gets its share and no more; everyone else's messages go in
 * the same pass.
 */

/**
 * The conversation a message goes to, as far as it can be told without reading anything: a
 * person's 1:1 chat, a team or circle conversation, or (for an anonymous contributor, whose
 * person the outbox must not learn) the feedback item's thread.
 */
export function conversationKey(target: Target): string {
  switch (target.kind) {
    case 'user':
      return `user:${target.userId}`;
    case 'team':
      return `team:${target.teamId}`;
    case 'contact':
      return `contact:${target.feedbackId}`;
  }
}

/** One message of each conversation in turn, each conversation's messages in their own order. */
export function interleave(items: OutboxItem[]): OutboxItem[] {
  const queues = new Map<string, OutboxItem[]>();
  for (const item of items) {
    const key = conversationKey(item.target);
    const queue = queues.get(key);
    if (queue) queue.push(item);
    else queues.set(key, [item]);
  }
  const out: OutboxItem[] = [];
  for (let round = 0; out.length < items.length; round++) {
    for (const queue of queues.values()) if (round < queue.length) out.push(queue[round]);
  }
  return out;
}

/** The tenants in turn, starting one further along on each pass so nobody is always last. */
export function rotate<T>(list: T[], start: number): T[] {
  if (!list.length) return list;
  const at = ((start % list.length) + list.length) % list.length;
  return [...list.slice(at), ...list.slice(0, at)];
}
