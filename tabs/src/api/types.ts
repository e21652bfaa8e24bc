/**
 * The API's shapes. Type-only imports from the domain keep the tab in step with the server at
 * compile time without bundling any server code.
 */
import type { Cadence, Outcome, Pilot, PilotHealth, PilotStatus, Signal } from '../../../domain/pilots/model';
import type { FeedbackTopic } from '../../../domain/feedback/model';
import type { Practice, Question } from '../../../domain/practices/model';
import type { Role } from '../../../domain/shared/caller';

export type { Cadence, Outcome, PilotHealth, PilotStatus, Question, Role, Signal };

type StorageFields = 'tenantId' | 'type' | '_etag' | '_ts';

/** A pilot as `/api/pilots` returns it: no storage internals, plus the caller's rights. */
export type PilotView = Omit<Pilot, StorageFields> & { etag: string; canEdit: boolean };

export type PracticeView = Omit<Practice, StorageFields | 'builtIn'> & { builtIn?: boolean };

export interface Me {
  user: { id: string; name: string; roles: Role[] };
  tenant: { id: string; name: string; anonymityThreshold: number };
}

export interface TeamSummary {
  id: string;
  name: string;
  kind: 'channel' | 'groupChat' | 'personal';
  managerId?: string;
  memberCount: number;
}

export interface DemoUser {
  id: string;
  name: string;
  roles: Role[];
}

/** What POST /api/pilots accepts (and PATCH, partially). */
export interface PilotInput {
  title: string;
  practiceId?: string;
  hypothesis: string;
  successMeasures: string[];
  teamId: string;
  cadence: Cadence;
  questions?: Question[];
  startDate: string;
  endDate: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Leader view and feedback: the shapes domain/portfolio and domain/feedback return.

export type {
  Portfolio,
  PortfolioFilter,
  PortfolioPilot,
  PracticeOutcome,
  TrendPoint,
} from '../../../domain/portfolio/portfolio';
export type {
  ContributorView,
  OwnerView,
  PitfallSignal,
  Summary,
  SummaryCounts,
  SummaryGroup,
  ViewEntry,
} from '../../../domain/feedback/views';
export type { FeedbackState, FeedbackTopic } from '../../../domain/feedback/model';
export type { RoundFigures } from '../../../domain/pilots/model';

/** What the give-feedback form offers the caller (GET /api/feedback/options). */
export interface FeedbackOptions {
  threshold: number;
  topics: { value: FeedbackTopic; label: string }[];
  manager?: { id: string; name: string };
  pilots: { id: string; title: string }[];
}

/** What POST /api/feedback accepts. */
export interface FeedbackInput {
  audience: 'manager' | 'leaders';
  topic: FeedbackTopic;
  text: string;
  anonymous: boolean;
  pilotId?: string;
}

export interface AnonymitySettings {
  anonymityThreshold: number;
  min: number;
  max: number;
}
