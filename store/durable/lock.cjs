// One process per data folder: a LOCK file holding the owner's process id, created exclusively.
// A lock left by a process that no longer runs (killed, power cut) is taken over. A live owner is
// waited for a little: after a crash of the app, its store process may still be shutting down.
// (Not guarded: two processes starting at the same instant over the same stale lock.)
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const LOCK = 'LOCK';

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM'; // exists, owned by someone else
  }
}

function ownerOf(file) {
  try {
    return Number.parseInt(fs.readFileSync(file, 'utf8'), 10) || undefined;
  } catch {
    return undefined;
  }
}

/** Takes the folder's lock, waiting up to `waitMs` for a live owner to let go. Returns a release function. */
async function acquireLock(dir, waitMs = 10_000) {
  const file = path.join(dir, LOCK);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      return () => {
        if (ownerOf(file) === process.pid) fs.rmSync(file, { force: true });
      };
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const owner = ownerOf(file);
    // No readable owner (it crashed while writing the file), a dead one, or our own id reused
    // (a container restarted with the same pid): the lock is stale.
    if (owner === undefined || owner === process.pid || !alive(owner)) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new Error(`The data folder ${dir} is in use by another process (pid ${owner}). Stop it, or point DATA_DIR at another folder.`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Pid of the process holding the folder's lock, if it is running. */
function lockHolder(dir) {
  const owner = ownerOf(path.join(dir, LOCK));
  return owner !== undefined && owner !== process.pid && alive(owner) ? owner : undefined;
}

module.exports = { acquireLock, lockHolder };
