import type { Scope } from '../anonymity';
import type { Doc } from '../ports/store';

export const FEEDBACK_TOPICS = ['practice', 'workload', 'autonomy', 'support', 'recognition', 'other'] as const;
export const FEEDBACK_STATES = ['open', 'acknowledged', 'acted', 'closed'] as const;

export type FeedbackTopic = (typeof FEEDBACK_TOPICS)[number];
export type FeedbackState = (typeof FEEDBACK_STATES)[number];

/** A thread holds at most this many entries; past it, people start a new item. */
export const MAX_THREAD_ENTRIES = 100;

/** One step of a feedback item's thread: a reply, or a state change with its note. Weeks only. */
export interface FeedbackEntry {
  from: 'owner' | 'contributor';
  text: string;
  week: string;
  kind?: 'reply' | 'acknowledged' | 'acted' | 'closed' | 'confirmed' | 'reopened';
  name?: string; // owner entries: who wrote it (owners are never anonymous)
  rid?: string; // hash of the request that wrote it, so a retried request adds nothing
}

/**
 * A contributor's step on an anonymous thread (reply, confirm, reopen) waiting for the daily batch
 * that carries it to the owner: exact times are what the week delay exists to hide.
 */
export interface PendingEntry extends FeedbackEntry {
  from: 'contributor';
  kind: 'reply' | 'confirmed' | 'reopened';
  /** The batch (an instant) that delivers it. */
  batch: string;
}

/**
 * feedback: `feedback:<uuid>` (random, never derived from the author). Anonymous items hold no
 * user id and no exact time (see `Contact` and domain/anonymity); `scope` is already rolled up
 * to a group of at least the threshold when the item is written.
 */
export interface FeedbackItem extends Doc {
  type: 'feedback';
  audience: 'manager' | 'leaders';
  topic: FeedbackTopic;
  text: string;
  anonymous: boolean;
  authorId?: string; // named items only
  authorName?: string;
  scope?: Scope;
  teamId?: string; // anonymous items: only when the scope is that team
  pilotId?: string; // anonymous items: only when the pilot's team is the scope
  /** Manager items: the manager. Leader items: the leader who took it on (unset until then). */
  ownerId?: string;
  ownerName?: string;
  state: FeedbackState;
  dueDate: string; // derived from the week, never from the exact day
  createdWeek: string; // coarse time only: exact timestamps could identify anonymous authors
  acknowledgedWeek?: string;
  closedWeek?: string;
  source?: 'direct' | 'checkin';
  contributorVerdict?: 'closed' | 'not_closed';
  replies: FeedbackEntry[];
  /** Contributor-side steps of an anonymous thread the owner does not see yet (see PendingEntry). */
  pending?: PendingEntry[];
  /**
   * Check-in answers shared as feedback: the questions and answers, composed into the text at
   * read time so the pilot and its questions are named only while disclosure allows it.
   */
  checkin?: { parts: { question: string; answer: string }[] };
}

/**
 * contacts: `contact:<feedbackId>` — the only link from an anonymous item to its author, read
 * by the delivery path and by the author's own "what I gave" list, never by any other view.
 */
export interface Contact extends Doc {
  type: 'contact';
  feedbackId: string;
  userId: string;
  /** Sent to senior leaders because the author's team was below the threshold. */
  rerouted?: boolean;
}
