import type { ContainerName, Doc } from '../ports/store';

/**
 * How long Leaderful keeps each kind of record, and from when. The one place that decides both
 * the Cosmos DB `ttl` written on an item (Azure deletes it itself) and what the sweeper deletes
 * (the embedded store has no TTL, and a tenant may shorten a policy after items were written).
 * Aggregates (round figures and summaries, pilot health, roll-ups) are never on this list: they
 * are kept for as long as their pilot is.
 */
export const RETENTION_KINDS = {
  /** Proactive messages once delivered, failed, unreachable or withdrawn. */
  outbox: { container: 'outbox', type: 'outbox', from: 'retainedFrom', defaultDays: 30, minDays: 7, maxDays: 365, ttl: true },
  /** Ids of Teams activities already handled (Teams retries within minutes). */
  activities: { container: 'outbox', type: 'processed-activity', from: 'at', defaultDays: 30, minDays: 2, maxDays: 90, ttl: true },
  /**
   * Receipts of "send feedback" requests (`request:<hash>` in contacts): what makes a retried
   * request create one item, not two. Needed for minutes; stamped when written.
   */
  requests: { container: 'contacts', type: 'feedback-request', from: 'retainedFrom', defaultDays: 30, minDays: 2, maxDays: 90, ttl: true },
  /** Each person's raw check-in and managers' pulse answers (rounds and pulses keep their figures). */
  answers: { container: 'checkins', type: 'answer', alsoTypes: ['pulse_answer'], from: 'answeredAt', defaultDays: 730, minDays: 90, maxDays: 1825, ttl: true },
  /**
   * Feedback items once closed, counted from their closing week (coarse: exact times could
   * identify anonymous authors). The sweep deletes them with their contact link (another
   * container); their `ttl` runs a week longer, a backstop should the sweep not run.
   */
  feedback: { container: 'feedback', type: 'feedback', from: 'closedWeek', defaultDays: 730, minDays: 180, maxDays: 2555, ttl: true, ttlGraceDays: 7 },
  /** The audit log: who changed what. */
  audit: { container: 'audit', type: 'audit', from: 'at', defaultDays: 2555, minDays: 365, maxDays: 3650, ttl: true },
} as const satisfies Record<string, RetainedKind>;

export type RetentionKind = keyof typeof RETENTION_KINDS;
export const RETENTION_KIND_NAMES = Object.keys(RETENTION_KINDS) as RetentionKind[];

interface RetainedKind {
  container: ContainerName;
  /** The documents' `type` (and any other types kept the same way). */
  type: string;
  alsoTypes?: readonly string[];
  /** The field holding when retention started (an ISO time or day); `retainedFrom` is stamped on writes. */
  from: 'retainedFrom' | 'at' | 'answeredAt' | 'closedWeek';
  defaultDays: number;
  minDays: number;
  maxDays: number;
  /** Whether Cosmos DB expires it by `ttl` (otherwise only the sweeper deletes it). */
  ttl: boolean;
  /** Days the `ttl` runs past the period, so the sweep (which deletes what goes with it) comes first. */
  ttlGraceDays?: number;
}

/** Days kept, per kind: a tenant's own choices within the bounds, the defaults elsewhere. */
export type RetentionPolicy = Record<RetentionKind, number>;

export const DEFAULT_POLICY: RetentionPolicy = Object.fromEntries(RETENTION_KIND_NAMES.map((k) => [k, RETENTION_KINDS[k].defaultDays])) as RetentionPolicy;

/** A tenant's stored choices (days per kind), bounded, over the defaults. */
export function policyOf(stored: Partial<Record<string, number>> | undefined): RetentionPolicy {
  const policy = { ...DEFAULT_POLICY };
  for (const k of RETENTION_KIND_NAMES) {
    const days = stored?.[k];
    const { minDays, maxDays } = RETENTION_KINDS[k];
    if (typeof days === 'number' && Number.isInteger(days)) policy[k] = Math.min(maxDays, Math.max(minDays, days));
  }
  return policy;
}

const TERMINAL = ['sent', 'failed', 'unreachable', 'cancelled'];

/** Which kind a document is, if it is kept for a limited time. */
export function kindOf(container: ContainerName, doc: Pick<Doc, 'type'>): RetentionKind | undefined {
  return RETENTION_KIND_NAMES.find((k) => RETENTION_KINDS[k].container === container && typesOf(k).includes(doc.type));
}

/** Every document type a kind covers. */
export const typesOf = (kind: RetentionKind): readonly string[] => {
  const spec: RetainedKind = RETENTION_KINDS[kind];
  return [spec.type, ...(spec.alsoTypes ?? [])];
};

/** Whether a document is in the state its retention counts from (a message no longer on its way, a closed item). */
export function retentionCounts(kind: RetentionKind, doc: Record<string, unknown>): boolean {
  if (kind === 'outbox') return TERMINAL.includes(String(doc.status));
  if (kind === 'feedback') return doc.state === 'closed';
  return true;
}

/** The SQL condition for "in the state retention counts from", for the sweeper's query (none: always). */
export function retentionCountsSql(kind: RetentionKind): string | undefined {
  if (kind === 'outbox') return `c.status IN (${TERMINAL.map((s) => `'${s}'`).join(', ')})`;
  if (kind === 'feedback') return "c.state = 'closed'";
  return undefined;
}

/** Cosmos DB `ttl` (seconds, counted from the item's last write) for a kind kept `days`. */
export const ttlSeconds = (kind: RetentionKind, days: number) => (days + ((RETENTION_KINDS[kind] as RetainedKind).ttlGraceDays ?? 0)) * 86_400;

/** Anything whose retention started before this is past it (a time, or a day for day-valued fields). */
export function cutoff(kind: RetentionKind, days: number, now: Date): string {
  const at = new Date(now.getTime() - days * 86_400_000).toISOString();
  return RETENTION_KINDS[kind].from === 'closedWeek' ? at.slice(0, 10) : at;
}

/**
 * A document as it should be written: with `ttl` (and, for kinds that have no time of their own,
 * `retainedFrom`) once its retention counts, without them otherwise (a reopened item lives on).
 */
export function stamped<T extends Doc>(container: ContainerName, doc: T, policy: RetentionPolicy, now: Date): T {
  const kind = kindOf(container, doc);
  if (!kind) return doc;
  const spec = RETENTION_KINDS[kind];
  const out = { ...doc } as Record<string, unknown>;
  if (!retentionCounts(kind, out)) {
    delete out.ttl;
    if (spec.from === 'retainedFrom') delete out.retainedFrom;
    return out as T;
  }
  if (spec.from === 'retainedFrom' && typeof out.retainedFrom !== 'string') out.retainedFrom = now.toISOString();
  if (spec.ttl) out.ttl = ttlSeconds(kind, policy[kind]);
  else delete out.ttl;
  return out as T;
}
