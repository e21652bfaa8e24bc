import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Domain } from '../../domain';
import type { Member, Team } from '../../domain/directory';
import type { OutboxItem } from '../../domain/outbox';
import type { Log } from '../../platform/log';
import type { LinkConfig } from '../app/links';
import { localeOf, type Locale } from '../i18n';
import { notificationCard, type FeedbackCards } from './cards';
import { FeedSender, GRAPH_FEED_WINDOWS } from './feed-sender';
import type { GraphPort } from '../../domain/ports/graph';
import { CONVERSATION_WINDOWS, SlidingWindowLimiter, TENANT_WINDOWS } from './pacing';
import { conversationKey, interleave, rotate } from './rounds';
import { SendGate } from './send-gate';
import { TenantLeases } from './tenant-leases';

/**
 * Sends what the outbox holds. Paced per conversation and per tenant under Teams' limits
 * without ever sleeping: a message that has no room yet is deferred (`notBefore`) and the pass
 * goes on. Fair: tenants take turns and so do conversations within a tenant (rounds.ts), so a
 * flood in one conversation or tenant delays nobody else. Retried on 429/412/502/503/504
 * (Retry-After honoured, else exponential backoff with jitter, bounded), never sent twice (each
 * message is claimed with its ETag first and sent only while the claim's lease holds), and every
 * outcome recorded. A 403 means the person blocked the bot or removed the app: they are marked
 * unreachable instead of being retried forever.
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

const RETRYABLE = new Set([412, 429, 502, 503, 504]);
/** How long before its slot in the tenant's window a message may be claimed and made ready. */
const HANDOUT_LEAD_MS = 250;
const MAX_BACKOFF_MS = 60_000;
/** A redraw whose card is still on its way looks again after this. */
const REPLACE_WAIT_MS = 15_000;

interface Resolved {
  reference: Partial<ConversationReference>;
  locale: Locale;
  /** False for anonymous contributors: the outbox must not learn their conversation. */
  record: boolean;
}

