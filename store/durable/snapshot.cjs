// The snapshot: the whole store at one journal position, so the journal before it can go.
//
// File: frames (see frames.cjs) — a header { snapshot: 1, seq, savedAt }, then puts in the
// journal's op format, then a trailer { end: true, frames, documents }. It is written to a temp
// file, flushed, renamed over the previous snapshot and the folder flushed, so the name always
// points at a complete file; a snapshot that does not read back whole is damage, never a torn write.
'use strict';
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const path = require('node:path');
const { encodeFrame, readFrames } = require('./frames.cjs');
const { fsyncDir } = require('./journal.cjs');

const SNAPSHOT = 'snapshot.db';
const TEMP = 'snapshot.db.tmp';
const WRITE_BYTES = 1 << 20;

/**
 * Writes `captured` (model.capture()) as the snapshot at journal position `seq`. Yields to the
 * event loop between writes, so the store keeps serving while it runs. An aborted `signal` stops
 * it before the rename (the temp file is removed at the next start).
 */
async function writeSnapshot(dir, seq, captured, signal) {
  const temp = path.join(dir, TEMP);
  const handle = await fsp.open(temp, 'w');
  let bytes = 0;
  try {
    let batch = [];
    let batchBytes = 0;
    const flushBatch = async () => {
      signal?.throwIfAborted();
      if (!batch.length) return;
      const buf = Buffer.concat(batch, batchBytes);
      batch = [];
      batchBytes = 0;
      await handle.write(buf, 0, buf.length);
      bytes += buf.length;
    };
    const add = async (value) => {
      const frame = encodeFrame(value);
      batch.push(frame);
      batchBytes += frame.length;
      if (batchBytes >= WRITE_BYTES) await flushBatch();
    };
    await add({ snapshot: 1, seq, savedAt: new Date().toISOString() });
    for (const op of captured.ops) await add({ ops: [op] });
    await add({ end: true, frames: captured.ops.length, documents: captured.documents });
    await flushBatch();
    await handle.sync();
  } finally {
    await handle.close();
  }
  signal?.throwIfAborted();
  await fsp.rename(temp, path.join(dir, SNAPSHOT));
  fsyncDir(dir);
  return bytes;
}

class DamagedFileError extends Error {}

function damaged(file, detail) {
  return new DamagedFileError(`The embedded store cannot read ${file}: ${detail}.`);
}

/** Reads the snapshot: { seq, ops: [...], bytes } or undefined when there is none. */
function readSnapshot(dir) {
  const file = path.join(dir, SNAPSHOT);
  let buf;
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  }
  const { values, damage } = readFrames(buf);
  if (damage) throw damaged(file, `damaged data at byte ${damage.offset} of ${buf.length} (${damage.problem})`);
  const [header, ...rest] = values;
  const trailer = rest.pop();
  if (!header || header.snapshot !== 1 || !Number.isInteger(header.seq)) throw damaged(file, 'it does not start with a snapshot header');
  if (!trailer || trailer.end !== true || trailer.frames !== rest.length) throw damaged(file, 'it is incomplete (no end marker, or frames are missing)');
  return { seq: header.seq, ops: rest.flatMap((frame) => frame.ops), bytes: buf.length };
}

/** Removes a temp file left by a compaction that was interrupted. */
function removeTemp(dir) {
  fs.rmSync(path.join(dir, TEMP), { force: true });
}

module.exports = { writeSnapshot, readSnapshot, removeTemp, DamagedFileError, damaged, SNAPSHOT };
