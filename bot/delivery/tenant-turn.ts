import type { Domain } from '../../domain';
import type { OutboxItem } from '../../domain/outbox';
import type { DeliveryStats } from './stats';
import type { MessageDelivery } from './message-delivery';
import type { NextLook } from './next-look';
import type { SlidingWindowLimiter } from './pacing';
import { pool } from './pool';
import { conversationKey, interleave } from './rounds';
import type { SendGate } from './send-gate';
import type { TenantLeases } from './tenant-leases';

/**
 * How long before its slot in the tenant's window a message may be claimed and made ready: it
 * then waits for the slot (send-gate.ts), so the window never idles while the next second's
 * messages are fetched, claimed and looked up.
 */
const HANDOUT_LEAD_MS = 250;

/** The per-tenant windows a turn hands messages out against (each counts a send when handed out). */
export interface TurnWindows {
  perConversation: SlidingWindowLimiter;
  /** The Bot Connector's window for the tenant, counted at each message's slot. */
  perTenant: SlidingWindowLimiter;
  /** Activity feed notices go through Graph: their own per-tenant window. */
  graphPerTenant: SlidingWindowLimiter;
}

/**
 * One tenant's turn in a pass, under its sending lease: its due messages, one conversation at a
 * time in rotation (rounds.ts), handed out while the tenant's window has room. A message whose
 * conversation window is full is deferred (with every later one of that conversation, spread
 * over the slots the window will free); when the tenant's own window is full, the turn ends and
 * the rest stays due.
 */
export class TenantTurn {
  constructor(
    private readonly deps: {
      domain: Domain;
      /** Messages one tenant may send per turn before the next tenant goes. */
      share: number;
      concurrency: number;
      leases: TenantLeases;
      windows: TurnWindows;
      gate: SendGate;
      messages: MessageDelivery;
      stats: DeliveryStats;
      next: NextLook;
      stopped: () => boolean;
    },
  ) {}

  /**
   * `handled`: messages sent or deferred. `more`: there may be more to send now (the share was
   * used, or a backlog was moved out of the way).
   */
  async run(tenantId: string): Promise<{ handled: number; more: boolean }> {
    const { domain, share, leases, messages, stats, next, stopped } = this.deps;
    const { perConversation, perTenant, graphPerTenant } = this.deps.windows;
    // Another sender holds the tenant: nothing to do here until its lease could end.
    const othersHold = leases.othersHoldFor(tenantId);
    if (othersHold > 0) {
      next.dueAgainIn(tenantId, othersHold);
      return { handled: 0, more: false };
    }
    const due = await domain.outbox.due(tenantId, share * 4);
    if (!due.length) return { handled: 0, more: false };
    if (!(await this.holdLease(tenantId))) return { handled: 0, more: false };
    const sending = pool(this.deps.concurrency);
    const held = new Map<string, OutboxItem[]>();
    let sent = 0;
    let full = false;
    for (const item of interleave(due)) {
      if (stopped()) break;
      // A feed notice is a Graph call, not a message in a conversation: Graph's tenant window alone.
      const feed = item.channel === 'feed';
      const key = conversationKey(item.target);
      const waiting = feed ? undefined : held.get(key);
      if (waiting) {
        waiting.push(item);
        continue;
      }
      if (full || sent >= share) continue;
      if (!leases.mayStillSend(tenantId)) {
        // The lease is running out: renew it on the next look before sending more.
        full = true;
        next.dueAgainIn(tenantId, 0);
        continue;
      }
      if (!feed && perConversation.delay(key) > 0) {
        held.set(key, [item]);
        continue;
      }
      const tenantWait = (feed ? graphPerTenant : perTenant).delay(tenantId);
      if (feed && tenantWait > 0) {
        next.dueAgainIn(tenantId, tenantWait);
        if (await domain.outbox.defer(item, new Date(domain.clock.now().getTime() + tenantWait))) stats.deferred++;
        continue;
      }
      // Handed out ahead of its slot, not earlier than HANDOUT_LEAD_MS before it.
      if (!feed && tenantWait > HANDOUT_LEAD_MS) {
        full = true;
        next.dueAgainIn(tenantId, tenantWait - HANDOUT_LEAD_MS);
        continue;
      }
      // Counted at the slot it will use, not now: hand-outs keep one lead, never drift ahead.
      const slot = domain.clock.now().getTime() + tenantWait;
      if (feed) graphPerTenant.record(tenantId);
      else {
        perTenant.recordAt(tenantId, slot);
        perConversation.recordAt(key, slot);
      }
      sent++;
      await sending.run(async () => {
        // Refused without being posted: its places are free for the next messages (it is retried later).
        if ((await messages.claimAndDeliver(item)) === 'unposted' && !feed) {
          perTenant.forget(tenantId, slot);
          perConversation.forget(key, slot);
        }
      });
    }
    await sending.idle();
    if (!full && sent >= share) {
      // The share filled the tenant's window: look again when the next slots come near, not now.
      const wait = perTenant.delay(tenantId);
      if (wait > HANDOUT_LEAD_MS) {
        full = true;
        next.dueAgainIn(tenantId, wait - HANDOUT_LEAD_MS);
      }
    }
    let deferred = 0;
    for (const [key, items] of held) {
      const slots = perConversation.plan(key, items.length);
      next.dueAgainIn(tenantId, slots[0] - domain.clock.now().getTime());
      for (let i = 0; i < items.length; i++) if (await domain.outbox.defer(items[i], new Date(slots[i]))) deferred++;
    }
    stats.deferred += deferred;
    // Held-back messages now wait in the future: another look may find other conversations' messages.
    return { handled: sent + deferred, more: !full && (sent >= share || deferred > 0) };
  }

  /** Takes or renews the tenant's sending lease; false (and when to look again) if another sender has it. */
  private async holdLease(tenantId: string): Promise<boolean> {
    const turn = await this.deps.leases.take(tenantId);
    if (!turn.held) {
      this.deps.next.dueAgainIn(tenantId, turn.askAgainInMs);
      return false;
    }
    if (turn.inherited.length) {
      // What the previous holder sent in its last second still counts against the tenant.
      this.deps.windows.perTenant.seed(tenantId, turn.inherited);
      this.deps.gate.seed(tenantId, turn.inherited);
    }
    return true;
  }
}
