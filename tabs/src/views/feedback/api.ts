import type { ContributorView, FeedbackInput, Notice, OwnerView } from '../../../../domain/feedback';
import type { FeedbackTopic } from '../../../../domain/feedback/model';
import { enc, type ApiClient } from '../../api/client';

/** Feedback's calls and shapes: giving it, the two lists, one item and what its people do with it. */
export type { ContributorView, FeedbackInput, Notice, OwnerView, ViewEntry } from '../../../../domain/feedback';
export type { FeedbackState, FeedbackTopic } from '../../../../domain/feedback/model';

/** What the give-feedback form offers the caller (GET /api/feedback/options). */
export interface FeedbackOptions {
  threshold: number;
  topics: { value: FeedbackTopic; label: string }[];
  manager?: { id: string; name?: string };
  pilots: { id: string; title: string }[];
}

export type FeedbackItemResult = { role: 'owner'; item: OwnerView } | { role: 'contributor'; item: ContributorView };

export type OwnerAction =
  | { kind: 'acknowledge'; note?: string; dueDate?: string }
  | { kind: 'act'; note: string }
  | { kind: 'close'; note?: string }
  | { kind: 'reply'; text: string };

export type ContributorAction = { kind: 'respond'; text: string } | { kind: 'confirm'; closed: boolean; text?: string };

const feedbackPath = (id: string) => `/api/feedback/${enc(id)}`;
const idempotent = (requestKey?: string) => (requestKey ? { 'Idempotency-Key': requestKey } : undefined);

export const getFeedbackOptions = (api: ApiClient, signal?: AbortSignal) => api.get<FeedbackOptions>('/api/feedback/options', { signal });

/** `requestKey` makes a retried submission return the item created the first time. */
export const giveFeedback = (api: ApiClient, input: FeedbackInput, requestKey: string) =>
  api.post<{ item: ContributorView; notices?: Notice[] }>('/api/feedback', { body: input, headers: idempotent(requestKey) });

export const myFeedback = (api: ApiClient, signal?: AbortSignal) => api.get<{ items: ContributorView[] }>('/api/feedback/mine', { signal }).then((r) => r.items);

export const feedbackInbox = (api: ApiClient, signal?: AbortSignal) => api.get<{ items: OwnerView[] }>('/api/feedback/inbox', { signal }).then((r) => r.items);

export const getFeedbackItem = (api: ApiClient, id: string, signal?: AbortSignal) => api.get<FeedbackItemResult>(feedbackPath(id), { signal });

export function ownerAction(api: ApiClient, id: string, action: OwnerAction, requestKey?: string): Promise<OwnerView> {
  const { kind, ...body } = action;
  return api.post<{ item: OwnerView }>(`${feedbackPath(id)}/${kind}`, { body, headers: idempotent(requestKey) }).then((r) => r.item);
}

export function contributorAction(api: ApiClient, id: string, action: ContributorAction, requestKey?: string): Promise<ContributorView> {
  const { kind, ...body } = action;
  return api.post<{ item: ContributorView }>(`${feedbackPath(id)}/${kind}`, { body, headers: idempotent(requestKey) }).then((r) => r.item);
}
