import { daysBetween, isReleased } from '../anonymity/rules';
import { isoDay, type Clock } from '../shared/clock';
import { levelOf, neglectedFeedbackSignal } from '../pilots/health';
import type { PilotHealth, Signal } from '../pilots/model';
import type { FeedbackRepository } from './repository';

/** The feedback part of a pilot's health: open items, the neglected-feedback signal and the level. */
export function withFeedbackRollup(health: PilotHealth, openFeedback: number, oldestDays: number): PilotHealth {
  const signals: Signal[] = health.signals.filter((s) => s.kind !== 'neglected_feedback');
  const neglected = neglectedFeedbackSignal(openFeedback, oldestDays);
  if (neglected) signals.push(neglected);
  return { ...health, openFeedback, signals, level: levelOf(health.rounds, signals, health.confidence) };
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
    const counted = rows.filter((r) => !r.anonymous || isReleased(r.createdWeek, now));
    const today = isoDay(now);
    const oldestDays = counted.reduce((m, r) => Math.max(m, daysBetween(r.createdWeek, today)), 0);
    await this.repo.updatePilot(tenantId, pilotId, (p) => {
      const health = withFeedbackRollup(p.health, counted.length, oldestDays);
      return JSON.stringify(health) === JSON.stringify(p.health) ? undefined : { ...p, health };
    });
  }
}
