import type { PracticeProposal, PracticeWords, Question } from '../../../../domain/practices/model';
import { enc, type ApiClient } from '../../api/client';
import type { PracticeView } from '../pilots/api';
import type { QuestionBody } from '../pilots/questions-model';

/** The practice library as admins manage it, and "adopt as practice" proposals. */
export type ManagedPractice = PracticeView & { etag?: string; retired?: boolean; translations?: { es?: PracticeWords } };
export type ProposalView = Omit<PracticeProposal, 'tenantId' | 'type' | '_etag' | '_ts'>;
export type { PracticeWords, Question };

export interface PracticeBody extends PracticeWords {
  questions: QuestionBody[];
  translations?: { es?: PracticeWords };
}

type P = { practice: ManagedPractice };

export const loadManagedLibrary = (api: ApiClient, signal?: AbortSignal) =>
  api.get<{ practices: ManagedPractice[]; questionBank: Question[] }>('/api/practices?retired=true', { signal });

export const getPractice = (api: ApiClient, id: string) => api.get<P>(`/api/practices/${enc(id)}`).then((r) => r.practice);

export const addPractice = (api: ApiClient, body: PracticeBody) => api.post<P>('/api/practices', { body }).then((r) => r.practice);

export const editPractice = (api: ApiClient, id: string, body: Partial<PracticeBody>, etag: string) =>
  api.patch<P>(`/api/practices/${enc(id)}`, { body, headers: { 'If-Match': etag } }).then((r) => r.practice);

export const setRetired = (api: ApiClient, id: string, retired: boolean) => api.post<P>(`/api/practices/${enc(id)}/${retired ? 'retire' : 'restore'}`).then((r) => r.practice);

export const listProposals = (api: ApiClient, signal?: AbortSignal) =>
  api.get<{ proposals: ProposalView[] }>('/api/practice-proposals?status=pending', { signal }).then((r) => r.proposals);

export const decideProposal = (api: ApiClient, id: string, decision: 'approve' | 'decline') => api.post(`/api/practice-proposals/${enc(id)}/${decision}`);

export const proposePractice = (api: ApiClient, body: { pilotId: string; summary: string; pitfalls: string[] }) =>
  api.post<{ proposal: ProposalView }>('/api/practice-proposals', { body }).then((r) => r.proposal);
