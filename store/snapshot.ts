import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTAINERS, type ContainerName, type Doc } from '../domain/ports/store';
import type { CosmosStore } from './cosmos';

/**
 * Keeps the embedded store's data across restarts: after writes settle, every container is dumped
 * to one JSON file (written to a temp file, then renamed, so a crash never leaves half a file);
 * on start the file is loaded back. Delete the file (or `npm run reset-data`) to start afresh.
 */
interface SnapshotFile {
  version: 1;
  savedAt: string;
  containers: Partial<Record<ContainerName, Doc[]>>;
}

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_ts', '_attachments'];

export class Snapshotter {
  private store?: CosmosStore;
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly delayMs = 1000,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  attach(store: CosmosStore): void {
    this.store = store;
  }

  /** Schedules a save; many writes in a burst cost one save. */
  markDirty = (): void => {
    if (!this.store || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.writing = this.writing.then(() => this.save()).catch(this.onError);
    }, this.delayMs);
    this.timer.unref();
  };

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.writing = this.writing.then(() => this.save()).catch(this.onError);
    }
    await this.writing;
  }

  private async save(): Promise<void> {
    if (!this.store) return;
    const containers: SnapshotFile['containers'] = {};
    for (const name of CONTAINERS) containers[name] = await this.store.dumpContainer(name);
    const body: SnapshotFile = { version: 1, savedAt: new Date().toISOString(), containers };
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(body));
    await rename(tmp, this.file);
  }

  /** Loads the saved documents into an empty store. Returns how many were restored. */
  async restore(store: CosmosStore): Promise<number> {
    let raw: string;
    try {
      raw = await readFile(this.file, 'utf8');
    } catch {
      return 0;
    }
    const parsed = JSON.parse(raw) as SnapshotFile;
    let count = 0;
    for (const name of CONTAINERS) {
      const docs = (parsed.containers[name] ?? []).map((d) => {
        const copy: Record<string, unknown> = { ...d };
        for (const f of SYSTEM_FIELDS) delete copy[f];
        return copy as unknown as Doc;
      });
      await store.bulkCreate(name, docs);
      count += docs.length;
    }
    return count;
  }
}
