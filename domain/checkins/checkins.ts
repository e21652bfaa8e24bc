import type { Store } from '../ports/store';
import type { Celebrations } from '../celebrations/celebrations';
import type { Clock } from '../shared/clock';
import type { Directory } from '../directory/directory';
import { forbidden, invalid, problem } from '../shared/errors';
import type { Answer, Round } from './model';
import type { Caller } from '../shared/caller';
import type { Member } from '../directory/model';
import type { Pilot } from '../pilots/model';
import { PilotRepository } from '../pilots/repository';
import type { Outbox } from '../outbox/outbox';
import { addDays, zonedParts } from '../shared/schedule';
import { eachIsolated, type Skipped } from '../shared/isolation';
import { Answering, type Asked } from './answering';
import { AnswerableRounds, type AnswerableRound } from './answerable';
import { RoundClosing } from './closing';
import { Facilitators } from './facilitators';
import { CheckinRepository } from './repository';
import { RoundScheduling } from './scheduling';
import { MeetingRounds, type MeetingRound } from './meeting';
import { effectiveThreshold, summaryAsShown } from '../anonymity';

/**
 * Check-in rounds: the rhythm of a pilot. `tick` is called by the scheduler (every minute in
 * production, by hand in tests with a manual clock) and is safe to run on several instances at
 * once: rounds and outbox messages have ids derived from what they are, so creating them twice
 * is impossible, and every round update uses its ETag.
 */
export class CheckIns {
  private readonly rounds: CheckinRepository;
  private readonly pilots: PilotRepository;
  private readonly scheduling: RoundScheduling;
  private readonly closing: RoundClosing;
  private readonly answering: Answering;
  private readonly facilitators: Facilitators;
  private readonly meeting: MeetingRounds;

  constructor(
    store: Store,
    private readonly directory: Directory,
    outbox: Outbox,
    celebrations: Celebrations,
    private readonly clock: Clock,
  ) {
    this.rounds = new CheckinRepository(store);
    this.pilots = new PilotRepository(store);
    this.facilitators = new Facilitators(this.rounds, this.pilots, directory, outbox);
    this.scheduling = new RoundScheduling(this.rounds, this.pilots, directory, outbox, this.facilitators);
    this.closing = new RoundClosing(this.rounds, this.pilots, directory, outbox, celebrations);
    const answerable = new AnswerableRounds();
    this.answering = new Answering(this.rounds, this.pilots, clock, answerable);
    // A round closed here is not answered from this process's copy, even for a moment.
    this.closing.onClosed(async (tenantId, roundId) => answerable.forget(tenantId, roundId));
    this.meeting = new MeetingRounds(this.rounds, directory, this.closing);
  }

  /**
   * A pilot's current round for its meeting (side panel, stage). `pilot` is one the caller may
   * see; `manages`: they may change it (Pilots.canEdit).
   */
  meetingRound(caller: Caller, pilot: Pilot, manages: boolean): Promise<MeetingRound | undefined> {
    return this.meeting.current(caller, pilot, manages);
  }

  /** The facilitator (or whoever manages the pilot) closes its open round from the meeting. */
  closeFromMeeting(caller: Caller, pilot: Pilot, manages: boolean): Promise<MeetingRound | undefined> {
    return this.meeting.closeNow(caller, pilot, manages);
  }

  /** Work other parts of the domain do when a round closes (e.g. sharing answers with leaders). */
  onRoundClosed(hook: (tenantId: string, roundId: string) => Promise<unknown>): void {
    this.closing.onClosed(hook);
  }

  /**
   * One scheduler pass over a tenant: open due rounds, prompt, remind, close and summarise. Each
   * pilot and each round is its own piece of work: one that fails is added to `skipped` (with its
   * id) and the others go on.
   */
  async tick(tenantId: string, skipped: Skipped[] = []): Promise<Skipped[]> {
    const now = this.clock.now();
    const pilots = await this.pilots.active(tenantId);
    await eachIsolated(pilots, 'pilot', skipped, (pilot) => this.scheduling.openDueRounds(pilot, now));
    // Rounds opened just now are prompted in the same pass.
    const open = await this.rounds.openRounds(tenantId);
    await eachIsolated(open, 'round', skipped, (round) => (now >= new Date(round.closesAt) ? this.closing.close(round) : this.scheduling.promptAndRemind(round, now)));
    return skipped;
  }

  /** The open round a member was asked in and the question list, for the card. */
  async roundFor(caller: Caller, roundId: string): Promise<{ round: Round; pilot: Pilot; answer?: Answer }> {
    const found = await this.answering.roundFor(caller, roundId);
    const { round } = found;
    if (!round.summary) return found;
    const k = effectiveThreshold((await this.directory.settings(caller.tenantId)).anonymityThreshold);
    return { ...found, round: { ...round, summary: summaryAsShown(round.summary, round.figures?.counts?.confidence, k) } };
  }

  /**
   * Records (or edits, until the round closes) the caller's answer: one write, to the answer's own
   * document. Invalid input changes nothing.
   */
  answer(caller: Caller, roundId: string, raw: Record<string, unknown>, shareAnonymously: boolean): Promise<{ round: AnswerableRound; asked: Asked; answer: Answer }> {
    return this.answering.answer(caller, roundId, raw, shareAnonymously);
  }

  /** Open rounds the caller was asked in: for plain-text answers in chat. */
  openRoundsFor(caller: Caller): Promise<Round[]> {
    return this.answering.openRoundsFor(caller);
  }

  /** The facilitator hands this round's role to the next person in the rota. */
  async swapFacilitator(caller: Caller, roundId: string): Promise<Member | undefined> {
    const { round, pilot } = await this.roundFor(caller, roundId);
    if (round.facilitatorId !== caller.userId) throw forbidden('checkin.facilitator_only');
    return this.facilitators.handOn(caller, round, pilot);
  }

  /** Back from a pause before its end. Nothing is written when there is no pause (a retry, a second click). */
  async resumeMe(caller: Caller): Promise<void> {
    await this.directory.updateMember(caller.tenantId, caller.userId, (m) => (m.pausedUntil ? { ...m, pausedUntil: undefined } : undefined));
  }

  /** "Pause me for N days": skipped by rounds until then. */
  async pauseMe(caller: Caller, days: number): Promise<string> {
    if (!Number.isInteger(days) || days < 1 || days > 90) throw invalid([problem('days', 'between', { min: 1, max: 90 })], 'checkin.pause_days', { min: 1, max: 90 });
    const member = await this.directory.member(caller.tenantId, caller.userId);
    const today = zonedParts(this.clock.now(), member?.timeZone ?? 'UTC').date;
    const until = addDays(today, days - 1);
    await this.directory.updateMember(caller.tenantId, caller.userId, (m) => ({ ...m, pausedUntil: until }));
    return until;
  }
}
