import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ManualClock } from '../domain/shared/clock';
import type { OutboxItem } from '../domain/outbox';
import { startTestApp, type TestApp } from '../support/app';
import { adaptiveCardsIn } from './helpers/cards';
import { TestConnector } from '../support/connector';
import { installInTeamActivity, rosterOf, type TeamsUser } from '../support/teams';

/**
 * Delivery you can trust: a fan-out through a 429 storm and a restart in the middle loses
 * nothing and sends nothing twice; 403 marks the person unreachable instead of retrying forever.
 */
const MONDAY = '2027-01-04';
const tenantId = randomUUID();
const person = (name: string): TeamsUser => ({ tenantId, userId: randomUUID(), name });
const manager = person('Maria Manager');
const members = Array.from({ length: 40 }, (_, i) => person(`Member ${String(i).padStart(2, '0')}`));
/** Everyone checked in with: the manager is on their own team. */
const team = [manager, ...members];
/** More people than one second of the tenant's budget (50): one pass can never send them all. */
const crowd = [manager, ...Array.from({ length: 80 }, (_, i) => person(`Crowd ${String(i).padStart(2, '0')}`))];

const prompts = (c: TestConnector) => c.received.filter((a) => JSON.stringify(adaptiveCardsIn(a.activity)).includes('Check-in: Fan-out'));
const promptsPerPerson = (c: TestConnector) => {
  const counts = new Map<string, number>();
  for (const p of prompts(c)) {
    const who = c.personalChats.get(p.conversationId) ?? p.conversationId;
    counts.set(who, (counts.get(who) ?? 0) + 1);
  }
  return counts;
};

async function setUp(t: TestApp, clock: ManualClock, people = team): Promise<void> {
  t.connector.members = rosterOf(tenantId, people);
  const aadGroupId = t.teamInGraph(tenantId, [manager], people.filter((p) => p !== manager));
  await t.activity(installInTeamActivity(t.connector.url, manager, { teamsTeamId: '19:fanout@thread.tacv2', name: 'Fan-out team', aadGroupId }));
  const created = await t.api('/api/pilots', {
    as: manager,
    body: {
      title: 'Fan-out pilot',
      hypothesis: 'Everyone gets exactly one prompt, whatever happens.',
      successMeasures: ['No duplicates'],
      teamId: 'team:19:fanout@thread.tacv2',
      questions: [{ id: 'confidence', kind: 'scale', text: 'Confidence?' }],
      cadence: { weekdays: [1], time: '09:00', everyWeeks: 1, reminderHours: 0, roundHours: 24 },
      startDate: MONDAY,
      endDate: '2027-02-26',
    },
  });
  expect(created.status).toBe(201);
  await t.api(`/api/pilots/${encodeURIComponent(created.body.pilot.id)}/launch`, { as: manager, method: 'POST' });
  clock.set(`${MONDAY}T09:00:30Z`);
  await t.app.background.tick();
}

test('a 429 storm and a restart in the middle of a fan-out lose nothing and send nothing twice', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'leaderful-delivery-'));
  const clock = new ManualClock(new Date(`${MONDAY}T06:00:00Z`));
  const connector = await new TestConnector().start();
  const env = { SEED_DEMO_DATA: 'false', DATA_DIR: dataDir, EMBEDDED_SNAPSHOT: 'true' };
  let t = await startTestApp({ clock, env, connector });
  try {
    await setUp(t, clock, crowd);
    // Teams throttles: 429 without Retry-After for the next 25 sends (the SDK won't retry those).
    connector.failNext(429, 25);
    // Delivery never sleeps: each pass sends what the windows allow at the app's clock and defers
    // the rest, so the fan-out goes over passes a little over a second (one tenant window) apart.
    for (let pass = 0; pass < 30 && prompts(connector).length < 5; pass++) {
      clock.advance(1_100);
      await t.app.background.delivery.flush();
    }
    // Restart in the middle of a pass: stop finishes what is in flight, then exits.
    clock.advance(1_100);
    const requests = connector.requests;
    const flushing = t.app.background.delivery.flush();
    while (connector.requests === requests) await new Promise((r) => setTimeout(r, 5));
    await t.stop();
    await flushing;
    const sentBefore = prompts(connector).length;
    expect(sentBefore).toBeGreaterThan(0);
    expect(sentBefore).toBeLessThan(crowd.length);

    t = await startTestApp({ clock, env, connector });
    // Backoff after 429s: nothing more is due until the clock moves on.
    for (let i = 0; i < 12 && prompts(connector).length < crowd.length; i++) {
      clock.advance(90_000);
      await t.app.background.tick();
      await t.app.background.delivery.flush();
    }
    const counts = promptsPerPerson(connector);
    expect(counts.size).toBe(crowd.length);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const outbox = await t.app.domain.outbox.counts(tenantId);
    expect(outbox.pending ?? 0).toBe(0);
    expect(outbox.sending ?? 0).toBe(0);
    expect(outbox.sent).toBeGreaterThanOrEqual(crowd.length);
  } finally {
    await t.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('403 marks the person unreachable; a sender that died mid-send is retried after its lease', async () => {
  const clock = new ManualClock(new Date(`${MONDAY}T06:00:00Z`));
  const t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false' } });
  try {
    await setUp(t, clock);
    const due = await t.app.domain.outbox.due(tenantId, 100);
    // A sender claims one message and dies before sending it.
    const orphan = await t.app.domain.outbox.claim(due.find((i) => i.kind === 'checkin_prompt')!);
    expect(orphan?.status).toBe('sending');
    // One person has blocked the bot: Teams answers 403 when the bot opens a chat with them.
    // Not the facilitator: they also get a personal notice, and which of their two messages meets
    // the 403 first would depend on send order.
    const [round] = await t.app.store.all<{ facilitatorId?: string }>('checkins', tenantId, "SELECT c.facilitatorId FROM c WHERE c.tenantId = @tenantId AND c.type = 'round'");
    const blockedPerson = members.find((m) => !JSON.stringify(orphan).includes(m.userId) && m.userId !== round.facilitatorId)!;
    t.connector.failNext(403, 1, {}, (p, body) => p === '/v3/conversations' && body.members?.[0]?.id === `29:${blockedPerson.userId}`);
    await t.app.background.delivery.flush();
    const all = await t.app.store.all<OutboxItem>('outbox', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND c.kind = 'checkin_prompt'");
    const unreachable = all.filter((i) => i.status === 'unreachable');
    expect(unreachable).toHaveLength(1);
    const blocked = unreachable[0].target as { userId: string };
    expect(blocked.userId).toBe(blockedPerson.userId);
    const member = await t.app.domain.directory.member(tenantId, blocked.userId);
    expect(member?.unreachable).toBe(true);
    expect(all.find((i) => i.id === orphan!.id)?.status).toBe('sending');

    // After the lease expires, another sender picks the orphan up; nothing is retried at the blocked person.
    clock.advance(61_000);
    await t.app.background.delivery.flush();
    const after = await t.app.store.all<OutboxItem>('outbox', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND c.kind = 'checkin_prompt'");
    expect(after.find((i) => i.id === orphan!.id)?.status).toBe('sent');
    expect(after.filter((i) => i.status === 'sent')).toHaveLength(team.length - 1);
    expect(promptsPerPerson(t.connector).get(`29:${blocked.userId}`)).toBeUndefined();
  } finally {
    await t.stop();
  }
});
