import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Domain } from '../../domain';
import type { OutboxItem } from '../../domain/outbox';
import type { Log } from '../../platform/log';
import type { LinkConfig } from '../app/links';
import { notificationCard, type FeedbackCards } from './cards';
import type { Conversations } from './conversations';
import type { DeliveryStats } from './stats';
import { recordFailure, refusedUnposted } from './failed-sends';
import type { FeedOutcome, FeedSender } from './feed-sender';
import type { NextLook } from './next-look';
import { sendProactive } from './proactive';
import { NoRoom, type SendGate } from './send-gate';
import type { TenantLeases } from './tenant-leases';

/** A redraw whose card is still on its way looks again after this. */
const REPLACE_WAIT_MS = 15_000;

/**
 * One message, from its claim to its recorded outcome: sent, redrawn, routed to the activity
 * feed, cancelled, given back unsent or failed (failed-sends.ts). Never sent twice: it is claimed
 * with its ETag first and sent only while both the claim and the tenant's lease hold, and it
 * leaves only when the tenant's window has room at that moment (send-gate.ts).
 */
export class MessageDelivery {
  constructor(
    private readonly deps: {
      adapter: CloudAdapter;
      appId: string;
      domain: Domain;
      links: LinkConfig;
      log: Log;
      leases: TenantLeases;
      gate: SendGate;
      conversations: Conversations;
      stats: DeliveryStats;
      next: NextLook;
      feed?: FeedSender;
      /** How `feedback_*` kinds are drawn, if not as the feedback feature draws them. */
      feedbackCards?: FeedbackCards;
    },
  ) {}

  /**
   * Claims the message (unless another sender got it first) and delivers it. `'unposted'`: Teams
   * refused it without posting it (refusedUnposted), so the places the turn counted for it are free.
   */
  async claimAndDeliver(item: OutboxItem): Promise<'unposted' | undefined> {
    try {
      const claimed = await this.deps.domain.outbox.claim(item);
      if (claimed) return await this.deliver(claimed);
    } catch (err) {
      // The store failed while claiming or recording what happened. Nothing is lost: a claim's
      // lease runs out and the message is taken again. The turn's other sends go on (a failure
      // here used to end the whole pass with sends still in flight).
      this.deps.log.error({ err: String(err), kind: item.kind, tenantId: item.tenantId }, 'one delivery could not be recorded');
    }
  }

  private async deliver(item: OutboxItem): Promise<'unposted' | undefined> {
    const { domain, leases, gate, stats, feed } = this.deps;
    const { outbox } = domain;
    const now = () => domain.clock.now().getTime();
    try {
      // Opening a 1:1 chat (in resolve) is a request to the tenant too: only under the lease.
      if (!leases.mayStillSend(item.tenantId)) {
        stats.released++;
        return void (await outbox.release(item, domain.clock.now()));
      }
      if (feed && item.channel === 'feed') return void this.count(await feed.deliver(item));
      // A notice the person wants in the activity feed: its feed copy is queued; chat too only for "both".
      if (feed && !(await feed.route(item))) return void (await outbox.markFinal(item, 'cancelled', 'went to the activity feed, as the person chose'));
      // A redraw of a card sent earlier: only once that card is out, and only if it can be updated.
      const replaced = item.replaces ? await outbox.replaced(item) : undefined;
      if (replaced?.state === 'waiting') return void (await outbox.release(item, new Date(now() + REPLACE_WAIT_MS)));
      if (replaced?.state === 'gone') return void (await outbox.markFinal(item, 'cancelled', 'nothing to update: the card it redraws was never delivered'));
      const mayWait = () => outbox.holds(item) && leases.mayStillSend(item.tenantId);
      const target = await this.deps.conversations.resolve(item, mayWait);
      if (!target) {
        stats.failed++;
        return void (await outbox.markFinal(item, 'failed', 'no conversation to deliver to (bot not installed there)'));
      }
      const card = notificationCard(this.deps.links, this.deps.feedbackCards, item.kind, item.data, target.locale);
      // Another instance may take the message once the lease ends: never send on a claim that is running out.
      if (!outbox.holds(item) || !leases.mayStillSend(item.tenantId)) {
        stats.released++;
        return void (await outbox.release(item, domain.clock.now()));
      }
      const { slot, wait } = await gate.room(item.tenantId, mayWait);
      if (!slot) {
        stats.released++;
        this.deps.next.dueAgainIn(item.tenantId, wait);
        return void (await outbox.release(item, new Date(now() + wait)));
      }
      if (replaced?.state === 'sent') {
        const reference = { ...target.reference, conversation: { ...target.reference.conversation, id: replaced.conversationId } } as Partial<ConversationReference>;
        await gate.send(slot, () => this.send(reference, { type: 'message', id: replaced.activityId, attachments: [card] }, 'update'));
        await outbox.markSent(item, replaced.activityId, replaced.conversationId);
        stats.sent++;
        return;
      }
      const activityId = await gate.send(slot, () => this.send(target.reference, { type: 'message', attachments: [card] }));
      await outbox.markSent(item, target.record ? activityId : undefined, target.record ? target.reference.conversation?.id : undefined);
      stats.sent++;
    } catch (err) {
      if (err instanceof NoRoom) {
        // No room to open the chat: back to the outbox until there is (not a failure).
        stats.released++;
        this.deps.next.dueAgainIn(item.tenantId, err.wait);
        return void (await outbox.release(item, new Date(now() + err.wait)));
      }
      await recordFailure(domain, this.deps.log, stats, item, err);
      return refusedUnposted(err) ? 'unposted' : undefined;
    }
  }

  private send(reference: Partial<ConversationReference>, activity: Record<string, unknown>, how?: 'send' | 'update'): Promise<string | undefined> {
    return sendProactive(this.deps.adapter, this.deps.appId, reference, activity, how);
  }

  private count(outcome: FeedOutcome): void {
    if (outcome === 'fell_back') this.deps.stats.unreachable++;
    else this.deps.stats[outcome]++;
  }
}
