/**
 * A person's data at scale: one tenant with N check-in answers (200 people, 50 rounds) in the
 * embedded store. Measures an admin's export of one person, the erasure of one person (every
 * document of every container read; theirs changed), and deleting the whole tenant's data (two
 * steps), over HTTP as the tab calls them.   node bench/run.mjs privacy [answers=10000]
 */
import { randomUUID } from 'node:crypto';
import type { Doc } from '../store/cosmos';
import { ManualClock } from '../domain/shared/clock';
import { startTestApp } from '../support/app';

const ANSWERS = Number(process.argv[2] ?? 10_000);
const PEOPLE = 200;
const ROUNDS = 50;

async function main() {
  const t = await startTestApp({ clock: new ManualClock(new Date('2027-03-01T12:00:00Z')), env: { SEED_DEMO_DATA: 'false', BACKGROUND: 'false', RATE_LIMIT_API_PER_MINUTE: '100000' } });
  const { app } = t;
  const tenantId = randomUUID();
  const ids = Array.from({ length: PEOPLE }, () => randomUUID());
  const admin = { tenantId, userId: randomUUID(), name: 'Ada Admin', roles: ['admin'] };
  await app.domain.directory.ensureTenant(tenantId);
  await app.store.bulkCreate('directory', ids.map((id, i) => ({ id: `member:${id}`, tenantId, type: 'member', userId: id, name: `Person ${i} Bench`, timeZone: 'UTC', roles: ['member'], teamIds: ['team:bench'], workDays: [1, 2, 3, 4, 5] }) as Doc));
  await app.store.bulkCreate('directory', [{ id: 'team:bench', tenantId, type: 'team', name: 'Bench team', kind: 'channel', memberIds: ids } as Doc]);
  await app.store.bulkCreate('checkins', Array.from({ length: ROUNDS }, (_, r) => ({ id: `round:bench:${r}`, tenantId, type: 'round', pilotId: 'pilot:bench', teamId: 'team:bench', date: '2027-01-04', number: r + 1, opensAt: '', closesAt: '', invited: ids, schedule: {}, prompted: ids, reminded: [], answered: ids, status: 'closed' }) as Doc));
  for (let from = 0; from < ANSWERS; from += 5000) {
    await app.store.bulkCreate('checkins', Array.from({ length: Math.min(5000, ANSWERS - from) }, (_, k) => {
      const n = from + k;
      const user = ids[n % PEOPLE];
      return { id: `answer:round:bench:${Math.floor(n / PEOPLE) % ROUNDS}:${user}:${n}`, tenantId, type: 'answer', pilotId: 'pilot:bench', roundId: `round:bench:${Math.floor(n / PEOPLE) % ROUNDS}`, userId: user, values: { confidence: (n % 5) + 1 }, shareAnonymously: false, answeredAt: '2027-01-05T10:00:00Z' } as Doc;
    }));
  }
  const total = PEOPLE + 1 + ROUNDS + ANSWERS;
  const timed = async <T>(work: () => Promise<T>) => {
    const t0 = performance.now();
    const value = await work();
    return { value, ms: Math.round(performance.now() - t0) };
  };
  const who = ids[7];
  const exp = await timed(() => t.api(`/api/admin/privacy/people/${who}/export`, { as: admin }));
  const erase = await timed(() => t.api(`/api/admin/privacy/people/${who}/erase`, { as: admin, body: { confirmName: 'Person 7 Bench' } }));
  if (erase.value.status !== 200) throw new Error(`erase ${erase.value.status} ${JSON.stringify(erase.value.body)}`);
  const ticket = await timed(() => t.api('/api/admin/tenant-deletion', { as: admin, body: {} }));
  const del = await timed(() => t.api('/api/admin/tenant-deletion/confirm', { as: admin, body: { token: ticket.value.body.ticket.token, tenantName: 'Your organisation' } }));
  const deleted = Object.values(del.value.body.deleted as Record<string, number>).reduce((a, b) => a + b, 0);
  console.log(`documents in the tenant        ${total}`);
  console.log(`admin export of one person     ${exp.ms} ms, ${exp.value.body.export.documents} documents, ${JSON.stringify(exp.value.body).length} bytes`);
  console.log(`erase one person               ${erase.ms} ms, ${erase.value.body.erasure.scanned} documents read, ${JSON.stringify(erase.value.body.erasure.deidentified)} de-identified`);
  console.log(`tenant deletion, step 1        ${ticket.ms} ms (counts ${JSON.stringify(ticket.value.body.ticket.documents)})`);
  console.log(`tenant deletion, step 2        ${del.ms} ms, ${deleted} documents deleted (${Math.round(deleted / (del.ms / 1000))}/s)`);
  await t.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
