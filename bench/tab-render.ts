/**
 * The leader view's first render at scale: 1,000 pilots (plus the demo's eight) and 100,000
 * check-in answers in the embedded store, the tab opened cold (fresh browser context, empty
 * cache) in headless Debian Chromium, standalone with demo sign-in and inside the test Teams
 * host with an SSO token. Per path, over several runs:
 *
 *   - time to the first pilot rows: from the tab document's navigation start to the mark the
 *     grid sets when its first rows are committed (`leaderful:leader-rows`); inside Teams also
 *     from the host page's navigation start (the tab is framed, so it starts later);
 *   - wall clock as the benchmark sees it: goto → the page's rows mark reaches it (a console message; no polling);
 *   - JS heap used after render (after a forced GC);
 *   - JavaScript needed for the first render (every script that had arrived when the rows were
 *     committed): raw bytes, the sum of each file's gzip size, and the bytes actually sent (the
 *     server sends the build's pre-compressed Brotli/gzip copies); the portfolio answer's size.
 *
 * The app runs in its own process (the built `dist/server/main.js`, as App Service runs it) over
 * the embedded store in another, so the browser's driver and the page's bookkeeping here never
 * share the app's event loop. With `--baseline <git ref>` (e.g. main) the whole app (server and
 * tab) is also built from that ref and started as a second process over the same store; every
 * run is made twice, alternating between the two, so the before/after pair is measured in the
 * same run, under the same load.
 *
 *   [PROFILE=dir] [TAB_PROFILE=dir] node bench/run.mjs tab-render [--runs 7] [--no-answers] [--pilots 1000] [--baseline main] [--timeline]
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page, Response } from 'playwright-core';
import type { Doc } from '../store/cosmos';
import { DEMO_TENANT_ID } from '../domain/demo';
import { demoUser, roleClaims } from '../support/app';
import { browserFront, launchChromium, type BrowserFront } from '../support/browser';
import { TestIdentityProvider, TEST_APP_CLIENT_ID, TEST_APP_ID_URI } from '../support/identity-provider';
import { seedPortfolio } from '../support/portfolio';
import { startSharedStore, type SharedStore } from '../support/shared-store';
import { percentile } from './lib/clock';
import { processTreeCpu } from './lib/cpu';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = option('runs', 7);
const PILOTS = option('pilots', 1000);
const ANSWERS = args.includes('--no-answers') ? 0 : 100_000;
const BASELINE = args.includes('--baseline') ? args[args.indexOf('--baseline') + 1] : undefined;
const TIMELINE = args.includes('--timeline');
const GOAL_MS = 400;
const GOAL_KB = 180;
const ROW = '[role="grid"] [role="row"][data-index="0"]';

/** In the tab's document: the rows mark and the portfolio request's timing. */
const TAB_TIMINGS = () => {
  // The answer the rows wait for: /api/me bringing the first rows along, or (older builds) the portfolio's own call.
  const api = performance.getEntriesByType('resource').find((e) => /\/api\/(me\?opening=|leader\/portfolio)/.test(e.name)) as PerformanceResourceTiming | undefined;
  return {
    mark: performance.getEntriesByName('leaderful:leader-rows')[0]?.startTime ?? NaN,
    apiStartMs: api?.startTime ?? NaN,
    apiEndMs: api?.responseEnd ?? NaN,
    origin: performance.timeOrigin,
    // `--timeline`: every request of the run (start → end, ms) and the marks, in order.
    timeline: [
      ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => [e.startTime, `${e.startTime.toFixed(0).padStart(5)} → ${e.responseEnd.toFixed(0).padStart(5)}  (sent ${e.requestStart.toFixed(0).padStart(5)}, first byte ${e.responseStart.toFixed(0).padStart(5)})  ${e.name.replace(/^.*?\/(tabs|api)\//, '$1/')}`] as const),
      ...performance.getEntriesByType('mark').map((m) => [m.startTime, `${m.startTime.toFixed(0).padStart(5)}          mark ${m.name}`] as const),
    ].sort((a, b) => a[0] - b[0]).map(([, line]) => line),
    // Scripts (and module preloads) that had arrived when the rows were committed, with the bytes sent.
    scripts: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => /\/tabs\/[^?]+\.js$/.test(e.name) && e.responseEnd <= (performance.getEntriesByName('leaderful:leader-rows')[0]?.startTime ?? Infinity))
      .map((e) => ({ url: e.name, sent: e.encodedBodySize })),
  };
};
type Scripts = { url: string; sent: number }[];

