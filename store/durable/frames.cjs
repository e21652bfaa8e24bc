// Checksummed frames: the unit both the journal and the snapshot are made of.
//
//   magic (4 bytes, FF 4C 46 31) | payload length (uint32 LE) | CRC-32 of the payload (uint32 LE) | payload (JSON, UTF-8)
//
// The magic starts with 0xFF, a byte that never occurs in UTF-8 text, so after a damaged frame the
// reader can look for the next frame start and tell a torn tail (nothing valid follows: the last
// append was cut short by a crash) from damage in the middle (valid frames follow: refuse to start).
'use strict';
const { crc32 } = require('node:zlib');

const MAGIC = Buffer.from([0xff, 0x4c, 0x46, 0x31]);
const HEADER_BYTES = 12;

/** One frame holding `value` as JSON. */
function encodeFrame(value) {
  const json = JSON.stringify(value);
  const length = Buffer.byteLength(json);
  const frame = Buffer.allocUnsafe(HEADER_BYTES + length);
  MAGIC.copy(frame, 0);
  frame.writeUInt32LE(length, 4);
  frame.write(json, HEADER_BYTES, 'utf8');
  frame.writeUInt32LE(crc32(frame.subarray(HEADER_BYTES)), 8);
  return frame;
}

/** The frame starting at `offset`, or why there is none. */
function frameAt(buf, offset) {
  if (buf.length - offset < HEADER_BYTES) return { problem: 'an incomplete frame header' };
  if (buf.compare(MAGIC, 0, MAGIC.length, offset, offset + MAGIC.length) !== 0) return { problem: 'no frame marker' };
  const length = buf.readUInt32LE(offset + 4);
  const end = offset + HEADER_BYTES + length;
  if (length === 0) return { problem: 'an empty frame' };
  if (end > buf.length) return { problem: `a frame of ${length} bytes that runs past the end of the file` };
  const payload = buf.subarray(offset + HEADER_BYTES, end);
  if (crc32(payload) !== buf.readUInt32LE(offset + 8)) return { problem: 'a checksum mismatch' };
  try {
    return { value: JSON.parse(payload.toString('utf8')), end };
  } catch {
    // The checksum matched, so these bytes were written like this: not a torn write.
    return { problem: 'a frame that is not valid JSON', fatal: true };
  }
}

/** True when a valid frame starts anywhere after `from`. */
function validFrameAfter(buf, from) {
  for (let at = buf.indexOf(MAGIC, from); at !== -1; at = buf.indexOf(MAGIC, at + 1)) {
    if (frameAt(buf, at).value !== undefined) return true;
  }
  return false;
}

function zeroFrom(buf, from) {
  for (let i = from; i < buf.length; i++) if (buf[i] !== 0) return false;
  return true;
}

/**
 * Reads every frame of a file's contents. Zeros after the last frame are space allocated ahead
 * (see journal.cjs), not data. Stops at the first damaged frame and reports it: `torn` when
 * nothing valid follows it (the end of an interrupted append), otherwise damage.
 */
function readFrames(buf) {
  const values = [];
  let offset = 0;
  while (offset < buf.length) {
    const frame = frameAt(buf, offset);
    if (frame.value === undefined && zeroFrom(buf, offset)) break;
    if (frame.value === undefined) {
      const torn = !frame.fatal && !validFrameAfter(buf, offset + 1);
      return { values, validBytes: offset, damage: { offset, problem: frame.problem, torn } };
    }
    values.push(frame.value);
    offset = frame.end;
  }
  return { values, validBytes: offset };
}

module.exports = { encodeFrame, readFrames, HEADER_BYTES };
