/**
 * What a cold leader view asks the server for, timed over HTTP against the built app in its own
 * process (1,008 pilots, 100,000 answers in the shared embedded store): the first rows, who is
 * signed in with the first rows, the whole portfolio, and the first download's scripts (6 at a
 * time, as Chromium fetches them). `--before path/to/main.js` runs an earlier build as a second
 * process over the same store and alternates the two, request by request (that build asks for
 * who is signed in and the first rows one after the other, as its tab did).
 *
 *   npm run build && node bench/run.mjs leader-cold [--before dist/before/server/main.js]
 */
import type { Doc } from '../store/cosmos';
import { DEMO_TENANT_ID } from '../domain/demo';
import { demoUser } from '../support/app';
import { seedPortfolio } from '../support/portfolio';
import { startSharedStore } from '../support/shared-store';

const ROUNDS = 30;
async function main() {
  const shared = await startSharedStore();
  const env = { DEMO_SIGN_IN: 'true', SEED_DEMO_DATA: 'true', RATE_LIMIT_API_PER_MINUTE: '100000' };
  const after = await shared.app(env).ready;
  const i = process.argv.indexOf('--before');
  const before = i > 0 ? await shared.app({ ...env, SEED_DEMO_DATA: 'false' }, [], process.argv[i + 1]).ready : undefined;
  await seedPortfolio(shared, DEMO_TENANT_ID, 1000);
  for (let from = 0; from < 100_000; from += 10_000) {
    const docs: Doc[] = [];
    for (let n = from; n < from + 10_000; n++) {
      const pilot = `pilot:bulk-${String(n % 1000).padStart(3, '0')}`;
      docs.push({ id: `answer:bench-${n}`, tenantId: DEMO_TENANT_ID, type: 'answer', pilotId: pilot, roundId: `round:${pilot}:${n % 8}`, userId: `u${n % 5000}`, values: { confidence: 3 }, shareAnonymously: false, answeredAt: '2027-01-05T10:00:00Z' } as Doc);
    }
    await shared.store.bulkCreate('checkins', docs);
  }
  const headers = { 'x-leaderful-demo-user': demoUser('Avery').userId, 'accept-encoding': 'br' };
  const get = async (url: string) => { const r = await fetch(url, { headers }); await r.arrayBuffer(); if (r.status !== 200) throw new Error(`${url} ${r.status}`); };
  console.log(`Cold leader view over HTTP: 1,008 pilots, 100,000 answers; p50 of ${ROUNDS} sequential requests per build${before ? ', alternating builds' : ''}`);
  const timed = async (f: () => Promise<void>) => { const t0 = performance.now(); await f(); return performance.now() - t0; };
  const scripts = async (base: string) => {
    const html = await (await fetch(`${base}/tabs/index.html`)).text();
    const files = ['app.js', ...[...html.matchAll(/href="\.\/([^"]+\.js)"/g)].map((m) => m[1])];
    let i = 0;
    await Promise.all(Array.from({ length: 6 }, async () => { while (i < files.length) await get(`${base}/tabs/${files[i++]}`); }));
    return files.length;
  };
  const cases: [string, (base: string) => Promise<unknown>][] = [
    ['GET /api/leader/portfolio/first', (b) => get(`${b}/api/leader/portfolio/first`)],
    ['who is signed in, with the first rows', (b) => (b === before ? get(`${b}/api/me`).then(() => get(`${b}/api/leader/portfolio/first`)) : get(`${b}/api/me?opening=leader`))],
    ['GET /api/leader/portfolio', (b) => get(`${b}/api/leader/portfolio`)],
    ['the first download\'s scripts, 6 at a time', (b) => scripts(b)],
  ];
  for (const [label, f] of cases) {
    const builds = [...(before ? [['before', before]] : []), ['this build', after]] as const;
    const t = new Map<string, number[]>(builds.map(([k]) => [k, []]));
    for (const [, b] of builds) await f(b); // warm-up
    for (let r = 0; r < ROUNDS; r++) for (const [k, b] of builds) t.get(k)!.push(await timed(() => f(b) as Promise<void>));
    const p50 = (k: string) => t.get(k)!.sort((a, b) => a - b)[ROUNDS >> 1];
    console.log(`${label}\n   ${builds.map(([k]) => `${k} p50 ${p50(k).toFixed(1)} ms`).join('   ')}${before ? `   this build ÷ before ${(p50('this build') / p50('before')).toFixed(2)}` : ''}`);
  }
  await shared.stop();
}
main().catch((e) => { console.error(e); process.exit(1); });
