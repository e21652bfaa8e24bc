import type { Doc } from '../ports/store';

/** What the outbox holds: messages to send (and where they stand), and each tenant's sending lease (sending-lease.ts). */
export type Target =
  | { kind: 'user'; userId: string }
  | { kind: 'team'; teamId: string }
  /**
   * The author of an anonymous feedback item. Resolved only at send time from the contacts
   * container, so the outbox never holds who wrote it (nor the 1:1 conversation it went to).
   */
  | { kind: 'contact'; feedbackId: string };

export const NOTIFICATION_KINDS = [
  'checkin_prompt',
  'checkin_reminder',
  'round_summary',
  'facilitator_handoff',
  'facilitator_announcement',
  'celebration',
  'feedback_reply',
  'feedback_update',
  'feedback_digest',
  // Circles, stories, projects and development paths (bot/circles.ts draws their cards).
  'circle_update',
  'story_shared',
  'story_question',
  'project_update',
  'path_update',
  // A card already sent, redrawn in place (Universal Actions cards that stay current).
  'checkin_closed',
  // A micro-lesson (bot/lessons draws it): with a pilot's launch, to a new convenor.
  'lesson',
  // The managers' pulse (bot/pulse): the prompt, its reminder, and senior leaders' weekly at-risk digest.
  'pulse_prompt',
  'pulse_reminder',
  'atrisk_digest',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface OutboxItem extends Doc {
  type: 'outbox';
  key: string;
  kind: NotificationKind;
  target: Target;
  /** What the card needs; bot/notifications.ts turns kind + data into the card. */
  data: Record<string, unknown>;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable' | 'cancelled';
  attempts: number;
  notBefore: string; // ISO: earliest send (backoff, Retry-After)
  leaseUntil?: string;
  createdAt: string;
  sentAt?: string;
  activityId?: string;
  conversationId?: string;
  lastError?: string;
  /**
   * The key of a message sent earlier whose card this one replaces in place (`updateActivity` on
   * its recorded activity id), instead of posting a new message.
   */
  replaces?: string;
  /**
   * Where this copy of a notice goes: `feed` the person's Teams activity feed (through Graph),
   * `chat` their chat whatever they chose (the feed refused it). Absent: as the person chose.
   */
  channel?: 'chat' | 'feed';
}

/** Where a replacing message stands with the message it replaces. */
export type Replaced =
  | { state: 'sent'; activityId: string; conversationId: string }
  /** Not sent yet (or being sent): try again shortly. */
  | { state: 'waiting' }
  /** Never sent, sent where it cannot be updated (an anonymous author's chat), or given up. */
  | { state: 'gone' };

/** One per tenant, in the outbox container: who spends the tenant's sending budget now (sending-lease.ts). */
export interface SendingLease extends Doc {
  type: 'sending-lease';
  holder: string;
  until: string;
  /** Send times (ms since epoch) of the holder's last second, left when it gave the lease back. */
  recent: number[];
}

export const SENDING_LEASE_ID = 'sending-lease';
