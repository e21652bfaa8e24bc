import type { NewDoc, Store } from '../ports/store';
import type { PilotOverride } from '../pilots/model';
import type { PulseAnswer, PulsePeriod } from './model';

export const periodId = (period: string) => `pulse:${period}`;
export const pulseAnswerId = (period: string, userId: string) => `pulse-answer:${period}:${userId}`;

/** What the pulse reads of a pilot: its owner, whether it runs, and who else changed it. */
export interface PilotLoad {
  managerId: string;
  status: string;
  overrides?: PilotOverride[];
}

/** What the pulse reads of a feedback item its owner answers for (weeks only, never who wrote it). */
export interface OwnedItem {
  ownerId: string;
  state: string;
  createdWeek: string;
  acknowledgedWeek?: string;
  closedWeek?: string;
  replies?: { kind?: string; week: string; from: string }[];
}

/**
 * Every query and write of the managers' pulse: its periods and answers (the `checkins`
 * container), and the rollups it reads from pilots, rounds and feedback to know managers' load.
 */
export class PulseRepository {
  constructor(private readonly store: Store) {}

  async period(tenantId: string, period: string): Promise<PulsePeriod | undefined> {
    const doc = await this.store.read<PulsePeriod>('checkins', tenantId, periodId(period));
    return doc?.type === 'pulse' ? doc : undefined;
  }

  addPeriodOnce(doc: NewDoc<PulsePeriod>): Promise<{ doc: PulsePeriod; created: boolean }> {
    return this.store.createOnce<PulsePeriod>('checkins', doc);
  }

  updatePeriod(tenantId: string, period: string, mutate: (p: PulsePeriod) => PulsePeriod | undefined): Promise<PulsePeriod | undefined> {
    return this.store.update<PulsePeriod>('checkins', tenantId, periodId(period), mutate);
  }

  openPeriods(tenantId: string): Promise<PulsePeriod[]> {
    return this.store.all<PulsePeriod>('checkins', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'pulse' AND c.status = 'open'");
  }

  /** Closed pulses since `from` (a period's Monday), oldest first: the rollups leader views read. */
  closedPeriods(tenantId: string, from: string): Promise<PulsePeriod[]> {
    return this.store.all<PulsePeriod>(
      'checkins',
      tenantId,
      "SELECT c.id, c.tenantId, c.type, c.period, c.ends, c.status, c.groups FROM c WHERE c.tenantId = @tenantId AND c.type = 'pulse' AND c.status = 'closed' AND c.period >= @from ORDER BY c.period",
      { from },
    );
  }

  answer(tenantId: string, period: string, userId: string): Promise<PulseAnswer | undefined> {
    return this.store.read<PulseAnswer>('checkins', tenantId, pulseAnswerId(period, userId));
  }

  /** Writes (or overwrites, while the pulse is open) a manager's answer: its own document. */
  saveAnswer(answer: NewDoc<PulseAnswer>): Promise<PulseAnswer> {
    return this.store.upsert<PulseAnswer>('checkins', answer);
  }

  answersTo(tenantId: string, period: string): Promise<PulseAnswer[]> {
    return this.store.all<PulseAnswer>('checkins', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'pulse_answer' AND c.period = @period", { period });
  }

  async answeredBy(tenantId: string, period: string): Promise<string[]> {
    const rows = await this.store.all<{ userId: string }>('checkins', tenantId, "SELECT c.userId FROM c WHERE c.tenantId = @tenantId AND c.type = 'pulse_answer' AND c.period = @period", { period });
    return rows.map((r) => r.userId);
  }

  /** A manager's own answers, newest first (their history). */
  answersOf(tenantId: string, userId: string, limit = 26): Promise<PulseAnswer[]> {
    return this.store.all<PulseAnswer>(
      'checkins',
      tenantId,
      `SELECT TOP ${Math.max(1, Math.min(100, limit))} * FROM c WHERE c.tenantId = @tenantId AND c.type = 'pulse_answer' AND c.userId = @userId ORDER BY c.period DESC`,
      { userId },
    );
  }

  /** Team pilots that are not finished (drafts and running ones), with their overrides. */
  pilotLoads(tenantId: string): Promise<PilotLoad[]> {
    return this.store.all<PilotLoad>(
      'pilots',
      tenantId,
      "SELECT c.managerId, c.status, c.overrides FROM c WHERE c.tenantId = @tenantId AND c.type = 'pilot' AND NOT IS_DEFINED(c.circleId) AND c.status IN ('active', 'paused', 'in_review')",
    );
  }

  /** Team pilots changed by someone other than their owner (any status). */
  overriddenPilots(tenantId: string): Promise<PilotLoad[]> {
    return this.store.all<PilotLoad>('pilots', tenantId, "SELECT c.managerId, c.status, c.overrides FROM c WHERE c.tenantId = @tenantId AND c.type = 'pilot' AND IS_DEFINED(c.overrides)");
  }

  /** Who facilitates the rounds dated in [from, to). */
  async facilitators(tenantId: string, from: string, to: string): Promise<string[]> {
    const rows = await this.store.all<{ facilitatorId?: string }>(
      'checkins',
      tenantId,
      "SELECT c.facilitatorId FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.date >= @from AND c.date < @to",
      { from, to },
    );
    return rows.flatMap((r) => (r.facilitatorId ? [r.facilitatorId] : []));
  }

  /** Feedback items someone owns, written in [from, to) or still waiting on them. */
  ownedItems(tenantId: string, from: string, to: string): Promise<OwnedItem[]> {
    return this.store.all<OwnedItem>(
      'feedback',
      tenantId,
      "SELECT c.ownerId, c.state, c.createdWeek, c.acknowledgedWeek, c.closedWeek, c.replies FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback' AND IS_DEFINED(c.ownerId) AND c.createdWeek < @to AND (c.createdWeek >= @from OR c.state = 'open' OR c.state = 'acknowledged')",
      { from, to },
    );
  }
}
