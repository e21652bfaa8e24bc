import type { ContainerName, Doc } from '../ports/store';

/**
 * directory: `privacy`, one per tenant. `key` makes the one-way references to erased people
 * (HMAC of their id: nobody without the key can tell whose it is, and the key goes with the
 * tenant's data); `erased` lists those references, so a retried erase is recognised and the
 * organisation sync and Teams rosters do not bring an erased person back.
 */
export interface PrivacyRecord extends Doc {
  type: 'privacy';
  key: string;
  erased: string[];
}

export const PRIVACY_ID = 'privacy';

/** What replaces an erased person's name wherever something is kept (see docs/privacy.md). */
export const ERASED_NAME = '—';

/** Whom an export or an erasure is about: the ids and names the store may hold for them. */
export interface Subject {
  userId: string;
  /** Every other id of theirs (their Teams user id). */
  otherIds: string[];
  /** Their display names as Leaderful and the organisation sync stored them. */
  names: string[];
}

export type ExportAudience = 'self' | 'admin';

/** What an admin's export leaves out (counts only): the person may download these themselves. */
export interface Withheld {
  answers: number;
  anonymousFeedbackWritten: number;
  anonymousFeedbackReceived: number;
  paths: number;
}

export interface PersonExport {
  subject: { userId: string; name: string };
  generatedAt: string;
  audience: ExportAudience;
  /** Every document that is about the person, per container, as stored (store internals left out). */
  containers: Record<ContainerName, Record<string, unknown>[]>;
  withheld?: Withheld;
  documents: number;
}

/** What an erasure did, per container: documents removed and documents de-identified. */
export interface ErasureReport {
  /** The one-way reference that stands for the person from now on. */
  reference: string;
  alreadyErased: boolean;
  deleted: Partial<Record<ContainerName, number>>;
  deidentified: Partial<Record<ContainerName, number>>;
  scanned: number;
}

/** A tenant deletion's confirmation: the token the second call must bring back, and what it will remove. */
export interface DeletionTicket {
  token: string;
  expiresAt: string;
  tenantName: string;
  documents: Partial<Record<ContainerName, number>>;
}

/** Why a team's pilots stopped: the app was removed from its conversation. */
export const APP_REMOVED = 'app_removed' as const;
