import { DEMO_TENANT_ID } from '../domain/demo';
import { DEFAULT_POLICY } from '../domain/retention';
import { ManualClock } from '../domain/shared/clock';
import type { ContainerName } from '../domain/ports/store';
import { demoUser, startTestApp, type TestApp } from '../support/app';
import { messageActivity, type TeamsUser } from '../support/teams';
import { installedTeam, type Scenario } from './helpers/scenario';

/**
 * Retention over HTTP with a clock the test moves: each kind of record is kept for its tenant's
 * period and then deleted (in Azure by Cosmos DB TTL from the `ttl` written on it; here by the
 * scheduler's sweep, the same policy), aggregates and leader views stay as they were, records
 * within their period stay, a tenant's changed policy applies to it alone, and periods outside
 * their bounds are refused.
 */
const DAY = 86_400_000;
const T0 = new Date('2027-01-08T10:01:00Z');
const clock = new ManualClock(T0);
const at = (days: number) => clock.set(new Date(T0.getTime() + days * DAY));
let t: TestApp;
let b: Scenario; // another tenant, with its own team, pilot and answers
const alex = demoUser('Alex');
const sam = demoUser('Sam');
const morgan = demoUser('Morgan');
const riley = demoUser('Riley');
const avery = demoUser('Avery');
const enc = encodeURIComponent;

interface Row {
  id: string;
  type: string;
  ttl?: number;
  status?: string;
  state?: string;
  retainedFrom?: string;
}
const rows = (container: ContainerName, tenantId = DEMO_TENANT_ID) =>
  t.app.store.all<Row>(container, tenantId, 'SELECT c.id, c.type, c.ttl, c.status, c.state, c.retainedFrom FROM c WHERE c.tenantId = @tenantId');
const ofType = async (container: ContainerName, type: string, tenantId = DEMO_TENANT_ID) => (await rows(container, tenantId)).filter((r) => r.type === type);
const has = async (container: ContainerName, id: string, tenantId = DEMO_TENANT_ID) => !!(await t.app.store.read(container, tenantId, id));
const say = async (user: TeamsUser, text: string) => expect((await t.activity(messageActivity(t.connector.url, user, text))).status).toBe(200);
/** What senior leaders and managers see: the portfolio and a pilot with its rounds' figures. */
const views = async () => ({
  portfolio: (await t.api('/api/leader/portfolio', { as: avery })).body,
  pilot: (await t.api(`/api/pilots/${enc('pilot:demo-facilitator')}`, { as: morgan })).body,
  retro: (await t.api(`/api/pilots/${enc('pilot:demo-retro')}`, { as: avery })).body,
});
const latestAudit = async () => (await t.api('/api/admin/audit', { as: alex })).body.entries[0];

let named: string; // Sam's named feedback, closed by Morgan
let anonymous: string; // Riley's anonymous feedback, closed by Morgan

beforeAll(async () => {
  t = await startTestApp({ clock });
  // Another tenant: a team whose pilot's round is open, and a member who answers it in chat.
  b = await installedTeam(t);
  await t.app.background.tick();
  await t.app.background.delivery.flush();
  await say(b.members[0], '4 going well');
});
afterAll(() => t?.stop());

test('admins see each kind’s period and its bounds; nobody else does', async () => {
  const res = await t.api('/api/admin/retention', { as: alex });
  expect(res.status).toBe(200);
  expect(res.body.retention.map((r: { kind: string; days: number }) => [r.kind, r.days])).toEqual([
    ['outbox', 30],
    ['activities', 30],
    ['requests', 30],
    ['answers', 730],
    ['feedback', 730],
    ['audit', 2555],
  ]);
  expect(res.body.retention.find((r: { kind: string }) => r.kind === 'answers')).toEqual({ kind: 'answers', days: 730, defaultDays: 730, minDays: 90, maxDays: 1825, ttl: true });
  for (const who of [sam, avery, b.manager]) {
    expect((await t.api('/api/admin/retention', { as: who })).status).toBe(403);
    expect((await t.api('/api/admin/retention', { as: who, method: 'PATCH', body: { outbox: 60 } })).status).toBe(403);
  }
});

