import type { Doc, Store } from '../ports/store';
import type { Clock } from '../shared/clock';

/**
 * Teams retries deliveries it thinks failed. Each incoming activity id is recorded once; a
 * second delivery of the same id is acknowledged without doing the work again.
 */
export class ProcessedActivities {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  private id(activityId: string) {
    return `activity:${activityId.slice(0, 200)}`;
  }

  /** True the first time an activity id is seen in this tenant. */
  async firstSight(tenantId: string, activityId: string): Promise<boolean> {
    const { created } = await this.store.createOnce<Doc & { at: string }>('outbox', {
      id: this.id(activityId),
      tenantId,
      type: 'processed-activity',
      at: this.clock.now().toISOString(),
    });
    return created;
  }

  /** The work failed: forget the id so Teams' retry can do it. */
  async forget(tenantId: string, activityId: string): Promise<void> {
    await this.store.delete('outbox', tenantId, this.id(activityId));
  }
}
