// The browser tests drive Debian's Chromium. On a fresh machine `npm test` installs it first
// (apt, as root), so the README's one test command stays true; elsewhere it says what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  if (process.getuid?.() === 0) {
    console.log('Installing Chromium for the browser tests (apt-get install chromium)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation', { stdio: 'inherit' });
  } else {
    console.error(`Chromium is needed for the browser tests: sudo apt-get install -y chromium (or set CHROMIUM_PATH). Looked for ${path}.`);
    process.exit(1);
  }
}
