import { SlidingWindowLimiter, type Window } from './pacing';

/**
 * The tenant's requests as they actually leave, each counted from its start until its answer
 * (pacing.ts `begin`): a claimed, ready message waits here for room in the tenant's window at the
 * moment of sending. The turn that handed it out counts it earlier (when claiming and looking up
 * its conversation begin, which take a varying time), and Teams counts arrivals.
 */
export class SendGate {
  private readonly sends: SlidingWindowLimiter;

  constructor(
    windows: Window[],
    private readonly now: () => number,
    private readonly stopped: () => boolean,
  ) {
    // No margin: counting until the answer covers any delay on the way; a margin would only
    // leave part of the budget unused.
    this.sends = new SlidingWindowLimiter(windows, now, 0);
  }

  /**
   * Waits until the tenant's window has room. Returns 0 when the request may go now, else how long
   * it would still have to wait: when `keepWaiting` says no more (the claim or the lease runs
   * out), the sender stops, or time does not move (a test's clock).
   */
  async room(tenantId: string, keepWaiting: () => boolean): Promise<number> {
    let wait = this.sends.delay(tenantId);
    while (wait > 0 && !this.stopped()) {
      const before = this.now();
      await new Promise((r) => setTimeout(r, Math.min(wait, 50)));
      if (this.now() <= before || !keepWaiting()) break;
      wait = this.sends.delay(tenantId);
    }
    return wait > 0 ? Math.max(this.sends.delay(tenantId), 1) : 0;
  }

  /** A request to the tenant, counted in its window from its start until its answer. */
  async paced<T>(tenantId: string, request: () => Promise<T>): Promise<T> {
    const done = this.sends.begin(tenantId);
    try {
      return await request();
    } finally {
      done();
    }
  }

  /** Send times of the tenant's last window (handed to the next lease holder)… */
  recent(tenantId: string): number[] {
    return this.sends.recent(tenantId);
  }

  /** …and those a previous holder handed over. */
  seed(tenantId: string, times: number[]): void {
    this.sends.seed(tenantId, times);
  }
}
