import type { ApiClient } from '../api/client';
import { uuid } from '../uuid';

/**
 * Typed calls and shapes for circles, practice stories, community projects and development
 * paths (server/api/circles.ts). Ids contain ':' so they are always encoded in paths.
 */
const enc = encodeURIComponent;
const idem = () => ({ 'Idempotency-Key': uuid() });

function qs(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && v !== false) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface Person {
  id: string;
  name: string;
}

// ---------------------------------------------------------------------------------------------
// Circles

export interface CircleSummary {
  id: string;
  name: string;
  purpose: string;
  kind: 'channel' | 'groupChat' | 'personal';
  memberCount: number;
  convenor: Person;
  isMember: boolean;
  electionOpen: boolean;
}

export interface ElectionView {
  number: number;
  status: 'open' | 'closed';
  reason: 'first' | 'term_ended' | 'requested';
  openedAt: string;
  closesAt: string;
  excluded: Person[];
  nominees: { id: string; name: string; nominatedByMe: boolean; nominations: number }[];
  votesCast: number;
  myVote?: string;
  result?: {
    winnerId: string;
    winnerName: string;
    rule: 'votes' | 'tie_break' | 'continued' | 'rotation';
    tally: { userId: string; name: string; votes: number }[];
    votesCast: number;
    closedAt: string;
    closedBy: 'deadline' | 'convenor' | 'admin' | 'member';
  };
  tieBreakRule: string;
  rotationRule: string;
}

export interface CircleView extends CircleSummary {
  teamId: string;
  members: { id: string; name: string; isConvenor: boolean }[];
  convenorTerm: { id: string; name: string; since: string; termEndsAt?: string; interim: boolean };
  pastConvenors: { userId: string; name: string; from: string; to: string }[];
  termWeeks: number;
  electionDays: number;
  election?: ElectionView;
  rhythm?: { pilotId: string; status: string; rounds: number; participation: number | null; confidence: number | null };
  can: { edit: boolean; openElection: boolean; closeElection: boolean; nominate: boolean; vote: boolean; leave: boolean };
  createdAt: string;
}

export interface CircleConversation {
  teamId: string;
  name: string;
  kind: string;
  circleId?: string;
}

const circlePath = (id: string) => `/api/circles/${enc(id)}`;
type C = { circle: CircleView };

export const listCircles = (api: ApiClient, scope: 'mine' | 'all', signal?: AbortSignal) =>
  api.get<{ circles: CircleSummary[] }>(`/api/circles?scope=${scope}`, { signal }).then((r) => r.circles);
export const circleOptions = (api: ApiClient, signal?: AbortSignal) =>
  api.get<{ conversations: CircleConversation[] }>('/api/circles/options', { signal }).then((r) => r.conversations);
export const startCircle = (api: ApiClient, input: { teamId: string; name: string; purpose?: string; termWeeks?: number; electionDays?: number }) =>
  api.post<C>('/api/circles', { body: input }).then((r) => r.circle);
export const getCircle = (api: ApiClient, id: string, signal?: AbortSignal) => api.get<C>(circlePath(id), { signal }).then((r) => r.circle);
export const joinCircle = (api: ApiClient, id: string) => api.post<C>(`${circlePath(id)}/join`).then((r) => r.circle);
export const leaveCircle = (api: ApiClient, id: string) => api.post<{ left: true }>(`${circlePath(id)}/leave`);
export const openElection = (api: ApiClient, id: string, days?: number) =>
  api.post<C>(`${circlePath(id)}/election`, { body: days ? { days } : {} }).then((r) => r.circle);
export const closeElection = (api: ApiClient, id: string) => api.post<C>(`${circlePath(id)}/election/close`).then((r) => r.circle);
export const nominate = (api: ApiClient, id: string, userId: string) => api.post<C>(`${circlePath(id)}/nominations`, { body: { userId } }).then((r) => r.circle);
export const withdrawNomination = (api: ApiClient, id: string, userId: string) =>
  api.request<C>('DELETE', `${circlePath(id)}/nominations/${enc(userId)}`).then((r) => r.circle);
export const vote = (api: ApiClient, id: string, userId: string) => api.put<C>(`${circlePath(id)}/vote`, { body: { userId } }).then((r) => r.circle);
export const withdrawVote = (api: ApiClient, id: string) => api.request<C>('DELETE', `${circlePath(id)}/vote`).then((r) => r.circle);

// ---------------------------------------------------------------------------------------------
// Stories

