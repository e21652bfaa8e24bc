import type { ReactionKind } from '../../../../domain/stories/model';
import type { PublishableView, StoryView } from '../../../../domain/stories';
import { enc, queryString, type ApiClient } from '../../api/client';
import { uuid } from '../../uuid';
import type { Person } from '../circles/api';

/** Practice stories' calls and shapes: search, publish from a closed pilot, react, ask the author. */
export { REACTION_KINDS, type ReactionKind } from '../../../../domain/stories/model';
export { OUTCOMES as STORY_OUTCOMES } from '../../../../domain/pilots/model';
export type { StoryView };

/** The caller's closed pilots a story can be published from, and their circles to share it with. */
export interface Publishable {
  pilots: PublishableView[];
  circles: Person[];
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
  api.get<{ stories: StoryView[] }>(`/api/stories${queryString({ ...query, limit: 50 })}`, { signal }).then((r) => r.stories);
export const publishable = (api: ApiClient, signal?: AbortSignal) => api.get<Publishable>('/api/stories/publishable', { signal });
export const publishStory = (api: ApiClient, input: { pilotId: string; tried: string; happened: string; change: string; circleIds: string[] }) =>
  api.post<S>('/api/stories', { body: input }).then((r) => r.story);
export const getStory = (api: ApiClient, id: string, signal?: AbortSignal) => api.get<S>(storyPath(id), { signal }).then((r) => r.story);
export const react = (api: ApiClient, id: string, kind: ReactionKind, on: boolean) =>
  (on ? api.post<S>(`${storyPath(id)}/reactions`, { body: { kind } }) : api.request<S>('DELETE', `${storyPath(id)}/reactions/${kind}`)).then((r) => r.story);
export const askAuthor = (api: ApiClient, id: string, text: string) =>
  api.post<{ sent: boolean }>(`${storyPath(id)}/questions`, { body: { text }, headers: { 'Idempotency-Key': uuid() } });
