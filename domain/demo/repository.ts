import type { ContainerName, Doc, NewDoc, Store } from '../ports/store';

/** A document that records the demo seed has run: seeding happens once per database. */
const MARKER_ID = 'demo-seed:v1';

/** How the demo data is written: in bulk, then marked done. */
export class DemoRepository {
  constructor(private readonly store: Store) {}

  async isSeeded(tenantId: string): Promise<boolean> {
    return !!(await this.store.read<Doc>('directory', tenantId, MARKER_ID));
  }

  async load(name: ContainerName, docs: NewDoc<Doc>[]): Promise<void> {
    await this.store.bulkCreate(name, docs);
  }

  async markSeeded(tenantId: string): Promise<void> {
    await this.store.createOnce('directory', { id: MARKER_ID, tenantId, type: 'marker' });
  }
}
