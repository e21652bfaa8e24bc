import type { Store } from '../ports/store';
import type { Celebrations } from '../celebrations/celebrations';
import type { Clock } from '../shared/clock';
import type { Directory } from '../directory/directory';
import { DomainError, forbidden, notFound } from '../shared/errors';
import { average, deriveHealth } from '../pilots/health';
import type { Answer, Round } from './model';
import type { Caller } from '../shared/caller';
import type { Member, Team } from '../directory/model';
import type { Pilot, RoundFigures } from '../pilots/model';
import type { Question } from '../practices/model';
import type { Outbox } from '../outbox/outbox';
import { addDays, outOfQuietHours, weekdayOf, weeksBetween, zonedParts, zonedTime } from '../shared/schedule';

/**
 * Check-in rounds: the rhythm of a pilot. `tick` is called by the scheduler (every minute in
 * production, by hand in tests with a manual clock) and is safe to run on several instances at
 * once: rounds and outbox messages have ids derived from what they are, so creating them twice
 * is impossible, and every round update uses its ETag.
 */
const HOUR = 3_600_000;
const MAX_TEXT = 1000;
const KEEP_FIGURES = 12;

/** What a round asks: the pilot's title and questions. */
export interface Asked {
  title: string;
  questions: Question[];
}

export interface AnswerValues {
  [questionId: string]: string | number | boolean;
}

export interface RoundSummary {
  pilotId: string;
  pilotTitle: string;
  roundId: string;
  date: string;
  number: number;
  invited: number;
  answered: number;
  confidence: number | null;
  previousConfidence: number | null;
  blockers: string[];
  facilitatorId?: string;
  facilitatorName?: string;
  threshold: number;
}

export class CheckIns {
  private readonly closedHooks: ((tenantId: string, roundId: string) => Promise<unknown>)[] = [];

  constructor(
    private readonly store: Store,
    private readonly directory: Directory,
    private readonly outbox: Outbox,
    private readonly celebrations: Celebrations,
    private readonly clock: Clock,
  ) {}

  /** Work other parts of the domain do when a round closes (e.g. sharing answers with leaders). */
  onRoundClosed(hook: (tenantId: string, roundId: string) => Promise<unknown>): void {
    this.closedHooks.push(hook);
  }

