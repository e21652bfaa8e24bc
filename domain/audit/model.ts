import type { Doc } from '../ports/store';

/** What an admin (or a senior leader: project decisions, exports) changed or took out of Leaderful. */
export const AUDIT_ACTIONS = [
  'team.manager_named',
  'team.manager_unnamed',
  'settings.changed',
  'org.sync_requested',
  'privacy.exported',
  'privacy.erased',
  'retention.changed',
  'project.decided',
  'practice.added',
  'practice.edited',
  'practice.retired',
  'practice.restored',
  'practice.proposal_decided',
  'data.exported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A value an audit entry records: names, ids, numbers, lists of them. */
export type AuditValue = string | number | boolean | null | readonly (string | number)[] | { readonly [k: string]: string | number | boolean | null | readonly (string | number)[] };

/**
 * audit: `audit:<time>:<random>`, one per change an admin made: who, when, what, to what, and the
 * values before and after. Written once, never edited by the app (append-only); deleted only once
 * past the audit log's own retention period (domain/retention).
 */
export interface AuditEntry extends Doc {
  type: 'audit';
  at: string;
  actor: { userId: string; name: string };
  action: AuditAction;
  target: { kind: 'team' | 'settings' | 'org' | 'person' | 'retention' | 'project' | 'practice' | 'proposal' | 'export'; id?: string; name?: string };
  before?: Record<string, AuditValue>;
  after?: Record<string, AuditValue>;
}
