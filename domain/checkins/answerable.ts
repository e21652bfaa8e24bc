import type { Round } from './model';

/**
 * What the answer path needs of a round: whether the person was invited, and what it asks. A
 * round document carries every invitee's schedule (≈ 100 bytes a person: 150 KB for a 1,000-person
 * team), and reading it whole on every answer made the store the bottleneck of the card-answer
 * path (and costs request units in proportion to its size). `invited`, `questions` and `closesAt`
 * are fixed when the round opens, so each process keeps them for a few seconds.
 *
 * Whether the round is still open is not taken from that copy. A round closes on time (`closesAt`,
 * checked against the clock on every answer) or early, from the meeting view, without changing
 * `closesAt`. Every close first writes a small `closed:<roundId>` document (repository.ts); each
 * process reads it at most once every `CLOSED_FRESH_MS` per round, shared by the answers of that
 * moment, and an early close waits `EARLY_CLOSE_WAIT_MS` after writing it before it goes on. So
 * once a close has returned, every process refuses the round's answers, without a store call
 * per answer.
 */
export const CLOSED_FRESH_MS = 1_000;
/** Longer than CLOSED_FRESH_MS: every answering process has read the mark by then. */
export const EARLY_CLOSE_WAIT_MS = CLOSED_FRESH_MS + 200;

export type AnswerableRound = Pick<Round, 'id' | 'tenantId' | 'pilotId' | 'closesAt' | 'status' | 'pilotTitle' | 'questions'> & { invited: ReadonlySet<string> };

export class AnswerableRounds {
  private readonly entries = new Map<string, { round: AnswerableRound; until: number }>();
  /** Per round: when the closed mark was last asked for (this process's clock) and its answer. */
  private readonly marks = new Map<string, { askedAt: number; closed: Promise<boolean> }>();

  constructor(
    /** How long a round read is reused (wall-clock ms; freshness, not business time). */
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 2_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The round closed (or changed): the next answer reads it afresh. */
  forget(tenantId: string, roundId: string): void {
    this.entries.delete(`${tenantId}\n${roundId}`);
    this.marks.delete(`${tenantId}\n${roundId}`);
  }

  /**
   * Whether the round is marked closed, as read by a request asked no more than CLOSED_FRESH_MS
   * ago (one still under way counts: the store answers with what it holds when the request arrives).
   */
  isClosed(tenantId: string, roundId: string, read: () => Promise<boolean>): Promise<boolean> {
    const key = `${tenantId}\n${roundId}`;
    const now = this.now();
    const mark = this.marks.get(key);
    if (mark && now - mark.askedAt < CLOSED_FRESH_MS) return mark.closed;
    const closed = read();
    closed.catch(() => this.marks.delete(key));
    if (!mark && this.marks.size >= this.maxEntries) this.marks.delete(this.marks.keys().next().value!);
    this.marks.set(key, { askedAt: now, closed });
    return closed;
  }

  async get(tenantId: string, roundId: string, load: () => Promise<Round | undefined>): Promise<AnswerableRound | undefined> {
    const key = `${tenantId}\n${roundId}`;
    const hit = this.entries.get(key);
    if (hit && hit.until > this.now()) return hit.round;
    const round = await load();
    if (!round) return undefined;
    const answerable: AnswerableRound = {
      id: round.id,
      tenantId: round.tenantId,
      pilotId: round.pilotId,
      closesAt: round.closesAt,
      status: round.status,
      pilotTitle: round.pilotTitle,
      questions: round.questions,
      invited: new Set(round.invited),
    };
    // Only open rounds are kept: a closed one is read fresh (it is answered rarely).
    if (round.status === 'open') {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { round: answerable, until: this.now() + this.ttlMs });
    }
    return answerable;
  }
}
