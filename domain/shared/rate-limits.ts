import { DomainError } from './errors';

/**
 * Per-user token buckets: a burst is fine, a flood is not. The API edge limits requests; the
 * domain limits feedback items, whichever surface (tab, bot, message extension) they come from. Kept on the app instance (not in a
 * module global); with several instances each enforces its share, which is enough to stop abuse.
 */
export interface Policy {
  capacity: number; // burst size
  perSecond: number; // refill rate
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimits {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly policies: Record<string, Policy>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key` under `policy`, or throws a 429 saying when to retry. */
  consume(policy: string, key: string): void {
    const p = this.policies[policy];
    if (!p) return;
    const id = `${policy}|${key}`;
    const t = this.now();
    const b = this.buckets.get(id) ?? { tokens: p.capacity, at: t };
    b.tokens = Math.min(p.capacity, b.tokens + ((t - b.at) / 1000) * p.perSecond);
    b.at = t;
    if (b.tokens < 1) {
      this.buckets.set(id, b);
      const wait = Math.ceil((1 - b.tokens) / p.perSecond);
      throw new DomainError('rate_limited', 'rate_limited', { seconds: wait }, [], wait);
    }
    b.tokens -= 1;
    this.buckets.set(id, b);
    if (this.buckets.size > 50_000) this.sweep(t);
  }

  /** Drops buckets that have refilled completely: they hold no information. */
  private sweep(t: number): void {
    for (const [id, b] of this.buckets) {
      const p = this.policies[id.split('|')[0]];
      if (p && b.tokens + ((t - b.at) / 1000) * p.perSecond >= p.capacity) this.buckets.delete(id);
    }
  }
}

/**
 * One action that messages other people (kudos, a question, a note, a nomination…), by `who`:
 * spent from their `notify` budget, whichever surface it came from. Called before anything is
 * written, so a refused action does nothing.
 */
export function spendNotify(limits: RateLimits, who: { tenantId: string; userId: string }): void {
  limits.consume('notify', `${who.tenantId}|${who.userId}`);
}

/** Unlimited, for domains built without limits (benchmarks, unit tests). */
export const NO_LIMITS = new RateLimits({});