export const REACTION_KINDS = ['helpful', 'inspiring', 'will_try'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
export const STORY_OUTCOMES = ['adopted', 'adapted', 'stopped'] as const;
export type StoryOutcome = (typeof STORY_OUTCOMES)[number];

export interface StoryView {
  id: string;
  pilotId: string;
  pilotTitle: string;
  practiceId?: string;
  practiceName: string;
  teamName: string;
  outcome: StoryOutcome;
  author: Person;
  tried: string;
  happened: string;
  change: string;
  circleIds: string[];
  reactions: Record<ReactionKind, { count: number; mine: boolean }>;
  questionsAsked: number;
  basedOnStoryId?: string;
  builtOn: { pilotId: string; title: string; teamName: string; managerName: string; at: string }[];
  publishedAt: string;
  updatedAt: string;
  canEdit: boolean;
  canAsk: boolean;
}

export interface Publishable {
  pilots: { pilotId: string; title: string; outcome: StoryOutcome; hypothesis: string; learning?: string; storyId?: string }[];
  circles: { id: string; name: string }[];
}

export interface StoryQuery {
  q?: string;
  outcome?: string;
  practiceId?: string;
  circleId?: string;
  mine?: boolean;
}

const storyPath = (id: string) => `/api/stories/${enc(id)}`;
type S = { story: StoryView };

export const searchStories = (api: ApiClient, query: StoryQuery, signal?: AbortSignal) =>
  api.get<{ stories: StoryView[] }>(`/api/stories${qs({ ...query, limit: 50 })}`, { signal }).then((r) => r.stories);
export const publishable = (api: ApiClient, signal?: AbortSignal) => api.get<Publishable>('/api/stories/publishable', { signal });
export const publishStory = (api: ApiClient, input: { pilotId: string; tried: string; happened: string; change: string; circleIds: string[] }) =>
  api.post<S>('/api/stories', { body: input }).then((r) => r.story);
export const getStory = (api: ApiClient, id: string, signal?: AbortSignal) => api.get<S>(storyPath(id), { signal }).then((r) => r.story);
export const react = (api: ApiClient, id: string, kind: ReactionKind, on: boolean) =>
  (on ? api.post<S>(`${storyPath(id)}/reactions`, { body: { kind } }) : api.request<S>('DELETE', `${storyPath(id)}/reactions/${kind}`)).then((r) => r.story);
export const askAuthor = (api: ApiClient, id: string, text: string) => api.post<{ sent: boolean }>(`${storyPath(id)}/questions`, { body: { text }, headers: idem() });

// ---------------------------------------------------------------------------------------------
// Projects

export const PROJECT_STATUSES = ['proposed', 'approved', 'declined', 'done'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface ProjectView {
  id: string;
  circle: Person;
  title: string;
  goal: string;
  weeksAsked: number;
  budget: { amount: number; currency: string };
  sponsor: Person;
  proposedBy: Person;
  status: ProjectStatus;
  decision?: { outcome: 'approved' | 'declined'; byId: string; byName: string; reason: string; at: string };
  startedOn?: string;
  dueOn?: string;
  checkins: { id: string; at: string; byId: string; byName: string; confidence: number; note: string }[];
  progress: { checkins: number; lastConfidence: number | null; confidenceTrend: number[] };
  done?: { at: string; byId: string; byName: string; summary: string };
  createdAt: string;
  updatedAt: string;
  can: { decide: boolean; checkin: boolean; complete: boolean };
}

export interface ProjectInput {
  circleId: string;
  title: string;
  goal: string;
  weeksAsked: number;
  budget: { amount: number; currency: string };
  sponsorId: string;
}

const projectPath = (id: string) => `/api/projects/${enc(id)}`;
type P = { project: ProjectView };

export const listProjects = (api: ApiClient, filter: { circleId?: string; status?: string }, signal?: AbortSignal) =>
  api.get<{ projects: ProjectView[] }>(`/api/projects${qs(filter)}`, { signal }).then((r) => r.projects);
export const projectOptions = (api: ApiClient, signal?: AbortSignal) => api.get<{ sponsors: Person[]; circles: Person[] }>('/api/projects/options', { signal });
export const proposeProject = (api: ApiClient, input: ProjectInput, key: string) =>
  api.post<P>('/api/projects', { body: input, headers: { 'Idempotency-Key': key } }).then((r) => r.project);
export const getProject = (api: ApiClient, id: string, signal?: AbortSignal) => api.get<P>(projectPath(id), { signal }).then((r) => r.project);
export const decideProject = (api: ApiClient, id: string, decision: 'approve' | 'decline', reason: string) =>
  api.post<P>(`${projectPath(id)}/decision`, { body: { decision, reason } }).then((r) => r.project);
export const projectCheckin = (api: ApiClient, id: string, confidence: number, note: string) =>
  api.post<P>(`${projectPath(id)}/checkins`, { body: { confidence, note }, headers: idem() }).then((r) => r.project);
export const completeProject = (api: ApiClient, id: string, summary: string) => api.post<P>(`${projectPath(id)}/done`, { body: { summary } }).then((r) => r.project);

// ---------------------------------------------------------------------------------------------
// Development paths

// The levels, elements and share shape are the domain's own (one place for each idea).
export {
  LEADERSHIP_LEVELS as LEVELS,
  LEADERSHIP_ELEMENTS as ELEMENTS,
  type LeadershipLevel as Level,
  type LeadershipElement as Element,
  type PathShare,
} from '../../../domain/paths/model';
import type { LeadershipElement as Element, LeadershipLevel as Level, PathShare } from '../../../domain/paths/model';

export interface PathView {
  id: string;
  owner: Person;
  level: Level;
  levelLabel: string;
  assessment?: { ratings: Record<Element, number>; note: string; at: string };
  goals: { id: string; text: string; pilotId?: string; pilotTitle?: string; circleId?: string; circleName?: string; status: 'open' | 'done'; at: string }[];
  shares: PathShare[];
  coaching: { id: string; at: string; byId: string; byName: string; text: string }[];
  review?: { status: 'requested' | 'ready' | 'not_yet'; at: string; byId?: string; byName?: string; note?: string };
  recognition: { visibility: 'private' | 'team'; teamId?: string; celebrationId?: string };
  isOwner: boolean;
  myRelation?: 'manager' | 'peer';
  can: { edit: boolean; coach: boolean; review: boolean };
  createdAt: string;
  updatedAt: string;
}

export interface PathOptions {
  maxGoals: number;
  managers: Person[];
  teams: Person[];
  pilots: { id: string; title: string }[];
  circles: Person[];
}

export interface SharedPath {
  id: string;
  owner: Person;
  level: Level;
  levelLabel: string;
  myRelation: 'manager' | 'peer';
  coach: boolean;
  review?: PathView['review'];
}

type PV = { path: PathView };
const pathPath = (id: string) => `/api/paths/${enc(id)}`;

export const pathOptions = (api: ApiClient, signal?: AbortSignal) => api.get<PathOptions>('/api/paths/options', { signal });
export const myPath = (api: ApiClient, signal?: AbortSignal) => api.get<{ path: PathView | null }>('/api/paths/me', { signal }).then((r) => r.path);
export const setLevel = (api: ApiClient, level: Level) => api.put<PV>('/api/paths/me', { body: { level } }).then((r) => r.path);
export const assess = (api: ApiClient, ratings: Record<Element, number>, note: string) =>
  api.put<PV>('/api/paths/me/assessment', { body: { ratings, note } }).then((r) => r.path);
export const addGoal = (api: ApiClient, goal: { text: string; pilotId?: string; circleId?: string }) => api.post<PV>('/api/paths/me/goals', { body: goal }).then((r) => r.path);
export const editGoal = (api: ApiClient, goalId: string, patch: { text?: string; status?: 'open' | 'done' }) =>
  api.patch<PV>(`/api/paths/me/goals/${enc(goalId)}`, { body: patch }).then((r) => r.path);
export const removeGoal = (api: ApiClient, goalId: string) => api.request<PV>('DELETE', `/api/paths/me/goals/${enc(goalId)}`).then((r) => r.path);
export const sharePath = (api: ApiClient, share: { userId: string; relation: 'manager' | 'peer'; coach: boolean }) =>
  api.post<PV>('/api/paths/me/shares', { body: share }).then((r) => r.path);
export const unsharePath = (api: ApiClient, userId: string) => api.request<PV>('DELETE', `/api/paths/me/shares/${enc(userId)}`).then((r) => r.path);
export const requestReview = (api: ApiClient) => api.post<PV>('/api/paths/me/review-request').then((r) => r.path);
export const sharedPaths = (api: ApiClient, signal?: AbortSignal) => api.get<{ paths: SharedPath[] }>('/api/paths/shared', { signal }).then((r) => r.paths);
export const getPath = (api: ApiClient, id: string, signal?: AbortSignal) => api.get<PV>(pathPath(id), { signal }).then((r) => r.path);
export const addCoaching = (api: ApiClient, id: string, text: string) => api.post<PV>(`${pathPath(id)}/coaching`, { body: { text }, headers: idem() }).then((r) => r.path);
export const reviewPath = (api: ApiClient, id: string, outcome: 'ready' | 'not_yet', note: string) =>
  api.post<PV>(`${pathPath(id)}/review`, { body: { outcome, note } }).then((r) => r.path);