test('a period outside its bounds is refused with the bound it broke, and nothing changes', async () => {
  const before = (await t.api('/api/admin/retention', { as: alex })).body;
  const audit = await latestAudit();
  const short = await t.api('/api/admin/retention', { as: alex, method: 'PATCH', body: { outbox: 3 } });
  expect(short.status).toBe(400);
  expect(short.body.error.fields).toEqual([expect.objectContaining({ field: 'outbox', code: 'retention.below_minimum', params: { min: 7 }, message: 'must be at least 7 days (the shortest period allowed)' })]);
  const both = await t.api('/api/admin/retention', { as: alex, method: 'PATCH', body: { audit: 99_999, answers: 30, feedback: 800 }, headers: { 'accept-language': 'es' } });
  expect(both.status).toBe(400);
  expect(both.body.error.fields.map((f: { field: string; code: string; params: object; message: string }) => [f.field, f.code, f.params, f.message])).toEqual([
    ['answers', 'retention.below_minimum', { min: 90 }, 'debe ser de al menos 90 días (el plazo más corto permitido)'],
    ['audit', 'retention.above_maximum', { max: 3650 }, 'debe ser de como mucho 3650 días (el plazo más largo permitido)'],
  ]);
  for (const body of [{ answers: 365.5 }, { answers: '365' }, { forever: 1 }, { tenantId: b.tenantId }, []]) {
    expect((await t.api('/api/admin/retention', { as: alex, method: 'PATCH', body })).status).toBe(400);
  }
  expect((await t.api('/api/admin/retention', { as: alex })).body).toEqual(before);
  expect(await latestAudit()).toEqual(audit);
});

test('what Leaderful writes carries its Cosmos DB ttl from the tenant’s policy, once its retention counts', async () => {
  await say(sam, 'help');
  // Sam's named feedback to Morgan, answered and closed; Riley's anonymous one, closed a week later.
  const given = await t.api('/api/feedback', { as: sam, body: { audience: 'manager', topic: 'workload', text: 'The rota clashes with the Monday queue peak.', anonymous: false } });
  expect(given.status).toBe(201);
  named = given.body.item.id;
  expect((await t.api(`/api/feedback/${enc(named)}/reply`, { as: morgan, body: { text: 'Shall we move it to 10:30?' } })).status).toBe(200);
  const pending = (await ofType('outbox', 'outbox')).filter((o) => o.status === 'pending');
  expect(pending.length).toBeGreaterThan(0);
  expect(pending.filter((o) => o.ttl !== undefined || o.retainedFrom !== undefined)).toEqual([]); // still on its way
  await t.app.background.delivery.flush();
  expect((await t.api(`/api/feedback/${enc(named)}/close`, { as: morgan, body: { note: 'Moved to 10:30.' } })).status).toBe(200);
  const anon = await t.api('/api/feedback', { as: riley, headers: { 'Idempotency-Key': 'retention-receipt' }, body: { audience: 'manager', topic: 'support', text: 'I need more time for training.', anonymous: true } });
  expect(anon.status).toBe(201);
  anonymous = anon.body.item.id;
  at(7); // anonymous items reach their owner the week after
  expect((await t.api(`/api/feedback/${enc(anonymous)}/acknowledge`, { as: morgan, body: {} })).status).toBe(200);
  expect((await t.api(`/api/feedback/${enc(anonymous)}/close`, { as: morgan, body: { note: 'Training time is in the rota now.' } })).status).toBe(200);
  await t.app.background.delivery.flush();
  expect(await has('contacts', `contact:${anonymous}`)).toBe(true);

  const days = (n: number) => n * 86_400;
  const delivered = (await ofType('outbox', 'outbox')).filter((o) => o.status === 'sent');
  expect(delivered.length).toBeGreaterThan(0);
  for (const o of delivered) expect(o).toMatchObject({ ttl: days(30), retainedFrom: expect.any(String) });
  for (const tenantId of [DEMO_TENANT_ID, b.tenantId]) {
    const handled = await ofType('outbox', 'processed-activity', tenantId);
    expect(handled.length).toBeGreaterThan(0);
    for (const a of handled) expect(a.ttl).toBe(days(30));
  }
  // The receipt that makes a retried request create one item: kept for minutes' worth of retries, a month.
  const receipts = await ofType('contacts', 'feedback-request');
  expect(receipts).toHaveLength(1);
  expect(receipts[0]).toMatchObject({ ttl: days(30), retainedFrom: expect.any(String) });
  const [answer] = await ofType('checkins', 'answer', b.tenantId);
  expect(answer.ttl).toBe(days(730));
  expect((await t.api('/api/admin/sync', { as: alex, method: 'POST' })).status).toBe(202); // an audited action
  const audit = await ofType('audit', 'audit');
  expect(audit.length).toBeGreaterThan(0);
  for (const e of audit) expect(e.ttl).toBe(days(2555));
  // Closed feedback: the sweep deletes it with its contact link; Cosmos only a week later, as a backstop.
  const items = await ofType('feedback', 'feedback');
  const closed = items.filter((f) => f.state === 'closed' && [named, anonymous].includes(f.id));
  expect(closed).toHaveLength(2);
  for (const f of closed) expect(f.ttl).toBe(days(730 + 7));
  expect(items.filter((f) => f.state !== 'closed' && f.ttl !== undefined)).toEqual([]);
});

