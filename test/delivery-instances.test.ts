import { randomUUID } from 'node:crypto';
import { DEFAULT_CADENCE, EMPTY_HEALTH } from '../domain/pilots';
import type { Doc } from '../domain/ports/store';
import { LimitedConnector } from '../support/limited-connector';
import { startSharedStore, type SharedStore } from '../support/shared-store';

/**
 * Two app processes (the built app, as App Service would run two instances) over one store fan
 * out one tenant's check-in prompts to a Bot Connector stand-in that counts what it receives.
 * Teams' limit is per app per tenant: in no second may the two together send the tenant more
 * than 50, and every prompt arrives exactly once. Also with one send in ten shed by the service (a
 * 429 naming no wait): those free their places in the windows (bot/delivery/failed-sends.ts
 * `refusedUnposted`) and are retried, and still no second carries more than the limit. Needs
 * `npm run build`.
 */
jest.setTimeout(180_000);

const MEMBERS = 400;
const TEAMS = 20;
const LIMIT = 50;

let shared: SharedStore;

beforeAll(async () => {
  shared = await startSharedStore();
});

afterAll(async () => {
  await shared?.stop();
});

test.each([
  ['', 0],
  [', with one send in ten shed by the service and retried', 0.1],
])('two instances never send one tenant more than its limit in any second, and every prompt arrives once%s', async (_label, shed) => {
  const connector = await new LimitedConnector(shed).start();
  try {
    await fanOut(connector, shed > 0);
  } finally {
    await connector.stop();
  }
});

async function fanOut(connector: LimitedConnector, shedding: boolean) {
  const { store, domain } = shared;
  const tenantId = randomUUID();
  await domain.directory.ensureTenant(tenantId);
  const ref = (id: string) => ({ serviceUrl: connector.url, channelId: 'msteams', bot: { id: '28:bot', name: 'Leaderful' }, conversation: { id, tenantId } });
  const opened = new Date(Date.now() - 60_000);
  const directory: Doc[] = [];
  const pilots: Doc[] = [];
  const expected = new Map<string, number>();
  for (let t = 0; t < TEAMS; t++) {
    const teamId = `team:t${t}`;
    const memberIds: string[] = [];
    for (let i = 0; i < MEMBERS / TEAMS; i++) {
      const userId = randomUUID();
      memberIds.push(userId);
      expected.set(`a:dm-${userId}`, 1);
      directory.push({ id: `member:${userId}`, tenantId, type: 'member', userId, teamsUserId: `29:${userId}`, name: `Member ${t}.${i}`, timeZone: 'UTC', roles: ['member'], teamIds: [teamId], workDays: [0, 1, 2, 3, 4, 5, 6], personalConversation: ref(`a:dm-${userId}`) } as Doc);
    }
    expected.set(`19:t${t}@thread`, 1);
    directory.push({ id: teamId, tenantId, type: 'team', name: `Team ${t}`, kind: 'channel', memberIds, conversationReference: ref(`19:t${t}@thread`) } as Doc);
    pilots.push({
      id: `pilot:t${t}`, tenantId, type: 'pilot', title: `Pilot ${t}`, practiceName: 'Custom', hypothesis: 'h', successMeasures: ['m'], teamId, teamName: `Team ${t}`, managerId: 'x', managerName: 'x',
      cadence: { ...DEFAULT_CADENCE, weekdays: [opened.getUTCDay()], time: opened.toISOString().slice(11, 16), roundHours: 72 }, questions: [{ id: 'confidence', kind: 'scale', text: 'Confidence?' }],
      startDate: opened.toISOString().slice(0, 10), endDate: '2099-01-01', status: 'active', createdAt: '', updatedAt: '', health: EMPTY_HEALTH,
    } as Doc);
  }
  await store.bulkCreate('directory', directory);
  await store.bulkCreate('pilots', pilots);
  await domain.checkins.tick(tenantId, []);
  const rounds = await store.all<{ facilitatorId?: string }>('checkins', tenantId, "SELECT c.facilitatorId FROM c WHERE c.tenantId = @tenantId AND c.type = 'round'");
  for (const r of rounds) if (r.facilitatorId) expected.set(`a:dm-${r.facilitatorId}`, 2);
  const total = [...expected.values()].reduce((a, b) => a + b, 0);

  const apps = [shared.app({ BACKGROUND: 'true' }), shared.app({ BACKGROUND: 'true' })];
  try {
    await Promise.all(apps.map((a) => a.ready));
    for (;;) {
      const counts = await domain.outbox.counts(tenantId);
      if (!(counts.pending ?? 0) && !(counts.sending ?? 0)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await Promise.all(apps.map((a) => a.stop()));
  }

  const report = await connector.report();
  const tenant = report.tenants.get(tenantId)!;
  expect(report.throttled).toBe(0); // the connector never had to refuse a send for the limit
  if (shedding) expect(report.injected).toBeGreaterThan(20); // ≈ 47 of ≈ 470 sends shed, each retried
  expect(tenant.peak).toBeLessThanOrEqual(LIMIT);
  expect(tenant.accepted).toBe(total);
  const wrong = [...expected].filter(([id, n]) => (report.perConversation.get(id) ?? 0) !== n);
  expect(wrong).toEqual([]);
  expect(await domain.outbox.counts(tenantId)).toEqual({ sent: total });
  for (const app of apps) expect(app.stderr()).not.toMatch(/error/i);
}
