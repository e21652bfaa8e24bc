import { createHash } from 'node:crypto';
import type { Store } from '../ports/store';
import type { Clock } from '../shared/clock';
import type { Directory } from '../directory/directory';
import { invalid, notFound, problem } from '../shared/errors';
import type { Caller } from '../shared/caller';
import type { Celebration } from './model';
import type { Pilot } from '../pilots/model';
import type { Round } from '../checkins/model';
import type { Outbox } from '../outbox/outbox';
import { CelebrationRepository } from './repository';
import type { KudosInput } from './schemas';
import { NO_LIMITS, spendNotify, type RateLimits } from '../shared/rate-limits';

/**
 * Celebrations: milestones the data shows (first round, full-participation streaks, rising
 * confidence, a success measure met, a pilot adopted) and kudos people give each other. Each is
 * recorded once under a key derived from what it celebrates, so retries never repeat it.
 */
const STREAK = 3;

export class Celebrations {
  private readonly repo: CelebrationRepository;

  constructor(
    store: Store,
    private readonly directory: Directory,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly limits: RateLimits = NO_LIMITS,
  ) {
    this.repo = new CelebrationRepository(store);
  }

  /** Records a celebration once; `deliver` queues its card (false when the caller posts it). */
  private async record(
    pilotOrTeam: { tenantId: string },
    key: string,
    c: Omit<Celebration, 'id' | 'tenantId' | 'type' | 'createdAt'>,
    deliver = true,
  ): Promise<Celebration | undefined> {
    const id = `celebration:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
    const { doc, created } = await this.repo.addOnce({
      ...c,
      id,
      tenantId: pilotOrTeam.tenantId,
      type: 'celebration',
      createdAt: this.clock.now().toISOString(),
    });
    if (!created) return undefined;
    if (!deliver) return doc;
    const target = c.visibility === 'team' && c.teamId ? ({ kind: 'team', teamId: c.teamId } as const) : ({ kind: 'user', userId: c.toId! } as const);
    await this.outbox.enqueue(doc.tenantId, `celebrate:${id}`, 'celebration', target, { celebrationId: id, kind: c.kind, params: c.params, pilotId: c.pilotId });
    return doc;
  }

  /**
   * A pilot's milestones are posted to its team (a circle's rhythm: to the circle), and only
   * there: a pilot whose team is no longer a team is celebrated nowhere.
   */
  private async hasTeam(pilot: Pilot): Promise<boolean> {
    return !!(await this.directory.pilotTeam(pilot.tenantId, pilot));
  }

  /** Milestones visible once a round has closed and its figures are on the pilot. */
  async afterRound(pilot: Pilot, round: Round): Promise<void> {
    if (!(await this.hasTeam(pilot))) return;
    const figures = pilot.roundFigures ?? [];
    const base = { pilotId: pilot.id, teamId: pilot.teamId, visibility: 'team' as const };
    if (round.number === 1 && (figures[figures.length - 1]?.answered ?? 0) > 0) {
      await this.record(pilot, `first:${pilot.id}`, { ...base, kind: 'first_round', params: { title: pilot.title } });
    }
    const last = figures.slice(-STREAK);
    if (last.length === STREAK && last.every((f) => f.invited > 0 && f.answered === f.invited)) {
      // One streak celebration per run of full rounds: keyed by the round that completed it.
      await this.record(pilot, `streak:${pilot.id}:${Math.floor(figures.length / STREAK)}`, { ...base, kind: 'streak', params: { count: STREAK, title: pilot.title } });
    }
    const conf = last.map((f) => f.confidence);
    if (conf.length === STREAK && conf.every((c): c is number => c !== null) && conf[0] < conf[1] && conf[1] < conf[2]) {
      await this.record(pilot, `rising:${pilot.id}:${round.id}`, { ...base, kind: 'confidence_rising', params: { title: pilot.title, trend: conf } });
    }
  }

  async pilotAdopted(pilot: Pilot): Promise<void> {
    if (!(await this.hasTeam(pilot))) return;
    await this.record(pilot, `adopted:${pilot.id}`, { kind: 'adopted', pilotId: pilot.id, teamId: pilot.teamId, visibility: 'team', params: { title: pilot.title } });
  }

  async measureMet(pilot: Pilot, index: number): Promise<void> {
    const measure = pilot.successMeasures[index];
    if (!measure || !(await this.hasTeam(pilot))) return;
    await this.record(pilot, `measure:${pilot.id}:${index}`, { kind: 'measure_met', pilotId: pilot.id, teamId: pilot.teamId, visibility: 'team', params: { title: pilot.title, measure } });
  }

  /**
   * Kudos from one person to another, public in a team or private. Someone who opted out of
   * public celebration gets theirs privately, and the giver is told.
   */
  async kudos(caller: Caller, input: KudosInput, opts: { postedByCaller?: boolean } = {}): Promise<{ celebration?: Celebration; visibility: 'team' | 'private'; recipientName: string; duplicate: boolean }> {
    if (input.toUserId === caller.userId) throw invalid([problem('toUserId', 'not_yourself')], 'kudos.self');
    const recipient = await this.directory.member(caller.tenantId, input.toUserId);
    if (!recipient) throw notFound('person');
    spendNotify(this.limits, caller);
    let visibility = input.visibility;
    if (visibility === 'team') {
      const team = input.teamId ? await this.directory.findTeam(caller.tenantId, input.teamId) : undefined;
      const inTeam = (t?: { memberIds: string[]; managerId?: string }) => !!t && (t.memberIds.includes(recipient.userId) || t.managerId === recipient.userId) && (t.memberIds.includes(caller.userId) || t.managerId === caller.userId);
      if (!inTeam(team) || recipient.optOutPublicCelebration) visibility = 'private';
    }
    const key = `kudos:${caller.userId}:${input.requestId ?? `${input.toUserId}:${this.clock.now().toISOString()}`}`;
    const celebration = await this.record(
      { tenantId: caller.tenantId },
      key,
      { kind: 'kudos', fromId: caller.userId, toId: recipient.userId, teamId: visibility === 'team' ? input.teamId : undefined, visibility, params: { from: caller.name, to: recipient.name, message: input.message } },
      !(visibility === 'team' && opts.postedByCaller),
    );
    return { celebration, visibility, recipientName: recipient.name, duplicate: !celebration };
  }

  /**
   * A milestone of another feature (a community project done, a development path's readiness
   * review), recorded once under `key` and delivered like any celebration: to `teamId` (a team or
   * circle conversation) when the visibility is team, else privately to `toId`.
   */
  async recognise(tenantId: string, key: string, c: Omit<Celebration, 'id' | 'tenantId' | 'type' | 'createdAt'>): Promise<Celebration | undefined> {
    return this.record({ tenantId }, key, c);
  }

  async setOptOut(caller: Caller, optOut: boolean): Promise<void> {
    await this.directory.updateMember(caller.tenantId, caller.userId, (m) => ({ ...m, optOutPublicCelebration: optOut }));
  }
}