interface Run {
  firstRowsMs: number; // tab document navigation start → rows committed
  apiStartMs: number; // tab navigation start → portfolio request sent
  apiEndMs: number; // … → portfolio answer received
  fromHostMs?: number; // host page navigation start → rows committed (Teams)
  cpu: Record<string, number>; // CPU ms each kind of process spent from goto to the rows
  wallMs: number; // goto → the rows' mark reaches the benchmark
  heapMB: number;
  jsFiles: number;
  jsRawKB: number;
  jsGzipKB: number;
  jsSentKB: number;
  apiKB: number;
  apiGzipKB: number;
  firstKB: number; // the first portfolio answer the grid waits for
  firstGzipKB: number;
}

/** Watches the page's responses; JS and the portfolio answer are sized when the render is done. */
function watch(page: Page) {
  // Bodies are read once the rows are up: reading them over the DevTools protocol while the page
  // loads would have the browser copy them to this process in the middle of the measured load.
  const scripts = new Map<string, Response>();
  // The whole portfolio may follow the rows (the first rows come first): sized once it is here.
  let wholeArrived!: (body: Promise<Buffer>) => void;
  const portfolio = new Promise<Promise<Buffer>>((resolve) => (wholeArrived = resolve));
  let first: Response | undefined; // the answer the rows wait for: /api/me with the first rows (older builds: the first rows' or the whole portfolio's own call)
  const body = (res: Response) => res.body().catch(() => Buffer.alloc(0)); // the context may close first
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.pathname.startsWith('/tabs/') && url.pathname.endsWith('.js')) scripts.set(res.url(), res);
    if (url.pathname === '/api/leader/portfolio') wholeArrived(body(res));
    if (url.pathname.startsWith('/api/leader/portfolio') || (url.pathname === '/api/me' && url.searchParams.has('opening'))) first ??= res;
  });
  return async (beforeRows: Scripts) => {
    const bodies = await Promise.all(
      beforeRows.map((s) => {
        const res = scripts.get(s.url);
        return res ? body(res) : Promise.reject(new Error(`no body for ${s.url}`));
      }),
    );
    const api = await Promise.race([portfolio.then((b) => b), new Promise<Buffer>((resolve) => setTimeout(() => resolve(Buffer.alloc(0)), 10_000))]);
    const firstApi = first ? await body(first) : Buffer.alloc(0);
    return {
      jsFiles: bodies.length,
      jsRawKB: bodies.reduce((n, b) => n + b.length, 0) / 1024,
      jsGzipKB: bodies.reduce((n, b) => n + gzipSync(b).length, 0) / 1024,
      jsSentKB: beforeRows.reduce((n, s) => n + s.sent, 0) / 1024,
      apiKB: api.length / 1024,
      apiGzipKB: gzipSync(api).length / 1024,
      firstKB: firstApi.length / 1024,
      firstGzipKB: gzipSync(firstApi).length / 1024,
    };
  };
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024;
}

/** Who a process under the benchmark is. */
function roleOf(pid: number, cmd: string, appPid: number | undefined): string {
  if (pid === process.pid) return 'benchmark (Playwright)';
  if (cmd.includes('embedded-cosmos')) return 'embedded store';
  if (pid === appPid) return 'app server';
  if (cmd.includes('dist/server/main.js')) return 'the other build\'s app server (idle)';
  const type = /--type=([\w-]+)/.exec(cmd)?.[1];
  if (type === 'renderer') return 'Chromium renderers';
  if (type) return type === 'utility' ? 'Chromium utility (network…)' : `Chromium ${type}`;
  return /chrom/i.test(cmd) ? 'Chromium browser' : 'other';
}

/** CPU each kind of process spends from now until the returned function is called (ms; Linux). */
function cpuFromNow(appPid: number | undefined): () => Record<string, number> {
  const start = processTreeCpu();
  return () => {
    const spent: Record<string, number> = {};
    for (const [pid, { cmd, ms }] of processTreeCpu()) {
      const role = roleOf(pid, cmd, appPid);
      spent[role] = (spent[role] ?? 0) + ms - (start.get(pid)?.ms ?? 0);
    }
    return spent;
  };
}

