/**
 * Answer path: people answer their check-in card (`adaptiveCard/action` invokes over HTTP, through
 * bot, domain and the embedded Cosmos store, answered with the updated card). The app runs in its
 * own process over a store in another, and this process drives it: open loop at fixed arrival
 * rates (50, 100, 200 answers/s, evenly spaced) and to saturation (autocannon, closed loop). A bare botbuilder CloudAdapter answering the
 * same invoke with a static card is measured the same way in the same run: its figures are what
 * this machine allows, and the app's are printed as ratios to them.
 *   node bench/run.mjs card-answer [--users 1000] [--seconds 10] [--rates 50,100,200] [--connections 50]
 *   PROFILE=dir node bench/run.mjs card-answer   # the app writes a --cpu-prof profile into dir
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Doc } from '../store/cosmos';
import { DEFAULT_CADENCE, EMPTY_HEALTH } from '../domain/pilots';
import { PRACTICE_SEEDS } from '../domain/practices';
import { adaptiveActionActivity } from '../support/teams';
import { openLoop, post, type LoadFigures, type LoadOptions } from './lib/load';
import { cpuSeconds } from './lib/cpu';
import { startSharedStore } from '../support/shared-store';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const USERS = Number(arg('--users', '1000'));
const SECONDS = Number(arg('--seconds', '10'));
const RATES = arg('--rates', '50,100,200').split(',').map(Number).filter((r) => r > 0);
const SATURATION_CONNECTIONS = Number(arg('--connections', '50'));

interface Figures extends LoadFigures {
  label: string;
}

type Body = () => string;

const drive = (url: string, body: Body, opts: Omit<LoadOptions, 'body'>) => post(`${url}/api/messages`, { ...opts, body });

/** Slices of one step as one: mean rate, and the worst slice's percentiles (no histogram merge). */
function combine(slices: LoadFigures[]): LoadFigures {
  const mean = (f: (x: LoadFigures) => number) => slices.reduce((a, x) => a + f(x), 0) / slices.length;
  const worst = (f: (x: LoadFigures) => number) => Math.max(...slices.map(f));
  return { rps: mean((x) => x.rps), p50: mean((x) => x.p50), p90: mean((x) => x.p90), p99: worst((x) => x.p99), max: worst((x) => x.max), errors: slices.reduce((a, x) => a + x.errors, 0) };
}

