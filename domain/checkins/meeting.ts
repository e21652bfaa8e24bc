import type { Caller } from '../shared/caller';
import type { Directory } from '../directory/directory';
import { managersOf } from '../directory/rights';
import { forbidden } from '../shared/errors';
import type { Pilot } from '../pilots/model';
import type { RoundClosing } from './closing';
import type { Round, RoundSummary } from './model';
import type { CheckinRepository } from './repository';
import { effectiveThreshold, liveParticipation, summaryAsShown } from '../anonymity';

/**
 * A pilot's current round as its team's meeting sees it (the meeting side panel and stage):
 * while it is open, only whether enough have answered for its figures (never how many, never who:
 * the anonymity rules' `liveParticipation`); once closed, how many answered and the summary as
 * decided when the round closed, re-checked against today's threshold. Blockers in it reach only the people the summary was sent to: the team.
 * The facilitator (or whoever manages the pilot) may close the round from the meeting.
 */
export interface MeetingRound {
  id: string;
  number: number;
  date: string;
  status: 'open' | 'closed';
  closesAt: string;
  invited: number;
  /** How many answered: only once the round is closed. */
  answered?: number;
  /** While open: at least `threshold` have answered, so the summary will carry figures. */
  enough: boolean;
  threshold: number;
  facilitator?: { id: string; name: string };
  summary?: Omit<RoundSummary, 'facilitatorId' | 'pilotId' | 'roundId'>;
  /** The caller may close this round now. */
  canClose: boolean;
  /** The caller facilitates it. */
  facilitating: boolean;
}

export class MeetingRounds {
  constructor(
    private readonly rounds: CheckinRepository,
    private readonly directory: Directory,
    private readonly closing: RoundClosing,
  ) {}

  /** The pilot's latest round, for a caller who may see the pilot (the caller checks that first). */
  async current(caller: Caller, pilot: Pilot, manages: boolean): Promise<MeetingRound | undefined> {
    const round = await this.rounds.latestRound(pilot.tenantId, pilot.id);
    return round ? this.view(caller, pilot, round, manages) : undefined;
  }

  /** Closes the pilot's open round now: its facilitator or whoever manages the pilot. Closing a closed round changes nothing. */
  async closeNow(caller: Caller, pilot: Pilot, manages: boolean): Promise<MeetingRound | undefined> {
    const round = await this.rounds.latestRound(pilot.tenantId, pilot.id);
    if (!round) return undefined;
    if (round.status === 'open') {
      if (!manages && round.facilitatorId !== caller.userId) throw forbidden('checkin.close_not_allowed');
      await this.closing.close(round, true);
    }
    const closed = (await this.rounds.round(pilot.tenantId, round.id)) ?? round;
    return this.view(caller, pilot, closed, manages);
  }

  private async view(caller: Caller, pilot: Pilot, round: Round, manages: boolean): Promise<MeetingRound> {
    const open = round.status === 'open';
    const facilitator = round.facilitatorId ? await this.directory.member(round.tenantId, round.facilitatorId) : undefined;
    const team = await this.directory.pilotTeam(pilot.tenantId, pilot);
    const inTeam = !!team && (team.memberIds.includes(caller.userId) || managersOf(team).includes(caller.userId) || pilot.managerId === caller.userId);
    const k = effectiveThreshold((await this.directory.settings(round.tenantId)).anonymityThreshold);
    const answered = open ? (await this.rounds.answeredBy(round)).length : (round.summary?.answered ?? round.figures?.answered ?? round.answered.length);
    const live = liveParticipation(answered, round.invited.length, k);
    const decided = round.summary && summaryAsShown(round.summary, round.figures?.counts?.confidence, k);
    const summary = decided && { ...decided, blockers: inTeam ? decided.blockers : [] };
    return {
      id: round.id,
      number: round.number,
      date: round.date,
      status: round.status,
      closesAt: round.closesAt,
      invited: live.invited,
      answered: open ? undefined : answered,
      enough: live.enough,
      threshold: live.threshold,
      facilitator: facilitator ? { id: facilitator.userId, name: facilitator.name } : undefined,
      summary: summary ? withoutIds(summary) : undefined,
      canClose: open && (manages || round.facilitatorId === caller.userId),
      facilitating: round.facilitatorId === caller.userId,
    };
  }
}

function withoutIds({ facilitatorId: _f, pilotId: _p, roundId: _r, ...rest }: RoundSummary): Omit<RoundSummary, 'facilitatorId' | 'pilotId' | 'roundId'> {
  return rest;
}
