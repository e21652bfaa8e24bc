import { ApiError, type ApiClient } from './client';
import type {
  AnonymitySettings,
  ContributorView,
  DemoUser,
  FeedbackInput,
  FeedbackOptions,
  Me,
  Outcome,
  OwnerView,
  PilotInput,
  PilotStatus,
  PilotView,
  PitfallSignal,
  Portfolio,
  PortfolioFilter,
  PracticeView,
  Summary,
  TeamSummary,
} from './types';

/** Typed calls for each API route the tab uses. Pilot ids contain ':' so they are encoded. */
const pilotPath = (id: string) => `/api/pilots/${encodeURIComponent(id)}`;

export type PilotAction = 'launch' | 'pause' | 'resume' | 'review';

export interface PilotQuery {
  status?: PilotStatus;
  teamId?: string;
  mine?: boolean;
}

export const getMe = (api: ApiClient, signal?: AbortSignal) => api.get<Me>('/api/me', { signal });

export const listTeams = (api: ApiClient, signal?: AbortSignal) =>
  api.get<{ teams: TeamSummary[] }>('/api/teams', { signal }).then((r) => r.teams);

export const listPractices = (api: ApiClient, signal?: AbortSignal) =>
  api.get<{ practices: PracticeView[] }>('/api/practices', { signal }).then((r) => r.practices);

export function listPilots(api: ApiClient, query: PilotQuery = {}, signal?: AbortSignal): Promise<PilotView[]> {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.teamId) params.set('teamId', query.teamId);
  if (query.mine) params.set('mine', 'true');
  const qs = params.toString();
  return api.get<{ pilots: PilotView[] }>(`/api/pilots${qs ? `?${qs}` : ''}`, { signal }).then((r) => r.pilots);
}

export const getPilot = (api: ApiClient, id: string, signal?: AbortSignal) =>
  api.get<{ pilot: PilotView }>(pilotPath(id), { signal }).then((r) => r.pilot);

/** `requestKey` makes a retried submission return the pilot created the first time. */
export const createPilot = (api: ApiClient, input: PilotInput, requestKey: string) =>
  api.post<{ pilot: PilotView }>('/api/pilots', { body: input, headers: { 'Idempotency-Key': requestKey } }).then((r) => r.pilot);

/** Fails with a 409 when someone changed the pilot since `etag` was read. */
export const updatePilot = (api: ApiClient, id: string, patch: Partial<PilotInput>, etag: string) =>
  api.patch<{ pilot: PilotView }>(pilotPath(id), { body: patch, headers: { 'If-Match': etag } }).then((r) => r.pilot);

export const transitionPilot = (api: ApiClient, id: string, action: PilotAction) =>
  api.post<{ pilot: PilotView }>(`${pilotPath(id)}/${action}`).then((r) => r.pilot);

export const closePilot = (api: ApiClient, id: string, outcome: Outcome, learning: string) =>
  api.post<{ pilot: PilotView }>(`${pilotPath(id)}/close`, { body: { outcome, learning } }).then((r) => r.pilot);

// ---------------------------------------------------------------------------------------------
// Leader view.

function queryString(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const portfolioQuery = (f: PortfolioFilter) => queryString({ status: f.status, practiceId: f.practiceId, teamId: f.teamId, managerId: f.managerId });

export const getPortfolio = (api: ApiClient, filter: PortfolioFilter, signal?: AbortSignal) => api.get<Portfolio>(`/api/leader/portfolio${portfolioQuery(filter)}`, { signal });

/** The pilots CSV for the same filters as the view: built (and privacy-checked) by the server. */
export const pilotsCsv = (api: ApiClient, filter: PortfolioFilter) => api.file(`/api/leader/pilots.csv${portfolioQuery(filter)}`);

// ---------------------------------------------------------------------------------------------
// Feedback.

const feedbackPath = (id: string) => `/api/feedback/${encodeURIComponent(id)}`;

export interface SummaryQuery {
  teamId?: string;
  weeks?: number;
}

export const getFeedbackOptions = (api: ApiClient, signal?: AbortSignal) => api.get<FeedbackOptions>('/api/feedback/options', { signal });

/** `requestKey` makes a retried submission return the item created the first time. */
export const giveFeedback = (api: ApiClient, input: FeedbackInput, requestKey: string) =>
  api.post<{ item: ContributorView; notice?: string }>('/api/feedback', { body: input, headers: { 'Idempotency-Key': requestKey } });

export const myFeedback = (api: ApiClient, signal?: AbortSignal) => api.get<{ items: ContributorView[] }>('/api/feedback/mine', { signal }).then((r) => r.items);

export const feedbackInbox = (api: ApiClient, signal?: AbortSignal) => api.get<{ items: OwnerView[] }>('/api/feedback/inbox', { signal }).then((r) => r.items);

export type FeedbackItemResult = { role: 'owner'; item: OwnerView } | { role: 'contributor'; item: ContributorView };

export const getFeedbackItem = (api: ApiClient, id: string, signal?: AbortSignal) => api.get<FeedbackItemResult>(feedbackPath(id), { signal });

export type OwnerAction =
  | { kind: 'acknowledge'; note?: string; dueDate?: string }
  | { kind: 'act'; note: string }
  | { kind: 'close'; note?: string }
  | { kind: 'reply'; text: string };

export function ownerAction(api: ApiClient, id: string, action: OwnerAction, requestKey?: string): Promise<OwnerView> {
  const { kind, ...body } = action;
  return api
    .post<{ item: OwnerView }>(`${feedbackPath(id)}/${kind}`, { body, headers: requestKey ? { 'Idempotency-Key': requestKey } : undefined })
    .then((r) => r.item);
}

export type ContributorAction = { kind: 'respond'; text: string } | { kind: 'confirm'; closed: boolean; text?: string };

export function contributorAction(api: ApiClient, id: string, action: ContributorAction, requestKey?: string): Promise<ContributorView> {
  const { kind, ...body } = action;
  return api
    .post<{ item: ContributorView }>(`${feedbackPath(id)}/${kind}`, { body, headers: requestKey ? { 'Idempotency-Key': requestKey } : undefined })
    .then((r) => r.item);
}

export const feedbackSummary = (api: ApiClient, q: SummaryQuery, signal?: AbortSignal) => api.get<Summary>(`/api/feedback/summary${queryString({ teamId: q.teamId, weeks: q.weeks })}`, { signal });

export const feedbackCsv = (api: ApiClient, q: SummaryQuery) => api.file(`/api/feedback/export.csv${queryString({ teamId: q.teamId, weeks: q.weeks })}`);

export const getSignals = (api: ApiClient, signal?: AbortSignal) =>
  api.get<{ threshold: number; period: { from: string; to: string }; signals: PitfallSignal[] }>('/api/signals', { signal });

export const getAnonymity = (api: ApiClient, signal?: AbortSignal) => api.get<AnonymitySettings>('/api/settings/anonymity', { signal });

export const setAnonymity = (api: ApiClient, anonymityThreshold: number) => api.put<AnonymitySettings>('/api/settings/anonymity', { body: { anonymityThreshold } });

/**
 * The demo users, or undefined when demo sign-in is off (the server answers 404). Called before
 * anyone is signed in, so it bypasses the credentialed client.
 */
export async function listDemoUsers(): Promise<DemoUser[] | undefined> {
  let res: Response;
  try {
    res = await fetch('/api/demo/users', { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  if (res.status === 404) return undefined;
  if (!res.ok) throw new ApiError(res.status, 'http_' + res.status, res.statusText);
  return ((await res.json()) as { users: DemoUser[] }).users;
}
