import type { LeadershipElement as Element, LeadershipLevel as Level, PathShare } from '../../../../domain/paths/model';
import type { PathOptions as DomainPathOptions, PathView as DomainPathView } from '../../../../domain/paths';
import { enc, type ApiClient } from '../../api/client';
import { uuid } from '../../uuid';

/** Development paths' calls and shapes: my path, the paths shared with me, coaching and the readiness review. */
export { LEADERSHIP_ELEMENTS as ELEMENTS, LEADERSHIP_LEVELS as LEVELS, type LeadershipElement as Element, type LeadershipLevel as Level } from '../../../../domain/paths/model';

/** A path as the API sends it: the level also named in the request's language. */
export type PathView = DomainPathView & { levelLabel: string };
/** What the path's forms offer, levels and elements named in the request's language. */
export type PathOptions = Omit<DomainPathOptions, 'levels' | 'elements'> & {
  levels: { value: Level; label: string; description: string }[];
  elements: { value: Element; label: string; description: string }[];
};

/** A path shared with the caller, as the list of them shows it. */
export type SharedPath = Pick<PathView, 'id' | 'owner' | 'level' | 'levelLabel' | 'review'> & { myRelation: PathShare['relation']; coach: boolean };

type PV = { path: PathView };
const pathPath = (id: string) => `/api/paths/${enc(id)}`;

export const pathOptions = (api: ApiClient, signal?: AbortSignal) => api.get<PathOptions>('/api/paths/options', { signal });
export const myPath = (api: ApiClient, signal?: AbortSignal) => api.get<{ path: PathView | null }>('/api/paths/me', { signal }).then((r) => r.path);
export const setLevel = (api: ApiClient, level: Level) => api.put<PV>('/api/paths/me', { body: { level } }).then((r) => r.path);
export const assess = (api: ApiClient, ratings: Record<Element, number>, note: string) => api.put<PV>('/api/paths/me/assessment', { body: { ratings, note } }).then((r) => r.path);
export const addGoal = (api: ApiClient, goal: { text: string; pilotId?: string; circleId?: string }) => api.post<PV>('/api/paths/me/goals', { body: goal }).then((r) => r.path);
export const editGoal = (api: ApiClient, goalId: string, patch: { text?: string; status?: 'open' | 'done' }) =>
  api.patch<PV>(`/api/paths/me/goals/${enc(goalId)}`, { body: patch }).then((r) => r.path);
export const removeGoal = (api: ApiClient, goalId: string) => api.request<PV>('DELETE', `/api/paths/me/goals/${enc(goalId)}`).then((r) => r.path);
export const sharePath = (api: ApiClient, share: { userId: string; relation: PathShare['relation']; coach: boolean }) =>
  api.post<PV>('/api/paths/me/shares', { body: share }).then((r) => r.path);
export const unsharePath = (api: ApiClient, userId: string) => api.request<PV>('DELETE', `/api/paths/me/shares/${enc(userId)}`).then((r) => r.path);
export const requestReview = (api: ApiClient) => api.post<PV>('/api/paths/me/review-request').then((r) => r.path);
export const sharedPaths = (api: ApiClient, signal?: AbortSignal) => api.get<{ paths: SharedPath[] }>('/api/paths/shared', { signal }).then((r) => r.paths);
export const getPath = (api: ApiClient, id: string, signal?: AbortSignal) => api.get<PV>(pathPath(id), { signal }).then((r) => r.path);
export const addCoaching = (api: ApiClient, id: string, text: string) =>
  api.post<PV>(`${pathPath(id)}/coaching`, { body: { text }, headers: { 'Idempotency-Key': uuid() } }).then((r) => r.path);
export const reviewPath = (api: ApiClient, id: string, outcome: 'ready' | 'not_yet', note: string) =>
  api.post<PV>(`${pathPath(id)}/review`, { body: { outcome, note } }).then((r) => r.path);
