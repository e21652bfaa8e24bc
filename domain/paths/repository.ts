import type { NewDoc, Store } from '../ports/store';
import type { DevelopmentPath } from './model';

/** One path per person. */
export const pathIdFor = (userId: string) => `path:${userId}`;

/**
 * Where development paths are kept: `path:` documents in `directory`. Every query and store call
 * of the component is here.
 */
export class PathRepository {
  constructor(private readonly store: Store) {}

  /** A person's own path, if they have started one. */
  of(tenantId: string, userId: string): Promise<DevelopmentPath | undefined> {
    return this.store.read<DevelopmentPath>('directory', tenantId, pathIdFor(userId));
  }

  /** A path by id; ids that are not a path's are never read. */
  async find(tenantId: string, id: string): Promise<DevelopmentPath | undefined> {
    const path = id.startsWith('path:') ? await this.store.read<DevelopmentPath>('directory', tenantId, id) : undefined;
    return path?.type === 'path' ? path : undefined;
  }

  /** Paths shared with a person, by owner's name. */
  sharedWith(tenantId: string, userId: string): Promise<DevelopmentPath[]> {
    return this.store.all<DevelopmentPath>('directory', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'path' AND ARRAY_CONTAINS(c.sharedIds, @me) ORDER BY c.ownerName", { me: userId });
  }

  /** Creates the person's path unless they have one, and says which happened. */
  createOnce(path: NewDoc<DevelopmentPath>): Promise<{ doc: DevelopmentPath; created: boolean }> {
    return this.store.createOnce<DevelopmentPath>('directory', path);
  }

  /** ETag read-modify-write; `mutate` returns undefined to leave the path as it is. */
  change(tenantId: string, id: string, mutate: (p: DevelopmentPath) => DevelopmentPath | undefined): Promise<DevelopmentPath | undefined> {
    return this.store.update<DevelopmentPath>('directory', tenantId, id, mutate);
  }
}
