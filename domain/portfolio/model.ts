import type { Outcome, PilotHealth, PilotStatus } from '../pilots/model';

/** The portfolio's shapes: what leaders are shown, and the filters they choose it by. */
export interface PortfolioFilter {
  status?: PilotStatus;
  practiceId?: string;
  teamId?: string;
  managerId?: string;
  /** The managers of a group (a pulse group the leader view is filtered to). */
  managerIds?: string[];
}

export interface PortfolioPilot {
  id: string;
  title: string;
  practiceId?: string;
  practiceName: string;
  teamId: string;
  teamName: string;
  managerId: string;
  managerName: string;
  status: PilotStatus;
  startDate: string;
  endDate: string;
  health: PilotHealth;
}

/** A row of the leader view's grid: the columns it shows (filters and the drill-down use the id). */
export type PortfolioRow = Pick<PortfolioPilot, 'id' | 'title' | 'practiceName' | 'teamName' | 'managerName' | 'status' | 'health'>;

/**
 * The first rows of the portfolio, in the grid's order, and the totals the header shows: what a
 * cold leader view needs to show its grid at once. The whole portfolio (every pilot, outcomes,
 * trend, facets) follows in a second request.
 */
export interface PortfolioFirstRows {
  pilots: PortfolioRow[];
  totals: Portfolio['totals'];
}

/** Rows in the first answer: more than a tall window shows, with the grid's overscan. */
export const FIRST_ROWS = 40;

export interface PracticeOutcome {
  practiceId: string;
  practiceName: string;
  adopted: number;
  adapted: number;
  stopped: number;
  running: number;
  learnings: { pilotId: string; pilotTitle: string; teamName: string; outcome: Outcome; learning: string }[];
}

export interface TrendPoint {
  week: string; // Monday of the ISO week
  pilots: number;
  participation: number | null;
  confidence: number | null;
}

export interface Portfolio {
  pilots: PortfolioPilot[];
  totals: { pilots: number; byStatus: Partial<Record<PilotStatus, number>>; atRisk: number; watch: number; openFeedback: number };
  outcomes: PracticeOutcome[];
  trend: TrendPoint[];
  facets: { practices: { id: string; name: string }[]; teams: { id: string; name: string }[]; managers: { id: string; name: string }[] };
}
