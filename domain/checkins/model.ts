import type { Doc } from '../ports/store';
import type { Question } from '../practices/model';
import type { RoundFigures } from '../pilots/model';

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
  /** What the round's summary said when it closed (the threshold already applied). */
  summary?: RoundSummary;
}

/** A closed round as its summary shows it. */
export interface RoundSummary {
  pilotId: string;
  pilotTitle: string;
  roundId: string;
  date: string;
  number: number;
  invited: number;
  answered: number;
  confidence: number | null;
  previousConfidence: number | null;
  blockers: string[];
  facilitatorId?: string;
  facilitatorName?: string;
  threshold: number;
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
