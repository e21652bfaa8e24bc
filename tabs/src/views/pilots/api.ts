import type { Cadence, Outcome, Pilot, PilotHealth, PilotStatus, RoundFigures, Signal } from '../../../../domain/pilots/model';
import type { Practice, Question } from '../../../../domain/practices/model';
import type { PilotInput } from '../../../../domain/pilots';
import { enc, type ApiClient } from '../../api/client';

/** Pilots' calls and shapes, and the teams and practices the pilot form picks from. */
export { OUTCOMES, PILOT_STATUSES } from '../../../../domain/pilots/model';
// PilotInput: what POST /api/pilots accepts (and PATCH, partially).
export type { Cadence, Outcome, PilotHealth, PilotInput, PilotStatus, Question, RoundFigures, Signal };

type StorageFields = 'tenantId' | 'type' | '_etag' | '_ts';

/** A pilot as `/api/pilots` returns it: no storage internals, plus the caller's rights. */
export type PilotView = Omit<Pilot, StorageFields> & { etag: string; canEdit: boolean };

export type PracticeView = Omit<Practice, StorageFields | 'builtIn'> & { builtIn?: boolean };

export interface TeamSummary {
  id: string;
  name: string;
  kind: 'channel' | 'groupChat' | 'personal';
  managerId?: string;
  memberCount: number;
}

export type PilotAction = 'launch' | 'pause' | 'resume' | 'review';

export interface PilotQuery {
  status?: PilotStatus;
  teamId?: string;
  mine?: boolean;
}

const pilotPath = (id: string) => `/api/pilots/${enc(id)}`;
type P = { pilot: PilotView };

export const listTeams = (api: ApiClient, signal?: AbortSignal) => api.get<{ teams: TeamSummary[] }>('/api/teams', { signal }).then((r) => r.teams);

export const listPractices = (api: ApiClient, signal?: AbortSignal) => api.get<{ practices: PracticeView[] }>('/api/practices', { signal }).then((r) => r.practices);

/** The practice library and the question bank the pilot form offers. */
export const loadLibrary = (api: ApiClient, signal?: AbortSignal) => api.get<{ practices: PracticeView[]; questionBank: Question[] }>('/api/practices', { signal });

export function listPilots(api: ApiClient, query: PilotQuery = {}, signal?: AbortSignal): Promise<PilotView[]> {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.teamId) params.set('teamId', query.teamId);
  if (query.mine) params.set('mine', 'true');
  const qs = params.toString();
  return api.get<{ pilots: PilotView[] }>(`/api/pilots${qs ? `?${qs}` : ''}`, { signal }).then((r) => r.pilots);
}

export const getPilot = (api: ApiClient, id: string, signal?: AbortSignal) => api.get<P>(pilotPath(id), { signal }).then((r) => r.pilot);

/** `requestKey` makes a retried submission return the pilot created the first time. */
export const createPilot = (api: ApiClient, input: PilotInput, requestKey: string) =>
  api.post<P>('/api/pilots', { body: input, headers: { 'Idempotency-Key': requestKey } }).then((r) => r.pilot);

/** Fails with a 409 when someone changed the pilot since `etag` was read. */
export const updatePilot = (api: ApiClient, id: string, patch: Partial<PilotInput>, etag: string) =>
  api.patch<P>(pilotPath(id), { body: patch, headers: { 'If-Match': etag } }).then((r) => r.pilot);

export const transitionPilot = (api: ApiClient, id: string, action: PilotAction) => api.post<P>(`${pilotPath(id)}/${action}`).then((r) => r.pilot);

export const closePilot = (api: ApiClient, id: string, outcome: Outcome, learning: string) =>
  api.post<P>(`${pilotPath(id)}/close`, { body: { outcome, learning } }).then((r) => r.pilot);
