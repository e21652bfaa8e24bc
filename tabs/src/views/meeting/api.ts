import type { MeetingRound } from '../../../../domain/checkins';
import { enc, type ApiClient } from '../../api/client';

/** A pilot's current round as its meeting sees it (server/api/checkins.ts). */
export type { MeetingRound };

export const getRound = (api: ApiClient, pilotId: string, signal?: AbortSignal) =>
  api.get<{ round: MeetingRound | null }>(`/api/pilots/${enc(pilotId)}/round`, { signal }).then((r) => r.round);
export const closeRound = (api: ApiClient, pilotId: string) => api.post<{ round: MeetingRound | null }>(`/api/pilots/${enc(pilotId)}/round/close`).then((r) => r.round);