test('past 30 days, delivered messages, handled activity ids and request receipts go; answers, feedback and the audit log stay', async () => {
  const answersBefore = (await ofType('checkins', 'answer')).length;
  at(38);
  await t.app.background.tick();
  for (const tenantId of [DEMO_TENANT_ID, b.tenantId]) {
    const outbox = await rows('outbox', tenantId);
    const cutoff = new Date(clock.now().getTime() - 30 * DAY).toISOString();
    expect(outbox.filter((o) => o.type === 'processed-activity')).toEqual([]);
    expect(await ofType('contacts', 'feedback-request', tenantId)).toEqual([]);
    // Whatever delivered messages remain were delivered within the period (the scheduler's latest).
    expect(outbox.filter((o) => o.retainedFrom && o.retainedFrom < cutoff)).toEqual([]);
  }
  expect((await ofType('checkins', 'answer')).length).toBe(answersBefore);
  expect(await ofType('checkins', 'answer', b.tenantId)).toHaveLength(1);
  expect(await has('feedback', named)).toBe(true);
  expect((await t.api('/api/admin/audit', { as: alex })).body.entries.length).toBeGreaterThan(0);
});

test('a tenant’s shorter policy applies to it alone: its old answers go, figures and leader views stay, the change is audited', async () => {
  const changed = await t.api('/api/admin/retention', { as: alex, method: 'PATCH', body: { answers: 90 } });
  expect(changed.status).toBe(200);
  expect(changed.body.retention.find((r: { kind: string }) => r.kind === 'answers').days).toBe(90);
  expect(await latestAudit()).toMatchObject({ action: 'retention.changed', actor: { userId: alex.userId, name: 'Alex Kim' }, target: { kind: 'retention' }, before: { answers: 730 }, after: { answers: 90 } });

  at(140);
  const seeded = (await ofType('checkins', 'answer')).length;
  expect(seeded).toBeGreaterThan(0);
  const rounds = await t.app.store.all<{ id: string; figures?: unknown; summary?: unknown }>('checkins', DEMO_TENANT_ID, "SELECT c.id, c.figures, c.summary FROM c WHERE c.tenantId = @tenantId AND c.type = 'round'");
  const before = await views();
  expect(before.portfolio.pilots.length).toBeGreaterThan(0);

  // The sweep the scheduler runs, at this very moment: only deletions happen in between.
  const swept = await t.app.domain.retention.sweep(DEMO_TENANT_ID, []);
  expect(swept.answers).toBe(seeded);
  expect(await ofType('checkins', 'answer')).toEqual([]);
  expect(await views()).toEqual(before);
  expect(await t.app.store.all('checkins', DEMO_TENANT_ID, "SELECT c.id, c.figures, c.summary FROM c WHERE c.tenantId = @tenantId AND c.type = 'round'")).toEqual(rounds);
  // The other tenant keeps the default: its 140-day-old answer is still there.
  expect(await ofType('checkins', 'answer', b.tenantId)).toHaveLength(1);
});

test('past two years, the other tenant’s answers and closed feedback (with its contact link) go; open items and aggregates stay', async () => {
  at(2 * 365 + 40);
  const roundsB = await t.app.store.all<{ id: string; figures?: unknown }>('checkins', b.tenantId, "SELECT c.id, c.figures FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.status = 'closed'");
  await t.app.background.tick();
  expect(await ofType('checkins', 'answer', b.tenantId)).toEqual([]);
  const after = await t.app.store.all<{ id: string; figures?: unknown }>('checkins', b.tenantId, "SELECT c.id, c.figures FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.status = 'closed'");
  expect(after).toEqual(expect.arrayContaining(roundsB));
  for (const id of [named, anonymous, 'feedback:demo-4']) expect(await has('feedback', id)).toBe(false);
  expect(await has('contacts', `contact:${anonymous}`)).toBe(false);
  // Open items, and the links to their anonymous authors, are not closed: they stay.
  expect(await has('feedback', 'feedback:demo-1')).toBe(true);
  expect(await has('contacts', 'contact:feedback:demo-1')).toBe(true);
  expect((await t.api('/api/admin/audit', { as: alex })).body.entries.length).toBeGreaterThan(0);
});

test('the audit log keeps its own, longer period: entries go only once past it', async () => {
  const entries = async () => (await t.api('/api/admin/audit', { as: alex })).body.entries as { id: string; at: string }[];
  const kept = await entries();
  at(DEFAULT_POLICY.audit - 10);
  await t.app.background.tick();
  expect((await entries()).map((e) => e.id)).toEqual(expect.arrayContaining(kept.map((e) => e.id)));
  at(DEFAULT_POLICY.audit + 200);
  await t.app.background.tick();
  const left = await entries();
  const cutoff = new Date(clock.now().getTime() - DEFAULT_POLICY.audit * DAY).toISOString();
  expect(left.filter((e) => e.at < cutoff)).toEqual([]);
  expect(left.filter((e) => kept.some((k) => k.id === e.id))).toEqual([]);
});

