/**
 * Answer path: people answer their check-in card (`adaptiveCard/action` invokes over HTTP, through
 * bot, domain and the embedded Cosmos store, answered with the updated card). The app runs in its
 * own process over a store in another, and this process drives it: open loop at fixed arrival
 * rates (50, 100, 200 answers/s, evenly spaced) and to saturation (autocannon, closed loop). A bare botbuilder CloudAdapter answering the
 * same invoke with a static card is measured the same way in the same run: its figures are what
 * this machine allows, and the app's are printed as ratios to them.
 *   node bench/run.mjs card-answer [--users 1000] [--seconds 10] [--rates 50,100,200] [--connections 50]
 *   PROFILE=dir node bench/run.mjs card-answer   # the app writes a --cpu-prof profile into dir
 *   node bench/run.mjs card-answer --before dist/before/server/main.js   # an earlier build, same run
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
const BEFORE = arg('--before', '');
const QUESTIONS = PRACTICE_SEEDS[0].questions;

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
      cadence: { ...DEFAULT_CADENCE, weekdays: [now.getUTCDay()], time, roundHours: 72 }, questions: QUESTIONS, startDate: today, endDate: '2099-01-01', status: 'active', createdAt: '', updatedAt: '', health: EMPTY_HEALTH,
    } as Doc,
  ]);
  await domain.checkins.tick(tenantId, []);
  const roundId = `round:pilot:bench:${today}`;
  if (!(await store.read('checkins', tenantId, roundId))) throw new Error(`no round ${roundId}: the scheduler did not open it`);

  const profileDir = process.env.PROFILE;
  const app = shared.app({}, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : []);
  // `--before <main.js>`: an earlier build of the app over the same store, measured in the same run.
  const before = BEFORE ? shared.app({}, [], path.resolve(BEFORE)) : undefined;
  const bare = bareBot();
  const [appUrl, bareUrl, beforeUrl] = await Promise.all([app.ready, bare.ready, before?.ready]);

  let n = 0;
  const answer: Body = () => {
    n++;
    const userId = users[n % users.length];
    // serviceUrl is never called for an invoke; the answer comes back in the HTTP response.
    // Every question of the practice answered as the card's inputs would (scales as digits).
    const values = Object.fromEntries(QUESTIONS.map((q, i) => [q.id, q.kind === 'scale' ? String(((n + i) % 5) + 1) : q.kind === 'text' ? `Answer ${n}` : q.kind === 'yesno' ? 'true' : (q.choices?.[0] ?? '')]));
    const activity = adaptiveActionActivity('http://127.0.0.1:9/', { tenantId, userId, name: 'Member' }, 'checkin.submit', { roundId, ...values }, `a:${userId}`);
    return JSON.stringify(activity);
  };
  let shown = false;
  const appOk = (status: number, text: string) => {
    const ok = status === 200 && text.includes('Thanks');
    if (!ok && !shown) console.error(`first refused answer: ${status} ${text.slice(0, 300)}`);
    shown ||= !ok;
    return ok;
  };
  const bareOk = (status: number) => status === 200;
  const targets = [
    { who: 'bare', url: bareUrl, pid: bare.pid, check: bareOk },
    ...(before && beforeUrl ? [{ who: 'before', url: beforeUrl, pid: before.pid, check: appOk }] : []),
    { who: 'app', url: appUrl, pid: app.pid, check: appOk },
  ];

  // Warm up every target (JIT, sockets, caches), not measured.
  for (const t of targets) await drive(t.url, answer, { connections: 10, seconds: 3 });

  const rows: { label: string; figures: LoadFigures[] }[] = [];
  for (const rate of RATES) {
    const figures: LoadFigures[] = [];
    for (const t of targets) figures.push(await openLoop(`${t.url}/api/messages`, { rate, seconds: SECONDS, body: answer, check: t.check }));
    rows.push({ label: `${rate}/s open loop`, figures });
  }
  // Saturation in alternating slices, so all see the same (shared, busy) machine; CPU each
  // process spends per answer is read from /proc around its slices: where the time goes.
  const slices = 4;
  const slice = Math.max(2, Math.round(SECONDS / slices));
  const sat = targets.map(() => [] as LoadFigures[]);
  const spent = targets.map(() => ({ own: 0, store: 0 }));
  for (let i = 0; i < slices; i++) {
    for (const [k, t] of targets.entries()) {
      const c0 = { own: cpuSeconds(t.pid), store: cpuSeconds(shared.embedded.pid) };
      sat[k].push(await drive(t.url, answer, { connections: SATURATION_CONNECTIONS, seconds: slice, check: t.check }));
      spent[k].own += cpuSeconds(t.pid) - c0.own;
      spent[k].store += cpuSeconds(shared.embedded.pid) - c0.store;
    }
  }
  const saturated = sat.map(combine);
  rows.push({ label: `saturation (${SATURATION_CONNECTIONS} conn)`, figures: saturated });
  const perAnswer = (s: number, rps: number) => ((s * 1000) / (rps * slice * slices)).toFixed(2);

  const f = (x: number) => x.toFixed(1).padStart(7);
  console.log('');
  console.log(`Answer path: adaptiveCard/action check-in answers from ${USERS} people, ${SECONDS} s per step, load from its own process (fixed rates: evenly spaced open loop; saturation: autocannon)`);
  console.log('  app = bot → domain → embedded Cosmos → updated card; bare = botbuilder CloudAdapter answering a static card; ratio = ÷ bare');
  console.log('  step                     |    who | answers/s |   p50 ms |   p90 ms |   p99 ms |   max ms | errors');
  for (const { label, figures } of rows) {
    const b = figures[0];
    for (const [k, t] of targets.entries()) {
      const r = figures[k];
      console.log(`  ${label.padEnd(24)} | ${t.who.padStart(6)} | ${r.rps.toFixed(0).padStart(9)} | ${f(r.p50)}  | ${f(r.p90)}  | ${f(r.p99)}  | ${f(r.max)}  | ${r.errors}`);
      if (k) console.log(`  ${''.padEnd(24)} |  ratio | ${(r.rps / b.rps).toFixed(2).padStart(9)} | ${(r.p50 / Math.max(b.p50, 0.1)).toFixed(1).padStart(7)}× | ${(r.p90 / Math.max(b.p90, 0.1)).toFixed(1).padStart(7)}× | ${(r.p99 / Math.max(b.p99, 0.1)).toFixed(1).padStart(7)}× |`);
    }
  }
  const bs = saturated[0];
  for (const [k, t] of targets.entries()) {
    const own = perAnswer(spent[k].own, saturated[k].rps);
    console.log(`  ${t.who}: CPU per answer at saturation ${own} ms${k ? ` + its store ${perAnswer(spent[k].store, saturated[k].rps)} ms; throughput ${saturated[k].rps.toFixed(0)}/s = ${(saturated[k].rps / bs.rps).toFixed(2)}× bare ${bs.rps.toFixed(0)}/s (target ≥ 0.7×)` : ''}`);
  }
  const at100 = rows.find((r) => r.label.startsWith('100/'));
  if (at100) for (const [k, t] of targets.entries()) if (k) console.log(`  ${t.who}: p99 at 100 answers/s ${at100.figures[k].p99.toFixed(1)} ms (target ≤ 50 ms)`);
  bare.stop();
  await shared.stop();
  if (profileDir) console.log(`  CPU profile of the app written to ${profileDir}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