/**
 * The rows' mark, told to the benchmark by the page itself: a console message the browser sends
 * anyway. Waiting with a locator instead would have Playwright poll the page (its injected script
 * querying the DOM, each check a round trip through the browser) during the very load measured.
 */
const ROWS_MARK = 'leaderful:leader-rows';
/** In the page, from its start (an init script, given ROWS_MARK). */
const announceRows = (mark: string) =>
  new PerformanceObserver((list) => {
    if (list.getEntriesByName(mark).length) console.debug(mark);
  }).observe({ type: 'mark' });
const rowsAnnounced = (page: Page) => page.waitForEvent('console', { predicate: (m) => m.text() === ROWS_MARK, timeout: 60_000 });

/**
 * A new context is a new Chromium window, and Chromium builds each window's own UI (its omnibox
 * popup, a WebUI page in a renderer of its own) in the second after the window opens: ≈ 550–700 ms
 * of CPU, on a 2-core machine, which used to land in the middle of the measured load. A person's
 * browser (or Teams) is open before they open the tab: the load starts once the window has
 * settled. The context is still cold (empty cache and storage).
 */
const windowSettled = () => new Promise((resolve) => setTimeout(resolve, 1000));

/**
 * `TAB_PROFILE=dir`: a Chromium CPU profile of each run's page (main thread, from navigation to the
 * rows), written to dir as standalone-N.cpuprofile / teams-N.cpuprofile (open in DevTools).
 */
const TAB_PROFILE = process.env.TAB_PROFILE;
let profiled = 0;
async function startTabProfile(page: Page): Promise<CDPSession | undefined> {
  if (!TAB_PROFILE) return undefined;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return cdp;
}
async function stopTabProfile(cdp: CDPSession | undefined, name: string): Promise<void> {
  if (!cdp || !TAB_PROFILE) return;
  const { profile } = await cdp.send('Profiler.stop');
  mkdirSync(TAB_PROFILE, { recursive: true });
  writeFileSync(path.join(TAB_PROFILE, `${name}-${++profiled}.cpuprofile`), JSON.stringify(profile));
}

/** One cold load of the leader view, through `b` (the app whose process is `appPid`). */
type Path = (b: BrowserFront, appPid: number | undefined) => Promise<Run>;

const standalone: Path = async (b, appPid) => {
  const { page, context } = await b.newPage({ viewport: { width: 1280, height: 900 } });
  await windowSettled();
  const avery = demoUser('Avery');
  await context.addInitScript((id) => localStorage.setItem('leaderful.demoUser', id), avery.userId);
  await context.addInitScript(announceRows, ROWS_MARK);
  const sizes = watch(page);
  const profile = await startTabProfile(page);
  const cpuSpent = cpuFromNow(appPid);
  const t0 = performance.now();
  const rows = rowsAnnounced(page);
  await page.goto(`${b.tabUrl}#/leader`);
  await rows;
  const wallMs = performance.now() - t0;
  const cpu = cpuSpent();
  await page.locator(ROW).waitFor({ timeout: 60_000 });
  await stopTabProfile(profile, 'standalone');
  const { mark, apiStartMs, apiEndMs, scripts, timeline } = await page.evaluate(TAB_TIMINGS);
  if (TIMELINE) console.log(`\n${timeline.join('\n')}`);
  const run = { firstRowsMs: mark, apiStartMs, apiEndMs, wallMs, cpu, heapMB: await heapMB(page), ...(await sizes(scripts)) };
  await context.close();
  return run;
};

