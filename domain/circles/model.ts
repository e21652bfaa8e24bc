import type { Doc } from '../ports/store';

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

const NEVER = '9999-12-31T00:00:00.000Z';

/** When the circle next needs the background pass: its election's deadline, else the end of the term. */
export function dueAtOf(c: Pick<Circle, 'election' | 'convenor'>): string {
  if (c.election?.status === 'open') return c.election.closesAt;
  return c.convenor.termEndsAt ?? NEVER;
}
