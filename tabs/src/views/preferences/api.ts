import type { Channel, NoticeChannels, NoticeKind } from '../../../../domain/directory';
import type { ApiClient } from '../../api/client';

/** The person's own preferences (server/api/me.ts): the same rules as the chat commands. */
export type { Channel, NoticeChannels, NoticeKind };

export interface Preferences {
  timeZone: string;
  workDays: number[];
  quietHours: { from: string; to: string } | null;
  pausedUntil: string | null;
  optOutPublicCelebration: boolean;
  notifications: NoticeChannels;
}

/** What the deployment offers: the kinds of notice, and the channels that deliver today. */
export interface NoticeOptions {
  kinds: NoticeKind[];
  channels: Channel[];
}

export interface Loaded {
  preferences: Preferences;
  notices: NoticeOptions;
}

export type PreferencesChange = Partial<Omit<Preferences, 'pausedUntil' | 'notifications'>> & { notifications?: Partial<NoticeChannels> };

export const getPreferences = (api: ApiClient, signal?: AbortSignal) => api.get<Loaded>('/api/me/preferences', { signal });
export const savePreferences = (api: ApiClient, change: PreferencesChange) => api.put<Loaded>('/api/me/preferences', { body: change });
export const pause = (api: ApiClient, days: number) => api.post<Loaded>('/api/me/pause', { body: { days } });
export const resume = (api: ApiClient) => api.request<Loaded>('DELETE', '/api/me/pause');
