// The write-ahead journal: every change the store makes is appended here and flushed to disk
// before the request that made it is answered.
//
// Group commit: changes made while a flush is under way wait for the next one, so one write and
// one fdatasync carry every change of that moment (many writes per flush under load, one flush
// per write when idle). Each flush is exactly one frame, and the next frame is written only after
// the previous one is on disk: a crash can damage only the last frame of the last segment.
//
// Segments: the journal is a series of files `journal-<first frame number>.log`. A compaction
// seals the current segment (rotate) and starts a new one; once the snapshot that covers the old
// segments is on disk, they are deleted. Space is allocated ahead in zero-filled steps: a flush
// that does not change the file's size does not have to flush its metadata too, which makes it
// two to three times faster (the reader takes zeros after the last frame as free space).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { promisify } = require('node:util');
const { encodeFrame } = require('./frames.cjs');

const SEGMENT = /^journal-(\d{12})\.log$/;

function segmentName(firstSeq) {
  return `journal-${String(firstSeq).padStart(12, '0')}.log`;
}

/** Journal segments in a folder, oldest first: [{ file, firstSeq }]. */
function listSegments(dir) {
  return fs
    .readdirSync(dir)
    .map((name) => SEGMENT.exec(name))
    .filter(Boolean)
    .map((m) => ({ file: path.join(dir, m[0]), firstSeq: Number(m[1]) }))
    .sort((a, b) => a.firstSeq - b.firstSeq);
}

/** Makes a folder's entries (created, renamed or deleted files) durable. */
function fsyncDir(dir) {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

const fdatasync = promisify(fs.fdatasync);
const ALLOCATE_BYTES = 1 << 20;
const ZEROS = Buffer.alloc(ALLOCATE_BYTES);

/** Writes all of `buf` at `position` (into the page cache: quick, so done in line). */
function writeFully(fd, buf, position) {
  for (let done = 0; done < buf.length; ) done += fs.writeSync(fd, buf, done, buf.length - done, position + done);
}

class Journal {
  /**
   * @param {{ dir: string, nextSeq: number, onFatal: (err: Error) => void }} opts
   * `nextSeq` is the number of the next frame (one after the last frame on disk).
   */
  constructor({ dir, nextSeq, onFatal }) {
    this.dir = dir;
    this.onFatal = onFatal;
    this.nextSeq = nextSeq;
    /** Changes recorded since the last frame was sealed. */
    this.pending = [];
    /** Frames sealed but not yet on disk: { seq, buf, opsEnd, rotate? }. */
    this.queue = [];
    this.recorded = 0; // changes recorded, ever
    this.durableOps = 0; // changes on disk
    this.waiters = []; // { opsEnd, resolve }, in order
    this.bytesSinceRotate = 0;
    this.flushing = false;
    this.scheduled = false;
    this.closed = false;
    this.openSegment(nextSeq);
  }

  openSegment(firstSeq) {
    this.segmentFile = path.join(this.dir, segmentName(firstSeq));
    // A segment named after the next frame can only hold torn bytes from an earlier start.
    this.fd = fs.openSync(this.segmentFile, 'w');
    this.offset = 0;
    this.allocated = 0;
    fsyncDir(this.dir);
  }

  closeSegment() {
    // Give back the space allocated ahead (no flush needed: zeros would read as free space anyway).
    fs.ftruncateSync(this.fd, this.offset);
    fs.closeSync(this.fd);
  }

  /** Appends one frame and flushes it to disk. */
  async append(buf) {
    if (this.offset + buf.length > this.allocated) {
      const grow = buf.length > ALLOCATE_BYTES ? Buffer.alloc(buf.length) : ZEROS;
      writeFully(this.fd, grow, this.allocated);
      this.allocated += grow.length;
    }
    writeFully(this.fd, buf, this.offset);
    this.offset += buf.length;
    await fdatasync(this.fd);
  }

  /** Records one change; it becomes durable with the next flush. */
  record(op) {
    if (this.closed) throw new Error('The journal is closed');
    this.pending.push(op);
    this.recorded += 1;
    this.schedule();
  }

  /** Resolves once every change recorded so far is on disk; undefined if that is already so. */
  whenDurable() {
    if (this.durableOps === this.recorded) return undefined;
    const opsEnd = this.recorded;
    return new Promise((resolve) => this.waiters.push({ opsEnd, resolve }));
  }

  /**
   * Seals everything recorded so far into frames that end the current segment; later changes go
   * to a new segment. Returns the number of the last sealed frame (the store's state at this
   * instant is exactly the journal up to and including that frame) and a promise that resolves
   * once those frames are on disk and the new segment is open.
   */
  rotate() {
    this.seal();
    const seq = this.nextSeq - 1;
    const opened = new Promise((resolve) => this.queue.push({ rotate: true, firstSeq: this.nextSeq, resolve }));
    this.bytesSinceRotate = 0;
    this.schedule();
    return { seq, opened };
  }

  seal() {
    if (!this.pending.length) return;
    const seq = this.nextSeq++;
    const buf = encodeFrame({ seq, ops: this.pending });
    this.queue.push({ seq, buf, opsEnd: this.recorded });
    this.bytesSinceRotate += buf.length;
    this.pending = [];
  }

  schedule() {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    // setImmediate: let every request that arrived in this turn of the event loop add its changes.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  async flush() {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (;;) {
        if (!this.queue.length) this.seal();
        const next = this.queue.shift();
        if (!next) break;
        if (next.rotate) {
          this.closeSegment();
          this.openSegment(next.firstSeq);
          next.resolve();
          continue;
        }
        await this.append(next.buf);
        this.durableOps = next.opsEnd;
        while (this.waiters.length && this.waiters[0].opsEnd <= this.durableOps) this.waiters.shift().resolve();
      }
    } catch (err) {
      // The disk refused a write or a flush: what is in memory may not be on disk, and carrying on
      // would acknowledge writes that a restart loses. Stop instead (as databases do).
      this.onFatal(err);
      return;
    } finally {
      this.flushing = false;
    }
    if (this.pending.length || this.queue.length) this.schedule();
  }

  /** Flushes what is recorded, then closes the segment. */
  async close() {
    if (this.closed) return;
    await this.whenDurable();
    while (this.flushing || this.queue.length) await new Promise((r) => setImmediate(r));
    this.closed = true;
    this.closeSegment();
  }
}

module.exports = { Journal, listSegments, segmentName, fsyncDir };