function bareBot(): { ready: Promise<string>; pid: number | undefined; stop(): void } {
  const child = spawn(process.execPath, [path.join(process.cwd(), 'bench', 'lib', 'bare-bot.cjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<string>((resolve) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Bot endpoint: (http:\/\/\S+)\/api\/messages/.exec(out);
      if (m) resolve(m[1]);
    });
  });
  return { ready, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

async function main() {
  const shared = await startSharedStore();
  const { domain, store } = shared;
  const tenantId = randomUUID();
  await domain.directory.ensureTenant(tenantId);
  const users = Array.from({ length: USERS }, () => randomUUID());
  const docs: Doc[] = users.map((userId, i) => ({ id: `member:${userId}`, tenantId, type: 'member', userId, name: `Member ${i}`, timeZone: 'UTC', roles: ['member'], teamIds: ['team:bench'], workDays: [0, 1, 2, 3, 4, 5, 6] }) as Doc);
  docs.push({ id: 'team:bench', tenantId, type: 'team', name: 'Bench', kind: 'channel', memberIds: users } as Doc);
  await store.bulkCreate('directory', docs);
  // A round that opened a minute ago and stays open for the whole run.
  const now = new Date(Date.now() - 60_000);
  const today = now.toISOString().slice(0, 10);
  const time = now.toISOString().slice(11, 16);
  await store.bulkCreate('pilots', [
    {
      id: 'pilot:bench', tenantId, type: 'pilot', title: 'Bench pilot', practiceName: 'x', hypothesis: 'h', successMeasures: ['m'], teamId: 'team:bench', teamName: 'Bench', managerId: 'x', managerName: 'x',
      cadence: { ...DEFAULT_CADENCE, weekdays: [now.getUTCDay()], time, roundHours: 72 }, questions: PRACTICE_SEEDS[0].questions, startDate: today, endDate: '2099-01-01', status: 'active', createdAt: '', updatedAt: '', health: EMPTY_HEALTH,
    } as Doc,
  ]);
  await domain.checkins.tick(tenantId, []);
  const roundId = `round:pilot:bench:${today}`;
  if (!(await store.read('checkins', tenantId, roundId))) throw new Error(`no round ${roundId}: the scheduler did not open it`);

  const profileDir = process.env.PROFILE;
  const app = shared.app({}, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : []);
  const bare = bareBot();
  const [appUrl, bareUrl] = await Promise.all([app.ready, bare.ready]);

  let n = 0;
  const answer: Body = () => {
    n++;
    const userId = users[n % users.length];
    // serviceUrl is never called for an invoke; the answer comes back in the HTTP response.
    const activity = adaptiveActionActivity('http://127.0.0.1:9/', { tenantId, userId, name: 'Member' }, 'checkin.submit', { roundId, confidence: String((n % 5) + 1), progress: `Answer ${n}`, blocker: '', autonomy: '4', workload: '3' }, `a:${userId}`);
    return JSON.stringify(activity);
  };
  const appOk = (status: number, text: string) => status === 200 && text.includes('Thanks');
  const bareOk = (status: number) => status === 200;

  // Warm up both (JIT, sockets, caches), not measured.
  await drive(bareUrl, answer, { connections: 10, seconds: 3 });
  await drive(appUrl, answer, { connections: 10, seconds: 3 });

  const rows: [Figures, Figures][] = [];
  for (const rate of RATES) {
    const b = await openLoop(`${bareUrl}/api/messages`, { rate, seconds: SECONDS, body: answer, check: bareOk });
    const a = await openLoop(`${appUrl}/api/messages`, { rate, seconds: SECONDS, body: answer, check: appOk });
    rows.push([{ label: `${rate}/s open loop`, ...b }, { label: `${rate}/s open loop`, ...a }]);
  }
  // Saturation in alternating slices, so both see the same (shared, busy) machine; CPU each
  // process spends per answer is read from /proc around the slices: where the time goes.
  const cpu = () => ({ bare: cpuSeconds(bare.pid), app: cpuSeconds(app.pid), store: cpuSeconds(shared.embedded.pid) });
  const slices = 4;
  const slice = Math.max(2, Math.round(SECONDS / slices));
  const bareSlices: LoadFigures[] = [];
  const appSlices: LoadFigures[] = [];
  const spent = { bare: 0, app: 0, store: 0 };
  for (let i = 0; i < slices; i++) {
    const c0 = cpu();
    bareSlices.push(await drive(bareUrl, answer, { connections: SATURATION_CONNECTIONS, seconds: slice, check: bareOk }));
    const c1 = cpu();
    appSlices.push(await drive(appUrl, answer, { connections: SATURATION_CONNECTIONS, seconds: slice, check: appOk }));
    const c2 = cpu();
    spent.bare += c1.bare - c0.bare;
    spent.app += c2.app - c1.app;
    spent.store += c2.store - c1.store;
  }
  const bs = combine(bareSlices);
  const as = combine(appSlices);
  const perAnswer = (s: number, rps: number) => ((s * 1000) / (rps * slice * slices)).toFixed(2);
  rows.push([{ label: `saturation (${SATURATION_CONNECTIONS} conn)`, ...bs }, { label: `saturation (${SATURATION_CONNECTIONS} conn)`, ...as }]);

  const f = (x: number) => x.toFixed(1).padStart(7);
  console.log('');
  console.log(`Answer path: adaptiveCard/action check-in answers from ${USERS} people, ${SECONDS} s per step, load from its own process (fixed rates: evenly spaced open loop; saturation: autocannon)`);
  console.log('  app = bot → domain → embedded Cosmos → updated card; bare = botbuilder CloudAdapter answering a static card');
  console.log('  step                     |   who | answers/s |   p50 ms |   p90 ms |   p99 ms |   max ms | errors');
  for (const [b, a] of rows) {
    for (const [who, r] of [['bare', b], ['app', a]] as const) {
      console.log(`  ${r.label.padEnd(24)} | ${who.padStart(5)} | ${r.rps.toFixed(0).padStart(9)} | ${f(r.p50)}  | ${f(r.p90)}  | ${f(r.p99)}  | ${f(r.max)}  | ${r.errors}`);
    }
    console.log(`  ${''.padEnd(24)} | ratio | ${(a.rps / b.rps).toFixed(2).padStart(9)} | ${(a.p50 / Math.max(b.p50, 0.1)).toFixed(1).padStart(7)}× | ${(a.p90 / Math.max(b.p90, 0.1)).toFixed(1).padStart(7)}× | ${(a.p99 / Math.max(b.p99, 0.1)).toFixed(1).padStart(7)}× |`);
  }
  console.log(`  CPU per answer at saturation: bare ${perAnswer(spent.bare, bs.rps)} ms; app ${perAnswer(spent.app, as.rps)} ms + its store ${perAnswer(spent.store, as.rps)} ms`);
  console.log(`  throughput at saturation: app ${as.rps.toFixed(0)}/s = ${(as.rps / bs.rps).toFixed(2)}× bare ${bs.rps.toFixed(0)}/s (target ≥ 0.7×)`);
  const at100 = rows.find(([, a]) => a.label.startsWith('100/'))?.[1];
  if (at100) console.log(`  p99 at 100 answers/s: ${at100.p99.toFixed(1)} ms (target ≤ 50 ms)`);
  bare.stop();
  await shared.stop();
  if (profileDir) console.log(`  CPU profile of the app written to ${profileDir}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