class SendError extends Error {
  constructor(
    readonly status: number | undefined,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

function errorStatus(err: unknown): { status?: number; retryAfterMs?: number } {
  const e = err as { statusCode?: number; response?: { status?: number; headers?: { get?: (k: string) => string | undefined } } };
  const status = e?.statusCode ?? e?.response?.status;
  const header = e?.response?.headers?.get?.('retry-after');
  const seconds = header !== undefined ? Number(header) : NaN;
  return { status, retryAfterMs: Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : undefined };
}

export interface DeliveryStats {
  sent: number;
  retried: number;
  failed: number;
  unreachable: number;
  /** Messages put back to wait for their conversation's window (never a sleeping sender). */
  deferred: number;
  /** Claims given back because the lease ran short before the send. */
  released: number;
}

/** At most `limit` of the jobs handed to `run` at once; `idle` waits for them all. */
function pool(limit: number) {
  const running = new Set<Promise<void>>();
  return {
    async run(job: () => Promise<void>): Promise<void> {
      while (running.size >= limit) await Promise.race(running);
      const p: Promise<void> = job().finally(() => running.delete(p));
      running.add(p);
    },
    idle: () => Promise.all(running),
  };
}

export class Delivery {
  private readonly perConversation: SlidingWindowLimiter;
  private readonly perTenant: SlidingWindowLimiter;
  /** Requests as they leave, counted until their answer; ready messages wait here for room. */
  private readonly gate: SendGate;
  /** Activity feed notices go through Graph: their own per-tenant window. */
  private readonly graphPerTenant: SlidingWindowLimiter;
  private readonly feed?: FeedSender;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;
  /** Which tenant goes first in the next pass (turns rotate). */
  private turn = 0;
  /** When (clock ms) the earliest message held back in the last pass may go: the loop comes back then. */
  private soonest?: number;
  private readonly leases: TenantLeases;
  readonly stats: DeliveryStats = { sent: 0, retried: 0, failed: 0, unreachable: 0, deferred: 0, released: 0 };

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly domain: Domain,
    private readonly links: LinkConfig,
    private readonly log: Log,
    private readonly opts: DeliveryOptions,
    /** How `feedback_*` kinds are drawn, if not as the feedback feature draws them. */
    private readonly feedbackCards?: FeedbackCards,
  ) {
    // Pacing follows the app's clock, the same one outbox `notBefore` times are read against.
    const now = () => domain.clock.now().getTime();
    this.perConversation = new SlidingWindowLimiter(CONVERSATION_WINDOWS, now);
    // No margin: the gate counts each request until its answer, which covers delays on the way.
    this.perTenant = new SlidingWindowLimiter(opts.tenantWindows ?? TENANT_WINDOWS, now, 0);
    this.gate = new SendGate(opts.tenantWindows ?? TENANT_WINDOWS, now, () => this.stopped);
    this.leases = new TenantLeases(domain, log, opts.holder);
    this.graphPerTenant = new SlidingWindowLimiter(GRAPH_FEED_WINDOWS, now);
    if (opts.feed) this.feed = new FeedSender(opts.feed, domain, links, log);
  }

  /** Polls the outbox in the background until stop(); sooner when a held-back message is due sooner. */
  start(intervalMs = 2000): void {
    const loop = async () => {
      if (this.stopped) return;
      await this.flush().catch((err) => this.log.error({ err: String(err) }, 'delivery pass failed'));
      const soon = this.soonest === undefined ? intervalMs : this.soonest - this.domain.clock.now().getTime();
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
    this.soonest = undefined;
    let total = 0;
    let tenants = rotate(await this.domain.directory.tenantIds(), this.turn++);
    while (tenants.length && !this.stopped) {
      const again: string[] = [];
      for (const tenantId of tenants) {
        if (this.stopped) break;
        const { handled, more } = await this.deliverTurn(tenantId);
        total += handled;
        if (more) again.push(tenantId);
      }
      tenants = again;
    }
    return total;
  }

  /**
   * One tenant's turn: its due messages, one conversation at a time in rotation. A message whose
   * conversation window is full is deferred (with every later one of that conversation, spread
   * over the slots the window will free); when the tenant's own window is full, the turn ends and
   * the rest stays due. `more`: there may be more to send now (the share was used, or a backlog
   * was moved out of the way).
   */
  private async deliverTurn(tenantId: string): Promise<{ handled: number; more: boolean }> {
    const share = this.opts.batchSize ?? (this.opts.tenantWindows ?? TENANT_WINDOWS)[0].max;
    // Another sender holds the tenant: nothing to do here until its lease could end.
    const othersHold = this.leases.othersHoldFor(tenantId);
    if (othersHold > 0) {
      this.dueAgainIn(othersHold);
      return { handled: 0, more: false };
    }
    const due = await this.domain.outbox.due(tenantId, share * 4);
    if (!due.length) return { handled: 0, more: false };
    if (!(await this.holdLease(tenantId))) return { handled: 0, more: false };
    const sending = pool(this.opts.concurrency ?? 16);
    const held = new Map<string, OutboxItem[]>();
    let sent = 0;
    let full = false;
    for (const item of interleave(due)) {
      if (this.stopped) break;
      // A feed notice is a Graph call, not a message in a conversation: Graph's tenant window alone.
      const feed = item.channel === 'feed';
      const key = conversationKey(item.target);
      const waiting = feed ? undefined : held.get(key);
      if (waiting) {
        waiting.push(item);
        continue;
      }
      if (full || sent >= share) continue;
      if (!this.leases.mayStillSend(tenantId)) {
        // The lease is running out: renew it on the next look before sending more.
        full = true;
        this.dueAgainIn(0);
        continue;
      }
      if (!feed && this.perConversation.delay(key) > 0) {
        held.set(key, [item]);
        continue;
      }
      const tenantWait = (feed ? this.graphPerTenant : this.perTenant).delay(tenantId);
      if (feed && tenantWait > 0) {
        this.dueAgainIn(tenantWait);
        if (await this.domain.outbox.defer(item, new Date(this.domain.clock.now().getTime() + tenantWait))) this.stats.deferred++;
        continue;
      }
      // A message is handed out up to HANDOUT_LEAD_MS before its slot in the tenant's window: it
      // is claimed and its conversation looked up meanwhile, then waits for the slot (send-gate.ts),
      // so the window never idles while the next second's messages are fetched.
      if (!feed && tenantWait > HANDOUT_LEAD_MS) {
        full = true;
        this.dueAgainIn(tenantWait - HANDOUT_LEAD_MS);
        continue;
      }
      if (feed) this.graphPerTenant.record(tenantId);
      else {
        // Counted at the slot it will use, not now: hand-outs keep one lead, never drift ahead.
        const slot = this.domain.clock.now().getTime() + tenantWait;
        this.perTenant.recordAt(tenantId, slot);
        this.perConversation.recordAt(key, slot);
      }
      sent++;
      await sending.run(() => this.claimAndDeliver(item));
    }
    await sending.idle();
    if (!full && sent >= share) {
      // The share filled the tenant's window: look again when the next slots come near, not now.
      const wait = this.perTenant.delay(tenantId);
      if (wait > HANDOUT_LEAD_MS) {
        full = true;
        this.dueAgainIn(wait - HANDOUT_LEAD_MS);
      }
    }
    let deferred = 0;
    for (const [key, items] of held) {
      const slots = this.perConversation.plan(key, items.length);
      this.dueAgainIn(slots[0] - this.domain.clock.now().getTime());
      for (let i = 0; i < items.length; i++) if (await this.domain.outbox.defer(items[i], new Date(slots[i]))) deferred++;
    }
    this.stats.deferred += deferred;
    // Held-back messages now wait in the future: another look may find other conversations' messages.
    return { handled: sent + deferred, more: !full && (sent >= share || deferred > 0) };
  }

  /** Takes or renews the tenant's sending lease; false (and when to look again) if another sender has it. */
  private async holdLease(tenantId: string): Promise<boolean> {
    const turn = await this.leases.take(tenantId);
    if (!turn.held) {
      this.dueAgainIn(turn.askAgainInMs);
      return false;
    }
    if (turn.inherited.length) {
      this.perTenant.seed(tenantId, turn.inherited);
      this.gate.seed(tenantId, turn.inherited);
    }
    return true;
  }

  private dueAgainIn(ms: number): void {
    const at = this.domain.clock.now().getTime() + Math.max(0, ms);
    this.soonest = this.soonest === undefined ? at : Math.min(this.soonest, at);
  }

  private async claimAndDeliver(item: OutboxItem): Promise<void> {
    const claimed = await this.domain.outbox.claim(item);
    if (claimed) await this.deliver(claimed);
  }

  private async deliver(item: OutboxItem): Promise<void> {
    try {
      // Opening a 1:1 chat (in resolve) is a request to the tenant too: only under the lease.
      if (!this.leases.mayStillSend(item.tenantId)) {
        this.stats.released++;
        return void (await this.domain.outbox.release(item, this.domain.clock.now()));
      }
      if (this.feed && item.channel === 'feed') return void this.count(await this.feed.deliver(item));
      // A notice the person wants in the activity feed: its feed copy is queued; chat too only for "both".
      if (this.feed && !(await this.feed.route(item))) return void (await this.domain.outbox.markFinal(item, 'cancelled', 'went to the activity feed, as the person chose'));
      // A redraw of a card sent earlier: only once that card is out, and only if it can be updated.
      const replaced = item.replaces ? await this.domain.outbox.replaced(item) : undefined;
      if (replaced?.state === 'waiting') return void (await this.domain.outbox.release(item, new Date(this.domain.clock.now().getTime() + REPLACE_WAIT_MS)));
      if (replaced?.state === 'gone') return void (await this.domain.outbox.markFinal(item, 'cancelled', 'nothing to update: the card it redraws was never delivered'));
      const target = await this.resolve(item);
      if (!target) {
        this.stats.failed++;
        return void (await this.domain.outbox.markFinal(item, 'failed', 'no conversation to deliver to (bot not installed there)'));
      }
      const card = notificationCard(this.links, this.feedbackCards, item.kind, item.data, target.locale);
      // Another instance may take the message once the lease ends: never send on a claim that is running out.
      if (!this.domain.outbox.holds(item) || !this.leases.mayStillSend(item.tenantId)) {
        this.stats.released++;
        return void (await this.domain.outbox.release(item, this.domain.clock.now()));
      }
      const { slot, wait } = await this.gate.room(item.tenantId, () => this.domain.outbox.holds(item) && this.leases.mayStillSend(item.tenantId));
      if (!slot) {
        this.stats.released++;
        this.dueAgainIn(wait);
        return void (await this.domain.outbox.release(item, new Date(this.domain.clock.now().getTime() + wait)));
      }
      if (replaced?.state === 'sent') {
        const reference = { ...target.reference, conversation: { ...target.reference.conversation, id: replaced.conversationId } } as Partial<ConversationReference>;
        await this.gate.send(slot, () => this.send(reference, { type: 'message', id: replaced.activityId, attachments: [card] }, 'update'));
        await this.domain.outbox.markSent(item, replaced.activityId, replaced.conversationId);
        this.stats.sent++;
        return;
      }
      const activityId = await this.gate.send(slot, () => this.send(target.reference, { type: 'message', attachments: [card] }));
      await this.domain.outbox.markSent(item, target.record ? activityId : undefined, target.record ? target.reference.conversation?.id : undefined);
      this.stats.sent++;
    } catch (err) {
      await this.failed(item, err);
    }
  }

  private count(outcome: 'sent' | 'retried' | 'fell_back' | 'failed'): void {
    if (outcome === 'fell_back') this.stats.unreachable++;
    else this.stats[outcome]++;
  }

  private async failed(item: OutboxItem, err: unknown): Promise<void> {
    const { status, retryAfterMs } = err instanceof SendError ? err : errorStatus(err);
    if (status === 403) {
      this.stats.unreachable++;
      if (item.target.kind === 'user') {
        const userId = item.target.userId;
        await this.domain.directory.updateMember(item.tenantId, userId, (m) => ({ ...m, unreachable: true }));
      }
      return void (await this.domain.outbox.markFinal(item, 'unreachable', 'Teams answered 403: the bot was blocked or removed'));
    }
    if (status === undefined || RETRYABLE.has(status)) {
      const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, item.attempts - 1));
      const delay = retryAfterMs ?? Math.round(backoff / 2 + Math.random() * (backoff / 2));
      this.stats.retried++;
      return void (await this.domain.outbox.markRetry(item, `${status ?? 'network'}: ${(err as Error).message ?? ''}`, delay));
    }
    this.stats.failed++;
    this.log.warn({ status, kind: item.kind }, 'delivery failed');
    await this.domain.outbox.markFinal(item, 'failed', `${status}: ${(err as Error).message ?? ''}`);
  }

