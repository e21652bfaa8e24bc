import { OUTCOMES, type PilotAction, type PilotStatus, type PilotView } from './api';

/**
 * Pilot lifecycle as the tab presents it. Mirrors domain/pilots (TRANSITIONS, CLOSABLE,
 * EDITABLE); the server stays the authority and answers 409 if they ever disagree.
 */
/** A closed pilot's status is its outcome. */
export const CLOSED: readonly PilotStatus[] = OUTCOMES;

/** The list's status filter: one tab per open status, closed ones together. */
export const FILTERS = ['all', 'draft', 'active', 'paused', 'in_review', 'closed'] as const;
export type StatusFilter = (typeof FILTERS)[number];

export function matchesFilter(status: PilotStatus, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'closed') return CLOSED.includes(status);
  return status === filter;
}

export type DetailAction = PilotAction | 'edit' | 'close';

const ACTIONS: Record<PilotStatus, DetailAction[]> = {
  draft: ['edit', 'launch'],
  active: ['edit', 'pause', 'review', 'close'],
  paused: ['edit', 'resume', 'review', 'close'],
  in_review: ['close'],
  adopted: [],
  adapted: [],
  stopped: [],
};

/** What the caller may do with a pilot now; nothing unless they may edit it. */
export const actionsFor = (pilot: Pick<PilotView, 'status' | 'canEdit'>): DetailAction[] => (pilot.canEdit ? ACTIONS[pilot.status] : []);
