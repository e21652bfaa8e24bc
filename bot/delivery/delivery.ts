import type { CloudAdapter } from 'botbuilder';
import type { Domain } from '../../domain';
import type { GraphPort } from '../../domain/ports/graph';
import type { Log } from '../../platform/log';
import type { LinkConfig } from '../app/links';
import type { FeedbackCards } from './cards';
import { Conversations } from './conversations';
import { FeedSender, GRAPH_FEED_WINDOWS } from './feed-sender';
import { MessageDelivery } from './message-delivery';
import { NextLook } from './next-look';
import { CONVERSATION_WINDOWS, SlidingWindowLimiter, TENANT_WINDOWS } from './pacing';
import { rotate } from './rounds';
import { SendGate } from './send-gate';
import type { DeliveryStats } from './stats';
import { TenantLeases } from './tenant-leases';
import { TenantTurn } from './tenant-turn';

/**
 * Sends what the outbox holds. Paced per conversation and per tenant under Teams' limits
 * without ever sleeping: a message that has no room yet is deferred (`notBefore`) and the pass
 * goes on. Fair: tenants take turns and so do conversations within a tenant (rounds.ts), so a
 * flood in one conversation or tenant delays nobody else. Each tenant's turn (tenant-turn.ts)
 * hands messages out a moment ahead of their slot under the tenant's sending lease
 * (tenant-leases.ts); each message is claimed, sent and its outcome recorded on its own
 * (message-delivery.ts), retried or given up as failed-sends.ts says.
 */
export interface DeliveryOptions {
  /** Bot app id for proactive calls (a placeholder when running without credentials). */
  appId: string;
  concurrency?: number;
  /** Messages one tenant may send per turn of a pass before the next tenant goes (default: one second of its window). */
  batchSize?: number;
  /** For benchmarks: scale the per-tenant limit (Teams documents 50/s; older docs 30/s). */
  tenantWindows?: typeof TENANT_WINDOWS;
  /** This sender's name on tenants' sending leases (default: host, process id and a random part). */
  holder?: string;
  /** Microsoft Graph for the Teams activity feed; without it every notice goes to chat. */
  feed?: GraphPort;
}

export class Delivery {
  /** Requests as they leave, counted until their answer; ready messages wait here for room. */
  private readonly gate: SendGate;
  private readonly leases: TenantLeases;
  private readonly next: NextLook;
  private readonly turns: TenantTurn;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;
  /** Which tenant goes first in the next pass (turns rotate). */
  private turn = 0;
  readonly stats: DeliveryStats = { sent: 0, retried: 0, failed: 0, unreachable: 0, deferred: 0, released: 0 };

  constructor(
    adapter: CloudAdapter,
    private readonly domain: Domain,
    links: LinkConfig,
    private readonly log: Log,
    opts: DeliveryOptions,
    /** How `feedback_*` kinds are drawn, if not as the feedback feature draws them. */
    feedbackCards?: FeedbackCards,
  ) {
    // Pacing follows the app's clock, the same one outbox `notBefore` times are read against.
    const now = () => domain.clock.now().getTime();
    const tenantWindows = opts.tenantWindows ?? TENANT_WINDOWS;
    const windows = {
      perConversation: new SlidingWindowLimiter(CONVERSATION_WINDOWS, now),
      // No margin: the gate counts each request until its answer, which covers delays on the way.
      perTenant: new SlidingWindowLimiter(tenantWindows, now, 0),
      graphPerTenant: new SlidingWindowLimiter(GRAPH_FEED_WINDOWS, now),
    };
    this.gate = new SendGate(tenantWindows, now, () => this.stopped);
    this.leases = new TenantLeases(domain, log, opts.holder);
    this.next = new NextLook(now);
    const conversations = new Conversations(adapter, opts.appId, domain, windows.perTenant, this.gate);
    const feed = opts.feed ? new FeedSender(opts.feed, domain, links, log) : undefined;
    const { gate, leases, next, stats } = this;
    const messages = new MessageDelivery({ adapter, appId: opts.appId, domain, links, log, leases, gate, conversations, stats, next, feed, feedbackCards });
    this.turns = new TenantTurn({
      domain,
      share: opts.batchSize ?? tenantWindows[0].max,
      concurrency: opts.concurrency ?? 16,
      leases,
      windows,
      gate,
      messages,
      stats,
      next,
      stopped: () => this.stopped,
    });
  }

  /** Polls the outbox in the background until stop(); sooner when a held-back message is due sooner. */
  start(intervalMs = 2000): void {
    const loop = async () => {
      if (this.stopped) return;
      await this.flush().catch((err) => this.log.error({ err: String(err) }, 'delivery pass failed'));
      const soon = this.next.wait() ?? intervalMs;
      if (!this.stopped) this.timer = setTimeout(loop, Math.max(50, Math.min(intervalMs, soon)));
    };
    this.timer = setTimeout(loop, intervalMs);
  }

  /** Finishes the sends in flight, then stops: a restart never leaves a message half-sent. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    // Hand the tenants over now, with what was sent in the last second, instead of making the
    // next sender wait for the leases to run out.
    await this.leases.releaseAll((tenantId) => this.gate.recent(tenantId));
  }

  /**
   * One pass: sends what is due now and has room in its windows, defers what has not, and
   * returns how many messages were handled. Nothing waits inside a pass.
   */
  flush(): Promise<number> {
    const run = (this.running ?? Promise.resolve()).then(() => this.drain());
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Tenants take turns; each turn sends at most one tenant window's worth, while there is work. */
  private async drain(): Promise<number> {
    this.next.reset();
    let total = 0;
    let tenants = rotate(await this.domain.directory.tenantIds(), this.turn++);
    while (tenants.length && !this.stopped) {
      const again: string[] = [];
      let handledNow = 0;
      for (const tenantId of tenants) {
        if (this.stopped) break;
        const { handled, more } = await this.turns.run(tenantId);
        handledNow += handled;
        if (more) again.push(tenantId);
      }
      total += handledNow;
      // While others still have work, a tenant that waited (its window full, another sender's
      // lease that could end: a holder that died) gets its turn back as soon as it may go, not once
      // every other tenant's backlog is done (it sat idle for the whole of the others' fan-outs).
      // A round that moved nothing ends the pass: the loop comes back when the next one may go.
      if (again.length || handledNow) for (const tenantId of this.next.tenantsDue()) if (!again.includes(tenantId)) again.push(tenantId);
      tenants = again;
    }
    return total;
  }
}
