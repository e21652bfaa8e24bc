import type { Doc } from '../ports/store';

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
  /** The organisation challenge this project takes up, if any. */
  challengeId?: string;
  createdAt: string;
  updatedAt: string;
}

export const CHALLENGE_STATUSES = ['open', 'closed'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

/**
 * pilots: `challenge:<id>` — an organisation-level challenge a senior leader posts; circles take
 * it up as community projects (the poster is the natural sponsor).
 */
export interface Challenge extends Doc {
  type: 'challenge';
  title: string;
  problem: string;
  postedById: string;
  postedByName: string;
  status: ChallengeStatus;
  /** Projects that took it up, with their circles, oldest first. */
  takenUpBy: { projectId: string; circleId: string; circleName: string }[];
  createdAt: string;
  updatedAt: string;
}
