import { randomUUID } from 'node:crypto';
import { ManualClock } from '../domain/shared/clock';
import { startTestApp, type TestApp } from '../support/app';
import { installInTeamActivity, invokeActivity, rosterOf, type TeamsUser } from '../support/teams';
import { printFigures } from './security/support';

/**
 * Issue 22, class 3: one tenant flooded cannot stall another. Tenant A's people send 300 kudos
 * in a burst (a third of them to one person: one conversation flooded, the rest spread so A's
 * own tenant window is full too); tenant B sends its everyday handful. Delivery runs in passes
 * over HTTP to the Bot Connector stand-in, each a little over one tenant window later on the
 * app's clock. Measured in passes and arrival order, not seconds: B's messages arrive in the
 * same number of passes as in a baseline without the flood (measured first, in this test), all
 * before A's flood has drained; A's flood drains in a bounded number of passes, each message once.
 */
const A_MEMBERS = 40;
const A_FLOOD = 300;
const B_MEMBERS = 5;
const PASS_MS = 1_100;

const clock = new ManualClock(new Date('2027-03-01T09:00:00Z'));
let t: TestApp;

interface Tenant {
  id: string;
  people: TeamsUser[];
}

async function tenantWith(members: number, name: string): Promise<Tenant> {
  const id = randomUUID();
  const people = Array.from({ length: members }, (_, i) => ({ tenantId: id, userId: randomUUID(), name: `${name} ${i}` }));
  t.connector.members = rosterOf(id, people);
  const aadGroupId = t.teamInGraph(id, [people[0]], people.slice(1));
  const res = await t.activity(installInTeamActivity(t.connector.url, people[0], { teamsTeamId: `19:${randomUUID()}@thread.tacv2`, name, aadGroupId }));
  expect(res.status).toBe(200);
  return { id, people };
}

const kudos = (from: TeamsUser, to: TeamsUser) =>
  t.activity(invokeActivity(t.connector.url, from, 'composeExtension/submitAction', { commandId: 'giveKudos', data: { toUserId: to.userId, message: 'Thank you!', visibility: 'private', requestId: randomUUID() } }));

/** Sends `jobs` over HTTP, a few at a time. */
async function inBatches(jobs: (() => Promise<unknown>)[], size = 8): Promise<void> {
  for (let i = 0; i < jobs.length; i += size) await Promise.all(jobs.slice(i, i + size).map((job) => job()));
}

/** The tenant each recipient's 1:1 chat belongs to, from the chats the bot opened. */
function tenantOfArrival(conversationId: string, tenants: Tenant[]): string | undefined {
  const teamsUser = t.connector.personalChats.get(conversationId);
  return tenants.find((x) => x.people.some((p) => `29:${p.userId}` === teamsUser))?.id;
}

/** Runs passes until `done` (or `max` passes); returns per pass how many messages each tenant got. */
async function passes(tenants: Tenant[], done: () => Promise<boolean>, max: number): Promise<Record<string, number>[]> {
  const perPass: Record<string, number>[] = [];
  while (perPass.length < max && !(await done())) {
    const seen = t.connector.received.length;
    clock.advance(PASS_MS);
    await t.app.background.delivery.flush();
    const counts: Record<string, number> = {};
    for (const a of t.connector.received.slice(seen)) {
      const tenant = tenantOfArrival(a.conversationId, tenants) ?? 'other';
      counts[tenant] = (counts[tenant] ?? 0) + 1;
    }
    perPass.push(counts);
  }
  return perPass;
}

const pending = async (tenantId: string) => {
  const c = await t.app.domain.outbox.counts(tenantId);
  return (c.pending ?? 0) + (c.sending ?? 0);
};
const firstPassWithAll = (perPass: Record<string, number>[], tenantId: string, total: number) => {
  let sum = 0;
  for (let i = 0; i < perPass.length; i++) if ((sum += perPass[i][tenantId] ?? 0) >= total) return i + 1;
  return Infinity;
};

