import type { Store } from '../ports/store';
import type { Practice } from './model';

/** Where the practice library is kept: `practice:<slug>` documents in the `directory` container. */
export class PracticeRepository {
  constructor(private readonly store: Store) {}

  byName(tenantId: string): Promise<Practice[]> {
    return this.store.all<Practice>('directory', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'practice' ORDER BY c.name");
  }

  /** Practices whose name or summary contains `text` (already trimmed and lower-cased), by name. */
  matching(tenantId: string, text: string, limit: number): Promise<Practice[]> {
    return this.store.all<Practice>(
      'directory',
      tenantId,
      `SELECT TOP ${Math.max(1, Math.min(100, Math.floor(limit)))} * FROM c WHERE c.tenantId = @tenantId AND c.type = 'practice' AND (CONTAINS(LOWER(c.name), @text) OR CONTAINS(LOWER(c.summary), @text)) ORDER BY c.name`,
      { text },
    );
  }

  /** A practice by id; any other document of the partition is no practice. */
  async find(tenantId: string, id: string): Promise<Practice | undefined> {
    const practice = await this.store.read<Practice>('directory', tenantId, id);
    return practice?.type === 'practice' ? practice : undefined;
  }

  /** Adds a practice unless one with its id is already there (seeding is repeatable). */
  async addOnce(practice: Practice): Promise<void> {
    await this.store.createOnce('directory', practice);
  }
}
