import type { CircleSummary, CircleView } from '../../../../domain/circles';
import type { Team } from '../../../../domain/directory/model';
import { enc, queryString, type ApiClient } from '../../api/client';

/** Circles' calls and shapes (server/api/circles.ts): the lists, starting and joining one, its election. */
export type { CircleSummary, CircleView, ElectionView } from '../../../../domain/circles';

/** Someone named in an answer: a person, or a circle in a pick-list. */
export interface Person {
  id: string;
  name: string;
}

/** A group chat or channel the caller could start a circle in (`circleId` once it has one). */
export interface CircleConversation {
  teamId: string;
  name: string;
  kind: Team['kind'];
  circleId?: string;
}

const circlePath = (id: string) => `/api/circles/${enc(id)}`;
type C = { circle: CircleView };

export const listCircles = (api: ApiClient, scope: 'mine' | 'all', signal?: AbortSignal) =>
  api.get<{ circles: CircleSummary[] }>(`/api/circles${queryString({ scope })}`, { signal }).then((r) => r.circles);
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
