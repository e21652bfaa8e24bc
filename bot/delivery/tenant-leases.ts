import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Domain } from '../../domain';
import { STOP_BEFORE_MS } from '../../domain/outbox';
import type { Log } from '../../platform/log';

/** The answer to "may this sender spend the tenant's budget now?". */
export type Turn = { held: true; inherited: number[] } | { held: false; askAgainInMs: number };

/**
 * The tenants' sending leases as one sender sees them (domain/outbox/sending-lease.ts): which it
 * holds and until when, which another sender held when last asked (not asked again for up to a
 * second, so a sender does not query another's tenant on every pass), and whether there is still
 * time to send under a lease.
 */
export class TenantLeases {
  /** Held by this sender, until (clock ms). */
  private readonly held = new Map<string, number>();
  /** Held by another sender when last asked: not asked again before (clock ms). */
  private readonly others = new Map<string, number>();
  readonly holder: string;

  constructor(
    private readonly domain: Domain,
    private readonly log: Log,
    holder?: string,
  ) {
    this.holder = holder ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  }

  private now(): number {
    return this.domain.clock.now().getTime();
  }

  /** Ms until another sender's hold on the tenant may have ended (0: ask). */
  othersHoldFor(tenantId: string): number {
    return Math.max(0, (this.others.get(tenantId) ?? 0) - this.now());
  }

  /** Takes or renews the tenant's lease; `inherited`: send times a clean previous holder left. */
  async take(tenantId: string): Promise<Turn> {
    const lease = await this.domain.outbox.leases.take(tenantId, this.holder);
    if (!lease.held) {
      this.held.delete(tenantId);
      // Asked again within a second at most: a holder that stops cleanly is followed within one.
      const until = Math.min(lease.until, this.now() + 1_000);
      this.others.set(tenantId, until);
      return { held: false, askAgainInMs: until - this.now() };
    }
    this.others.delete(tenantId);
    this.held.set(tenantId, lease.until);
    return { held: true, inherited: lease.inherited };
  }

  /** Sends for a tenant stop well before its lease ends, so the next holder starts on an empty window. */
  mayStillSend(tenantId: string): boolean {
    return (this.held.get(tenantId) ?? 0) - this.now() > STOP_BEFORE_MS;
  }

  /** Gives every lease back with what was sent in its last second (`recent`), for the next holder. */
  async releaseAll(recent: (tenantId: string) => number[]): Promise<void> {
    for (const tenantId of this.held.keys()) {
      await this.domain.outbox.leases.release(tenantId, this.holder, recent(tenantId)).catch((err) => this.log.warn({ err: String(err) }, 'sending lease not released'));
    }
    this.held.clear();
  }
}
