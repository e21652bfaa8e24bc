/**
 * Sliding-window pacing under Teams' documented send limits (NOTES): per bot per conversation
 * 7 in 1 s, 8 in 2 s, 60 in 30 s, 1800 in an hour; per app per tenant 50 per second. A send goes
 * only when every window that applies has room (otherwise the message is deferred, see tenant-turn.ts),
 * so Teams rarely has to answer 429 at all.
 */
export interface Window {
  ms: number;
  max: number;
}

export const CONVERSATION_WINDOWS: Window[] = [
  { ms: 1000, max: 7 },
  { ms: 2000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1800 },
];
export const TENANT_WINDOWS: Window[] = [{ ms: 1000, max: 50 }];
/** How soon to look again when a window is full of sends still under way. */
const OPEN_POLL_MS = 5;

export class SlidingWindowLimiter {
  private readonly history = new Map<string, number[]>();
  /** Sends under way per key (begun, not yet answered): they count in every window. */
  private readonly open = new Map<string, number>();
  private readonly longest: number;

  /**
   * `marginMs` widens every window a little: requests leave here in order but reach Teams with
   * network jitter, and a window counted at the far end must never see one send too many.
   */
  constructor(
    windows: Window[],
    private readonly now: () => number = Date.now,
    marginMs = 25,
  ) {
    this.windows = windows.map((w) => ({ ms: w.ms + marginMs, max: w.max }));
    this.longest = Math.max(...this.windows.map((w) => w.ms));
  }

  private readonly windows: Window[];

  /** Milliseconds to wait before a send under `key` is allowed (0 = now). */
  delay(key: string): number {
    const t = this.now();
    const sent = (this.history.get(key) ?? []).filter((x) => x > t - this.longest);
    this.history.set(key, sent);
    const open = this.open.get(key) ?? 0;
    let wait = 0;
    for (const w of this.windows) {
      const inWindow = sent.filter((x) => x > t - w.ms);
      const count = inWindow.length + open;
      // Room comes when enough finished sends leave the window, or (all of it under way) an answer arrives.
      if (count >= w.max) wait = Math.max(wait, count - w.max < inWindow.length ? inWindow[count - w.max] + w.ms - t + 1 : OPEN_POLL_MS);
    }
    return wait;
  }

  /**
   * A send under `key` starts now; call the returned function when its answer has arrived. Until
   * then it counts in every window, and from then on as a send made at that moment: the far end
   * stamps a request somewhere between its start and its answer, so counted this way no window
   * the far end measures ever holds more than `max`, however late requests travel on a loaded
   * machine (counting sends as they start cannot promise that).
   */
  begin(key: string): (posted?: boolean) => void {
    this.open.set(key, (this.open.get(key) ?? 0) + 1);
    let done = false;
    return (posted = true) => {
      if (done) return;
      done = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
      if (posted) this.record(key);
    };
  }

  /**
   * When the next `n` sends under `key` may go, earliest first, if each slot is used in turn
   * (nothing is recorded). Deferred messages are spread over these slots, so a backlog waits
   * its turn once instead of being looked at again on every pass.
   */
  plan(key: string, n: number): number[] {
    const t = this.now();
    const sent = (this.history.get(key) ?? []).filter((x) => x > t - this.longest);
    const slots: number[] = [];
    let at = t;
    for (let i = 0; i < n; i++) {
      for (const w of this.windows) if (sent.length >= w.max) at = Math.max(at, sent[sent.length - w.max] + w.ms + 1);
      sent.push(at);
      slots.push(at);
    }
    return slots;
  }

  record(key: string): void {
    this.recordAt(key, this.now());
  }

  /** A send under `key` counted at `at` (a slot planned a moment ahead, or now); kept in order. */
  recordAt(key: string, at: number): void {
    const list = this.history.get(key) ?? [];
    let i = list.length;
    while (i > 0 && list[i - 1] > at) i--;
    list.splice(i, 0, at);
    this.history.set(key, list);
  }

  /** A send counted at `at` that posted nothing after all (see refusedUnposted): its place is free again. */
  forget(key: string, at: number): void {
    const list = this.history.get(key);
    const i = list?.lastIndexOf(at) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
  }

  /** Sends made elsewhere under `key` (a previous holder of the tenant's lease) count here too. */
  seed(key: string, times: number[]): void {
    const list = [...(this.history.get(key) ?? []), ...times].sort((a, b) => a - b);
    this.history.set(key, list);
  }

  /** Send times under `key` within the longest window (handed to the next holder). */
  recent(key: string): number[] {
    const cutoff = this.now() - this.longest;
    return (this.history.get(key) ?? []).filter((x) => x > cutoff);
  }

  /** Forgets idle keys so memory stays bounded during long fan-outs. */
  prune(): void {
    const cutoff = this.now() - this.longest;
    for (const [k, v] of this.history) if (!v.length || v[v.length - 1] <= cutoff) this.history.delete(k);
  }
}
