import { createHmac, randomBytes } from 'node:crypto';
import type { PrivacyRepository } from './repository';

/**
 * One-way references to people: `erased:` and an HMAC of the person's id under the tenant's own
 * key. The same person always gets the same reference (a retried erase finds its earlier work),
 * and without the key, which lives only in the tenant's partition, nobody can tell whose it is.
 */
export class References {
  constructor(private readonly repo: PrivacyRepository) {}

  async key(tenantId: string): Promise<string> {
    return (await this.repo.record(tenantId))?.key ?? (await this.repo.ensureRecord(tenantId, randomBytes(32).toString('base64url'))).key;
  }

  /** The tenant's key if it has one (reads only: a refused request must not create one). */
  async existingKey(tenantId: string): Promise<string | undefined> {
    return (await this.repo.record(tenantId))?.key;
  }

  async of(tenantId: string, userId: string): Promise<string> {
    return referenceOf(await this.key(tenantId), userId);
  }

  /** "Was this person erased here": their reference if so, from one point read for any number of people. */
  async erased(tenantId: string): Promise<(userId: string) => string | undefined> {
    const record = await this.repo.record(tenantId);
    if (!record?.erased.length) return () => undefined;
    const erased = new Set(record.erased);
    return (userId) => {
      const ref = referenceOf(record.key, userId);
      return erased.has(ref) ? ref : undefined;
    };
  }

  async isErased(tenantId: string, userId: string): Promise<boolean> {
    return !!(await this.erased(tenantId))(userId);
  }

  async markErased(tenantId: string, reference: string): Promise<void> {
    await this.repo.addErased(tenantId, reference);
  }
}

export function referenceOf(key: string, userId: string): string {
  return `erased:${createHmac('sha256', key).update(userId).digest('hex').slice(0, 24)}`;
}