  /** Sends one activity; errors inside the SDK's proactive turn are captured, not swallowed. */
  private async send(reference: Partial<ConversationReference>, activity: Record<string, unknown>, how: 'send' | 'update' = 'send'): Promise<string | undefined> {
    let sentId: string | undefined;
    let error: unknown;
    await this.adapter.continueConversationAsync(this.opts.appId, reference, async (context) => {
      // The SDK would retry throttled sends by itself, unpaced and invisible to the outbox; here
      // the outbox owns retries (paced, Retry-After honoured, recorded), so that policy goes.
      const connector = context.turnState.get(this.adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(p: { name: string }): void } } } | undefined;
      connector?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
      try {
        sentId = how === 'update' ? (await context.updateActivity(activity))?.id : (await context.sendActivity(activity))?.id;
      } catch (err) {
        error = err;
      }
    });
    if (error) throw error;
    return sentId;
  }

  private async resolve(item: OutboxItem): Promise<Resolved | undefined> {
    const { tenantId, target } = item;
    if (target.kind === 'team') {
      // A team's channel or chat, or a circle's (typed: nothing else in the directory is a conversation).
      const conversation = await this.domain.directory.conversation(tenantId, target.teamId);
      return conversation?.conversationReference ? { reference: conversation.conversationReference as Partial<ConversationReference>, record: true, locale: localeOf(conversation.locale) } : undefined;
    }
    let userId: string;
    let record = true;
    if (target.kind === 'contact') {
      const contactId = await this.domain.outbox.contactUserId(tenantId, target.feedbackId);
      if (!contactId) return undefined;
      userId = contactId;
      record = false;
    } else userId = target.userId;
    const member = await this.domain.directory.member(tenantId, userId);
    if (!member) return undefined;
    if (member.unreachable) throw new SendError(403, 'member is unreachable');
    const reference = (member.personalConversation as Partial<ConversationReference> | undefined) ?? (await this.openPersonalChat(member));
    return reference ? { reference, record, locale: localeOf(member.locale) } : undefined;
  }

  /** Opens a 1:1 chat with a member through a conversation the bot shares with them. */
  private async openPersonalChat(member: Member): Promise<Partial<ConversationReference> | undefined> {
    if (!member.teamsUserId) return undefined;
    let via: Partial<ConversationReference> | undefined;
    for (const teamId of member.teamIds) {
      const team: Team | undefined = await this.domain.directory.findTeam(member.tenantId, teamId);
      if (team?.conversationReference) {
        via = team.conversationReference as Partial<ConversationReference>;
        break;
      }
    }
    const serviceUrl = via?.serviceUrl;
    if (!serviceUrl || !via?.bot) return undefined;
    const bot = via.bot;
    let reference: Partial<ConversationReference> | undefined;
    // Opening the chat is one more request to the tenant: it counts in the tenant's window.
    this.perTenant.record(member.tenantId);
    await this.gate.paced(member.tenantId, () => this.adapter.createConversationAsync(
      this.opts.appId,
      'msteams',
      serviceUrl,
      '',
      { isGroup: false, bot, members: [{ id: member.teamsUserId, name: member.name }], tenantId: member.tenantId, channelData: { tenant: { id: member.tenantId } } } as never,
      async (context) => {
        reference = TurnContext.getConversationReference(context.activity);
      },
    ));
    if (reference) {
      await this.domain.directory.updateMember(member.tenantId, member.userId, (m) => ({ ...m, personalConversation: reference as Record<string, unknown> }));
    }
    return reference;
  }
}