const inTeams: Path = async (b, appPid) => {
  let sizes!: ReturnType<typeof watch>;
  let t0 = NaN; // goto, once the window has settled
  let profile: CDPSession | undefined;
  let cpuSpent!: () => Record<string, number>;
  let rows!: Promise<unknown>;
  const teams = await b.openInTeams(demoUser('Avery'), {
    tabUrl: '/tabs/index.html#/leader',
    viewport: { width: 1280, height: 900 },
    beforeNavigate: async (p) => {
      sizes = watch(p);
      await windowSettled();
      await p.context().addInitScript(announceRows, ROWS_MARK);
      profile = await startTabProfile(p);
      cpuSpent = cpuFromNow(appPid);
      rows = rowsAnnounced(p);
      t0 = performance.now();
    },
  });
  await rows;
  const wallMs = performance.now() - t0;
  const cpu = cpuSpent();
  await teams.tab.locator(ROW).waitFor({ timeout: 60_000 });
  await stopTabProfile(profile, 'teams');
  const frame = teams.page.frame({ url: /\/tabs\/index\.html/ })!;
  const { mark, origin, apiStartMs, apiEndMs, scripts, timeline } = await frame.evaluate(TAB_TIMINGS);
  if (TIMELINE) console.log(`\n${timeline.join('\n')}`);
  const hostOrigin = await teams.page.evaluate(() => performance.timeOrigin);
  const run = { firstRowsMs: mark, fromHostMs: origin - hostOrigin + mark, apiStartMs, apiEndMs, wallMs, cpu, heapMB: await heapMB(teams.page), ...(await sizes(scripts)) };
  await teams.page.context().close();
  return run;
};

async function seedAnswers(shared: SharedStore, count: number): Promise<void> {
  for (let from = 0; from < count; from += 10_000) {
    const docs: Doc[] = [];
    for (let n = from; n < Math.min(count, from + 10_000); n++) {
      const pilot = `pilot:bulk-${String(n % PILOTS).padStart(String(PILOTS - 1).length, '0')}`;
      docs.push({ id: `answer:bench-${n}`, tenantId: DEMO_TENANT_ID, type: 'answer', pilotId: pilot, roundId: `round:${pilot}:${n % 8}`, userId: `u${n % 5000}`, values: { confidence: (n % 5) + 1, progress: 'text' }, shareAnonymously: false, answeredAt: '2027-01-05T10:00:00Z' } as Doc);
    }
    await shared.store.bulkCreate('checkins', docs);
  }
}

