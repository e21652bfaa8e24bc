import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Domain } from '../../domain';
import type { Member, Team } from '../../domain/directory';
import type { OutboxItem } from '../../domain/outbox';
import type { Log } from '../../platform/log';
import type { LinkConfig } from '../app/links';
import { localeOf, type Locale } from '../i18n';
import { notificationCard, type FeedbackCards } from './cards';
import { CONVERSATION_WINDOWS, SlidingWindowLimiter, TENANT_WINDOWS } from './pacing';

/**
 * Sends what the outbox holds. Paced per conversation and per tenant under Teams' limits,
 * retried on 429/412/502/503/504 (Retry-After honoured, else exponential backoff with jitter,
 * bounded), never sent twice (each message is claimed with its ETag first), and every outcome
 * recorded. A 403 means the person blocked the bot or removed the app: they are marked
 * unreachable instead of being retried forever.
 */
export interface DeliveryOptions {
  /** Bot app id for proactive calls (a placeholder when running without credentials). */
  appId: string;
  concurrency?: number;
  batchSize?: number;
  /** For benchmarks: scale the per-tenant limit (Teams documents 50/s; older docs 30/s). */
  tenantWindows?: typeof TENANT_WINDOWS;
}

const RETRYABLE = new Set([412, 429, 502, 503, 504]);
const MAX_BACKOFF_MS = 60_000;

interface Resolved {
  reference: Partial<ConversationReference>;
  locale: Locale;
  pacingKey: string;
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
}

