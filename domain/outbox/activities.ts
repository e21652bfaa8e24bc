import type { Store } from '../ports/store';
import type { Clock } from '../shared/clock';
import { OutboxRepository } from './repository';

/**
 * Teams retries deliveries it thinks failed. Each incoming activity id is recorded once; a
 * second delivery of the same id is acknowledged without doing the work again.
 */
export class ProcessedActivities {
  private readonly repo: OutboxRepository;

  constructor(
    store: Store,
    private readonly clock: Clock,
  ) {
    this.repo = new OutboxRepository(store);
  }

  /** True the first time an activity id is seen in this tenant. */
  firstSight(tenantId: string, activityId: string): Promise<boolean> {
    return this.repo.markActivityHandled(tenantId, activityId, this.clock.now().toISOString());
  }

  /** The work failed: forget the id so Teams' retry can do it. */
  async forget(tenantId: string, activityId: string): Promise<void> {
    await this.repo.forgetActivity(tenantId, activityId);
  }
}
