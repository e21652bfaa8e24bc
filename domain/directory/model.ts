import type { Doc } from '../ports/store';
import type { Role } from '../shared/caller';

/** directory: `settings` */
export interface TenantSettings extends Doc {
  type: 'settings';
  name: string;
  anonymityThreshold: number; // 3–25, default 5
  defaultTimeZone: string;
}

/** A Teams team channel, group chat or the personal scope the bot was installed in. */
export interface Team extends Doc {
  type: 'team';
  name: string;
  kind: 'channel' | 'groupChat' | 'personal';
  department?: string;
  teamsTeamId?: string;
  channelId?: string;
  conversationId?: string;
  serviceUrl?: string;
  /** Serialized botbuilder ConversationReference; only bot/ interprets it. */
  conversationReference?: Record<string, unknown>;
  managerId?: string;
  memberIds: string[];
  installedAt?: string;
  locale?: string;
}

/**
 * Where a group of people is messaged and checked in with: a team, or a leadership circle
 * (directory `circle:` documents carry the same fields). A circle stands in for a team only as
 * the team of its own check-in rhythm, and as the target of messages to the circle.
 */
export interface Conversation extends Doc {
  type: 'team' | 'circle';
  name: string;
  memberIds: string[];
  managerId?: string;
  conversationReference?: Record<string, unknown>;
  locale?: string;
}

/** directory: `member:<userId>` */
export interface Member extends Doc {
  type: 'member';
  userId: string;
  teamsUserId?: string;
  name: string;
  email?: string;
  /** The zone check-ins follow: the device's until the person chooses one (`timeZoneChosen`). */
  timeZone: string;
  /** The person set their zone themselves (chat or preferences): what a device reports never replaces it. */
  timeZoneChosen?: boolean;
  /** The zone the person's Teams client last reported. */
  deviceTimeZone?: string;
  roles: Role[];
  teamIds: string[];
  managerId?: string;
  department?: string;
  workDays: number[]; // 0 = Sunday
  quietHours?: { from: string; to: string };
  pausedUntil?: string;
  optOutPublicCelebration?: boolean;
  /** Where each kind of notice reaches them (notifications.ts); absent kinds: chat. */
  notifications?: Partial<Record<string, string>>;
  unreachable?: boolean;
  /** Teams locale (e.g. es-ES) last seen from this person: cards they get are in that language. */
  locale?: string;
  /** Serialized 1:1 conversation reference with the bot, once one exists. */
  personalConversation?: Record<string, unknown>;
}
