// Durability for the embedded store, owned by its process (embedded-cosmos.cjs):
//
//   start:   lock the folder → load the snapshot → replay the journal → only then serve;
//   writes:  every change is journaled and flushed before the request is answered (journal.cjs);
//   compact: when the journal has grown past the snapshot's size (at least `compactBytes`), the
//            state of one instant is written as a new snapshot in the background and the journal
//            segments it covers are deleted.
//
// Files in the folder: LOCK, snapshot.db, journal-<n>.log (see the modules for their formats).
// A torn last frame of the last segment (crash during an append) is cut off; any other damage,
// a gap in the frame numbers or a journal without the snapshot it continues stops the start with
// a message naming the file: the store never starts empty or partial by accident.
'use strict';
const fs = require('node:fs');
const { readFrames } = require('./frames.cjs');
const { Journal, listSegments, fsyncDir } = require('./journal.cjs');
const { acquireLock } = require('./lock.cjs');
const { ModelObserver, apply, capture, countDocuments } = require('./model.cjs');
const { readSnapshot, writeSnapshot, removeTemp, damaged } = require('./snapshot.cjs');

const MIN_COMPACT_BYTES = 16 * 1024 * 1024;

function applyAll(account, ops, file) {
  for (const op of ops) {
    try {
      apply(account, op);
    } catch (err) {
      throw damaged(file, `a record cannot be applied (${err.message})`);
    }
  }
}

/** Replays the journal segments after the snapshot at `seq`. Returns the next frame number and counts. */
function replaySegments(dir, account, seq) {
  const segments = listSegments(dir);
  let last = seq;
  const counts = { frames: 0, ops: 0, bytes: 0, tornBytes: 0 };
  segments.forEach((segment, i) => {
    const next = segments[i + 1];
    // A segment whose successor starts at or before the snapshot's next frame is fully covered.
    if (next && next.firstSeq <= seq + 1) return;
    const buf = fs.readFileSync(segment.file);
    const { values, validBytes, damage } = readFrames(buf);
    for (const frame of values) {
      if (!Number.isInteger(frame.seq) || !Array.isArray(frame.ops)) throw damaged(segment.file, 'a frame is not a journal record');
      if (frame.seq <= last) {
        if (frame.seq <= seq) continue;
        throw damaged(segment.file, `frame ${frame.seq} comes after frame ${last}`);
      }
      if (frame.seq !== last + 1) {
        throw damaged(segment.file, `frames ${last + 1} to ${frame.seq - 1} are missing${last === 0 && seq === 0 ? ' (is snapshot.db missing?)' : ''}`);
      }
      applyAll(account, frame.ops, segment.file);
      last = frame.seq;
      counts.frames += 1;
      counts.ops += frame.ops.length;
    }
    counts.bytes += validBytes;
    if (damage) {
      if (!damage.torn || next) throw damaged(segment.file, `damaged data at byte ${damage.offset} of ${buf.length} (${damage.problem}), with records after it`);
      // The end of an append cut short by a crash: it was never acknowledged. Cut it off so the
      // file reads clean next time.
      fs.truncateSync(segment.file, validBytes);
      const fd = fs.openSync(segment.file, 'r+');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      counts.tornBytes = buf.length - validBytes;
    }
  });
  return { nextSeq: last + 1, counts };
}

class DurableStore {
  /**
   * @param {{ dir: string, account: object, compactBytes?: number, log?: (msg: string, fields: object) => void, onFatal: (err: Error) => void }} opts
   */
  constructor(opts) {
    this.dir = opts.dir;
    this.account = opts.account;
    this.compactBytes = opts.compactBytes || MIN_COMPACT_BYTES;
    this.log = opts.log || (() => undefined);
    this.onFatal = opts.onFatal;
    this.compacting = undefined;
    this.closing = new AbortController();
    this.snapshotBytes = 0;
  }

  /** Locks the folder and loads it into the account. Returns what was restored. */
  async open() {
    const started = Date.now();
    fs.mkdirSync(this.dir, { recursive: true });
    this.release = await acquireLock(this.dir);
    try {
      removeTemp(this.dir);
      this.observer = new ModelObserver(this.account, (op) => this.journal.record(op));
      const snapshot = readSnapshot(this.dir);
      const seq = snapshot ? snapshot.seq : 0;
      this.snapshotBytes = snapshot ? snapshot.bytes : 0;
      const { nextSeq, counts } = this.observer.quietly(() => {
        if (snapshot) applyAll(this.account, snapshot.ops, `${this.dir}/snapshot.db`);
        return replaySegments(this.dir, this.account, seq);
      });
      this.journal = new Journal({ dir: this.dir, nextSeq, onFatal: this.onFatal });
      this.journal.bytesSinceRotate = counts.bytes;
      fsyncDir(this.dir);
      return {
        documents: countDocuments(this.account),
        snapshotBytes: this.snapshotBytes,
        journalFrames: counts.frames,
        journalRecords: counts.ops,
        tornBytes: counts.tornBytes,
        ms: Date.now() - started,
      };
    } catch (err) {
      this.release();
      throw err;
    }
  }

  /** Resolves when every change so far is on disk (undefined when nothing is waiting). */
  whenDurable() {
    const pending = this.journal.whenDurable();
    if (this.journal.bytesSinceRotate >= Math.max(this.compactBytes, this.snapshotBytes)) void this.compact();
    return pending;
  }

  /** Writes a snapshot of this instant and drops the journal segments it covers. */
  compact() {
    if (this.closing.signal.aborted) return Promise.resolve();
    this.compacting ??= (async () => {
      const started = Date.now();
      const { seq, opened } = this.journal.rotate();
      const state = capture(this.account);
      this.snapshotBytes = await writeSnapshot(this.dir, seq, state, this.closing.signal);
      await opened;
      // Segments before the current one hold frames up to `seq` only: the snapshot covers them.
      for (const segment of listSegments(this.dir)) {
        if (segment.firstSeq <= seq) fs.rmSync(segment.file, { force: true });
      }
      this.log('compacted', { documents: state.documents, frame: seq, bytes: this.snapshotBytes, ms: Date.now() - started });
    })()
      .catch((err) => {
        if (!this.closing.signal.aborted) this.onFatal(err);
      })
      .finally(() => (this.compacting = undefined));
    return this.compacting;
  }

  /** Flushes the journal and lets go of the folder; a compaction under way is abandoned. */
  async close() {
    if (!this.journal) return;
    this.closing.abort();
    await this.compacting;
    await this.journal.close();
    this.release();
  }
}

module.exports = { DurableStore };
