import type { Doc } from '../ports/store';
import type { Params, SignalCode } from '../shared/codes';
import type { Question } from '../practices/model';

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
  /** What each check-in asks (1–7, see domain/pilots/questions.ts). */
  questions: Question[];
  /** Questions the pilot no longer asks, latest wording: their rounds and trend stay labelled. */
  pastQuestions?: Question[];
  startDate: string; // YYYY-MM-DD
  endDate: string;
  status: PilotStatus;
  /** Paused by the app, not by its manager: `app_removed` when the app left the team (a reinstall resumes it). */
  pausedReason?: 'app_removed';
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
  /** The practice story this pilot builds on (domain/stories). */
  basedOnStoryId?: string;
  /**
   * Changes made by someone other than its owner (an edit, a pause, a closure…), newest last and
   * bounded: what the managers' micromanagement signal reads (domain/pulse). Weeks only.
   */
  overrides?: PilotOverride[];
}

export const OVERRIDE_ACTIONS = ['edit', 'launch', 'pause', 'resume', 'review', 'close', 'measure'] as const;
export type OverrideAction = (typeof OVERRIDE_ACTIONS)[number];

/** One change to a pilot by someone other than its owner. */
export interface PilotOverride {
  action: OverrideAction;
  /** The ISO week (Monday) it happened in. */
  week: string;
  /** Made by a senior leader or an admin (else a co-owner of the team). */
  byLeader: boolean;
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
  /**
   * The named part of openFeedback (and its oldest, in days): what is left to show when the team
   * is too small for counts of anonymous items about it (disclosure decides, at read time).
   */
  namedFeedback?: { open: number; oldestDays: number };
  signals: Signal[];
  level: 'good' | 'watch' | 'at_risk' | 'unknown';
  /**
   * The fewest people behind any average this health drew on (the last rounds' confidence,
   * autonomy and workload); null when it drew on none. Disclosure compares it with today's k to
   * know whether the stored health stands without reading the rounds. Never shown.
   */
  meansFrom?: number | null;
}

/** Why a pilot's health calls for attention: the kind, and the figures that made it fire as a code and params. */
export interface Signal {
  kind: 'micromanagement' | 'overload' | 'neglected_feedback' | 'low_participation';
  code: SignalCode;
  params: Params;
}


export interface RoundFigures {
  date?: string; // the round's check-in day
  invited: number;
  answered: number;
  confidence: number | null; // average 1..5; null when too few answers to show
  autonomy: number | null;
  workload: number | null; // 1 = overloaded … 5 = comfortable
  /** How many people each shown average is over (0 where it is withheld); older figures lack it. */
  counts?: { confidence: number; autonomy: number; workload: number };
  /** Every scale question's average by question id (null when too few answers to show). */
  scales?: Record<string, number | null>;
  /** How many people each of `scales` is over (0 where withheld); older figures lack it. */
  scaleCounts?: Record<string, number>;
}
