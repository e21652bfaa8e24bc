import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import { CosmosStore } from '../store/cosmos';
import { embeddedStoreDir, startEmbeddedCosmos, type EmbeddedCosmos, type EmbeddedOptions } from '../store/embedded';
import type { Doc } from '../domain/ports/store';
import { startTestApp } from '../support/app';
import { APP_ENTRY } from '../support/app-process';

/**
 * The embedded store's data folder: what it does with a crash's leftovers (a torn last journal
 * record is dropped), with damage (the start stops and names the file), and what it keeps
 * (documents exactly as stored, ETags included). The crash test proper is in
 * embedded-durability-crash.test.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { encodeFrame, readFrames } = require('../store/durable/frames.cjs') as {
  encodeFrame(value: unknown): Buffer;
  readFrames(buf: Buffer): { values: { seq: number; ops: unknown[] }[]; validBytes: number };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { acquireLock } = require('../store/durable/lock.cjs') as { acquireLock(dir: string, waitMs: number): Promise<() => void> };

const TENANT = 'tenant-durability';
const note = (id: string, text: string): Doc & { text: string } => ({ id, tenantId: TENANT, type: 'note', text });

let dataDir: string;
let dir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'leaderful-durability-'));
  dir = embeddedStoreDir(dataDir);
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function open(opts: Partial<EmbeddedOptions> = {}): Promise<{ embedded: EmbeddedCosmos; store: CosmosStore; close(): Promise<void> }> {
  const embedded = await startEmbeddedCosmos({ dataDir: dir, ...opts });
  const store = await CosmosStore.connect({ endpoint: embedded.endpoint, database: 'leaderful', key: 'embedded' });
  return {
    embedded,
    store,
    async close() {
      store.dispose();
      await embedded.stop();
    },
  };
}

const segments = () => readdirSync(dir).filter((f) => /^journal-\d+\.log$/.test(f)).sort();
const lastSegment = () => path.join(dir, segments().at(-1)!);
const lastSeq = () => {
  for (const name of segments().reverse()) {
    const { values } = readFrames(readFileSync(path.join(dir, name)));
    if (values.length) return values.at(-1)!.seq;
  }
  return 0;
};

test('writes survive a restart exactly as stored: same documents, same ETags', async () => {
  let s = await open();
  const first = await s.store.upsert('pilots', note('note:1', 'one'));
  await s.store.upsert('pilots', note('note:2', 'two'));
  await s.store.delete('pilots', TENANT, 'note:2');
  // A Cosmos patch (the app does not use it, the server supports it) is journaled like any write.
  const raw = new CosmosClient({ endpoint: s.embedded.endpoint, key: 'embedded', connectionPolicy: { enableEndpointDiscovery: false } });
  await raw.database('leaderful').container('pilots').item('note:1', TENANT).patch([{ op: 'set', path: '/text', value: 'one, patched' }]);
  raw.dispose();
  const patched = (await s.store.read<Doc & { text: string }>('pilots', TENANT, 'note:1'))!;
  await s.close();

  s = await open();
  try {
    expect(s.embedded.restored).toMatchObject({ documents: 1, tornBytes: 0 });
    expect(await s.store.read('pilots', TENANT, 'note:2')).toBeUndefined();
    const back = (await s.store.read<Doc & { text: string }>('pilots', TENANT, 'note:1'))!;
    expect(back).toEqual(patched);
    // A client that read before the restart still holds a valid ETag; an older one is refused.
    await expect(s.store.replaceIfMatch('pilots', { ...back, text: 'stale' }, first._etag!)).rejects.toMatchObject({ kind: 'conflict', code: 'store.changed' });
    const replaced = await s.store.replaceIfMatch('pilots', { ...back, text: 'after restart' }, patched._etag!);
    expect(replaced.text).toBe('after restart');
    // New documents never take the resource id of a restored one.
    const fresh = await s.store.upsert('pilots', note('note:3', 'three'));
    expect((fresh as unknown as { _rid: string })._rid).not.toBe((back as unknown as { _rid: string })._rid);
    expect((await s.store.read<Doc & { text: string }>('pilots', TENANT, 'note:1'))!.text).toBe('after restart');
  } finally {
    await s.close();
  }
});

test('a torn last journal record (a crash in the middle of an append) is dropped, and everything before it kept', async () => {
  let s = await open();
  for (let i = 0; i < 20; i++) await s.store.upsert('pilots', note(`note:${i}`, `text ${i}`));
  await s.close();
  // The crash: the next record was being appended when the power went.
  const torn = encodeFrame({ seq: lastSeq() + 1, ops: [{ k: 'doc', db: 'leaderful', coll: 'pilots', v: note('note:torn', 'never acknowledged'), rc: 999 }] });
  appendFileSync(lastSegment(), torn.subarray(0, Math.floor(torn.length * 0.6)));
  appendFileSync(lastSegment(), Buffer.alloc(4096)); // the space the journal had allocated ahead

  s = await open();
  try {
    expect(s.embedded.restored!.tornBytes).toBe(Math.floor(torn.length * 0.6) + 4096);
    for (let i = 0; i < 20; i++) expect((await s.store.read<Doc & { text: string }>('pilots', TENANT, `note:${i}`))?.text).toBe(`text ${i}`);
    expect(await s.store.read('pilots', TENANT, 'note:torn')).toBeUndefined();
    await s.store.upsert('pilots', note('note:after', 'written after the recovery'));
  } finally {
    await s.close();
  }
  // The torn bytes were cut off: the next start reads a clean journal.
  s = await open();
  try {
    expect(s.embedded.restored!.tornBytes).toBe(0);
    expect(await s.store.read('pilots', TENANT, 'note:after')).toBeTruthy();
  } finally {
    await s.close();
  }
});

test('a complete last record with a bad checksum is dropped too; damage with records after it stops the start', async () => {
  let s = await open();
  for (let i = 0; i < 5; i++) await s.store.upsert('pilots', note(`note:${i}`, `text ${i}`));
  await s.close();
  const file = lastSegment();
  const bytes = readFileSync(file);
  const flipped = Buffer.from(bytes);
  flipped[flipped.length - 3] ^= 0xff; // inside the last record
  writeFileSync(file, flipped);
  s = await open();
  try {
    expect(s.embedded.restored!.tornBytes).toBeGreaterThan(0);
    expect(await s.store.read('pilots', TENANT, 'note:0')).toBeTruthy();
  } finally {
    await s.close();
  }

  // Damage in the first record of a segment that has acknowledged records after it.
  const damaged = readFileSync(file);
  damaged[20] ^= 0xff;
  writeFileSync(file, damaged);
  await expect(startEmbeddedCosmos({ dataDir: dir })).rejects.toThrow(new RegExp(`cannot read ${escapeRegExp(file)}: damaged data at byte 0 .*with records after it`));
});

test('a damaged snapshot stops the start with a message naming the file — never an empty start', async () => {
  let compactions = 0;
  const s = await open({ compactBytes: 2048, onLog: (msg) => void (msg === 'compacted' && compactions++) });
  for (let i = 0; i < 40; i++) await s.store.upsert('pilots', note(`note:${i}`, `text ${i} ${'x'.repeat(100)}`));
  await until(() => compactions > 0);
  await s.close();
  const snapshot = path.join(dir, 'snapshot.db');
  const bytes = readFileSync(snapshot);
  bytes[Math.floor(bytes.length / 2)] ^= 0xff;
  writeFileSync(snapshot, bytes);

  await expect(startEmbeddedCosmos({ dataDir: dir })).rejects.toThrow(new RegExp(`cannot read ${escapeRegExp(snapshot)}: damaged data at byte`));
  // The app itself refuses to start, and says which file.
  const res = spawnSync(process.execPath, [APP_ENTRY], {
    env: { PATH: process.env.PATH ?? '', DEMO_SIGN_IN: 'true', PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(res.status).toBe(1);
  expect(res.stderr).toContain(`The embedded store cannot read ${snapshot}`);
});

test('a journal that continues a missing snapshot stops the start', async () => {
  let compactions = 0;
  const s = await open({ compactBytes: 2048, onLog: (msg) => void (msg === 'compacted' && compactions++) });
  for (let i = 0; i < 40; i++) await s.store.upsert('pilots', note(`note:${i}`, `text ${i} ${'x'.repeat(100)}`));
  await until(() => compactions > 0);
  await s.store.upsert('pilots', note('note:last', 'after the snapshot'));
  await s.close();
  rmSync(path.join(dir, 'snapshot.db'));
  await expect(startEmbeddedCosmos({ dataDir: dir })).rejects.toThrow(/cannot read .*journal-\d+\.log: frames 1 to \d+ are missing \(is snapshot.db missing\?\)/);
});

test('compaction keeps everything: the snapshot plus the journal after it give back every write', async () => {
  let compactions = 0;
  let s = await open({ compactBytes: 4096, onLog: (msg) => void (msg === 'compacted' && compactions++) });
  for (let i = 0; i < 200; i++) await s.store.upsert('pilots', note(`note:${i % 60}`, `version ${i}`));
  for (let i = 0; i < 10; i++) await s.store.delete('pilots', TENANT, `note:${i}`);
  await until(() => compactions >= 2);
  await s.close();
  expect(segments().length).toBeLessThanOrEqual(2); // the segments a snapshot covers were deleted

  s = await open();
  try {
    expect(s.embedded.restored!.documents).toBe(50);
    for (let i = 10; i < 60; i++) {
      const last = i + 60 * Math.floor((199 - i) / 60); // the last of the writes to note:i
      expect((await s.store.read<Doc & { text: string }>('pilots', TENANT, `note:${i}`))?.text).toBe(`version ${last}`);
    }
    expect(await s.store.read('pilots', TENANT, 'note:3')).toBeUndefined();
  } finally {
    await s.close();
  }
});

test('one store per data folder: a second one waits, then gives up naming the owner', async () => {
  const s = await open();
  try {
    await expect(acquireLock(dir, 200)).rejects.toThrow(new RegExp(`data folder ${escapeRegExp(dir)} is in use by another process \\(pid \\d+\\)`));
  } finally {
    await s.close();
  }
  // Let go on stop: the folder can be taken at once.
  const release = await acquireLock(dir, 0);
  release();
});

test('data kept by earlier versions (one JSON file) is imported once, then the file is set aside', async () => {
  const legacy = path.join(dataDir, 'cosmos-snapshot.json');
  const pilot = { id: 'pilot:kept', tenantId: TENANT, type: 'pilot', title: 'Kept from before', _etag: 'old', _rid: 'old', _ts: 1 };
  writeFileSync(legacy, JSON.stringify({ version: 1, savedAt: '2026-01-01T00:00:00Z', containers: { pilots: [pilot] } }));
  const env = { DATA_DIR: dataDir, EMBEDDED_SNAPSHOT: 'true', SEED_DEMO_DATA: 'false' };
  let t = await startTestApp({ env });
  try {
    expect(await t.app.store.read('pilots', TENANT, 'pilot:kept')).toMatchObject({ title: 'Kept from before' });
  } finally {
    await t.stop();
  }
  expect(readdirSync(dataDir).sort()).toEqual(['cosmos', 'cosmos-snapshot.json.imported']);
  t = await startTestApp({ env });
  try {
    expect(await t.app.store.read('pilots', TENANT, 'pilot:kept')).toMatchObject({ title: 'Kept from before' });
  } finally {
    await t.stop();
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 20));
}
