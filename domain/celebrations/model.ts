import type { Doc } from '../ports/store';
import type { Params } from '../shared/codes';

export const CELEBRATION_KINDS = ['first_round', 'streak', 'confidence_rising', 'measure_met', 'adopted', 'kudos', 'project_done', 'path_ready'] as const;
export type CelebrationKind = (typeof CELEBRATION_KINDS)[number];

/** pilots: `celebration:<id>` */
export interface Celebration extends Doc {
  type: 'celebration';
  kind: CelebrationKind;
  pilotId?: string;
  teamId?: string;
  fromId?: string;
  toId?: string;
  /** What the celebration says, as params of its kind's wording (i18n `celebration.<kind>`). */
  params: Params;
  visibility: 'team' | 'private';
  createdAt: string;
}
