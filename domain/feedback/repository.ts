import { createHash } from 'node:crypto';
import type { Doc, NewDoc, Store } from '../ports/store';
import type { Answer, Round } from '../checkins/model';
import type { Pilot, RoundFigures } from '../pilots/model';
import type { TenantSettings } from '../directory/model';
import type { Contact, FeedbackItem } from './model';

export type { MemberInfo } from '../anonymity';

/** contacts: `request:<hash>` — which item a retried request already created. */
interface RequestRecord extends Doc {
  type: 'feedback-request';
  feedbackId: string;
}

type Mutate<T> = (current: T) => T | undefined;

const ITEMS = "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback'";
/** Still being worked on, or written in the last weeks. */
const RECENT = "(c.state IN ('open', 'acknowledged', 'acted') OR c.createdWeek >= @since)";

/**
 * Every read and write feedback makes: its own items, contacts and request records, the roster
 * it computes anonymity over, and the few documents of other components it needs (pilots,
 * check-in rounds and answers, the tenant's threshold).
 */
export class FeedbackRepository {
  constructor(private readonly store: Store) {}

  // ------------------------------------------------------------------------------------------
  // Items.

  item(tenantId: string, id: string): Promise<FeedbackItem | undefined> {
    return id.startsWith('feedback:') ? this.store.read<FeedbackItem>('feedback', tenantId, id) : Promise.resolve(undefined);
  }

  createItem(item: NewDoc<FeedbackItem>): Promise<{ doc: FeedbackItem; created: boolean }> {
    return this.store.createOnce<FeedbackItem>('feedback', item);
  }

  /** Read-modify-write with the item's ETag; `mutate` returns undefined to leave it. */
  updateItem(tenantId: string, id: string, mutate: Mutate<FeedbackItem>): Promise<FeedbackItem | undefined> {
    return this.store.update<FeedbackItem>('feedback', tenantId, id, mutate);
  }

  /** Items the user gave with their name. */
  namedBy(tenantId: string, userId: string): Promise<FeedbackItem[]> {
    return this.store.all<FeedbackItem>('feedback', tenantId, `${ITEMS} AND c.authorId = @userId`, { userId });
  }

  /** Every item still being worked on or written since `since` (leader inboxes). */
  recent(tenantId: string, since: string): Promise<FeedbackItem[]> {
    return this.store.all<FeedbackItem>('feedback', tenantId, `${ITEMS} AND ${RECENT}`, { since });
  }

  /** The same, for the items one person owns. */
  recentOwnedBy(tenantId: string, ownerId: string, since: string): Promise<FeedbackItem[]> {
    return this.store.all<FeedbackItem>('feedback', tenantId, `${ITEMS} AND c.ownerId = @me AND ${RECENT}`, { since, me: ownerId });
  }

  /** Anonymous items with contributor steps waiting for the daily batch. */
  withPending(tenantId: string): Promise<{ id: string }[]> {
    return this.store.all<{ id: string }>('feedback', tenantId, "SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback' AND IS_DEFINED(c.pending) AND ARRAY_LENGTH(c.pending) > 0");
  }

  /** Items not closed yet (digests). */
  unclosed(tenantId: string): Promise<FeedbackItem[]> {
    return this.store.all<FeedbackItem>('feedback', tenantId, `${ITEMS} AND c.state IN ('open', 'acknowledged', 'acted')`);
  }

  /** A pilot's open items, as much as its rollup needs. */
  openOnPilot(tenantId: string, pilotId: string): Promise<Pick<FeedbackItem, 'anonymous' | 'createdWeek'>[]> {
    return this.store.all<Pick<FeedbackItem, 'anonymous' | 'createdWeek'>>(
      'feedback',
      tenantId,
      "SELECT c.anonymous, c.createdWeek FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback' AND c.pilotId = @pilotId AND c.state = 'open'",
      { pilotId },
    );
  }

  /** Items written in the weeks [from, to), as much as the summary counts. */
  countable(tenantId: string, from: string, to: string): Promise<Pick<FeedbackItem, 'topic' | 'state' | 'scope' | 'teamId'>[]> {
    return this.store.all<Pick<FeedbackItem, 'topic' | 'state' | 'scope' | 'teamId'>>(
      'feedback',
      tenantId,
      "SELECT c.topic, c.state, c.scope, c.teamId FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback' AND c.createdWeek >= @from AND c.createdWeek < @to",
      { from, to },
    );
  }

  /** Items written before `to` that are still open or were written since `from` (signals). */
  forSignals(tenantId: string, from: string, to: string): Promise<Pick<FeedbackItem, 'state' | 'scope' | 'teamId' | 'createdWeek' | 'acknowledgedWeek'>[]> {
    return this.store.all<Pick<FeedbackItem, 'state' | 'scope' | 'teamId' | 'createdWeek' | 'acknowledgedWeek'>>(
      'feedback',
      tenantId,
      "SELECT c.state, c.scope, c.teamId, c.createdWeek, c.acknowledgedWeek FROM c WHERE c.tenantId = @tenantId AND c.type = 'feedback' AND c.createdWeek < @to AND (c.state = 'open' OR c.createdWeek >= @from)",
      { from, to },
    );
  }

