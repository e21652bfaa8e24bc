import type { Doc } from '../ports/store';
import type { Coded, SyncCode } from '../shared/codes';

/** What started a sync. */
export type SyncTrigger = 'install' | 'nightly' | 'admin' | 'demo';

/** One organisation sync: what it read from Graph, what it changed, and what it could not accept. */
export interface SyncRun {
  id: string;
  trigger: SyncTrigger;
  /** `full` reads every user; `delta` only what changed since the last one. */
  mode: 'full' | 'delta';
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  /** People in the organisation after the sync. */
  people: number;
  /** Users Graph reported as new, changed or removed. */
  changes: number;
  /** Member records written. */
  updated: number;
  /** Teams whose owners were read. */
  teams: number;
  graphCalls: number;
  throttled: number;
  problems: Coded<SyncCode>[];
}

/** directory: `org-sync`, one per tenant: the delta link, who holds the run, and recent runs. */
export interface OrgSyncState extends Doc {
  type: 'org-sync';
  /** Graph's @odata.deltaLink from the last complete round: the next sync reads only changes. */
  deltaLink?: string;
  /** Held while a sync runs (one at a time per tenant, across instances); expires if it dies. */
  lease?: { runId: string; until: string };
  lastRunAt?: string;
  lastSuccessAt?: string;
  /** The organisation as the last successful sync left it. */
  summary?: OrgSummary;
  /** Newest first. */
  runs: SyncRun[];
}

/** The shape of the synced organisation, for the admin view. */
export interface OrgSummary {
  people: number;
  /** Levels from the top of the organisation to its deepest member. */
  levels: number;
  /** People at the top (no manager). */
  top: number;
  /** The largest departments, by people. */
  departments: { name: string; people: number }[];
}

/** How many recent runs the state keeps. */
export const KEPT_RUNS = 20;
/** A manager with more direct reports than this is taken to be bad data (a service account, a default). */
export const MAX_DIRECT_REPORTS = 2_000;
/** Managers kept in a person's chain (deeper organisations are cut off at the top). */
export const MAX_CHAIN = 64;
/** Problems kept per run (the count of the rest is reported). */
export const MAX_PROBLEMS = 25;
