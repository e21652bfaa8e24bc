import type { AuditEntry } from '../../../../domain/audit';
import type { PersonView, RoleHolder, SyncStatusView, TeamView } from '../../../../domain/admin';
import { queryString, type ApiClient } from '../../api/client';

/** The admin area's calls and shapes (admins only; the server refuses everyone else). */
export type { AuditEntry, PersonView, RoleHolder, SyncStatusView, TeamView };
export type { SyncRun } from '../../../../domain/org';

export interface TenantSettingsView {
  name: string;
  anonymityThreshold: number;
  defaultTimeZone: string;
  workDays: number[];
  quietHours: { from: string; to: string } | null;
}

export type SettingsChange = Partial<Omit<TenantSettingsView, 'name'>>;

export const getSync = (api: ApiClient, signal?: AbortSignal) => api.get<SyncStatusView>('/api/admin/sync', { signal });
export const syncNow = (api: ApiClient) => api.post<SyncStatusView>('/api/admin/sync');
export const getRoles = (api: ApiClient, signal?: AbortSignal) => api.get<{ roles: RoleHolder[] }>('/api/admin/roles', { signal });
export const getTeams = (api: ApiClient, signal?: AbortSignal) => api.get<{ teams: TeamView[] }>('/api/admin/teams', { signal });

const managerPath = (teamId: string, userId: string) => `/api/admin/teams/${encodeURIComponent(teamId)}/managers/${encodeURIComponent(userId)}`;
export const nameManager = (api: ApiClient, teamId: string, userId: string) => api.put<{ team: TeamView }>(managerPath(teamId, userId));
export const unnameManager = (api: ApiClient, teamId: string, userId: string) => api.request<{ team: TeamView }>('DELETE', managerPath(teamId, userId));

export const getSettings = (api: ApiClient, signal?: AbortSignal) => api.get<{ settings: TenantSettingsView }>('/api/admin/settings', { signal });
export const saveSettings = (api: ApiClient, change: SettingsChange) => api.patch<{ settings: TenantSettingsView }>('/api/admin/settings', { body: change });

export const findPeople = (api: ApiClient, q: string, signal?: AbortSignal) => api.get<{ people: PersonView[] }>(`/api/admin/people${queryString({ q })}`, { signal });
export const getAudit = (api: ApiClient, continuation?: string, signal?: AbortSignal) =>
  api.get<{ entries: Omit<AuditEntry, 'tenantId' | 'type'>[]; continuation?: string }>(`/api/admin/audit${queryString({ continuation })}`, { signal });
