import type { Doc } from '../ports/store';
import type { AppRole, Role } from '../shared/caller';

/** directory: `settings` */
export interface TenantSettings extends Doc {
  type: 'settings';
  name: string;
  anonymityThreshold: number; // 3–25, default 5
  /** Defaults for people as they join (each person can change their own). */
  defaultTimeZone: string;
  workDays?: number[];
  quietHours?: { from: string; to: string };
}

/** Where a team's manager comes from: its Teams owners, an admin, or (before Teams owners were read) the installer. */
export type ManagerSource = 'teams' | 'admin' | 'installer';

export interface TeamManager {
  userId: string;
  source: ManagerSource;
  since: string;
  /** Who named them (admin-named managers). */
  by?: string;
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
  /** The Microsoft 365 group behind a Teams team: how Graph finds its owners. */
  aadGroupId?: string;
  /** Everyone who manages the team, and why; Teams owners first. */
  managers?: TeamManager[];
  /** The first of `managers` (kept for readers that know one manager per team). */
  managerId?: string;
  /** Everyone in the conversation (its managers who are in it too). */
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
  /**
   * `member` and the Entra app roles of their last verified sign-in (`entraRoles`), kept in step by
   * the directory. Managing a team is a right per team (rights.ts), not a role stored here.
   */
  /** The person set their zone themselves (chat or preferences): what a device reports never replaces it. */
  timeZoneChosen?: boolean;
  /** The zone the person's Teams client last reported. */
  deviceTimeZone?: string;
  roles: Role[];
  teamIds: string[];
  /** Their manager and department, from the organisation sync (Microsoft Graph). */
  managerId?: string;
  department?: string;
  /** Their place in the organisation, from the last organisation sync. */
  org?: OrgPlace;
  /** The app roles of their last verified sign-in token, and when it was verified. */
  entraRoles?: { roles: AppRole[]; verifiedAt: string };
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

/**
 * directory: `person:<userId>`, someone in the organisation as the organisation sync read them
 * from Microsoft Graph, whether or not they use Leaderful. People who use Leaderful (members)
 * carry the same place (department, manager, `org`); groups and crowds count members only, so
 * anonymity rests on the people who could have written, never on the whole directory.
 */
export interface Person extends Doc {
  type: 'person';
  userId: string;
  name: string;
  department?: string;
  managerId?: string;
  org: OrgPlace;
}

export const personId = (userId: string) => `person:${userId}`;

/** Where someone sits in the organisation, as the last organisation sync found it. */
export interface OrgPlace {
  jobTitle?: string;
  /** Whom Microsoft Graph says they report to (kept even when that line was not accepted). */
  reportsTo?: string;
  /** Their accepted managers, the direct one first, up to the top of the organisation. */
  chain: string[];
  /** How many people report to them directly. */
  directReports?: number;
  syncedAt: string;
  /** No longer in the directory (deleted in Entra ID); kept for what they wrote. */
  left?: boolean;
}

/** A manager's org unit: everyone whose chain passes through them. */
export const orgUnitId = (leaderId: string) => `unit:${leaderId}`;

/**
 * The org units a person belongs to, widest first: the top leader's unit, …, their own manager's
 * unit. With the organisation around them, these are the roll-up groups above a team.
 */
export function orgUnitsOf(member: Pick<Member, 'org'>): string[] {
  return [...(member.org?.chain ?? [])].reverse().map(orgUnitId);
}

/**
 * A member's stored roles: everyone is a member, plus Entra's app roles as last verified. Managing
 * is per team (rights.ts) and never stored as a role.
 */
export function effectiveRoles(entra: readonly AppRole[]): Role[] {
  return ['member', ...entra];
}
