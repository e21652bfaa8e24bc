/**
 * What the domain needs from Microsoft Graph: the tenant's people (a delta query, so a nightly
 * sync reads only changes) and a team's owners. `server/graph/` implements it with the Microsoft
 * Graph SDK; locally and in tests the same SDK talks to a stand-in that speaks Graph's wire format.
 */

/** One user as a delta page gives it. Absent fields did not change (or were never set). */
export interface OrgUserChange {
  id: string;
  displayName?: string;
  department?: string | null;
  jobTitle?: string | null;
  /** A new manager's id, `null` when the manager link was removed, absent when unchanged. */
  managerId?: string | null;
  /** The user left the directory (`deleted`) or can no longer be seen (`changed`, e.g. soft-deleted). */
  removed?: 'changed' | 'deleted';
}

export interface UserDeltaPage {
  users: OrgUserChange[];
  /** More pages in this round: pass it back as `from`. */
  nextLink?: string;
  /** The round is complete: keep it; the next round passes it as `from` and reads only changes. */
  deltaLink?: string;
}

/** A member of a team as Teams knows it; `owner` is how Teams marks the people who run it. */
export interface TeamMemberInfo {
  userId: string;
  displayName?: string;
  owner: boolean;
}

/** Counts of what a sync asked of Graph, filled in by the adapter as it goes (retries included). */
export interface GraphMeter {
  calls: number;
  /** Answers that were 429 (the adapter waited for Retry-After and tried again). */
  throttled: number;
}

export const newMeter = (): GraphMeter => ({ calls: 0, throttled: 0 });

/** Why Graph could not answer, as the sync reports it. */
export type GraphFailureKind =
  /** No Graph connection for this tenant (the app's identity lives in another tenant). */
  | 'not_connected'
  /** Graph refused the app: a permission (User.Read.All, TeamMember.Read.All) is not granted. */
  | 'forbidden'
  /** Still throttled after the retries Retry-After allowed. */
  | 'throttled'
  /** The delta link is too old: start a full round again. */
  | 'expired'
  | 'not_found'
  /** The activity feed refused a notification: Leaderful is not installed for that person. */
  | 'not_installed'
  /** Network failure or a 5xx. */
  | 'unavailable';

export class GraphFailure extends Error {
  constructor(
    readonly kind: GraphFailureKind,
    readonly status?: number,
    /** How long Graph asked to wait before trying again (a 429's Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(`graph ${kind}${status ? ` (${status})` : ''}`);
  }
}

/**
 * One Teams activity feed notification (`POST /users/{id}/teamwork/sendActivityNotification`).
 * `activityType` is one the manifest declares (`activities.activityTypes`); Teams draws the line
 * from that type's `templateText` in the reader's language, filled with `templateParameters`.
 */
export interface ActivityNotification {
  /** What the notification is about: a deep link into the tab, with the words shown for it. */
  topic: { source: 'text'; value: string; webUrl: string } | { source: 'entityUrl'; value: string };
  activityType: string;
  /** One plain line under the template (at most 150 characters). */
  previewText: string;
  templateParameters: { name: string; value: string }[];
}

export interface GraphPort {
  /** One page of the users delta round: the first page of a full round when `from` is absent. */
  usersDelta(tenantId: string, from: string | undefined, meter: GraphMeter): Promise<UserDeltaPage>;
  /** Everyone in a Microsoft 365 group's team, with who owns it. */
  teamMembers(tenantId: string, groupId: string, meter: GraphMeter): Promise<TeamMemberInfo[]>;
  /**
   * Puts a notification in a person's Teams activity feed. Tried once: a 429 fails as `throttled`
   * with Graph's Retry-After, so the outbox that called it paces the retry and records it.
   */
  sendActivityNotification(tenantId: string, userId: string, notification: ActivityNotification): Promise<void>;
}
