import { ApiError, type ApiClient } from './client';
import type { DemoUser, Me, Outcome, PilotInput, PilotStatus, PilotView, PracticeView, TeamSummary } from './types';

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
