import type { Clock } from '../shared/clock';
import type { Caller } from '../shared/caller';
import { conflict, invalid, notFound, problem, type FieldProblem } from '../shared/errors';
import type { Pilot } from '../pilots/model';
import type { PilotRepository } from '../pilots/repository';
import type { Question } from '../practices/model';
import type { Answer, Round } from './model';
import { answerId, type CheckinRepository } from './repository';
import { AnswerableRounds, type AnswerableRound } from './answerable';

const MAX_TEXT = 1000;

/** What a round asks: the pilot's title and questions. */
export interface Asked {
  title: string;
  questions: Question[];
}

export interface AnswerValues {
  [questionId: string]: string | number | boolean;
}

/** A member answering the round they were asked in (card, chat or tab). */
export class Answering {
  constructor(
    private readonly rounds: CheckinRepository,
    private readonly pilots: PilotRepository,
    private readonly clock: Clock,
    private readonly answerable = new AnswerableRounds(),
  ) {}

  /** The open round a member was asked in and the question list, for the card. */
  async roundFor(caller: Caller, roundId: string): Promise<{ round: Round; pilot: Pilot; answer?: Answer }> {
    const round = await this.invitedRound(caller, roundId);
    const pilot = await this.pilots.find(caller.tenantId, round.pilotId);
    if (!pilot) throw notFound('pilot');
    const answer = await this.rounds.answer(caller.tenantId, round.id, caller.userId);
    return { round, pilot, answer };
  }

  /**
   * Records (or edits, until the round closes) the caller's answer: one write, to the answer's own
   * document. Invalid input changes nothing.
   */
  async answer(caller: Caller, roundId: string, raw: Record<string, unknown>, shareAnonymously: boolean): Promise<{ round: AnswerableRound; asked: Asked; answer: Answer }> {
    if (!roundId.startsWith('round:')) throw notFound('checkin');
    // The round's fixed parts from this process's copy; whether it was closed (in any process)
    // from its closed mark as read within the last second (answerable.ts).
    const [round, closed] = await Promise.all([
      this.answerable.get(caller.tenantId, roundId, () => this.rounds.round(caller.tenantId, roundId)),
      this.answerable.isClosed(caller.tenantId, roundId, () => this.rounds.isClosed(caller.tenantId, roundId)),
    ]);
    if (!round || !round.invited.has(caller.userId)) throw notFound('checkin');
    // Rounds carry their questions; older ones fall back to the pilot's.
    const asked = round.questions && round.pilotTitle ? { title: round.pilotTitle, questions: round.questions } : await this.pilotView(caller.tenantId, round.pilotId);
    if (closed || round.status !== 'open' || this.clock.now() >= new Date(round.closesAt)) {
      throw conflict('checkin.closed');
    }
    const values = validateAnswers(asked.questions, raw);
    const answer = await this.rounds.saveAnswer({
      id: answerId(round.id, caller.userId),
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

  /** Open rounds the caller was asked in: for plain-text answers in chat. */
  openRoundsFor(caller: Caller): Promise<Round[]> {
    return this.rounds.openRoundsPromptedTo(caller.tenantId, caller.userId);
  }

  /** A round the caller was invited to; any other is reported as absent. */
  private async invitedRound(caller: Caller, roundId: string): Promise<Round> {
    const round = roundId.startsWith('round:') ? await this.rounds.round(caller.tenantId, roundId) : undefined;
    if (!round || !round.invited.includes(caller.userId)) throw notFound('checkin');
    return round;
  }

  private async pilotView(tenantId: string, pilotId: string): Promise<Asked> {
    const pilot = await this.pilots.find(tenantId, pilotId);
    if (!pilot) throw notFound('pilot');
    return { title: pilot.title, questions: pilot.questions };
  }
}

/**
 * Checks answers against the pilot's questions. Unknown keys, wrong types and oversized text are
 * refused with the question they concern, so nothing half-valid is stored.
 */
export function validateAnswers(questions: Question[], raw: Record<string, unknown>): Answer['values'] {
  const problems: FieldProblem[] = [];
  const values: Answer['values'] = {};
  const known = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(raw)) if (!known.has(key)) problems.push(problem(key.slice(0, 40), 'checkin.unknown_question'));
  for (const q of questions) {
    const v = raw[q.id];
    if (v === undefined || v === '' || v === null) continue;
    switch (q.kind) {
      case 'scale': {
        const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[1-5]\s*$/.test(v) ? Number(v) : NaN;
        if (!Number.isInteger(n) || n < 1 || n > 5) problems.push(problem(q.id, 'whole_between', { min: 1, max: 5 }));
        else values[q.id] = n;
        break;
      }
      case 'text':
        if (typeof v !== 'string') problems.push(problem(q.id, 'not_text'));
        else if (v.length > MAX_TEXT) problems.push(problem(q.id, 'too_long', { max: MAX_TEXT }));
        else values[q.id] = v.trim();
        break;
      case 'yesno':
        if (v === true || v === 'true' || v === false || v === 'false') values[q.id] = v === true || v === 'true';
        else problems.push(problem(q.id, 'not_yes_no'));
        break;
      case 'choice':
        if (typeof v !== 'string' || !(q.choices ?? []).includes(v)) problems.push(problem(q.id, 'not_a_choice'));
        else values[q.id] = v;
        break;
    }
  }
  if (!problems.length && !Object.keys(values).length) problems.push(problem('answers', 'checkin.no_answers'));
  if (problems.length) throw invalid(problems);
  return values;
}
