#!/usr/bin/env node
// `npm run reset-data`: deletes the embedded store's local data (DATA_DIR, default ./data) so the
// next start begins empty (and seeds the demo data again). Refuses while a store is using it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { lockHolder } = require('./lock.cjs');

const dataDir = path.resolve(process.env.DATA_DIR || 'data');
const storeDir = path.join(dataDir, 'cosmos');
const holder = fs.existsSync(storeDir) ? lockHolder(storeDir) : undefined;
if (holder) {
  process.stderr.write(`Leaderful (pid ${holder}) is using ${storeDir}: stop it first.\n`);
  process.exit(1);
}
// The store's folder, and the single-file snapshot earlier versions kept.
for (const name of ['cosmos', 'cosmos-snapshot.json', 'cosmos-snapshot.json.imported']) {
  fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
}
process.stdout.write(`Local data in ${dataDir} removed.\n`);
