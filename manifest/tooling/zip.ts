import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * The app package's zip, through fflate: entries deflated in the order given, every one stamped
 * 1980-01-01 00:00, so the same inputs always give the same bytes.
 */

export interface ZipEntry {
  name: string;
  data: Buffer;
}

// Built from local-time parts because zip stores local DOS time: the stamp is the same in every time zone.
const FIXED_MTIME = new Date(1980, 0, 1);

export function writeZip(entries: ZipEntry[]): Buffer {
  const files: Zippable = {};
  for (const { name, data } of entries) {
    if (!name || name.startsWith('/') || name.split('/').includes('..')) throw new Error(`unsafe zip entry name "${name}"`);
    if (name in files) throw new Error(`duplicate zip entry name "${name}"`);
    files[name] = data;
  }
  // Object keys list integer-like names first: refuse any name that would leave its place.
  if (Object.keys(files).some((name, i) => name !== entries[i].name)) throw new Error('zip entry names that look like numbers would be reordered');
  return Buffer.from(zipSync(files, { level: 9, mtime: FIXED_MTIME }));
}

/** Every entry, in the order of the zip's central directory. */
export function readZip(zip: Buffer): ZipEntry[] {
  return Object.entries(unzipSync(zip)).map(([name, data]) => ({ name, data: Buffer.from(data) }));
}