function summarize(label: string, runs: Run[]) {
  const col = (f: (r: Run) => number | undefined) => runs.map(f).filter((x): x is number => x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  const p = (xs: number[], q: number) => (xs.length ? percentile(xs, q) : NaN);
  const first = col((r) => r.firstRowsMs);
  const host = col((r) => r.fromHostMs);
  const wall = col((r) => r.wallMs);
  const heap = col((r) => r.heapMB);
  const last = runs[runs.length - 1];
  console.log(`\n  ${label}`);
  console.log(`    first pilot rows (tab navigation start → rows)   p50 ${p(first, 50).toFixed(0).padStart(5)} ms   p95 ${p(first, 95).toFixed(0).padStart(5)} ms   goal ≤ ${GOAL_MS} ms: ${p(first, 95) <= GOAL_MS ? 'met' : 'MISSED'}`);
  console.log(`    of which: the rows' data asked / answered at         p50 ${p(col((r) => r.apiStartMs), 50).toFixed(0).padStart(5)} ms / ${p(col((r) => r.apiEndMs), 50).toFixed(0)} ms`);
  console.log(`    rows drawn after their data arrived (the tab's own work)  p50 ${p(col((r) => r.firstRowsMs - r.apiEndMs), 50).toFixed(0).padStart(5)} ms`);
  if (host.length) console.log(`    first pilot rows (Teams host navigation start)   p50 ${p(host, 50).toFixed(0).padStart(5)} ms   p95 ${p(host, 95).toFixed(0).padStart(5)} ms`);
  console.log(`    wall clock (goto → the rows' mark reaches us)    p50 ${p(wall, 50).toFixed(0).padStart(5)} ms   p95 ${p(wall, 95).toFixed(0).padStart(5)} ms`);
  const roles = [...new Set(runs.flatMap((r) => Object.keys(r.cpu)))].filter((k) => p(col((r) => r.cpu[k] ?? 0), 50) >= 1);
  const cpuLine = roles.map((k) => [k, p(col((r) => r.cpu[k] ?? 0), 50)] as const).sort((a, b) => b[1] - a[1]);
  console.log(`    CPU spent from goto to the rows, p50 (2 cores)    ${cpuLine.map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`).join(', ')}`);
  console.log(`    JS heap used after render                        p50 ${p(heap, 50).toFixed(1).padStart(5)} MB`);
  console.log(`    JavaScript needed for first render               ${last.jsFiles} files, ${last.jsRawKB.toFixed(0)} KB raw, ${last.jsGzipKB.toFixed(1)} KB gzip (${last.jsSentKB.toFixed(1)} KB sent)   goal ≤ ${GOAL_KB} KB gzip: ${last.jsGzipKB <= GOAL_KB ? 'met' : 'MISSED'}`);
  console.log(`    the answer the rows wait for                      ${last.firstKB.toFixed(1)} KB JSON, ${last.firstGzipKB.toFixed(1)} KB gzip`);
  console.log(`    whole portfolio (GET /api/leader/portfolio)      ${last.apiKB.toFixed(0)} KB JSON, ${last.apiGzipKB.toFixed(0)} KB gzip`);
}

/** The whole app built from another git ref (its own sources and build script) into a temporary folder. */
function buildBaseline(ref: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'leaderful-baseline-'));
  execSync(`git archive ${ref} | tar -x -C ${dir}`);
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`baseline build (${ref}) failed`);
  return dir;
}

async function main() {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const baselineDir = BASELINE ? buildBaseline(BASELINE) : undefined;
  const idp = await new TestIdentityProvider().start();
  const shared = await startSharedStore();
  const browser = await launchChromium();
  try {
    // The app as the Teams tab reaches it: SSO tokens from the test identity provider, and the demo sign-in standalone.
    const env = {
      DEMO_SIGN_IN: 'true', RATE_LIMIT_API_PER_MINUTE: '100000', SEED_DEMO_DATA: 'true',
      AAD_APP_CLIENT_ID: TEST_APP_CLIENT_ID, AAD_APP_ID_URI: TEST_APP_ID_URI, AAD_JWKS_URI: idp.jwksUri, AAD_AUTHORITY_HOST: idp.authorityHost,
    };
    const profileDir = process.env.PROFILE; // PROFILE=dir: this build writes a --cpu-prof profile there
    const currentProcess = shared.app(env, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : []);
    const current = await currentProcess.ready;
    const beforeProcess = baselineDir ? shared.app({ ...env, SEED_DEMO_DATA: 'false' }, [], path.join(baselineDir, 'dist', 'server', 'main.js')) : undefined;
    const before = await beforeProcess?.ready;
    const token = (user: Parameters<typeof roleClaims>[0]) => idp.token({ tid: user.tenantId, oid: user.userId, name: user.name, roles: roleClaims(user) });
    const app = browserFront(browser, current, token);
    const beforeApp = before ? browserFront(browser, before, token) : undefined;
    const t0 = performance.now();
    await seedPortfolio(shared, DEMO_TENANT_ID, PILOTS);
    if (ANSWERS) await seedAnswers(shared, ANSWERS);
    console.log(`\nTab first render: leader view, ${PILOTS + 8} pilots and ${ANSWERS.toLocaleString('en')} check-in answers in the embedded store (seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    console.log(`Headless Chromium (${browser.version()}), cold context per run, 1280×900, ${RUNS} runs per path after one warm-up; the app in its own process${BASELINE ? `, alternating with the app built from ${BASELINE} (its own process, same store)` : ''}.`);
    for (const [label, path_] of [['Standalone (demo sign-in)', standalone], ['Inside the test Teams host (SSO token, teams-js)', inTeams]] as const) {
      const after: Run[] = [];
      const baseline: Run[] = [];
      await path_(app, currentProcess.pid); // warm-up: server JIT, embedded store caches
      if (beforeApp) await path_(beforeApp, beforeProcess?.pid);
      for (let i = 0; i < RUNS; i++) {
        if (beforeApp) baseline.push(await path_(beforeApp, beforeProcess?.pid));
        after.push(await path_(app, currentProcess.pid));
      }
      if (beforeApp) summarize(`${label}, app built from ${BASELINE}`, baseline);
      summarize(`${label}, this build`, after);
    }
    console.log('');
  } finally {
    await browser.close().catch(() => undefined);
    await shared.stop();
    await idp.stop();
    if (baselineDir && existsSync(baselineDir)) rmSync(baselineDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
