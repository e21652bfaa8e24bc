import type { AuditEntry } from '../../../../domain/audit';
import type { PersonView, RoleHolder, SyncStatusView, TeamView } from '../../../../domain/admin';
import type { RetentionKind, RetentionView } from '../../../../domain/retention';
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

/** How long each kind of record is kept (days), and the bounds an admin may choose within. */
export type { RetentionKind, RetentionView } from '../../../../domain/retention';
export const getRetention = (api: ApiClient, signal?: AbortSignal) => api.get<{ retention: RetentionView[] }>('/api/admin/retention', { signal });
export const saveRetention = (api: ApiClient, change: Partial<Record<RetentionKind, number>>) => api.patch<{ retention: RetentionView[] }>('/api/admin/retention', { body: change });
export const auditFile = (api: ApiClient, format: 'csv' | 'json') => api.file(`/api/admin/audit/export.${format}`);

export const findPeople = (api: ApiClient, q: string, signal?: AbortSignal) => api.get<{ people: PersonView[] }>(`/api/admin/people${queryString({ q })}`, { signal });
export const getAudit = (api: ApiClient, continuation?: string, signal?: AbortSignal) =>
  api.get<{ entries: Omit<AuditEntry, 'tenantId' | 'type'>[]; continuation?: string }>(`/api/admin/audit${queryString({ continuation })}`, { signal });

/** A person's data (server/api/privacy.ts). Exports are files; an erase needs the name typed back. */
export interface ErasureView {
  reference: string;
  alreadyErased: boolean;
  deleted: Record<string, number>;
  deidentified: Record<string, number>;
}
export interface DeletionTicketView {
  token: string;
  expiresAt: string;
  tenantName: string;
  documents: Record<string, number>;
}
const personPath = (userId: string) => `/api/admin/privacy/people/${encodeURIComponent(userId)}`;
export const exportPerson = (api: ApiClient, userId: string, format: 'json' | 'csv') => api.file(`${personPath(userId)}/export${queryString({ format })}`);
export const erasePerson = (api: ApiClient, userId: string, confirmName: string) => api.post<{ erasure: ErasureView }>(`${personPath(userId)}/erase`, { body: { confirmName } });
export const startTenantDeletion = (api: ApiClient) => api.post<{ ticket: DeletionTicketView }>('/api/admin/tenant-deletion', { body: {} });
export const confirmTenantDeletion = (api: ApiClient, token: string, tenantName: string) => api.post<{ deleted: Record<string, number> }>('/api/admin/tenant-deletion/confirm', { body: { token, tenantName } });
