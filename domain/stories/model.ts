import type { Doc } from '../ports/store';
import type { Outcome } from '../pilots/model';

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