  /** One scheduler pass over a tenant: open due rounds, prompt, remind, close and summarise. */
  async tick(tenantId: string): Promise<void> {
    const now = this.clock.now();
    const pilots = await this.store.all<Pilot>('pilots', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'pilot' AND c.status = 'active'");
    for (const pilot of pilots) await this.openDueRounds(pilot, now);
    const open = await this.store.all<Round>('checkins', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.status = 'open'");
    for (const round of open) await this.advance(round, now);
  }

  /** Candidate check-in days around today (members' time zones span about ±14 hours). */
  private candidateDates(pilot: Pilot, now: Date): string[] {
    const today = now.toISOString().slice(0, 10);
    return [-1, 0, 1]
      .map((d) => addDays(today, d))
      .filter((date) => date >= pilot.startDate && date <= pilot.endDate)
      .filter((date) => pilot.cadence.weekdays.includes(weekdayOf(date)))
      .filter((date) => weeksBetween(pilot.startDate, date) % pilot.cadence.everyWeeks === 0);
  }

  private async openDueRounds(pilot: Pilot, now: Date): Promise<void> {
    for (const date of this.candidateDates(pilot, now)) {
      const id = `round:${pilot.id}:${date}`;
      if (await this.store.read<Round>('checkins', pilot.tenantId, id)) continue;
      const plan = await this.plan(pilot, date);
      if (!plan || now < new Date(plan.opensAt) || now >= new Date(plan.closesAt)) continue;
      const facilitatorId = await this.nextFacilitator(pilot, plan.invited);
      const { doc: round, created } = await this.store.createOnce<Round>('checkins', {
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
      if (created && facilitatorId) {
        const facilitator = await this.directory.member(pilot.tenantId, facilitatorId);
        const data = { pilotTitle: pilot.title, facilitatorName: facilitator?.name ?? 'A team member', closesAt: round.closesAt, roundId: round.id };
        await this.outbox.enqueue(pilot.tenantId, `facilitator:${round.id}`, 'facilitator_announcement', { kind: 'team', teamId: pilot.teamId }, data);
        // The facilitator hears it personally too, with the option to hand the role on.
        await this.outbox.enqueue(pilot.tenantId, `facilitator-you:${round.id}`, 'facilitator_announcement', { kind: 'user', userId: facilitatorId }, { ...data, personal: true });
      }
    }
  }

  /** Who is asked when, each in their own time zone, skipping paused and non-working members. */
  private async plan(pilot: Pilot, date: string): Promise<Pick<Round, 'opensAt' | 'closesAt' | 'invited' | 'schedule'> | undefined> {
    const team = await this.store.read<Team>('directory', pilot.tenantId, pilot.teamId);
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

  /**
   * A fair rota: members take turns in a fixed order; someone not taking part this round is
   * skipped and keeps their place for next time.
   */
  private async nextFacilitator(pilot: Pilot, present: string[]): Promise<string | undefined> {
    if (!present.length) return undefined;
    let chosen: string | undefined;
    await this.store.update<Pilot>('pilots', pilot.tenantId, pilot.id, (p) => {
      const order = [...(p.rota?.order ?? [])];
      for (const id of [...present].sort()) if (!order.includes(id)) order.push(id);
      const last = p.rota?.last ?? -1;
      for (let step = 1; step <= order.length; step++) {
        const index = (last + step) % order.length;
        if (present.includes(order[index])) {
          chosen = order[index];
          return { ...p, rota: { order, last: index } };
        }
      }
      return undefined;
    });
    return chosen;
  }

  /** Prompts whoever is due, reminds the silent once, and closes the round when its time is up. */
  private async advance(round: Round, now: Date): Promise<void> {
    if (now >= new Date(round.closesAt)) return void (await this.close(round));
    const toPrompt = round.invited.filter((u) => !round.prompted.includes(u) && new Date(round.schedule[u]?.promptAt ?? 0) <= now);
    const remindable = round.invited.filter(
      (u) => round.prompted.includes(u) && !round.reminded.includes(u) && round.schedule[u]?.remindAt && new Date(round.schedule[u].remindAt!) <= now,
    );
    // Who answered is read from the answers themselves, only when someone may need a nudge:
    // answering never writes to the shared round document, so 50 people can answer at once.
    const answered = remindable.length ? new Set(await this.answeredBy(round)) : new Set<string>();
    const toRemind = remindable.filter((u) => !answered.has(u));
    if (!toPrompt.length && !toRemind.length && remindable.length === 0) return;
    if (!toPrompt.length && !toRemind.length) {
      // Everyone due a reminder has answered: note it so the answers aren't read again.
      await this.store.update<Round>('checkins', round.tenantId, round.id, (r) => ({ ...r, reminded: Array.from(new Set([...r.reminded, ...remindable])) }));
      return;
    }
    const pilot = await this.store.read<Pilot>('pilots', round.tenantId, round.pilotId);
    if (!pilot) return;
    const facilitator = toPrompt.length && round.facilitatorId ? await this.directory.member(round.tenantId, round.facilitatorId) : undefined;
    for (const userId of toPrompt) {
      await this.outbox.enqueue(round.tenantId, `prompt:${round.id}:${userId}`, 'checkin_prompt', { kind: 'user', userId }, {
        roundId: round.id,
        pilotId: pilot.id,
        pilotTitle: pilot.title,
        closesAt: round.closesAt,
        questions: pilot.questions,
        facilitatorName: facilitator?.name,
      });
    }
    for (const userId of toRemind) {
      await this.outbox.enqueue(round.tenantId, `remind:${round.id}:${userId}`, 'checkin_reminder', { kind: 'user', userId }, { roundId: round.id, pilotId: pilot.id, pilotTitle: pilot.title, closesAt: round.closesAt });
    }
    await this.store.update<Round>('checkins', round.tenantId, round.id, (r) => ({
      ...r,
      prompted: Array.from(new Set([...r.prompted, ...toPrompt])),
      reminded: Array.from(new Set([...r.reminded, ...remindable])),
    }));
  }

  private async answeredBy(round: Round): Promise<string[]> {
    const rows = await this.store.all<{ userId: string }>('checkins', round.tenantId, "SELECT c.userId FROM c WHERE c.tenantId = @tenantId AND c.type = 'answer' AND c.roundId = @roundId", { roundId: round.id });
    return rows.map((r) => r.userId);
  }

  /** Closes a round once (ETag), rolls its figures into the pilot, and queues summary and celebrations. */
  private async close(round: Round): Promise<void> {
    const answers = await this.store.all<Answer>('checkins', round.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'answer' AND c.roundId = @roundId", { roundId: round.id });
    const settings = await this.directory.settings(round.tenantId);
    const threshold = settings.anonymityThreshold;
    const num = (key: string) => answers.map((a) => a.values[key]).filter((v): v is number => typeof v === 'number');
    // Averages of fewer people than the tenant's threshold are not shown anywhere.
    const shown = answers.length >= threshold;
    const figures: RoundFigures = {
      date: round.date,
      invited: round.invited.length,
      answered: answers.length,
      confidence: shown ? average(num('confidence')) : null,
      autonomy: shown ? average(num('autonomy')) : null,
      workload: shown ? average(num('workload')) : null,
    };
    let closedNow = false;
    await this.store.update<Round>('checkins', round.tenantId, round.id, (r) => {
      if (r.status === 'closed') return undefined;
      closedNow = true;
      return { ...r, status: 'closed', figures, answered: answers.map((a) => a.userId).sort() };
    });
    if (!closedNow) return;

    let previous: RoundFigures | undefined;
    const pilot = await this.store.update<Pilot>('pilots', round.tenantId, round.pilotId, (p) => {
      const history = p.roundFigures ?? [];
      previous = history[history.length - 1];
      const roundFigures = [...history, figures].slice(-KEEP_FIGURES);
      const health = deriveHealth(roundFigures, p.health.openFeedback);
      // Feedback-age signals are kept current by the feedback flow; keep them.
      health.signals.push(...p.health.signals.filter((s) => s.kind === 'neglected_feedback'));
      return { ...p, roundFigures, health: { ...health, rounds: (p.health.rounds ?? 0) + 1 } };
    });
    if (!pilot) return;

    const facilitator = round.facilitatorId ? await this.directory.member(round.tenantId, round.facilitatorId) : undefined;
    const blockerQuestion = pilot.questions.find((q) => q.id === 'blocker');
    const blockers = blockerQuestion
      ? answers
          .map((a) => a.values[blockerQuestion.id])
          .filter((v): v is string => typeof v === 'string' && v.trim().length > 0)
          .sort() // sorted, not in answer order: order would hint at who wrote what
      : [];
    const summary: RoundSummary = {
      pilotId: pilot.id,
      pilotTitle: pilot.title,
      roundId: round.id,
      date: round.date,
      number: round.number,
      invited: figures.invited,
      answered: figures.answered,
      confidence: figures.confidence,
      previousConfidence: previous?.confidence ?? null,
      blockers: shown ? blockers : [],
      facilitatorId: facilitator?.userId,
      facilitatorName: facilitator?.name,
      threshold,
    };
    await this.outbox.enqueue(round.tenantId, `summary:${round.id}`, 'round_summary', { kind: 'team', teamId: round.teamId }, { ...summary });
    if (facilitator) {
      await this.outbox.enqueue(round.tenantId, `handoff:${round.id}`, 'facilitator_handoff', { kind: 'user', userId: facilitator.userId }, { ...summary });
    }
    await this.celebrations.afterRound(pilot, round);
    for (const hook of this.closedHooks) await hook(round.tenantId, round.id);
  }

  /** The open round a member was asked in and the question list, for the card. */
  async roundFor(caller: Caller, roundId: string): Promise<{ round: Round; pilot: Pilot; answer?: Answer }> {
    const round = roundId.startsWith('round:') ? await this.store.read<Round>('checkins', caller.tenantId, roundId) : undefined;
    if (!round || !round.invited.includes(caller.userId)) throw notFound('That check-in');
    const pilot = await this.store.read<Pilot>('pilots', caller.tenantId, round.pilotId);
    if (!pilot) throw notFound('That pilot');
    const answer = await this.store.read<Answer>('checkins', caller.tenantId, `answer:${round.id}:${caller.userId}`);
    return { round, pilot, answer };
  }

  /**
   * Records (or edits, until the round closes) the caller's answer: one write, to the answer's own
   * document. Invalid input changes nothing.
   */
  async answer(caller: Caller, roundId: string, raw: Record<string, unknown>, shareAnonymously: boolean): Promise<{ round: Round; asked: Asked; answer: Answer }> {
    const round = roundId.startsWith('round:') ? await this.store.read<Round>('checkins', caller.tenantId, roundId) : undefined;
    if (!round || !round.invited.includes(caller.userId)) throw notFound('That check-in');
    // Rounds carry their questions; older ones fall back to the pilot's.
    const asked = round.questions && round.pilotTitle ? { title: round.pilotTitle, questions: round.questions } : await this.pilotView(caller.tenantId, round.pilotId);
    if (round.status !== 'open' || this.clock.now() >= new Date(round.closesAt)) {
      throw new DomainError('conflict', 'This check-in has closed. Your next one will arrive on the next check-in day.');
    }
    const values = validateAnswers(asked.questions, raw);
    const answer = await this.store.upsert<Answer>('checkins', {
      id: `answer:${round.id}:${caller.userId}`,
      tenantId: caller.tenantId,
      type: 'answer',
      pilotId: round.pilotId,
      roundId: round.id,
      userId: caller.userId,
      values,
      shareAnonymously,
      answeredAt: this.clock.now().toISOString(),
    });
    return { round, asked, answer };
  }

  private async pilotView(tenantId: string, pilotId: string): Promise<Asked> {
    const pilot = await this.store.read<Pilot>('pilots', tenantId, pilotId);
    if (!pilot) throw notFound('That pilot');
    return { title: pilot.title, questions: pilot.questions };
  }

  /** Open rounds the caller was asked in: for plain-text answers in chat. */
  async openRoundsFor(caller: Caller): Promise<Round[]> {
    return this.store.all<Round>(
      'checkins',
      caller.tenantId,
      "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.status = 'open' AND ARRAY_CONTAINS(c.prompted, @userId) ORDER BY c.closesAt",
      { userId: caller.userId },
    );
  }

  /** The facilitator hands this round's role to the next person in the rota. */
  async swapFacilitator(caller: Caller, roundId: string): Promise<Member | undefined> {
    const { round, pilot } = await this.roundFor(caller, roundId);
    if (round.facilitatorId !== caller.userId) throw forbidden('Only this round’s facilitator can hand the role on.');
    const order = pilot.rota?.order ?? round.invited;
    const start = order.indexOf(caller.userId);
    const next = order.map((_, i) => order[(start + 1 + i) % order.length]).find((id) => id !== caller.userId && round.invited.includes(id));
    if (!next) return undefined;
    await this.store.update<Round>('checkins', caller.tenantId, round.id, (r) => (r.facilitatorId === caller.userId ? { ...r, facilitatorId: next } : undefined));
    const member = await this.directory.member(caller.tenantId, next);
    await this.outbox.enqueue(caller.tenantId, `facilitator-swap:${round.id}:${next}`, 'facilitator_announcement', { kind: 'team', teamId: round.teamId }, {
      pilotTitle: pilot.title,
      facilitatorName: member?.name ?? 'A team member',
      closesAt: round.closesAt,
      swapped: true,
    });
    return member;
  }

  /** "Pause me for N days": skipped by rounds until then. */
  async pauseMe(caller: Caller, days: number): Promise<string> {
    if (!Number.isInteger(days) || days < 1 || days > 90) throw new DomainError('validation', 'Pause for 1 to 90 days.', [{ field: 'days', message: 'must be 1–90' }]);
    const member = await this.directory.member(caller.tenantId, caller.userId);
    const today = zonedParts(this.clock.now(), member?.timeZone ?? 'UTC').date;
    const until = addDays(today, days - 1);
    await this.store.update<Member>('directory', caller.tenantId, `member:${caller.userId}`, (m) => ({ ...m, pausedUntil: until }));
    return until;
  }
}

/**
 * Checks answers against the pilot's questions. Unknown keys, wrong types and oversized text are
 * refused with the question they concern, so nothing half-valid is stored.
 */
export function validateAnswers(questions: Question[], raw: Record<string, unknown>): Answer['values'] {
  const problems: { field: string; message: string }[] = [];
  const values: Answer['values'] = {};
  const known = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(raw)) if (!known.has(key)) problems.push({ field: key.slice(0, 40), message: 'is not a question of this check-in' });
  for (const q of questions) {
    const v = raw[q.id];
    if (v === undefined || v === '' || v === null) continue;
    switch (q.kind) {
      case 'scale': {
        const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[1-5]\s*$/.test(v) ? Number(v) : NaN;
        if (!Number.isInteger(n) || n < 1 || n > 5) problems.push({ field: q.id, message: 'must be a whole number from 1 to 5' });
        else values[q.id] = n;
        break;
      }
      case 'text':
        if (typeof v !== 'string') problems.push({ field: q.id, message: 'must be text' });
        else if (v.length > MAX_TEXT) problems.push({ field: q.id, message: `must be at most ${MAX_TEXT} characters` });
        else values[q.id] = v.trim();
        break;
      case 'yesno':
        if (v === true || v === 'true' || v === false || v === 'false') values[q.id] = v === true || v === 'true';
        else problems.push({ field: q.id, message: 'must be yes or no' });
        break;
      case 'choice':
        if (typeof v !== 'string' || !(q.choices ?? []).includes(v)) problems.push({ field: q.id, message: 'is not one of the choices' });
        else values[q.id] = v;
        break;
    }
  }
  if (!problems.length && !Object.keys(values).length) problems.push({ field: 'answers', message: 'answer at least one question' });
  if (problems.length) throw new DomainError('validation', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  return values;
}
