/**
 * When the delivery loop should look at the outbox again: the earliest moment something held
 * back in this pass (a deferred message, a full window, another sender's lease) may go. The loop
 * sleeps until then instead of its whole interval, and never needs to sleep inside a pass.
 */
export class NextLook {
  /** Clock ms; undefined when nothing in this pass asked to be looked at again. */
  private soonest?: number;
  /** The same per tenant: a pass that goes on (other tenants' backlogs) gives them their turn back. */
  private readonly tenants = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /** A new pass: only what it holds back counts. */
  reset(): void {
    this.soonest = undefined;
    this.tenants.clear();
  }

  /** Something of `tenantId` held back may go in `ms` (a moment in the past means now). */
  dueAgainIn(tenantId: string, ms: number): void {
    const at = this.now() + Math.max(0, ms);
    this.soonest = this.soonest === undefined ? at : Math.min(this.soonest, at);
    this.tenants.set(tenantId, Math.min(at, this.tenants.get(tenantId) ?? at));
  }

  /** Tenants whose held-back work may go now (each named once). */
  tenantsDue(): string[] {
    const now = this.now();
    const due = [...this.tenants].filter(([, at]) => at <= now).map(([tenantId]) => tenantId);
    for (const tenantId of due) this.tenants.delete(tenantId);
    return due;
  }

  /** Ms until the soonest look asked for (may be ≤ 0), or undefined. */
  wait(): number | undefined {
    return this.soonest === undefined ? undefined : this.soonest - this.now();
  }
}
