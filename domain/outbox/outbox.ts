import { createHash } from 'node:crypto';
import type { Store } from '../ports/store';
import type { NotificationKind, OutboxItem, Replaced, Target } from './model';
import type { Clock } from '../shared/clock';
import { OutboxRepository } from './repository';
import { SendingLeases } from './sending-lease';

/**
 * The durable outbox: every proactive message (check-in prompts, reminders, summaries,
 * celebrations, feedback replies) is written here first and delivered by bot/delivery.ts.
 *
 * - The document id is derived from a business key ("prompt:<round>:<user>"), so however many
 *   server instances or retries enqueue the same message, it exists once and is sent once.
 * - A sender claims a message with its ETag before sending (status `sending` + lease), so two
 *   instances never send the same message; a crashed sender's lease expires and it is retried.
 *   A sender never waits while holding a claim: a message whose conversation or tenant has no
 *   room in its sending window is deferred (`notBefore`) unclaimed, and one whose lease runs
 *   short before it could be sent is given back.
 * - Delivery status is recorded: sent (with the activity id, so cards can be updated later),
 *   failed after bounded retries, or unreachable (bot blocked / app removed: never retried).
 */
export const MAX_ATTEMPTS = 8;
const LEASE_MS = 60_000;

export function outboxId(tenantId: string, key: string): string {
  return `out:${createHash('sha256').update(`${tenantId}|${key}`).digest('hex').slice(0, 40)}`;
}

export class Outbox {
  private readonly repo: OutboxRepository;
  /** Who may spend each tenant's send budget right now (one sender at a time). */
  readonly leases: SendingLeases;

  constructor(
    store: Store,
    private readonly clock: Clock,
  ) {
    this.repo = new OutboxRepository(store);
    this.leases = new SendingLeases(this.repo, clock);
  }

  /** Queues a message once per key. Returns false if it was already queued (or sent). */
  async enqueue(tenantId: string, key: string, kind: NotificationKind, target: Target, data: Record<string, unknown>, notBefore?: Date): Promise<boolean> {
    const now = this.clock.now();
    return this.repo.addOnce({
      id: outboxId(tenantId, key),
      tenantId,
      type: 'outbox',
      key,
      kind,
      target,
      data,
      status: 'pending',
      attempts: 0,
      notBefore: (notBefore ?? now).toISOString(),
      createdAt: now.toISOString(),
    });
  }

  /**
   * Queues the redraw of a message sent under `replacesKey`, once per `key` (a key names the
   * state drawn, so Teams' retries and repeated scheduler passes redraw once).
   */
  async enqueueUpdate(tenantId: string, key: string, replacesKey: string, kind: NotificationKind, target: Target, data: Record<string, unknown>): Promise<boolean> {
    const now = this.clock.now().toISOString();
    return this.repo.addOnce({ id: outboxId(tenantId, key), tenantId, type: 'outbox', key, kind, target, data, status: 'pending', attempts: 0, notBefore: now, createdAt: now, replaces: replacesKey });
  }

  /**
   * Queues a notice's copy for another channel (the activity feed, or chat when the feed
   * refused it), once: its key is the channel's and the notice's, so retries and repeated passes
   * queue it once.
   */
  async enqueueVia(item: OutboxItem, channel: 'chat' | 'feed'): Promise<boolean> {
    const now = this.clock.now().toISOString();
    const key = `${channel}:${item.key}`;
    const { tenantId, kind, target, data } = item;
    return this.repo.addOnce({ id: outboxId(tenantId, key), tenantId, type: 'outbox', key, kind, target, data, status: 'pending', attempts: 0, notBefore: now, createdAt: now, channel });
  }

  /** The message a replacing one redraws, and whether it can be updated now. */
  async replaced(item: OutboxItem): Promise<Replaced> {
    const source = item.replaces ? await this.get(item.tenantId, item.replaces) : undefined;
    if (!source) return { state: 'gone' };
    if (source.status === 'pending' || source.status === 'sending') return { state: 'waiting' };
    if (source.status === 'sent' && source.activityId && source.conversationId) return { state: 'sent', activityId: source.activityId, conversationId: source.conversationId };
    return { state: 'gone' };
  }

