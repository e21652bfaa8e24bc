import type { Directory } from '../directory/directory';
import type { Outbox } from '../outbox/outbox';
import type { Pilot } from '../pilots/model';
import type { PilotRepository } from '../pilots/repository';
import { addDays, outOfQuietHours, weekdayOf, weeksBetween, zonedTime } from '../shared/schedule';
import type { Facilitators } from './facilitators';
import type { Round } from './model';
import type { CheckinRepository } from './repository';
import { tipOfTheWeek } from '../lessons/lessons';

const HOUR = 3_600_000;

/**
 * Opening rounds on a pilot's check-in days and asking each member at their own local time,
 * then reminding the silent once. Safe on several instances at once: round ids and outbox keys
 * are derived from what they are, and round updates use the ETag.
 */
export class RoundScheduling {
  constructor(
    private readonly rounds: CheckinRepository,
    private readonly pilots: PilotRepository,
    private readonly directory: Directory,
    private readonly outbox: Outbox,
    private readonly facilitators: Facilitators,
  ) {}

  /** Candidate check-in days around today (members' time zones span about ±14 hours). */
  private candidateDates(pilot: Pilot, now: Date): string[] {
    const today = now.toISOString().slice(0, 10);
    return [-1, 0, 1]
      .map((d) => addDays(today, d))
      .filter((date) => date >= pilot.startDate && date <= pilot.endDate)
      .filter((date) => pilot.cadence.weekdays.includes(weekdayOf(date)))
      .filter((date) => weeksBetween(pilot.startDate, date) % pilot.cadence.everyWeeks === 0);
  }

  /** Opens the pilot's rounds whose window includes `now`, naming each one's facilitator. */
  async openDueRounds(pilot: Pilot, now: Date): Promise<void> {
    for (const date of this.candidateDates(pilot, now)) {
      const id = `round:${pilot.id}:${date}`;
      if (await this.rounds.round(pilot.tenantId, id)) continue;
      const plan = await this.plan(pilot, date);
      if (!plan || now < new Date(plan.opensAt) || now >= new Date(plan.closesAt)) continue;
      const facilitatorId = await this.facilitators.next(pilot, plan.invited);
      const { doc: round, created } = await this.rounds.addRoundOnce({
        id,
        tenantId: pilot.tenantId,
        type: 'round',
        pilotId: pilot.id,
        teamId: pilot.teamId,
        date,
        number: (pilot.roundFigures?.length ?? pilot.health.rounds) + 1,
        opensAt: plan.opensAt,
        closesAt: plan.closesAt,
        facilitatorId,
        invited: plan.invited,
        schedule: plan.schedule,
        prompted: [],
        reminded: [],
        answered: [],
        status: 'open',
        pilotTitle: pilot.title,
        questions: pilot.questions,
      });
      if (created && facilitatorId) await this.facilitators.announce(pilot, round, facilitatorId);
    }
  }

  /** Who is asked when, each in their own time zone, skipping paused and non-working members. */
  private async plan(pilot: Pilot, date: string): Promise<Pick<Round, 'opensAt' | 'closesAt' | 'invited' | 'schedule'> | undefined> {
    const team = await this.directory.pilotTeam(pilot.tenantId, pilot);
    if (!team || !team.memberIds.length) return undefined;
    const members = await this.directory.membersByIds(pilot.tenantId, team.memberIds);
    const weekday = weekdayOf(date);
    const schedule: Round['schedule'] = {};
    for (const m of members) {
      if (m.unreachable || (m.pausedUntil && m.pausedUntil >= date) || !m.workDays.includes(weekday)) continue;
      const promptAt = zonedTime(date, outOfQuietHours(pilot.cadence.time, m.quietHours), m.timeZone || 'UTC');
      schedule[m.userId] = { promptAt: promptAt.toISOString() };
    }
    const times = Object.values(schedule).map((s) => Date.parse(s.promptAt));
    if (!times.length) return undefined;
    const closesAt = new Date(Math.max(...times) + pilot.cadence.roundHours * HOUR);
    if (pilot.cadence.reminderHours > 0) {
      const remindAt = new Date(closesAt.getTime() - pilot.cadence.reminderHours * HOUR);
      for (const s of Object.values(schedule)) if (remindAt > new Date(s.promptAt)) s.remindAt = remindAt.toISOString();
    }
    return { opensAt: new Date(Math.min(...times)).toISOString(), closesAt: closesAt.toISOString(), invited: Object.keys(schedule), schedule };
  }

  /** Prompts whoever is due in an open round and reminds the silent once. */
  async promptAndRemind(round: Round, now: Date): Promise<void> {
    const toPrompt = round.invited.filter((u) => !round.prompted.includes(u) && new Date(round.schedule[u]?.promptAt ?? 0) <= now);
    const remindable = round.invited.filter(
      (u) => round.prompted.includes(u) && !round.reminded.includes(u) && round.schedule[u]?.remindAt && new Date(round.schedule[u].remindAt!) <= now,
    );
    // Who answered is read from the answers themselves, only when someone may need a nudge:
    // answering never writes to the shared round document, so 50 people can answer at once.
    const answered = remindable.length ? new Set(await this.rounds.answeredBy(round)) : new Set<string>();
    const toRemind = remindable.filter((u) => !answered.has(u));
    if (!toPrompt.length && !toRemind.length && remindable.length === 0) return;
    if (!toPrompt.length && !toRemind.length) {
      // Everyone due a reminder has answered: note it so the answers aren't read again.
      await this.rounds.updateRound(round.tenantId, round.id, (r) => ({ ...r, reminded: Array.from(new Set([...r.reminded, ...remindable])) }));
      return;
    }
    const pilot = await this.pilots.find(round.tenantId, round.pilotId);
    if (!pilot) return;
    const facilitator = toPrompt.length && round.facilitatorId ? await this.directory.member(round.tenantId, round.facilitatorId) : undefined;
    // The cards refresh for the person they go to (Universal Actions), so opening one later shows its current state.
    const refreshFor = async (userId: string) => {
      const member = await this.directory.member(round.tenantId, userId);
      return member?.teamsUserId ? [member.teamsUserId] : [];
    };
    const tip = tipOfTheWeek(pilot, round.number);
    for (const userId of toPrompt) {
      await this.outbox.enqueue(round.tenantId, `prompt:${round.id}:${userId}`, 'checkin_prompt', { kind: 'user', userId }, {
        userIds: await refreshFor(userId),
        roundId: round.id,
        pilotId: pilot.id,
        pilotTitle: pilot.title,
        closesAt: round.closesAt,
        questions: pilot.questions,
        facilitatorName: facilitator?.name,
        ...(tip ? { tipLessonId: tip.id } : {}),
      });
    }
    for (const userId of toRemind) {
      await this.outbox.enqueue(round.tenantId, `remind:${round.id}:${userId}`, 'checkin_reminder', { kind: 'user', userId }, { roundId: round.id, pilotId: pilot.id, pilotTitle: pilot.title, closesAt: round.closesAt, userIds: await refreshFor(userId) });
    }
    await this.rounds.updateRound(round.tenantId, round.id, (r) => ({
      ...r,
      prompted: Array.from(new Set([...r.prompted, ...toPrompt])),
      reminded: Array.from(new Set([...r.reminded, ...remindable])),
    }));
  }
}