beforeAll(async () => {
  t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false', RATE_LIMIT_NOTIFY_PER_HOUR: '100000', RATE_LIMIT_API_PER_MINUTE: '100000' } });
});
afterAll(() => t.stop());

test('a flooded tenant delays no other tenant; its flood drains, each message once', async () => {
  const a = await tenantWith(A_MEMBERS, 'Flood');
  const b = await tenantWith(B_MEMBERS + 1, 'Quiet');
  const everyday = () => inBatches(b.people.slice(1).map((p) => () => kudos(b.people[0], p)));

  // Baseline, no flood: B's everyday kudos.
  await everyday();
  const baseline = await passes([a, b], async () => !(await pending(b.id)), 20);
  const baselinePasses = firstPassWithAll(baseline, b.id, B_MEMBERS);
  expect(baselinePasses).toBeLessThanOrEqual(2);

  // The flood: A's first person sends 300 kudos; a third to one colleague, the rest spread.
  const [sender, flooded, ...others] = a.people;
  const targets = Array.from({ length: A_FLOOD }, (_, i) => (i % 3 === 0 ? flooded : others[i % others.length]));
  await inBatches(targets.map((to) => () => kudos(sender, to)));
  expect(await pending(a.id)).toBe(A_FLOOD);
  // Then B's everyday traffic, queued after the whole flood.
  const bBefore = t.connector.received.length;
  await everyday();

  const flood = await passes([a, b], async () => !(await pending(a.id)) && !(await pending(b.id)), 400);
  const bPasses = firstPassWithAll(flood, b.id, B_MEMBERS);
  const aPasses = firstPassWithAll(flood, a.id, A_FLOOD);
  expect(bPasses).toBe(baselinePasses); // B's latency, in passes, is unchanged by A's flood
  expect(aPasses).toBeGreaterThan(bPasses); // B was served before A's flood drained
  expect(await pending(a.id)).toBe(0);

  // Arrival order: B's messages are among the first of the flood run, not behind A's backlog.
  const arrivals = t.connector.received.slice(bBefore).map((x) => tenantOfArrival(x.conversationId, [a, b]));
  const lastB = arrivals.lastIndexOf(b.id);
  expect(arrivals.filter((x) => x === b.id)).toHaveLength(B_MEMBERS);
  expect(lastB).toBeLessThan(arrivals.length - 200);

  // Each of A's messages once; the flooded conversation never got more than its window allows.
  const toFlooded = t.connector.received.filter((x) => t.connector.personalChats.get(x.conversationId) === `29:${flooded.userId}`);
  expect(toFlooded).toHaveLength(A_FLOOD / 3);
  expect(arrivals.filter((x) => x === a.id)).toHaveLength(A_FLOOD);
  const maxPerPass = Math.max(...flood.map((p) => p[a.id] ?? 0));
  expect(maxPerPass).toBeLessThanOrEqual(50); // one tenant window per pass
  const counts = await t.app.domain.outbox.counts(a.id);
  expect(counts).toEqual({ sent: A_FLOOD });

  printFigures('Two-tenant flood (issue 22)', {
    'A: kudos in the flood': `${A_FLOOD} (${A_FLOOD / 3} to one person, the rest to ${others.length})`,
    'B: baseline passes': `${baselinePasses} (all ${B_MEMBERS} in pass ${baselinePasses})`,
    'B: passes during flood': `${bPasses} (per pass: ${flood.slice(0, bPasses).map((p) => p[b.id] ?? 0).join(', ')})`,
    'A: passes to drain': aPasses,
    'A: per pass (first 5)': flood.slice(0, 5).map((p) => p[a.id] ?? 0).join(', '),
    'A: most in one pass': maxPerPass,
    'B: last arrival index': `${lastB} of ${arrivals.length}`,
    'deferred (not slept)': t.app.background.delivery.stats.deferred,
  });
});