export class Delivery {
  private readonly perConversation = new SlidingWindowLimiter(CONVERSATION_WINDOWS);
  private readonly perTenant: SlidingWindowLimiter;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;
  readonly stats: DeliveryStats = { sent: 0, retried: 0, failed: 0, unreachable: 0 };

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly domain: Domain,
    private readonly links: LinkConfig,
    private readonly log: Log,
    private readonly opts: DeliveryOptions,
    /** How `feedback_*` kinds are drawn, if not as the feedback feature draws them. */
    private readonly feedbackCards?: FeedbackCards,
  ) {
    this.perTenant = new SlidingWindowLimiter(opts.tenantWindows ?? TENANT_WINDOWS);
  }

  /** Polls the outbox in the background until stop(). */
  start(intervalMs = 2000): void {
    const loop = async () => {
      if (this.stopped) return;
      await this.flush().catch((err) => this.log.error({ err: String(err) }, 'delivery pass failed'));
      if (!this.stopped) this.timer = setTimeout(loop, intervalMs);
    };
    this.timer = setTimeout(loop, intervalMs);
  }

  /** Finishes the sends in flight, then stops: a restart never leaves a message half-sent. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Sends everything due now; returns how many messages were handled. */
  flush(): Promise<number> {
    const run = (this.running ?? Promise.resolve()).then(() => this.drain());
    this.running = run.catch(() => undefined);
    return run;
  }

  private async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      let handled = 0;
      for (const tenantId of await this.domain.directory.tenantIds()) {
        if (this.stopped) return total;
        handled += await this.deliverTenant(tenantId);
      }
      total += handled;
      if (!handled) return total;
    }
  }

  /**
   * Delivers a tenant's due messages as one continuous stream: workers take from a queue that is
   * topped up before it runs dry, so the (paced) sending never pauses to wait for a query.
   */
  private async deliverTenant(tenantId: string): Promise<number> {
    const batch = this.opts.batchSize ?? 500;
    const concurrency = this.opts.concurrency ?? 16;
    const seen = new Set<string>();
    const queue: OutboxItem[] = [];
    let handled = 0;
    let exhausted = false;
    let fetching: Promise<void> | undefined;
    const refill = (): Promise<void> =>
      (fetching ??= (async () => {
        const due = await this.domain.outbox.due(tenantId, batch);
        const fresh = due.filter((item) => !seen.has(item.id));
        fresh.forEach((item) => seen.add(item.id));
        queue.push(...fresh);
        if (!fresh.length) exhausted = true;
      })().finally(() => (fetching = undefined)));
    await refill();
    const worker = async () => {
      while (!this.stopped) {
        if (queue.length < concurrency * 8 && !exhausted) void refill();
        const item = queue.shift();
        if (!item) {
          if (exhausted) return;
          await refill();
          continue;
        }
        handled++;
        const claimed = await this.domain.outbox.claim(item);
        if (claimed) await this.deliver(claimed);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return handled;
  }

  private async pace(tenantId: string, key: string): Promise<void> {
    for (;;) {
      const wait = Math.max(this.perTenant.delay(tenantId), this.perConversation.delay(key));
      if (wait <= 0) break;
      await new Promise((r) => setTimeout(r, wait));
    }
    this.perTenant.record(tenantId);
    this.perConversation.record(key);
  }

  private async deliver(item: OutboxItem): Promise<void> {
    try {
      const target = await this.resolve(item);
      if (!target) {
        this.stats.failed++;
        return void (await this.domain.outbox.markFinal(item, 'failed', 'no conversation to deliver to (bot not installed there)'));
      }
      const card = notificationCard(this.links, this.feedbackCards, item.kind, item.data, target.locale);
      await this.pace(item.tenantId, target.pacingKey);
      const activityId = await this.send(target.reference, { type: 'message', attachments: [card] });
      await this.domain.outbox.markSent(item, target.record ? activityId : undefined, target.record ? target.reference.conversation?.id : undefined);
      this.stats.sent++;
    } catch (err) {
      await this.failed(item, err);
    }
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
  private async send(reference: Partial<ConversationReference>, activity: Record<string, unknown>): Promise<string | undefined> {
    let sentId: string | undefined;
    let error: unknown;
    await this.adapter.continueConversationAsync(this.opts.appId, reference, async (context) => {
      // The SDK would retry throttled sends by itself, unpaced and invisible to the outbox; here
      // the outbox owns retries (paced, Retry-After honoured, recorded), so that policy goes.
      const connector = context.turnState.get(this.adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(p: { name: string }): void } } } | undefined;
      connector?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
      try {
        sentId = (await context.sendActivity(activity))?.id;
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
      const team = await this.domain.directory.team(tenantId, target.teamId).catch(() => undefined);
      return team?.conversationReference
        ? { reference: team.conversationReference as Partial<ConversationReference>, pacingKey: `team:${team.id}`, record: true, locale: localeOf(team.locale) }
        : undefined;
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
    return reference ? { reference, pacingKey: `user:${userId}`, record, locale: localeOf(member.locale) } : undefined;
  }

  /** Opens a 1:1 chat with a member through a conversation the bot shares with them. */
  private async openPersonalChat(member: Member): Promise<Partial<ConversationReference> | undefined> {
    if (!member.teamsUserId) return undefined;
    let via: Partial<ConversationReference> | undefined;
    for (const teamId of member.teamIds) {
      const team: Team | undefined = await this.domain.directory.team(member.tenantId, teamId).catch(() => undefined);
      if (team?.conversationReference) {
        via = team.conversationReference as Partial<ConversationReference>;
        break;
      }
    }
    if (!via?.serviceUrl || !via.bot) return undefined;
    let reference: Partial<ConversationReference> | undefined;
    await this.pace(member.tenantId, `create:${member.userId}`);
    await this.adapter.createConversationAsync(
      this.opts.appId,
      'msteams',
      via.serviceUrl,
      '',
      { isGroup: false, bot: via.bot, members: [{ id: member.teamsUserId, name: member.name }], tenantId: member.tenantId, channelData: { tenant: { id: member.tenantId } } } as never,
      async (context) => {
        reference = TurnContext.getConversationReference(context.activity);
      },
    );
    if (reference) {
      await this.domain.directory.updateMember(member.tenantId, member.userId, (m) => ({ ...m, personalConversation: reference as Record<string, unknown> }));
    }
    return reference;
  }
}