  // ------------------------------------------------------------------------------------------
  // Contacts (the only link from an anonymous item to its author) and request records.

  contact(tenantId: string, feedbackId: string): Promise<Contact | undefined> {
    return this.store.read<Contact>('contacts', tenantId, `contact:${feedbackId}`);
  }

  /** The user's own contacts: which anonymous items they gave. */
  contactsOf(tenantId: string, userId: string): Promise<Pick<Contact, 'feedbackId' | 'rerouted'>[]> {
    return this.store.all<Pick<Contact, 'feedbackId' | 'rerouted'>>(
      'contacts',
      tenantId,
      "SELECT c.feedbackId, c.rerouted FROM c WHERE c.tenantId = @tenantId AND c.type = 'contact' AND c.userId = @userId",
      { userId },
    );
  }

  async addContact(tenantId: string, feedbackId: string, userId: string, rerouted: boolean): Promise<void> {
    await this.store.createOnce<Contact>('contacts', { id: `contact:${feedbackId}`, tenantId, type: 'contact', feedbackId, userId, ...(rerouted ? { rerouted } : {}) });
  }

  /** Records that this request creates `feedbackId`, unless a retry got there first: returns the id to use. */
  async claimRequest(tenantId: string, userId: string, requestKey: string, feedbackId: string): Promise<string> {
    const { doc } = await this.store.createOnce<RequestRecord>('contacts', {
      id: `request:${createHash('sha256').update(`${tenantId}|${userId}|${requestKey}`).digest('hex').slice(0, 40)}`,
      tenantId,
      type: 'feedback-request',
      feedbackId,
    });
    return doc.feedbackId;
  }

  // ------------------------------------------------------------------------------------------
  // The tenant's threshold.

  /** Stores the tenant's anonymity threshold; undefined when it already was that. */
  setThreshold(tenantId: string, anonymityThreshold: number): Promise<TenantSettings | undefined> {
    return this.store.update<TenantSettings>('directory', tenantId, 'settings', (s) =>
      s.anonymityThreshold === anonymityThreshold ? undefined : { ...s, anonymityThreshold },
    );
  }

  // ------------------------------------------------------------------------------------------
  // Pilots: titles to show, and the feedback part of their health.

  pilot(tenantId: string, pilotId: string): Promise<Pilot | undefined> {
    return this.store.read<Pilot>('pilots', tenantId, pilotId);
  }

  async pilotTitles(tenantId: string, ids: (string | undefined)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return new Map();
    const rows = await this.store.all<{ id: string; title: string }>('pilots', tenantId, "SELECT c.id, c.title FROM c WHERE c.tenantId = @tenantId AND c.type = 'pilot' AND ARRAY_CONTAINS(@ids, c.id)", { ids: wanted });
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  async updatePilot(tenantId: string, pilotId: string, mutate: Mutate<Pilot>): Promise<void> {
    await this.store.update<Pilot>('pilots', tenantId, pilotId, mutate);
  }

  // ------------------------------------------------------------------------------------------
  // Check-ins: answers shared with leaders, and closed rounds' figures for signals.

  round(tenantId: string, roundId: string): Promise<Round | undefined> {
    return this.store.read<Round>('checkins', tenantId, roundId);
  }

  /** A round's answers marked "share anonymously with leaders". */
  sharedAnswers(tenantId: string, roundId: string): Promise<Pick<Answer, 'id' | 'userId' | 'values'>[]> {
    return this.store.all<Pick<Answer, 'id' | 'userId' | 'values'>>(
      'checkins',
      tenantId,
      "SELECT c.id, c.userId, c.values FROM c WHERE c.tenantId = @tenantId AND c.type = 'answer' AND c.roundId = @roundId AND c.shareAnonymously = true",
      { roundId },
    );
  }

  /** Ids of rounds closed on or after `since`. */
  closedRoundsSince(tenantId: string, since: string): Promise<{ id: string }[]> {
    return this.store.all<{ id: string }>('checkins', tenantId, "SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.status = 'closed' AND c.date >= @since", { since });
  }

  /** Closed rounds dated in [from, to), with their shown figures. */
  closedRoundFigures(tenantId: string, from: string, to: string): Promise<{ teamId?: string; date?: string; figures?: RoundFigures }[]> {
    return this.store.all<{ teamId?: string; date?: string; figures?: RoundFigures }>(
      'checkins',
      tenantId,
      "SELECT c.teamId, c.date, c.figures FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.status = 'closed' AND c.date >= @from AND c.date < @to",
      { from, to },
    );
  }
}
