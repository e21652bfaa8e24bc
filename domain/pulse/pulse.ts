import { addWeeks, effectiveThreshold, type DisclosureLoader, type PulseCell } from '../anonymity';
import { validateAnswers } from '../checkins/answering';
import type { Directory } from '../directory/directory';
import type { Outbox } from '../outbox/outbox';
import type { Store } from '../ports/store';
import { hasRole, type Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { conflict, forbidden, notFound } from '../shared/errors';
import { eachIsolated, type Skipped } from '../shared/isolation';
import { zonedTime, outOfQuietHours } from '../shared/schedule';
import { weekOf } from '../anonymity/rules';
import { isReader, Managers, median } from './managers';
import { LOAD_KEYS, PULSE_EVERY_WEEKS, PULSE_QUESTIONS, type Load, type PulseAnswer, type PulsePeriod, type PulseSignal } from './model';
import { PulseRepository, pulseAnswerId } from './repository';
import { PulseScheduling, periodOf } from './scheduling';
import { groupFigures, pulseSignals, SIGNAL_PERIODS, THRESHOLDS, type GroupFigures } from './signals';

/** Leader views read this many closed pulses back. */
const VIEW_PERIODS = 12;
/** The weekly at-risk digest reaches senior leaders on Monday at this local time. */
const DIGEST_TIME = '09:00';

export interface MyPulse {
  /** Whether the caller is someone the pulse asks (a manager who is no senior leader or admin). */
  asked: boolean;
  /** The pulse open for them now, with their answer so far. */
  current: { period: string; closesAt: string; questions: typeof PULSE_QUESTIONS; values: PulseAnswer['values'] | null } | null;
  /** Their own answers, newest first. */
  history: { period: string; values: PulseAnswer['values'] }[];
  /** Their load now, and the organisation's median per manager (null below k managers). */
  load: { mine: Load; median: Load | null; managers: number };
  threshold: number;
}

export interface LeaderPulse {
  threshold: number;
  period: { from: string; to: string };
  groups: GroupFigures[];
  signals: PulseSignal[];
}

/** The managers' pulse: asking, answering, the manager's own view, and what senior leaders see. */
export class Pulse {
  private readonly repo: PulseRepository;
  private readonly managers: Managers;
  private readonly scheduling: PulseScheduling;

  constructor(
    store: Store,
    private readonly directory: Directory,
    private readonly outbox: Outbox,
    private readonly disclosures: DisclosureLoader,
    private readonly clock: Clock,
  ) {
    this.repo = new PulseRepository(store);
    this.managers = new Managers(this.repo, directory);
    this.scheduling = new PulseScheduling(this.repo, this.managers, directory, outbox, disclosures);
  }

  /** Managers and their org chains: the pulse's groups (the disclosure loader reads them). */
  managerPlaces(tenantId: string) {
    return this.managers.places(tenantId);
  }

  /** The tenant's threshold: how many managers a group needs before anything of it is shown. */
  async threshold(tenantId: string): Promise<number> {
    return effectiveThreshold((await this.directory.settings(tenantId)).anonymityThreshold);
  }

  /** One scheduler pass: open this period's pulse, ask, remind, close. */
  async tick(tenantId: string, skipped: Skipped[] = []): Promise<void> {
    const now = this.clock.now();
    await this.scheduling.openDue(tenantId, now);
    const open = await this.repo.openPeriods(tenantId);
    await eachIsolated(open, 'round', skipped, (p) => (now >= new Date(p.closesAt) ? this.scheduling.close(p, now) : this.scheduling.promptAndRemind(p, now)));
  }

  /** The pulse the caller was asked in, and their answer so far. */
  async formFor(caller: Caller, period: string): Promise<{ pulse: PulsePeriod; answer?: PulseAnswer; open: boolean }> {
    const pulse = await this.invited(caller, period);
    const answer = await this.repo.answer(caller.tenantId, pulse.period, caller.userId);
    return { pulse, answer, open: this.isOpen(pulse) };
  }

  /**
   * Records (or edits, until the pulse closes) the caller's answer: one write to its own document,
   * so a retried card action writes the same thing again. Invalid input changes nothing.
   */
  async answer(caller: Caller, period: string, raw: Record<string, unknown>): Promise<{ pulse: PulsePeriod; answer: PulseAnswer }> {
    const pulse = await this.invited(caller, period);
    if (!this.isOpen(pulse)) throw conflict('pulse.closed');
    const values = validateAnswers([...PULSE_QUESTIONS], raw);
    const answer = await this.repo.saveAnswer({ id: pulseAnswerId(pulse.period, caller.userId), tenantId: caller.tenantId, type: 'pulse_answer', period: pulse.period, userId: caller.userId, values, answeredAt: this.clock.now().toISOString() });
    return { pulse, answer };
  }

  /** A manager's own view: their pulses, and their load against the organisation's median. */
  async mine(caller: Caller): Promise<MyPulse> {
    const now = this.clock.now();
    const [ids, history, open, { disclosure }] = await Promise.all([
      this.managers.ids(caller.tenantId),
      this.repo.answersOf(caller.tenantId, caller.userId),
      this.repo.openPeriods(caller.tenantId),
      this.disclosures.load(caller.tenantId),
    ]);
    const asked = ids.has(caller.userId) && !hasRole(caller, 'leader', 'admin');
    const current = open.find((p) => p.invited.includes(caller.userId) && this.isOpen(p));
    const loads = await this.managers.loads(caller.tenantId, periodOf(now), addWeeks(periodOf(now), PULSE_EVERY_WEEKS), now);
    const members = await this.directory.membersByIds(caller.tenantId, [...ids]);
    // The organisation's managers as the pulse groups them: senior leaders and admins left out.
    const population = members.filter((m) => !isReader(m)).map((m) => loads.get(m.userId)?.load ?? { pilots: 0, teams: 0, openLoops: 0, rounds: 0 });
    const mine = loads.get(caller.userId)?.load ?? { pilots: 0, teams: 0, openLoops: 0, rounds: 0 };
    const medianLoad = population.length >= disclosure.k ? (Object.fromEntries(LOAD_KEYS.map((key) => [key, median(population.map((l) => l[key]))])) as unknown as Load) : null;
    return {
      asked,
      current: current ? { period: current.period, closesAt: current.closesAt, questions: PULSE_QUESTIONS, values: history.find((h) => h.period === current.period)?.values ?? null } : null,
      history: history.map((h) => ({ period: h.period, values: h.values })),
      load: { mine, median: medianLoad, managers: population.length },
      threshold: disclosure.k,
    };
  }

  /** What senior leaders and admins see: figures and signals by managers' group, never below k. */
  async leaderView(caller: Caller): Promise<LeaderPulse> {
    if (!hasRole(caller, 'leader', 'admin')) throw forbidden('pulse.leaders_only');
    return this.leaderFigures(caller.tenantId);
  }

  private async leaderFigures(tenantId: string): Promise<LeaderPulse> {
    const now = this.clock.now();
    const from = addWeeks(periodOf(now), -PULSE_EVERY_WEEKS * VIEW_PERIODS);
    const [{ disclosure }, periods] = await Promise.all([this.disclosures.load(tenantId, { managers: true }), this.repo.closedPeriods(tenantId, from)]);
    const groups = groupFigures(periods, disclosure.k);
    return { threshold: disclosure.k, period: { from, to: periodOf(now) }, groups, signals: pulseSignals(groups) };
  }

  /** The managers a leader-view filter names (a managers' group's key); unknown keys are absent. */
  async groupMembers(caller: Caller, key: string): Promise<string[]> {
    if (!hasRole(caller, 'leader', 'admin')) throw forbidden('pulse.leaders_only');
    const { disclosure } = await this.disclosures.load(caller.tenantId, { managers: true });
    if (!disclosure.pulse.get(key)) throw notFound('group');
    return disclosure.pulse.membersOf(key);
  }

  /** A managers' group as the leader view names it (its label and size, never who). */
  async group(caller: Caller, key: string): Promise<PulseCell> {
    if (!hasRole(caller, 'leader', 'admin')) throw forbidden('pulse.leaders_only');
    const { disclosure } = await this.disclosures.load(caller.tenantId, { managers: true });
    const cell = disclosure.pulse.get(key);
    if (!cell) throw notFound('group');
    return cell;
  }

  /**
   * The weekly at-risk digest: one message per senior leader per ISO week, in their 1:1 chat on
   * Monday morning their time, listing the pulse's signals (each by a group of at least k, each
   * linking to the leader view filtered to it). Nothing is sent when nothing is at risk, nor to
   * whoever opted out in their preferences.
   */
  async queueDigests(tenantId: string): Promise<number> {
    const view = await this.leaderFigures(tenantId);
    if (!view.signals.length) return 0;
    const week = weekOf(this.clock.now());
    const leaders = (await this.directory.members(tenantId)).filter((m) => m.roles.includes('leader') && !m.optOutAtRiskDigest && !m.unreachable);
    const items = view.signals.slice(0, 10).map((s) => ({ kind: s.kind, code: s.code, params: s.params, group: s.group.key }));
    let queued = 0;
    for (const leader of leaders) {
      const notBefore = zonedTime(week, outOfQuietHours(DIGEST_TIME, leader.quietHours), leader.timeZone || 'UTC');
      const ok = await this.outbox.enqueue(tenantId, `atrisk-digest:${leader.userId}:${week}`, 'atrisk_digest', { kind: 'user', userId: leader.userId }, { week, threshold: view.threshold, count: view.signals.length, items }, notBefore);
      if (ok) queued++;
    }
    return queued;
  }

  private isOpen(p: PulsePeriod): boolean {
    return p.status === 'open' && this.clock.now() < new Date(p.closesAt);
  }

  /** A pulse the caller was asked in; any other is reported as absent. */
  private async invited(caller: Caller, period: string): Promise<PulsePeriod> {
    const pulse = /^\d{4}-\d{2}-\d{2}$/.test(period) ? await this.repo.period(caller.tenantId, period) : undefined;
    if (!pulse || !pulse.invited.includes(caller.userId)) throw notFound('pulse');
    return pulse;
  }
}

export { THRESHOLDS, SIGNAL_PERIODS };
