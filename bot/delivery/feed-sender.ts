import type { Domain } from '../../domain';
import { noticeOf, type OutboxItem } from '../../domain/outbox';
import { GraphFailure, type GraphPort } from '../../domain/ports/graph';
import type { Log } from '../../platform/log';
import type { LinkConfig } from '../app/links';
import { localeOf } from '../i18n';
import { backoffMs } from './failed-sends';
import { feedNotification } from './feed';
import type { Window } from './pacing';

/**
 * Notices in the Teams activity feed. Each copy for the feed is its own outbox message (queued
 * by `route` when a person chose the feed or both), sent here through Microsoft Graph: paced per
 * tenant under Graph's own window (not the Bot Connector's), retried on 429 after Retry-After
 * (the Graph call itself tries once), and sent once (outbox claim and keys). When the feed
 * refuses because Leaderful is not installed for the person, the notice goes to their chat
 * instead, once, and that is logged.
 */

/** Graph's sendActivityNotification per app per tenant, kept well under its service limits. */
export const GRAPH_FEED_WINDOWS: Window[] = [{ ms: 1000, max: 20 }];

export type FeedOutcome = 'sent' | 'retried' | 'fell_back' | 'failed';

export class FeedSender {
  constructor(
    private readonly graph: GraphPort,
    private readonly domain: Domain,
    private readonly links: LinkConfig,
    private readonly log: Log,
  ) {}

  /**
   * Where a notice about to go to chat should go instead. Queues its feed copy when the person
   * chose the feed or both; `true` when chat should still be sent (chat or both).
   */
  async route(item: OutboxItem): Promise<boolean> {
    if (item.channel || item.replaces || !noticeOf(item)) return true;
    const member = await this.recipient(item);
    if (!member) return true;
    const channel = this.domain.directory.noticeChannel(member, noticeOf(item)!);
    if (channel === 'chat') return true;
    await this.domain.outbox.enqueueVia(item, 'feed');
    return channel === 'both';
  }

  /** Sends one claimed feed copy and records the outcome. */
  async deliver(item: OutboxItem): Promise<FeedOutcome> {
    const { outbox } = this.domain;
    const notice = noticeOf(item);
    const member = await this.recipient(item);
    if (!notice || !member) {
      await outbox.markFinal(item, 'failed', 'no one to notify in the activity feed');
      return 'failed';
    }
    try {
      await this.graph.sendActivityNotification(item.tenantId, member.userId, feedNotification(this.links, notice, item, localeOf(member.locale)));
      await outbox.markSent(item, undefined, undefined);
      return 'sent';
    } catch (err) {
      const failure = err instanceof GraphFailure ? err : new GraphFailure('unavailable');
      if (failure.kind === 'not_installed' || failure.kind === 'not_connected') {
        // Nowhere in the feed to put it: the person's chat gets it, once (the chat copy's key says so).
        const queued = await outbox.enqueueVia(item, 'chat');
        await outbox.markFinal(item, 'unreachable', `activity feed refused (${failure.kind}): sent to chat instead`);
        if (queued) this.log.warn({ tenantId: item.tenantId, kind: item.kind, reason: failure.kind }, 'activity feed refused a notice: it goes to chat instead');
        return 'fell_back';
      }
      if (failure.kind === 'throttled' || failure.kind === 'unavailable') {
        await outbox.markRetry(item, `graph ${failure.kind}${failure.status ? ` ${failure.status}` : ''}`, failure.retryAfterMs ?? backoffMs(item.attempts));
        return 'retried';
      }
      this.log.warn({ tenantId: item.tenantId, kind: item.kind, reason: failure.kind }, 'activity feed notice failed');
      await outbox.markFinal(item, 'failed', `graph ${failure.kind}`);
      return 'failed';
    }
  }

  /** The person a notice is for (an anonymous author is looked up only now, never stored). */
  private async recipient(item: OutboxItem) {
    const { target, tenantId } = item;
    const userId = target.kind === 'user' ? target.userId : target.kind === 'contact' ? await this.domain.outbox.contactUserId(tenantId, target.feedbackId) : undefined;
    return userId ? this.domain.directory.member(tenantId, userId) : undefined;
  }
}
