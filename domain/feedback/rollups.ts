import { daysBetween, isReleased } from '../anonymity/rules';
import { isoDay, type Clock } from '../shared/clock';
import { withFeedbackRollup } from '../pilots/health';
import type { FeedbackRepository } from './repository';

export { withFeedbackRollup };

/** Keeps pilot.health.openFeedback current: named items at once, anonymous ones once released. */
export class PilotRollups {
  constructor(
    private readonly repo: FeedbackRepository,
    private readonly clock: Clock,
  ) {}

  async refresh(tenantId: string, pilotId: string): Promise<void> {
    const rows = await this.repo.openOnPilot(tenantId, pilotId);
    const now = this.clock.now();
    const counted = rows.filter((r) => !r.anonymous || isReleased(r.createdWeek, now));
    const today = isoDay(now);
    const oldest = (rows: typeof counted) => rows.reduce((m, r) => Math.max(m, daysBetween(r.createdWeek, today)), 0);
    const named = counted.filter((r) => !r.anonymous);
    await this.repo.updatePilot(tenantId, pilotId, (p) => {
      // The named part is kept apart: disclosure shows only it where anonymous counts may not be.
      const health = { ...withFeedbackRollup(p.health, counted.length, oldest(counted)), namedFeedback: { open: named.length, oldestDays: oldest(named) } };
      return JSON.stringify(health) === JSON.stringify(p.health) ? undefined : { ...p, health };
    });
  }
}
