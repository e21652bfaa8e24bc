import { existsSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { CONTAINERS, type Doc, type NewDoc, type Store } from '../domain/ports/store';

/**
 * One-time import of the file earlier versions kept local data in (`<DATA_DIR>/cosmos-snapshot.json`,
 * a whole-store JSON dump), so upgrading keeps it. The documents are upserted through the store
 * (so the embedded store journals them), then the file is renamed to `.imported`: an import cut
 * short by a crash simply runs again.
 */
interface LegacyFile {
  version: 1;
  containers: Partial<Record<(typeof CONTAINERS)[number], Doc[]>>;
}

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_ts', '_attachments'];

export async function importLegacySnapshot(store: Store, file: string): Promise<number> {
  if (!existsSync(file)) return 0;
  let parsed: LegacyFile;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as LegacyFile;
  } catch (err) {
    throw new Error(`Cannot import the earlier local data file ${file}: ${(err as Error).message}. Move it away to start without it.`);
  }
  let count = 0;
  for (const name of CONTAINERS) {
    const docs = (parsed.containers?.[name] ?? []).map((d) => {
      const copy: Record<string, unknown> = { ...d };
      for (const f of SYSTEM_FIELDS) delete copy[f];
      return copy as unknown as NewDoc<Doc>;
    });
    if (docs.length) await store.bulkCreate(name, docs);
    count += docs.length;
  }
  await rename(file, `${file}.imported`);
  return count;
}
