/**
 * Leader API at scale: 1,000 pilots and 100,000 check-in answers in the embedded store. Measures
 * GET /api/leader/portfolio latency (p50/p95) and documents read per request, first with 10,000
 * answers and then with 100,000, to show the cost does not grow with answers (views read the
 * rollups on pilots, never raw answers).   node bench/run.mjs leader-api
 */
import { randomUUID } from 'node:crypto';
import type { Doc } from '../store/cosmos';
import { ManualClock } from '../domain/shared/clock';
import { deriveHealth } from '../domain/pilots';
import { DEFAULT_CADENCE } from '../domain/pilots';
import type { RoundFigures } from '../domain/pilots';
import { startTestApp } from '../support/app';
import { percentile } from './lib/clock';

const PILOTS = 1000;
const TEAMS = 200;
const STATUSES = ['active', 'active', 'active', 'paused', 'in_review', 'adopted', 'adapted', 'stopped', 'draft'];

async function main() {
  const t = await startTestApp({
    clock: new ManualClock(new Date('2027-03-01T12:00:00Z')),
    env: { SEED_DEMO_DATA: 'false', BACKGROUND: 'false', RATE_LIMIT_API_PER_MINUTE: '100000' },
  });
  const { app, idp } = t;
  const tenantId = randomUUID();
  const leaderId = randomUUID();
  await app.domain.directory.ensureTenant(tenantId);
  await app.store.bulkCreate('directory', [{ id: `member:${leaderId}`, tenantId, type: 'member', userId: leaderId, name: 'Lee Leader', timeZone: 'UTC', roles: ['leader'], teamIds: [], workDays: [1, 2, 3, 4, 5] } as Doc]);

  const pilots: Doc[] = [];
  for (let i = 0; i < PILOTS; i++) {
    const figures: RoundFigures[] = Array.from({ length: 8 }, (_, w) => ({ date: `2027-01-${String(4 + w * 7 > 31 ? 31 : 4 + w * 7).padStart(2, '0')}`, invited: 8, answered: 5 + ((i + w) % 4), confidence: 3 + ((i + w) % 3) * 0.5, autonomy: 3.5, workload: 3.2 }));
    pilots.push({
      id: `pilot:bench-${i}`, tenantId, type: 'pilot', title: `Pilot ${i}`, practiceId: `practice:p${i % 12}`, practiceName: `Practice ${i % 12}`, hypothesis: 'h', successMeasures: ['m'],
      teamId: `team:t${i % TEAMS}`, teamName: `Team ${i % TEAMS}`, managerId: `m${i % 150}`, managerName: `Manager ${i % 150}`, cadence: DEFAULT_CADENCE, questions: [],
      startDate: '2027-01-04', endDate: '2027-03-31', status: STATUSES[i % STATUSES.length], learning: i % 9 >= 5 ? 'What we learned.' : undefined,
      createdAt: '2027-01-01T00:00:00Z', updatedAt: `2027-02-${String((i % 27) + 1).padStart(2, '0')}T00:00:00Z`, roundFigures: figures, health: deriveHealth(figures, i % 3, 0),
    } as Doc);
  }
  await app.store.bulkCreate('pilots', pilots);

  const answers = (from: number, to: number): Doc[] =>
    Array.from({ length: to - from }, (_, k) => {
      const n = from + k;
      const pilot = n % PILOTS;
      return { id: `answer:bench-${n}`, tenantId, type: 'answer', pilotId: `pilot:bench-${pilot}`, roundId: `round:bench-${pilot}:${n % 8}`, userId: `u${n % 5000}`, values: { confidence: (n % 5) + 1, progress: 'text' }, shareAnonymously: false, answeredAt: '2027-01-05T10:00:00Z' } as Doc;
    });

  const token = await idp.token({ tid: tenantId, oid: leaderId, name: 'Lee Leader', roles: ['Leaderful.Leader'] });
  const measure = async (label: string) => {
    const latencies: number[] = [];
    const request = async () => {
      const t0 = performance.now();
      const res = await fetch(`${app.url}/api/leader/portfolio`, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.json();
      latencies.push(performance.now() - t0);
      if (res.status !== 200 || body.pilots.length !== PILOTS) throw new Error(`unexpected ${res.status}`);
    };
    await request(); // warm-up
    latencies.length = 0;
    const before = { ...app.store.metrics };
    const N = 100;
    for (let i = 0; i < N; i++) await request();
    const docs = (app.store.metrics.documentsRead - before.documentsRead) / N;
    const ops = (app.store.metrics.operations - before.operations) / N;
    latencies.sort((a, b) => a - b);
    console.log(`  ${label.padEnd(22)} p50 ${percentile(latencies, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(latencies, 95).toFixed(1).padStart(6)} ms   docs read/request ${docs.toFixed(0).padStart(5)}   store operations/request ${ops.toFixed(0)}`);
  };

  if (process.env.BREAKDOWN) {
    const caller = await app.domain.directory.resolveCaller(tenantId, leaderId, 'Lee Leader', { roles: ['leader'] });
    for (const label of ['query only', 'query + build']) {
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        if (label === 'query only') await app.domain.portfolio.pilots(caller);
        else JSON.stringify(await app.domain.portfolio.build(caller));
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      console.log(`  ${label}: p50 ${percentile(times, 50).toFixed(1)} ms`);
    }
  }
  console.log(`\nLeader API: GET /api/leader/portfolio, ${PILOTS} pilots in ${TEAMS} teams (SSO-verified, sequential requests)`);
  await app.store.bulkCreate('checkins', answers(0, 10_000));
  await measure('with 10,000 answers');
  for (let from = 10_000; from < 100_000; from += 10_000) await app.store.bulkCreate('checkins', answers(from, from + 10_000));
  await measure('with 100,000 answers');
  await t.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
