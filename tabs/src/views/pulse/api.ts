import type { LeaderPulse, MyPulse } from '../../../../domain/pulse';
import type { PulseCell } from '../../../../domain/anonymity';
import type { ApiClient } from '../../api/client';

/** The managers' pulse (server/api/pulse.ts): a manager's own view, and its groups for leaders. */
export type { LeaderPulse, MyPulse, PulseCell };
export type { PulseSignal, GroupFigures } from '../../../../domain/pulse';

export const getMyPulse = (api: ApiClient, signal?: AbortSignal) => api.get<MyPulse>('/api/pulse/me', { signal });
export const answerPulse = (api: ApiClient, period: string, values: Record<string, string | number>) =>
  api.put<{ period: string; closesAt: string; values: Record<string, string | number | boolean> }>(`/api/pulse/${encodeURIComponent(period)}/answer`, { body: { values } });
export const getLeaderPulse = (api: ApiClient, signal?: AbortSignal) => api.get<LeaderPulse>('/api/pulse/leader', { signal });
export const getGroup = (api: ApiClient, key: string, signal?: AbortSignal) => api.get<{ group: PulseCell }>(`/api/pulse/groups/${encodeURIComponent(key)}`, { signal });
