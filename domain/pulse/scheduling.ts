import { effectiveThreshold, type DisclosureLoader } from '../anonymity';
import { weekOf } from '../anonymity/rules';
import type { Directory } from '../directory/directory';
import type { Outbox } from '../outbox/outbox';
import { addDays, outOfQuietHours, weekdayOf, weeksBetween, zonedTime } from '../shared/schedule';
import { isReader, type Managers } from './managers';
import { PULSE_EPOCH, PULSE_EVERY_WEEKS, PULSE_OPEN_HOURS, PULSE_QUESTIONS, PULSE_REMIND_BEFORE_HOURS, PULSE_SCALES, PULSE_TIME, type PulseEntry, type PulsePeriod } from './model';
import { periodId, type PulseRepository } from './repository';
import { rollup } from './signals';

const HOUR = 3_600_000;

/** The Monday the pulse period holding `now` starts on. */
export function periodOf(now: Date): string {
  const monday = weekOf(now);
  const back = ((weeksBetween(PULSE_EPOCH, monday) % PULSE_EVERY_WEEKS) + PULSE_EVERY_WEEKS) % PULSE_EVERY_WEEKS;
  return addDays(monday, -7 * back);
}

/**
 * The pulse's rhythm, as check-in rounds have theirs: open each period's pulse, ask every
 * manager at their own local time (their first working day from the period's Tuesday, out of
 * quiet hours), remind the silent once, and at close write the period's rollup. Ids and outbox
 * keys are derived from what they are, and updates use the ETag, so passes on several instances
 * (and Teams' retries) do everything once.
 */
export class PulseScheduling {
  constructor(
    private readonly repo: PulseRepository,
    private readonly managers: Managers,
    private readonly directory: Directory,
    private readonly outbox: Outbox,
    private readonly disclosures: DisclosureLoader,
  ) {}

  /** Opens this period's pulse unless it exists or its window has passed. */
  async openDue(tenantId: string, now: Date): Promise<void> {
    const period = periodOf(now);
    if (await this.repo.period(tenantId, period)) return;
    const plan = await this.plan(tenantId, period);
    if (!plan || now >= new Date(plan.closesAt)) return;
    await this.repo.addPeriodOnce({ id: periodId(period), tenantId, type: 'pulse', period, ends: addDays(period, 7 * PULSE_EVERY_WEEKS), ...plan, prompted: [], reminded: [], status: 'open' });
  }

  private async plan(tenantId: string, period: string): Promise<Pick<PulsePeriod, 'opensAt' | 'closesAt' | 'invited' | 'schedule'> | undefined> {
    const ids = await this.managers.ids(tenantId);
    const people = (await this.directory.membersByIds(tenantId, [...ids])).filter((m) => !isReader(m) && !m.unreachable);
    const schedule: PulsePeriod['schedule'] = {};
    for (const m of people) {
      const day = [1, 2, 3, 4, 5, 6, 7].map((d) => addDays(period, d)).find((date) => m.workDays.includes(weekdayOf(date)) && !(m.pausedUntil && m.pausedUntil >= date));
      if (!day) continue;
      schedule[m.userId] = { promptAt: zonedTime(day, outOfQuietHours(PULSE_TIME, m.quietHours), m.timeZone || 'UTC').toISOString() };
    }
    const times = Object.values(schedule).map((s) => Date.parse(s.promptAt));
    if (!times.length) return undefined;
    const closesAt = new Date(Math.max(...times) + PULSE_OPEN_HOURS * HOUR);
    const remindAt = new Date(closesAt.getTime() - PULSE_REMIND_BEFORE_HOURS * HOUR);
    for (const s of Object.values(schedule)) if (remindAt > new Date(s.promptAt)) s.remindAt = remindAt.toISOString();
    return { opensAt: new Date(Math.min(...times)).toISOString(), closesAt: closesAt.toISOString(), invited: Object.keys(schedule).sort(), schedule };
  }

  /** Asks whoever is due, and reminds once whoever has not answered by their reminder time. */
  async promptAndRemind(p: PulsePeriod, now: Date): Promise<void> {
    const toPrompt = p.invited.filter((u) => !p.prompted.includes(u) && new Date(p.schedule[u]?.promptAt ?? 0) <= now);
    const remindable = p.invited.filter((u) => p.prompted.includes(u) && !p.reminded.includes(u) && p.schedule[u]?.remindAt && new Date(p.schedule[u].remindAt!) <= now);
    if (!toPrompt.length && !remindable.length) return;
    const answered = remindable.length ? new Set(await this.repo.answeredBy(p.tenantId, p.period)) : new Set<string>();
    const refreshFor = async (userId: string) => {
      const member = await this.directory.member(p.tenantId, userId);
      return member?.teamsUserId ? [member.teamsUserId] : [];
    };
    const threshold = toPrompt.length ? effectiveThreshold((await this.directory.settings(p.tenantId)).anonymityThreshold) : 0;
    for (const userId of toPrompt) {
      await this.outbox.enqueue(p.tenantId, `pulse-prompt:${p.period}:${userId}`, 'pulse_prompt', { kind: 'user', userId }, { period: p.period, closesAt: p.closesAt, threshold, questions: PULSE_QUESTIONS, userIds: await refreshFor(userId) });
    }
    for (const userId of remindable.filter((u) => !answered.has(u))) {
      await this.outbox.enqueue(p.tenantId, `pulse-remind:${p.period}:${userId}`, 'pulse_reminder', { kind: 'user', userId }, { period: p.period, closesAt: p.closesAt, userIds: await refreshFor(userId) });
    }
    await this.repo.updatePeriod(p.tenantId, p.period, (cur) => ({
      ...cur,
      prompted: [...new Set([...cur.prompted, ...toPrompt])],
      reminded: [...new Set([...cur.reminded, ...remindable])],
    }));
  }

  /**
   * Closes a pulse: each manager asked as an entry (their scale answers, load, loop times and
   * overrides in the period), rolled up at once into the period's groups — the partition of
   * managers now, at the k now — and only those stored. Open answers stay with their writer.
   */
  async close(p: PulsePeriod, now: Date): Promise<void> {
    const [answers, loads, { disclosure }] = await Promise.all([
      this.repo.answersTo(p.tenantId, p.period),
      this.managers.loads(p.tenantId, p.period, p.ends, now),
      this.disclosures.load(p.tenantId, { managers: true }),
    ]);
    const byUser = new Map(answers.map((a) => [a.userId, a]));
    const entries: PulseEntry[] = p.invited.map((userId) => {
      const a = byUser.get(userId);
      const known = loads.get(userId);
      return {
        userId,
        values: Object.fromEntries(PULSE_SCALES.flatMap((q) => (typeof a?.values[q] === 'number' ? [[q, a.values[q] as number]] : []))),
        load: known?.load ?? { pilots: 0, teams: 0, openLoops: 0, rounds: 0 },
        loops: known?.loops ?? { items: 0, ackWeeks: null, actWeeks: null },
        overrides: known?.overrides ?? { count: 0, byLeader: 0 },
      };
    });
    const groups = rollup(disclosure.pulse, entries);
    await this.repo.updatePeriod(p.tenantId, p.period, (cur) => (cur.status === 'closed' ? undefined : { ...cur, status: 'closed', groups }));
  }
}
