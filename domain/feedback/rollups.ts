import { daysBetween, isReleased } from '../anonymity/rules';
import { isoDay, type Clock } from '../shared/clock';
import { withFeedbackRollup } from '../pilots/health';
import type { PilotHealth } from '../pilots/model';
import type { FeedbackItem } from './model';
import type { FeedbackRepository } from './repository';

export { withFeedbackRollup };

/**
 * A pilot's health with its open feedback: named items at once, anonymous ones once released.
 * The named part is kept apart, so disclosure can show only it where anonymous counts may not be.
 */
export function feedbackHealth(health: PilotHealth, open: Pick<FeedbackItem, 'anonymous' | 'createdWeek'>[], now: Date): PilotHealth {
  const counted = open.filter((r) => !r.anonymous || isReleased(r.createdWeek, now));
  const today = isoDay(now);
  const oldest = (rows: typeof counted) => rows.reduce((m, r) => Math.max(m, daysBetween(r.createdWeek, today)), 0);
  const named = counted.filter((r) => !r.anonymous);
  return { ...withFeedbackRollup(health, counted.length, oldest(counted)), namedFeedback: { open: named.length, oldestDays: oldest(named) } };
}

/** Keeps pilot.health.openFeedback current: named items at once, anonymous ones once released. */
export class PilotRollups {
  constructor(
    private readonly repo: FeedbackRepository,
    private readonly clock: Clock,
  ) {}

  async refresh(tenantId: string, pilotId: string): Promise<void> {
    const rows = await this.repo.openOnPilot(tenantId, pilotId);
    const now = this.clock.now();
    await this.repo.updatePilot(tenantId, pilotId, (p) => {
      const health = feedbackHealth(p.health, rows, now);
      return JSON.stringify(health) === JSON.stringify(p.health) ? undefined : { ...p, health };
    });
  }
}
