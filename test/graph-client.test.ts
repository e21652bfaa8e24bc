import { randomUUID } from 'node:crypto';
import { GraphFailure, newMeter, type OrgUserChange } from '../domain/ports/graph';
import { LocalGraphCredential } from '../server/graph/local-credential';
import { MicrosoftGraph } from '../server/graph/microsoft-graph';
import { GraphStandIn } from '../support/graph/stand-in';

/**
 * The Graph port over the real Microsoft Graph SDK, against the stand-in that speaks Graph's wire
 * format: delta rounds page by page and then return only changes, 429s are waited out as
 * Retry-After says, refusals become failures the sync can report.
 */
let graph: GraphStandIn;
let port: MicrosoftGraph;
const tenantId = randomUUID();

beforeAll(async () => {
  graph = await new GraphStandIn('local-secret', 50).start();
  port = new MicrosoftGraph({ endpoint: graph.url, credential: new LocalGraphCredential('local-secret'), ca: graph.ca });
  const boss = { id: randomUUID(), displayName: 'Boss', department: 'Executive', jobTitle: 'CEO' };
  graph.tenant(tenantId).put([boss, ...Array.from({ length: 120 }, (_, i) => ({ id: randomUUID(), displayName: `Person ${i}`, department: 'Ops', managerId: boss.id }))]);
});
afterAll(() => graph.stop());

async function round(from?: string) {
  const meter = newMeter();
  const users: OrgUserChange[] = [];
  let link = from;
  let deltaLink: string | undefined;
  do {
    const page = await port.usersDelta(tenantId, link, meter);
    users.push(...page.users);
    link = page.nextLink;
    deltaLink = page.deltaLink;
  } while (link);
  return { users, deltaLink: deltaLink!, meter };
}

test('a full round pages through every user, then a delta round returns only what changed', async () => {
  const full = await round();
  expect(full.users).toHaveLength(121);
  expect(full.meter.calls).toBe(3); // 50 a page
  const someone = full.users.find((u) => u.displayName === 'Person 7')!;
  expect(someone).toMatchObject({ department: 'Ops', managerId: expect.any(String) });
  expect(graph.requests.filter((r) => r.tenantId === tenantId).map((r) => r.kind)).toEqual(['full', 'page', 'page']);

  graph.tenant(tenantId).update(someone.id, { department: 'Care', jobTitle: 'Agent' });
  const gone = full.users.find((u) => u.displayName === 'Person 8')!;
  graph.tenant(tenantId).remove(gone.id);
  const delta = await round(full.deltaLink);
  expect(delta.meter.calls).toBe(1);
  expect(delta.users).toEqual(
    expect.arrayContaining([expect.objectContaining({ id: someone.id, department: 'Care', jobTitle: 'Agent' }), { id: gone.id, removed: 'deleted' }]),
  );
  expect(delta.users).toHaveLength(2);
  // The manager did not change: the page says nothing about it.
  expect(delta.users.find((u) => u.id === someone.id)!.managerId).toBeUndefined();

  const again = await round(delta.deltaLink);
  expect(again.users).toEqual([]);
});

test('429 with Retry-After is waited out by the SDK and counted', async () => {
  graph.failNext(429, 1, { 'Retry-After': '1' });
  const started = Date.now();
  const full = await round();
  expect(full.users).toHaveLength(120);
  expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  expect(full.meter).toEqual({ calls: 4, throttled: 1 });
});

test('refusals become failures: an unknown tenant, a stale delta link, a missing team', async () => {
  await expect(port.usersDelta(randomUUID(), undefined, newMeter())).rejects.toEqual(new GraphFailure('forbidden', 403));
  const full = await round();
  graph.tenant(tenantId).oldestToken = graph.tenant(tenantId).version + 1;
  await expect(port.usersDelta(tenantId, full.deltaLink, newMeter())).rejects.toMatchObject({ kind: 'expired' });
  await expect(port.teamMembers(tenantId, randomUUID(), newMeter())).rejects.toMatchObject({ kind: 'not_found' });
  const homeOnly = new MicrosoftGraph({ endpoint: graph.url, credential: new LocalGraphCredential('local-secret'), ca: graph.ca, homeTenantId: randomUUID() });
  await expect(homeOnly.usersDelta(tenantId, undefined, newMeter())).rejects.toMatchObject({ kind: 'not_connected' });
});

test('team members come with who owns the team', async () => {
  const groupId = randomUUID();
  const [owner, member] = [randomUUID(), randomUUID()];
  graph.tenant(tenantId).teams.set(groupId, [{ userId: owner, displayName: 'Olive Owner', owner: true }, { userId: member, displayName: 'Mo Member' }]);
  expect(await port.teamMembers(tenantId, groupId, newMeter())).toEqual([
    { userId: owner, displayName: 'Olive Owner', owner: true },
    { userId: member, displayName: 'Mo Member', owner: false },
  ]);
});
