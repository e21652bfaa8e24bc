/**
 * Card answer latency: 50 people answer (and re-answer) their check-in card at once. Each
 * request is a Teams-shaped `adaptiveCard/action` invoke over HTTP, through the bot, the domain
 * and the embedded Cosmos store, answered with the updated card.
 *   node bench/run.mjs card-answer [--users 50] [--answers 20]
 */
import { randomUUID } from 'node:crypto';
import type { Doc } from '../store/cosmos';
import { ManualClock } from '../domain/shared/clock';
import { EMPTY_HEALTH } from '../domain/pilots';
import { DEFAULT_CADENCE } from '../domain/pilots';
import { PRACTICE_SEEDS } from '../domain/practices';
import { startTestApp } from '../support/app';
import { adaptiveActionActivity } from '../support/teams';
import { percentile } from './lib/clock';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const USERS = arg('--users', 50);
const ANSWERS = arg('--answers', 20);

async function main() {
  const clock = new ManualClock(new Date('2027-01-04T09:00:30Z'));
  const t = await startTestApp({ clock, env: { DEMO_SIGN_IN: 'true', SEED_DEMO_DATA: 'false', BACKGROUND: 'false' } });
  const { app } = t;
  const tenantId = randomUUID();
  await app.domain.directory.ensureTenant(tenantId);
  const users = Array.from({ length: USERS }, () => randomUUID());
  const docs: Doc[] = users.map((userId, i) => ({ id: `member:${userId}`, tenantId, type: 'member', userId, name: `Member ${i}`, timeZone: 'UTC', roles: ['member'], teamIds: ['team:bench'], workDays: [1, 2, 3, 4, 5] }) as Doc);
  docs.push({ id: 'team:bench', tenantId, type: 'team', name: 'Bench', kind: 'channel', memberIds: users } as Doc);
  await app.store.bulkCreate('directory', docs);
  await app.store.bulkCreate('pilots', [
    {
      id: 'pilot:bench', tenantId, type: 'pilot', title: 'Bench pilot', practiceName: 'x', hypothesis: 'h', successMeasures: ['m'], teamId: 'team:bench', teamName: 'Bench', managerId: 'x', managerName: 'x',
      cadence: { ...DEFAULT_CADENCE, weekdays: [1], time: '09:00' }, questions: PRACTICE_SEEDS[0].questions, startDate: '2027-01-04', endDate: '2027-03-01', status: 'active', createdAt: '', updatedAt: '', health: EMPTY_HEALTH,
    } as Doc,
  ]);
  await app.background.tick();
  const roundId = 'round:pilot:bench:2027-01-04';

  const invoke = (userId: string, n: number) =>
    adaptiveActionActivity(t.connector.url, { tenantId, userId, name: 'Member' }, 'checkin.submit', { roundId, confidence: String((n % 5) + 1), progress: `Answer ${n}`, blocker: '', autonomy: '4', workload: '3' }, `a:${userId}`);

  const latencies: number[] = [];
  let errors = 0;
  // Warm up: one answer per user, all at once (JIT, sockets), not measured.
  await Promise.all(users.map((u) => fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invoke(u, 0)) }).then((r) => r.text())));
  const started = performance.now();
  await Promise.all(
    users.map(async (userId) => {
      for (let n = 0; n < ANSWERS; n++) {
        const t0 = performance.now();
        const res = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invoke(userId, n)) });
        const body = await res.text();
        latencies.push(performance.now() - t0);
        if (res.status !== 200 || !body.includes('Thanks')) errors++;
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log('');
  console.log(`Card answer round trip (adaptiveCard/action → domain → embedded Cosmos → updated card), ${USERS} concurrent users × ${ANSWERS}`);
  console.log(`  requests       ${latencies.length} (${errors} errors)`);
  console.log(`  p50            ${percentile(latencies, 50).toFixed(1)} ms`);
  console.log(`  p95            ${percentile(latencies, 95).toFixed(1)} ms`);
  console.log(`  p99            ${percentile(latencies, 99).toFixed(1)} ms`);
  console.log(`  throughput     ${(latencies.length / wall).toFixed(0)} answers/s`);
  await t.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
