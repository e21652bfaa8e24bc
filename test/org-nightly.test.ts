import { DEMO_TENANT_ID } from '../domain/demo';
import { ManualClock } from '../domain/shared/clock';
import { startTestApp, type TestApp } from '../support/app';

/**
 * The nightly organisation sync: the scheduler starts it once a night, at 02:00 in the tenant's
 * default time zone, for a tenant that has synced before; other passes leave it alone.
 */
const clock = new ManualClock(new Date('2027-03-01T12:00:00Z')); // the demo sync runs at seed
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(() => t.stop());

const runs = async () => (await t.app.domain.org.status(DEMO_TENANT_ID))!.runs.map((r) => `${r.trigger} ${r.mode}`);
const tickAt = async (iso: string) => {
  clock.set(iso);
  await t.app.background.tick();
  await t.app.domain.org.idle();
};

test('once a night at 02:00 local time (Europe/London for the demo), reading only the changes', async () => {
  expect(await runs()).toEqual(['demo full']);
  await tickAt('2027-03-01T22:00:00Z');
  await tickAt('2027-03-02T01:59:00Z');
  expect(await runs()).toEqual(['demo full']);
  const before = t.graph.count((r) => r.tenantId === DEMO_TENANT_ID);
  await tickAt('2027-03-02T02:05:00Z');
  expect(await runs()).toEqual(['nightly delta', 'demo full']);
  // One delta page, and each demo team's members (owners).
  expect(t.graph.count((r) => r.tenantId === DEMO_TENANT_ID) - before).toBe(4);
  await tickAt('2027-03-02T02:50:00Z');
  expect(await runs()).toEqual(['nightly delta', 'demo full']);
  await tickAt('2027-03-03T02:10:00Z');
  expect(await runs()).toEqual(['nightly delta', 'nightly delta', 'demo full']);
});

test('a tenant that never synced is not synced by the scheduler (its first install or an admin starts it)', async () => {
  await t.api('/api/me', { as: { tenantId: '5f0e0000-0000-4000-8000-00000000aaaa', userId: '5f0e0000-0000-4000-8000-00000000bbbb', name: 'Nia New' } });
  await tickAt('2027-03-04T02:10:00Z');
  expect(await t.app.domain.org.status('5f0e0000-0000-4000-8000-00000000aaaa')).toBeUndefined();
});
