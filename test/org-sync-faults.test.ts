import { randomUUID } from 'node:crypto';
import type { Person } from '../domain/directory';
import { MAX_DIRECT_REPORTS } from '../domain/org';
import { word } from '../i18n';
import { startTestApp, type TestApp } from '../support/app';
import { organisation } from '../support/graph/organisation';
import type { TeamsUser } from '../support/teams';

/**
 * What the organisation sync does with a directory that is wrong or a Graph that is unwell: a
 * manager chain that loops, a manager who is not in the directory, a "manager" of 10,000 people,
 * throttling, refusal, an expired delta link. Each gives a clear error entry in the sync status
 * and leaves the stored structure as it was.
 */
let t: TestApp;
const tenantId = randomUUID();
const org = organisation(40, 3);
const admin: TeamsUser = { tenantId, userId: org.levels[1][0].id, name: org.levels[1][0].displayName, roles: ['admin'] };

const places = async () =>
  new Map(
    (await t.app.store.all<Person>('directory', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'person'")).map((m) => [
      m.userId,
      { managerId: m.managerId, chain: m.org.chain.join('>'), left: !!m.org.left },
    ]),
  );

async function sync() {
  const res = await t.api('/api/admin/sync', { as: admin, method: 'POST' });
  expect(res.status).toBe(202);
  for (let i = 0; i < 600; i++) {
    const status = await t.api('/api/admin/sync', { as: admin });
    if (!status.body.running && status.body.runs[0]?.trigger === 'admin' && status.body.runs[0].id !== last) {
      last = status.body.runs[0].id;
      return status.body.runs[0];
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the sync did not finish');
}
let last = '';

beforeAll(async () => {
  t = await startTestApp({ env: { SEED_DEMO_DATA: 'false' } });
  t.graph.tenant(tenantId).put(org.users);
  expect(await sync()).toMatchObject({ ok: true, mode: 'full', people: 40, problems: [] });
});
afterAll(() => t.stop());

test('a loop in the manager chain, and a manager who is not in the directory: reported, and the stored places kept', async () => {
  const before = await places();
  const [x, y] = org.levels[1];
  const z = org.levels[2][5];
  const directory = t.graph.tenant(tenantId);
  directory.update(x.id, { managerId: y.id });
  directory.update(y.id, { managerId: x.id });
  directory.update(z.id, { managerId: randomUUID() });
  const run = await sync();
  expect(run).toMatchObject({ ok: true, mode: 'delta', changes: 3 });
  const codes = run.problems.map((p: { code: string }) => p.code).sort();
  expect(codes).toEqual(['sync.cycle', 'sync.missing_manager']);
  const cycle = run.problems.find((p: { code: string }) => p.code === 'sync.cycle');
  expect(word('en', cycle.code, cycle.params)).toMatch(new RegExp(`The manager chain of (${x.displayName} and ${y.displayName}|${y.displayName} and ${x.displayName}) loops back on itself`));
  expect(await places()).toEqual(before);

  // Put right in Entra ID, the next sync takes the lines and the problems are gone.
  directory.update(x.id, { managerId: org.levels[0][0].id });
  directory.update(y.id, { managerId: org.levels[0][0].id });
  directory.update(z.id, { managerId: z.managerId });
  expect(await sync()).toMatchObject({ ok: true, problems: [] });
  expect(await places()).toEqual(before);
});

test(`a "manager" of 10,000 direct reports is refused (over ${MAX_DIRECT_REPORTS}); everyone else is placed`, async () => {
  const before = await places();
  const account = { id: randomUUID(), displayName: 'Service Account', department: 'IT' };
  const everyone = Array.from({ length: 10_000 }, (_, i) => ({ id: randomUUID(), displayName: `Imported ${i}`, managerId: account.id }));
  t.graph.tenant(tenantId).put([account, ...everyone]);
  const run = await sync();
  expect(run).toMatchObject({ ok: true, changes: 10_001, people: 10_041 });
  expect(run.problems).toEqual([{ code: 'sync.too_many_reports', params: { person: 'Service Account', count: 10_000, max: MAX_DIRECT_REPORTS } }]);
  const after = await places();
  for (const [id, place] of before) expect(after.get(id)).toEqual(place);
  expect(after.get(everyone[0].id)).toEqual({ managerId: undefined, chain: '', left: false });
  expect(after.get(account.id)).toEqual({ managerId: undefined, chain: '', left: false });
}, 90_000);

test('throttled: the SDK waits as Retry-After says and the sync completes', async () => {
  t.graph.tenant(tenantId).update(org.levels[2][0].id, { jobTitle: 'Principal' });
  t.graph.failNext(429, 1, { 'Retry-After': '1' }, (path) => path === '/v1.0/users/delta');
  const run = await sync();
  expect(run).toMatchObject({ ok: true, mode: 'delta', changes: 1, throttled: 1 });
  // Bad data stays reported until it is put right in Entra ID.
  expect(run.problems.map((p: { code: string }) => p.code)).toEqual(['sync.too_many_reports']);
});

test('Graph refusing, or still throttling after the retries: the run fails, says why, and changes nothing', async () => {
  const before = await places();
  const state = await t.app.domain.org.status(tenantId);
  t.graph.tenant(tenantId).update(org.levels[2][1].id, { department: 'Moved' });
  t.graph.failNext(403, 1, {}, (path) => path === '/v1.0/users/delta');
  const refused = await sync();
  expect(refused).toMatchObject({ ok: false, changes: 0, updated: 0, problems: [{ code: 'sync.graph_forbidden', params: {} }] });
  t.graph.failNext(429, 4, { 'Retry-After': '0' }, (path) => path === '/v1.0/users/delta');
  const throttled = await sync();
  expect(throttled).toMatchObject({ ok: false, throttled: 4, problems: [{ code: 'sync.graph_throttled', params: {} }] });
  expect(await places()).toEqual(before);
  // The delta link stays where it was: the next good sync picks the change up.
  expect((await t.app.domain.org.status(tenantId))?.deltaLink).toBe(state?.deltaLink);
  expect(await sync()).toMatchObject({ ok: true, changes: 1 });
  expect((await t.app.domain.directory.person(tenantId, org.levels[2][1].id))?.department).toBe('Moved');
});

test('an expired delta link: the sync says so and reads everyone again', async () => {
  const directory = t.graph.tenant(tenantId);
  directory.oldestToken = directory.version + 1;
  directory.update(org.levels[2][2].id, { jobTitle: 'Lead' });
  const run = await sync();
  expect(run).toMatchObject({ ok: true, mode: 'full', people: 10_041, problems: expect.arrayContaining([{ code: 'sync.restarted', params: {} }]) });
  expect((await t.app.domain.directory.person(tenantId, org.levels[2][2].id))?.org.jobTitle).toBe('Lead');
}, 60_000);

test('a tenant Graph does not know: not connected, nothing stored', async () => {
  const other = randomUUID();
  const someone: TeamsUser = { tenantId: other, userId: randomUUID(), name: 'Ola Other', roles: ['admin'] };
  expect((await t.api('/api/admin/sync', { as: someone, method: 'POST' })).status).toBe(202);
  await t.app.domain.org.idle();
  const status = await t.api('/api/admin/sync', { as: someone });
  expect(status.body.runs[0]).toMatchObject({ ok: false, problems: [{ code: 'sync.graph_forbidden', params: {} }] });
  expect(status.body.summary).toBeUndefined();
});
