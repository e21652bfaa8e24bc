import { refusedUnposted } from './failed-sends';
import { SlidingWindowLimiter, type Window } from './pacing';

/** The tenant's window had no room for a request on the way to a message (SendGate.paced). */
export class NoRoom extends Error {
  constructor(readonly wait: number) {
    super(`no room in the tenant's window for ${wait} ms`);
  }
}

/** A place in the tenant's window, taken; call it when the request's answer has arrived (`posted: false`: it posted nothing, the place is free again). */
export type Slot = (posted?: boolean) => void;
export type Room = { slot: Slot; wait?: undefined } | { wait: number; slot?: undefined };

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
   * Waits until the tenant's window has room and takes it: the slot is counted in the same step as
   * the check that found it free, so messages that become ready together (their store calls
   * answered by one bulk call) cannot all see the same last free slot. `send` the request in it at
   * once. When `keepWaiting` says no more (the claim or the lease runs out), the sender stops, or
   * time does not move (a test's clock): how long it would still have to wait.
   */
  async room(tenantId: string, keepWaiting: () => boolean): Promise<Room> {
    let wait = this.sends.delay(tenantId);
    while (wait > 0 && !this.stopped()) {
      const before = this.now();
      await new Promise((r) => setTimeout(r, Math.min(wait, 50)));
      if (this.now() <= before || !keepWaiting()) break;
      wait = this.sends.delay(tenantId);
    }
    if (wait > 0) return { wait: Math.max(this.sends.delay(tenantId), 1) };
    return { slot: this.sends.begin(tenantId) };
  }

  /** A request sent in a slot `room` gave: counted from then until its answer. */
  async send<T>(slot: Slot, request: () => Promise<T>): Promise<T> {
    try {
      const answer = await request();
      slot();
      return answer;
    } catch (err) {
      slot(!refusedUnposted(err));
      throw err;
    }
  }

  /**
   * A request on the way to a message (opening a 1:1 chat): it waits for room like the message
   * and is counted the same way; without room, NoRoom says how long to wait and the message goes
   * back to the outbox until then.
   */
  async paced<T>(tenantId: string, keepWaiting: () => boolean, request: () => Promise<T>): Promise<T> {
    const { slot, wait } = await this.room(tenantId, keepWaiting);
    if (!slot) throw new NoRoom(wait);
    return this.send(slot, request);
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
