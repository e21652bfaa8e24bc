import type { Doc } from '../ports/store';

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
