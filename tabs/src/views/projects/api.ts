import type { Challenge, ChallengeInput, ProjectInput, ProjectView } from '../../../../domain/projects';
import { enc, queryString, type ApiClient } from '../../api/client';
import { uuid } from '../../uuid';
import type { Person } from '../circles/api';

/** Community projects' calls and shapes: propose, the sponsor's decision, check-ins, done. */
export { PROJECT_STATUSES, type ProjectStatus } from '../../../../domain/projects/model';
export type { ProjectInput, ProjectView };

const projectPath = (id: string) => `/api/projects/${enc(id)}`;
type P = { project: ProjectView };

export const listProjects = (api: ApiClient, filter: { circleId?: string; status?: string }, signal?: AbortSignal) =>
  api.get<{ projects: ProjectView[] }>(`/api/projects${queryString(filter)}`, { signal }).then((r) => r.projects);
/** Senior leaders who can sponsor a project, and the caller's circles that can propose one. */
export const projectOptions = (api: ApiClient, signal?: AbortSignal) => api.get<{ sponsors: Person[]; circles: Person[] }>('/api/projects/options', { signal });
export const proposeProject = (api: ApiClient, input: ProjectInput, key: string) =>
  api.post<P>('/api/projects', { body: input, headers: { 'Idempotency-Key': key } }).then((r) => r.project);
export const getProject = (api: ApiClient, id: string, signal?: AbortSignal) => api.get<P>(projectPath(id), { signal }).then((r) => r.project);
export const decideProject = (api: ApiClient, id: string, decision: 'approve' | 'decline', reason: string) =>
  api.post<P>(`${projectPath(id)}/decision`, { body: { decision, reason } }).then((r) => r.project);
export const projectCheckin = (api: ApiClient, id: string, confidence: number, note: string) =>
  api.post<P>(`${projectPath(id)}/checkins`, { body: { confidence, note }, headers: { 'Idempotency-Key': uuid() } }).then((r) => r.project);
export const completeProject = (api: ApiClient, id: string, summary: string) => api.post<P>(`${projectPath(id)}/done`, { body: { summary } }).then((r) => r.project);

/** Organisation challenges: senior leaders post them, everyone reads them, circles take them up. */
export type ChallengeView = Omit<Challenge, '_etag' | 'tenantId'>;
type C = { challenge: ChallengeView };
export const listChallenges = (api: ApiClient, signal?: AbortSignal) => api.get<{ challenges: ChallengeView[] }>('/api/challenges', { signal }).then((r) => r.challenges);
export const postChallenge = (api: ApiClient, input: ChallengeInput, key: string) =>
  api.post<C>('/api/challenges', { body: input, headers: { 'Idempotency-Key': key } }).then((r) => r.challenge);
export const closeChallenge = (api: ApiClient, id: string) => api.post<C>(`/api/challenges/${enc(id)}/close`).then((r) => r.challenge);