  /** Withdraws a message not yet taken for sending (it no longer applies); false if it was. */
  async cancelPending(tenantId: string, key: string): Promise<boolean> {
    let cancelled = false;
    await this.repo.update(tenantId, outboxId(tenantId, key), (current) => {
      cancelled = current.status === 'pending';
      if (!cancelled) return undefined;
      return { ...current, status: 'cancelled', lastError: 'withdrawn: no longer applies' };
    });
    return cancelled;
  }

  get(tenantId: string, key: string): Promise<OutboxItem | undefined> {
    return this.repo.find(tenantId, outboxId(tenantId, key));
  }

  /** Messages due now in one tenant: pending ones, and sends whose lease has expired. */
  async due(tenantId: string, limit: number): Promise<OutboxItem[]> {
    return this.repo.due(tenantId, this.clock.now().toISOString(), limit);
  }

  /**
   * Not now: the message's conversation (or tenant) has used its sending window. It waits, still
   * pending, until `until`; the sender moves on instead of sleeping. False when another sender
   * changed it first (then it is theirs to handle).
   */
  async defer(item: OutboxItem, until: Date): Promise<boolean> {
    const next: OutboxItem = { ...item, status: 'pending', notBefore: until.toISOString(), leaseUntil: undefined };
    try {
      await this.repo.replace(next, item._etag ?? '');
      return true;
    } catch {
      return false;
    }
  }

  /** Whether a claim is still safely ours: its lease has at least `marginMs` left. */
  holds(item: OutboxItem, marginMs = 5_000): boolean {
    return item.status === 'sending' && !!item.leaseUntil && Date.parse(item.leaseUntil) - this.clock.now().getTime() > marginMs;
  }

  /** Gives a claimed message back unsent (its attempt not counted), to go again at `until`. */
  async release(item: OutboxItem, until: Date): Promise<void> {
    await this.finish(item, { status: 'pending', attempts: item.attempts - 1, notBefore: until.toISOString(), leaseUntil: undefined });
  }

  /** Takes the message for sending, unless another sender got it first. */
  async claim(item: OutboxItem): Promise<OutboxItem | undefined> {
    const now = this.clock.now();
    const next: OutboxItem = { ...item, status: 'sending', leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(), attempts: item.attempts + 1 };
    try {
      return await this.repo.replace(next, item._etag ?? '');
    } catch {
      return undefined; // someone else claimed it, or it changed: skip this time
    }
  }

  async markSent(item: OutboxItem, activityId: string | undefined, conversationId: string | undefined): Promise<void> {
    await this.finish(item, { status: 'sent', sentAt: this.clock.now().toISOString(), activityId, conversationId, leaseUntil: undefined });
  }

  /** A retryable failure: back off (or honour Retry-After), give up after MAX_ATTEMPTS. */
  async markRetry(item: OutboxItem, error: string, delayMs: number): Promise<void> {
    const giveUp = item.attempts >= MAX_ATTEMPTS;
    await this.finish(item, {
      status: giveUp ? 'failed' : 'pending',
      lastError: error.slice(0, 200),
      notBefore: new Date(this.clock.now().getTime() + delayMs).toISOString(),
      leaseUntil: undefined,
    });
  }

  async markFinal(item: OutboxItem, status: 'failed' | 'unreachable' | 'cancelled', error: string): Promise<void> {
    await this.finish(item, { status, lastError: error.slice(0, 200), leaseUntil: undefined });
  }

  private async finish(item: OutboxItem, changes: Partial<OutboxItem>): Promise<void> {
    await this.repo.update(item.tenantId, item.id, (current) => {
      // Only the sender holding the claim records the outcome.
      if (current.status !== 'sending' || current.attempts !== item.attempts) return undefined;
      return { ...current, ...changes };
    });
  }

  /**
   * Who wrote an anonymous item, for delivering a reply to them. The one reader of the contacts
   * container: no view, export or API route calls this.
   */
  async contactUserId(tenantId: string, feedbackId: string): Promise<string | undefined> {
    return this.repo.contactUserId(tenantId, feedbackId);
  }

  /** How many messages wait to be sent (telemetry's outbox depth). */
  depth(tenantId: string): Promise<number> {
    return this.repo.depth(tenantId);
  }

  /** Delivery counts by status, for tests, benchmarks and the health endpoint. */
  async counts(tenantId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const status of await this.repo.statuses(tenantId)) counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  }
}
