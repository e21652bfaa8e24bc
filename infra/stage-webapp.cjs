#!/usr/bin/env node
// Stages what App Service runs into dist/deploy/webapp: the built server and tab, the files the
// server looks for at start-up, and production dependencies only (the full node_modules is
// ~800 MB, mostly build and test tools). teamsapp.yml zip-deploys that folder after `npm run build`.
'use strict';
const { execFileSync } = require('node:child_process');
const { cpSync, existsSync, mkdirSync, rmSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist', 'deploy', 'webapp');

/**
 * [source, destination] relative to the root and to the staging folder. package.json and
 * store/embedded-cosmos.cjs are how the server finds its root (store/embedded.ts projectRoot),
 * even though Azure never starts the embedded store.
 */
const PLAN = [
  ['package.json', 'package.json'],
  ['package-lock.json', 'package-lock.json'],
  ['dist/server', 'dist/server'],
  ['dist/tabs', 'dist/tabs'],
  ['store/embedded-cosmos.cjs', 'store/embedded-cosmos.cjs'],
  ['store/durable', 'store/durable'],
];

function stage({ install = true } = {}) {
  for (const [from] of PLAN) {
    if (!existsSync(path.join(ROOT, from))) throw new Error(`${from} is missing: run \`npm run build\` first`);
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  for (const [from, to] of PLAN) cpSync(path.join(ROOT, from), path.join(OUT, to), { recursive: true });
  if (install) {
    // --ignore-scripts: the only install script is patch-package (a dev tool) patching the embedded
    // store, which Azure does not run.
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: OUT, stdio: 'inherit', shell: process.platform === 'win32' });
  }
  return OUT;
}

module.exports = { PLAN, OUT, stage };

if (require.main === module) {
  try {
    process.stdout.write(`Staged the web app in ${path.relative(process.cwd(), stage())}\n`);
  } catch (err) {
    process.stderr.write(`stage-webapp: ${err.message}\n`);
    process.exit(1);
  }
}
