import type { Doc, NewDoc, Store } from '../ports/store';
import type { Answer, Round } from './model';

/** checkins: each person's answer to a round is `answer:<roundId>:<userId>`. */
export const answerId = (roundId: string, userId: string) => `answer:${roundId}:${userId}`;

/**
 * `closed:<roundId>`: written first whenever a round closes (on time or early from the meeting).
 * A point read of this small document tells the answer path of a close in any process, without
 * reading the round (whose copy an answering process keeps for a few seconds).
 */
export const closedMarkId = (roundId: string) => `closed:${roundId}`;

/** Where check-in rounds and answers are kept: the `checkins` container. */
export class CheckinRepository {
  constructor(private readonly store: Store) {}

  /** A round by id; an answer (or anything else) is no round. */
  async round(tenantId: string, id: string): Promise<Round | undefined> {
    const round = await this.store.read<Round>('checkins', tenantId, id);
    return round?.type === 'round' ? round : undefined;
  }

  /** Opens a round unless another scheduler pass already did, and says which happened. */
  addRoundOnce(round: NewDoc<Round>): Promise<{ doc: Round; created: boolean }> {
    return this.store.createOnce<Round>('checkins', round);
  }

  updateRound(tenantId: string, id: string, mutate: (r: Round) => Round | undefined): Promise<Round | undefined> {
    return this.store.update<Round>('checkins', tenantId, id, mutate);
  }

  /** A pilot's most recent round (by check-in day), if it has had one. */
  async latestRound(tenantId: string, pilotId: string): Promise<Round | undefined> {
    const [round] = await this.store.all<Round>(
      'checkins',
      tenantId,
      "SELECT TOP 1 * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.pilotId = @pilotId ORDER BY c.date DESC",
      { pilotId },
    );
    return round;
  }

  openRounds(tenantId: string): Promise<Round[]> {
    return this.store.all<Round>('checkins', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.status = 'open'");
  }

  /** Open rounds a person has been asked in, closing soonest first. */
  openRoundsPromptedTo(tenantId: string, userId: string): Promise<Round[]> {
    return this.store.all<Round>(
      'checkins',
      tenantId,
      "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.status = 'open' AND ARRAY_CONTAINS(c.prompted, @userId) ORDER BY c.closesAt",
      { userId },
    );
  }

  answer(tenantId: string, roundId: string, userId: string): Promise<Answer | undefined> {
    return this.store.read<Answer>('checkins', tenantId, answerId(roundId, userId));
  }

  answersTo(round: Round): Promise<Answer[]> {
    return this.store.all<Answer>('checkins', round.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'answer' AND c.roundId = @roundId", { roundId: round.id });
  }

  /** Who has answered a round so far (reads only the user ids). */
  async answeredBy(round: Round): Promise<string[]> {
    const rows = await this.store.all<{ userId: string }>('checkins', round.tenantId, "SELECT c.userId FROM c WHERE c.tenantId = @tenantId AND c.type = 'answer' AND c.roundId = @roundId", { roundId: round.id });
    return rows.map((r) => r.userId);
  }

  /** Marks the round closed for every process's answer path (idempotent). */
  async markClosed(round: Pick<Round, 'tenantId' | 'id' | 'pilotId'>): Promise<void> {
    await this.store.createOnce<Doc & { roundId: string; pilotId: string }>('checkins', { id: closedMarkId(round.id), tenantId: round.tenantId, type: 'round-closed', roundId: round.id, pilotId: round.pilotId });
  }

  /** Whether the round has been closed (see closedMarkId). */
  async isClosed(tenantId: string, roundId: string): Promise<boolean> {
    return (await this.store.read('checkins', tenantId, closedMarkId(roundId))) !== undefined;
  }

  /** Writes (or overwrites) one person's answer: its own document, never the shared round. */
  saveAnswer(answer: NewDoc<Answer>): Promise<Answer> {
    return this.store.upsert<Answer>('checkins', answer);
  }
}
