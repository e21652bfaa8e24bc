import type { Doc } from '../ports/store';

/** What an admin changed. */
export const AUDIT_ACTIONS = ['team.manager_named', 'team.manager_unnamed', 'settings.changed', 'org.sync_requested'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A value an audit entry records: names, ids, numbers, lists of them. */
export type AuditValue = string | number | boolean | null | readonly (string | number)[] | { readonly [k: string]: string | number | boolean | null | readonly (string | number)[] };

/**
 * audit: `audit:<time>:<random>`, one per change an admin made: who, when, what, to what, and the
 * values before and after. Written once, never edited or deleted by the app (append-only).
 */
export interface AuditEntry extends Doc {
  type: 'audit';
  at: string;
  actor: { userId: string; name: string };
  action: AuditAction;
  target: { kind: 'team' | 'settings' | 'org'; id?: string; name?: string };
  before?: Record<string, AuditValue>;
  after?: Record<string, AuditValue>;
}
