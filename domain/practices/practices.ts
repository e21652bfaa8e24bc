import type { Store } from '../ports/store';
import { notFound } from '../shared/errors';
import type { Caller } from '../shared/caller';
import type { Practice } from './model';

/** The practice library: built-in practices plus those a tenant's admins add. */
export class Practices {
  constructor(private readonly store: Store) {}

  list(caller: Caller): Promise<Practice[]> {
    return this.store.all<Practice>('directory', caller.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'practice' ORDER BY c.name");
  }

  search(caller: Caller, text: string, limit: number): Promise<Practice[]> {
    return this.store.all<Practice>(
      'directory',
      caller.tenantId,
      `SELECT TOP ${Math.max(1, Math.min(100, Math.floor(limit)))} * FROM c WHERE c.tenantId = @tenantId AND c.type = 'practice' AND (CONTAINS(LOWER(c.name), @text) OR CONTAINS(LOWER(c.summary), @text)) ORDER BY c.name`,
      { text: text.trim().toLowerCase().slice(0, 100) },
    );
  }

  async get(caller: Caller, id: string): Promise<Practice> {
    const practice = id.startsWith('practice:') ? await this.store.read<Practice>('directory', caller.tenantId, id) : undefined;
    if (!practice) throw notFound('That practice');
    return practice;
  }
}
