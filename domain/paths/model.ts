import type { Doc } from '../ports/store';

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
