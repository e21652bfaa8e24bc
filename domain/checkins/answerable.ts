import type { Round } from './model';

/**
 * What the answer path needs of a round: whether the person was invited, and what it asks. A
 * round document carries every invitee's schedule (≈ 100 bytes a person: 150 KB for a 1,000-person
 * team), and reading it whole on every answer made the store the bottleneck of the card-answer
 * path (and costs request units in proportion to its size). `invited`, `questions` and `closesAt`
 * are fixed when the round opens, so each process keeps them for a few seconds. Whether the round
 * is still open is NOT taken from this copy alone: a round closes on time (`closesAt`, checked
 * against the clock) or early from the meeting view without changing `closesAt`, and every close
 * first writes a small `closed:<roundId>` document that each answer reads (repository.ts).
 */
export type AnswerableRound = Pick<Round, 'id' | 'tenantId' | 'pilotId' | 'closesAt' | 'status' | 'pilotTitle' | 'questions'> & { invited: ReadonlySet<string> };

export class AnswerableRounds {
  private readonly entries = new Map<string, { round: AnswerableRound; until: number }>();

  constructor(
    /** How long a round read is reused (wall-clock ms; freshness, not business time). */
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 2_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The round closed (or changed): the next answer reads it afresh. */
  forget(tenantId: string, roundId: string): void {
    this.entries.delete(`${tenantId}\n${roundId}`);
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
