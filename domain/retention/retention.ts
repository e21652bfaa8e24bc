import type { AuditLog } from '../audit/audit';
import type { Store } from '../ports/store';
import { hasRole, type Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { forbidden } from '../shared/errors';
import { eachIsolated, type Skipped } from '../shared/isolation';
import { cutoff, policyOf, RETENTION_KIND_NAMES, RETENTION_KINDS, type RetentionKind, type RetentionPolicy } from './policy';
import { RetentionRepository } from './repository';
import type { RetentionInput } from './schemas';

/** A policy read is reused this long (retained writes read it; a change here drops it at once). */
const CACHE_MS = 60_000;
/** At most this many records are deleted per kind, per tenant, per pass: bounded work. */
export const SWEEP_BUDGET = 1_000;
/** Ids are fetched this many at a time. */
const SWEEP_PAGE = 100;

/** One kind's period and its bounds, as the admin area shows them. */
export interface RetentionView {
  kind: RetentionKind;
  days: number;
  defaultDays: number;
  minDays: number;
  maxDays: number;
  /** Cosmos DB expires it by itself (otherwise only the sweeper deletes it). */
  ttl: boolean;
}

/** Each tenant's periods, read from its settings and reused briefly (retained writes read them). */
export class RetentionPolicies {
  private readonly repo: RetentionRepository;
  private readonly cache = new Map<string, { policy: RetentionPolicy; until: number }>();

  constructor(
    store: Store,
    private readonly clock: Clock,
  ) {
    this.repo = new RetentionRepository(store);
  }

  /** The tenant's periods in days, per kind (`fresh`: read now, not from the cache). */
  async of(tenantId: string, fresh = false): Promise<RetentionPolicy> {
    const now = this.clock.now().getTime();
    const hit = this.cache.get(tenantId);
    if (!fresh && hit && hit.until > now) return hit.policy;
    const policy = policyOf(await this.repo.stored(tenantId));
    this.cache.set(tenantId, { policy, until: now + CACHE_MS });
    return policy;
  }

  forget(tenantId: string): void {
    this.cache.delete(tenantId);
  }
}

/**
 * Retention: how long each kind of record is kept in a tenant (its admins choose within bounds;
 * changes are audited), and the sweep that deletes what is past its period, kind by kind,
 * record by record, in the tenant's own partition.
 */
export class Retention {
  private readonly repo: RetentionRepository;

  constructor(
    store: Store,
    private readonly policies: RetentionPolicies,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {
    this.repo = new RetentionRepository(store);
  }

  /** The tenant's periods in days, per kind. */
  policy(tenantId: string, fresh = false): Promise<RetentionPolicy> {
    return this.policies.of(tenantId, fresh);
  }

  async view(caller: Caller): Promise<RetentionView[]> {
    mustBeAdmin(caller);
    const policy = await this.policy(caller.tenantId, true);
    return RETENTION_KIND_NAMES.map((kind) => {
      const { defaultDays, minDays, maxDays, ttl } = RETENTION_KINDS[kind];
      return { kind, days: policy[kind], defaultDays, minDays, maxDays, ttl };
    });
  }

  /** Changes some periods (already checked against their bounds); the change is audited. */
  async update(caller: Caller, input: RetentionInput): Promise<RetentionView[]> {
    mustBeAdmin(caller);
    const before = await this.policy(caller.tenantId, true);
    const after = { ...before, ...input };
    const changed = RETENTION_KIND_NAMES.filter((k) => before[k] !== after[k]);
    if (changed.length) {
      // Only what admins chose is stored: kinds left alone follow the defaults as they change.
      await this.repo.save(caller.tenantId, { ...(await this.repo.stored(caller.tenantId)), ...input });
      this.policies.forget(caller.tenantId);
      const pick = (p: RetentionPolicy) => Object.fromEntries(changed.map((k) => [k, p[k]]));
      await this.audit.record(caller, { action: 'retention.changed', target: { kind: 'retention' }, before: pick(before), after: pick(after) });
    }
    return this.view(caller);
  }

  /**
   * Deletes what is past the tenant's current policy: up to SWEEP_BUDGET records per kind, each
   * on its own (a failure is skipped with its id and the rest go on). Returns how many went.
   */
  async sweep(tenantId: string, skipped: Skipped[], budget = SWEEP_BUDGET): Promise<Record<RetentionKind, number>> {
    const policy = await this.policy(tenantId, true);
    const now = this.clock.now();
    const swept = Object.fromEntries(RETENTION_KIND_NAMES.map((k) => [k, 0])) as Record<RetentionKind, number>;
    for (const kind of RETENTION_KIND_NAMES) {
      const before = cutoff(kind, policy[kind], now);
      // Ids not to fetch again this pass: ones that failed (skipped, with their id).
      const passed = new Set<string>();
      while (swept[kind] < budget) {
        const limit = Math.min(SWEEP_PAGE, budget - swept[kind]) + passed.size;
        const rows = await this.repo.expired(tenantId, kind, before, limit);
        // Only ever this tenant's partition (the query says so; this makes sure).
        const page = rows.filter((r) => r.tenantId === tenantId && !passed.has(r.id));
        rows.forEach((r) => r.tenantId !== tenantId && passed.add(r.id));
        if (!page.length) break;
        await eachIsolated(page, 'record', skipped, async (r) => {
          try {
            await this.repo.remove(tenantId, kind, r.id);
            swept[kind]++;
          } catch (err) {
            passed.add(r.id);
            throw err;
          }
        });
        if (rows.length < limit) break;
      }
    }
    return swept;
  }

  /** How many records of each kind the tenant holds now. */
  async counts(tenantId: string): Promise<Record<RetentionKind, number>> {
    const out = {} as Record<RetentionKind, number>;
    for (const kind of RETENTION_KIND_NAMES) out[kind] = await this.repo.count(tenantId, kind);
    return out;
  }
}

function mustBeAdmin(caller: Caller): void {
  if (!hasRole(caller, 'admin')) throw forbidden('admin.admins_only');
}
