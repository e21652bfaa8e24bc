/**
 * Leaderful's domain model: the shapes every surface (bot, message extension, tab API) shares.
 * Each document type lives in one container (see store/containers.ts) and carries `tenantId`.
 * Ids are prefixed by type so a point read can never return a document of another kind.
 */
import type { Doc } from '../store/cosmos';

/** `leader` is a senior leader: sees every pilot in the tenant and feedback addressed to leaders. */
export const ROLES = ['member', 'manager', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, resolved at the edge from an SSO token or a Bot Framework activity. */
export interface Caller {
  tenantId: string;
  userId: string; // Entra object id
  name: string;
  roles: Role[];
}

export const hasRole = (caller: Caller, ...roles: Role[]) => roles.some((r) => caller.roles.includes(r));

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

/** directory: `member:<userId>` */
export interface Member extends Doc {
  type: 'member';
  userId: string;
  teamsUserId?: string;
  name: string;
  email?: string;
  timeZone: string;
  roles: Role[];
  teamIds: string[];
  managerId?: string;
  department?: string;
  workDays: number[]; // 0 = Sunday
  quietHours?: { from: string; to: string };
  pausedUntil?: string;
  optOutPublicCelebration?: boolean;
  unreachable?: boolean;
  /** Teams locale (e.g. es-ES) last seen from this person: cards they get are in that language. */
  locale?: string;
  /** Serialized 1:1 conversation reference with the bot, once one exists. */
  personalConversation?: Record<string, unknown>;
}

export const QUESTION_KINDS = ['scale', 'text', 'yesno', 'choice'] as const;
export interface Question {
  id: string;
  kind: (typeof QUESTION_KINDS)[number];
  text: string;
  choices?: string[];
}

/** directory: `practice:<slug>` — the practice library. */
export interface Practice extends Doc {
  type: 'practice';
  name: string;
  summary: string;
  why: string;
  how: string[];
  measures: string[];
  questions: Question[];
  tags: string[];
  builtIn: boolean;
}

export const PILOT_STATUSES = ['draft', 'active', 'paused', 'in_review', 'adopted', 'adapted', 'stopped'] as const;
export type PilotStatus = (typeof PILOT_STATUSES)[number];
export const OUTCOMES = ['adopted', 'adapted', 'stopped'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Cadence {
  weekdays: number[]; // 0 = Sunday … 6 = Saturday
  time: string; // HH:mm in each member's own time zone
  everyWeeks: number;
  reminderHours: number; // nudge the silent this long before the round closes (0 = never)
  roundHours: number; // how long a round stays open
}

/** pilots: `pilot:<uuid>` */
export interface Pilot extends Doc {
  type: 'pilot';
  title: string;
  practiceId?: string;
  practiceName: string;
  hypothesis: string;
  successMeasures: string[];
  teamId: string;
  teamName: string;
  managerId: string;
  managerName: string;
  cadence: Cadence;
  questions: Question[];
  startDate: string; // YYYY-MM-DD
  endDate: string;
  status: PilotStatus;
  learning?: string;
  createdAt: string;
  updatedAt: string;
  health: PilotHealth;
  /** Closed rounds' figures, newest last (bounded): the rollup leader views and health read. */
  roundFigures?: RoundFigures[];
  /** Facilitator rota: member ids in turn order, and whose turn was last. */
  rota?: { order: string[]; last: number };
  measuresMet?: number[];
  /** Set on a leadership circle's check-in rhythm (see Circle): not a pilot of a practice. */
  circleId?: string;
  /** The practice story this pilot builds on (domain/stories.ts). */
  basedOnStoryId?: string;
}

/**
 * Kept on the pilot itself and updated on write (when a round closes, when feedback changes), so
 * lists and leader views read one document per pilot and never scan answers.
 */
export interface PilotHealth {
  rounds: number;
  participation: number | null; // 0..1, last closed round
  confidence: number | null; // average 1..5, last closed round
  confidenceTrend: number[]; // last closed rounds, oldest first
  openFeedback: number;
  signals: Signal[];
  level: 'good' | 'watch' | 'at_risk' | 'unknown';
}

export interface Signal {
  kind: 'micromanagement' | 'overload' | 'neglected_feedback' | 'low_participation';
  reason: string;
}

/** checkins: `round:<pilotId>:<date>` — one check-in occurrence of a pilot. */
export interface Round extends Doc {
  type: 'round';
  pilotId: string;
  teamId: string;
  date: string; // YYYY-MM-DD, the check-in day
  number: number;
  opensAt: string; // earliest member prompt
  closesAt: string;
  facilitatorId?: string;
  invited: string[];
  /** When each member is asked and reminded, in UTC, from their own time zone. */
  schedule: Record<string, { promptAt: string; remindAt?: string }>;
  prompted: string[];
  reminded: string[];
  answered: string[];
  status: 'open' | 'closed';
  figures?: RoundFigures;
  /** What this round asks, as it was when it opened (the answer path reads only the round). */
  pilotTitle?: string;
  questions?: Question[];
}

export interface RoundFigures {
  date?: string; // the round's check-in day
  invited: number;
  answered: number;
  confidence: number | null; // average 1..5; null when too few answers to show
  autonomy: number | null;
  workload: number | null; // 1 = overloaded … 5 = comfortable
}

/** checkins: `answer:<roundId>:<userId>` */
export interface Answer extends Doc {
  type: 'answer';
  pilotId: string;
  roundId: string;
  userId: string;
  values: Record<string, string | number | boolean>;
  shareAnonymously: boolean;
  answeredAt: string;
}

export const FEEDBACK_TOPICS = ['practice', 'workload', 'autonomy', 'support', 'recognition', 'other'] as const;
export const FEEDBACK_STATES = ['open', 'acknowledged', 'acted', 'closed'] as const;

export type FeedbackTopic = (typeof FEEDBACK_TOPICS)[number];
export type FeedbackState = (typeof FEEDBACK_STATES)[number];

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
 * feedback: `feedback:<uuid>` (random, never derived from the author). Anonymous items hold no
 * user id and no exact time (see `Contact` and domain/anonymity.ts); `scope` is already rolled up
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
  scope?: { level: 'team' | 'department' | 'tenant'; teamId?: string; department?: string };
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

/** pilots: `celebration:<id>` */
export interface Celebration extends Doc {
  type: 'celebration';
  kind: 'first_round' | 'streak' | 'confidence_rising' | 'measure_met' | 'adopted' | 'kudos' | 'project_done' | 'path_ready';
  pilotId?: string;
  teamId?: string;
  fromId?: string;
  toId?: string;
  message: string;
  visibility: 'team' | 'private';
  createdAt: string;
}

// ---------------------------------------------------------------------------------------------
// Leadership circles, practice stories, community projects, development paths (issue 9).
// Circles and paths live in `directory`, stories and projects in `pilots`.

/** A convenor's time in office. `interim`: the circle's founder, until the first election closes. */
export interface ConvenorTerm {
  userId: string;
  name: string;
  since: string; // ISO
  termEndsAt?: string; // ISO; unset while interim
  interim?: boolean;
}

export interface Nomination {
  userId: string;
  name: string;
  nominatedBy: string[];
  at: string;
}

export interface ElectionResult {
  winnerId: string;
  winnerName: string;
  /** How the winner was decided: most votes, the tie-break rule, or with no nominees the sitting convenor continuing or rotation. */
  rule: 'votes' | 'tie_break' | 'rotation' | 'continued';
  tally: { userId: string; name: string; votes: number }[];
  votesCast: number;
  closedAt: string;
  closedBy: string; // a user id, or 'deadline'
}

/** One election of a circle's convenor. `votes` (voter → nominee) is never shown to anyone. */
export interface Election {
  number: number;
  status: 'open' | 'closed';
  reason: 'first' | 'term_ended' | 'requested';
  openedAt: string;
  closesAt: string;
  openedBy: string; // a user id, or 'scheduler'
  /** Who may not stand: the outgoing convenor (no consecutive terms), unless alone. */
  excluded: string[];
  nominees: Nomination[];
  votes: Record<string, string>;
  result?: ElectionResult;
}

/**
 * directory: `circle:<hash of conversation>` — a leadership circle in a group chat or channel.
 * It doubles as the "team" of its check-in rhythm (a Pilot with `circleId`): the check-in engine
 * reads `memberIds` and delivery reads `conversationReference` from it by id.
 */
export interface Circle extends Doc {
  type: 'circle';
  name: string;
  purpose: string;
  /** The Team document of the conversation the circle lives in. */
  teamId: string;
  kind: 'channel' | 'groupChat';
  conversationReference?: Record<string, unknown>;
  memberIds: string[];
  convenor: ConvenorTerm;
  /** Past convenors, oldest first (bounded). */
  convenors: { userId: string; name: string; from: string; to: string }[];
  termWeeks: number;
  electionDays: number;
  election?: Election;
  /** Earliest moment background work is due (election deadline or end of term). */
  dueAt: string;
  rhythmPilotId: string;
  status: 'active' | 'closed';
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export const REACTION_KINDS = ['helpful', 'inspiring', 'will_try'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/** pilots: `story:<hash of pilot>` — what a manager learned from a closed pilot, for everyone. */
export interface Story extends Doc {
  type: 'story';
  pilotId: string;
  pilotTitle: string;
  practiceId?: string;
  practiceName: string;
  teamName: string;
  outcome: Outcome;
  authorId: string;
  authorName: string;
  tried: string;
  happened: string;
  change: string;
  circleIds: string[];
  reactions: Record<ReactionKind, string[]>;
  questionsAsked: number;
  basedOnStoryId?: string;
  /** Pilots launched on the strength of this story (bounded). */
  builtOn: { pilotId: string; title: string; teamName: string; managerName: string; at: string }[];
  /** Lower-cased title, practice, team, author and text: what search matches. */
  searchText: string;
  publishedAt: string;
  updatedAt: string;
}

export const PROJECT_STATUSES = ['proposed', 'approved', 'declined', 'done'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** pilots: `project:<id>` — a community project a circle proposes and a senior leader decides. */
export interface Project extends Doc {
  type: 'project';
  circleId: string;
  circleName: string;
  title: string;
  goal: string;
  weeksAsked: number;
  budget: { amount: number; currency: string };
  sponsorId: string;
  sponsorName: string;
  proposedById: string;
  proposedByName: string;
  status: ProjectStatus;
  decision?: { outcome: 'approved' | 'declined'; byId: string; byName: string; reason: string; at: string };
  startedOn?: string;
  dueOn?: string;
  checkins: { id: string; at: string; byId: string; byName: string; confidence: number; note: string }[];
  done?: { at: string; byId: string; byName: string; summary: string };
  createdAt: string;
  updatedAt: string;
}

export const LEADERSHIP_LEVELS = ['self', 'direct', 'group', 'executive'] as const;
export type LeadershipLevel = (typeof LEADERSHIP_LEVELS)[number];
export const LEADERSHIP_ELEMENTS = ['setting_direction', 'owning_results', 'influencing', 'empowering_others', 'accountability'] as const;
export type LeadershipElement = (typeof LEADERSHIP_ELEMENTS)[number];

export interface PathShare {
  userId: string;
  name: string;
  relation: 'manager' | 'peer';
  coach: boolean;
  at: string;
}

/**
 * directory: `path:<userId>` — one person's development path. Private: only the owner and the
 * people they share it with can read it (not leaders, not admins).
 */
export interface DevelopmentPath extends Doc {
  type: 'path';
  ownerId: string;
  ownerName: string;
  level: LeadershipLevel;
  assessment?: { ratings: Record<LeadershipElement, number>; note: string; at: string };
  goals: { id: string; text: string; pilotId?: string; pilotTitle?: string; circleId?: string; circleName?: string; status: 'open' | 'done'; at: string }[];
  shares: PathShare[];
  /** The shares' user ids, flat, for "shared with me" queries. */
  sharedIds: string[];
  coaching: { id: string; at: string; byId: string; byName: string; text: string }[];
  review?: { status: 'requested' | 'ready' | 'not_yet'; at: string; byId?: string; byName?: string; note?: string };
  recognition: { visibility: 'private' | 'team'; teamId?: string; celebrationId?: string };
  createdAt: string;
  updatedAt: string;
}
