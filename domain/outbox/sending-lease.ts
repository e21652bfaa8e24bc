import { SENDING_LEASE_ID, type SendingLease } from './model';
import type { Clock } from '../shared/clock';
import type { OutboxRepository } from './repository';

/**
 * One sender per tenant at a time. Teams' per-tenant budget (50 requests/s per app) is shared by
 * every instance of the app, and pacing windows live in each sender's memory: so a sender spends
 * a tenant's budget only while it holds the tenant's sending lease, a document in the outbox
 * container taken and renewed with its ETag (two instances can never both win it).
 *
 * Hand-over: a sender stops sending `STOP_BEFORE_MS` before its lease ends, longer than the
 * tenant window, so whoever takes an expired lease (its holder crashed) starts with an empty
 * window. A sender that stops cleanly gives the lease back with its recent send times, and the
 * next holder counts them in its window and can start at once.
 */
export const SENDING_LEASE_MS = 4_000;
/** Renewed once this much of it is gone (one write a second per tenant while it sends): it never
 * gets near STOP_BEFORE_MS while its holder lives, and a crashed holder's tenant waits at most
 * SENDING_LEASE_MS for the next. */
export const RENEW_AFTER_MS = 1_000;
/** Longer than the tenant window (1 s) plus network jitter. */
export const STOP_BEFORE_MS = 1_500;

export type LeaseAnswer =
  /** Ours until `until` (ms); `inherited`: send times the previous holder left. */
  | { held: true; until: number; inherited: number[] }
  /** Someone else's until `until` (ms): come back then. */
  | { held: false; until: number };

export class SendingLeases {
  constructor(
    private readonly repo: OutboxRepository,
    private readonly clock: Clock,
  ) {}

  /** Takes, keeps or renews the tenant's lease for `holder`. */
  async take(tenantId: string, holder: string): Promise<LeaseAnswer> {
    const now = this.clock.now().getTime();
    const current = await this.repo.sendingLease(tenantId);
    const until = now + SENDING_LEASE_MS;
    const next: SendingLease = { id: SENDING_LEASE_ID, tenantId, type: 'sending-lease', holder, until: new Date(until).toISOString(), recent: [] };
    if (!current) {
      return (await this.repo.createSendingLease(next)) ? { held: true, until, inherited: [] } : { held: false, until: now + 250 };
    }
    const currentUntil = Date.parse(current.until);
    if (current.holder !== holder && currentUntil > now) return { held: false, until: currentUntil };
    if (current.holder === holder && currentUntil - now > SENDING_LEASE_MS - RENEW_AFTER_MS) return { held: true, until: currentUntil, inherited: [] };
    const inherited = current.holder === holder ? [] : current.recent.filter((t) => t > now - 2_000);
    const saved = await this.repo.replaceSendingLease(next, current._etag ?? '');
    return saved ? { held: true, until, inherited } : { held: false, until: now + 250 };
  }

  /** Gives the lease back (a clean stop) with the send times of the last second. */
  async release(tenantId: string, holder: string, recent: number[]): Promise<void> {
    const current = await this.repo.sendingLease(tenantId);
    if (!current || current.holder !== holder) return;
    await this.repo.replaceSendingLease({ ...current, until: new Date(this.clock.now().getTime()).toISOString(), recent }, current._etag ?? '');
  }
}
