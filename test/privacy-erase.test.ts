import { randomUUID } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import { DEMO_TENANT_ID } from '../domain/demo';
import type { PilotHealth } from '../domain/pilots';
import { CONTAINERS } from '../domain/ports/store';
import { demoUser, startTestApp, type TestApp } from '../support/app';
import { installInTeamActivity, invokeActivity, messageActivity, rosterOf } from '../support/teams';
import { printFigures } from './security/support';

/**
 * Done when (issue 17, part 1): after an admin erases someone, every document of the tenant in
 * every container (read with the Cosmos SDK straight from the embedded store) holds neither their
 * user id nor their name, while the teams' figures (round summaries, pilot health) read the same.
 * The erase is confirmed by typing the name, idempotent, refused to non-admins (403), for unknown
 * people (404) and with a wrong name (400), each changing nothing; a later organisation sync
 * does not bring the person back.
 */
let t: TestApp;
let raw: CosmosClient;
const riley = demoUser('Riley');
const alex = demoUser('Alex');
const sam = demoUser('Sam');
const morgan = demoUser('Morgan');
const enc = encodeURIComponent;
const erase = (userId: string, confirmName: string, as = alex) => t.api(`/api/admin/privacy/people/${enc(userId)}/erase`, { as, body: { confirmName } });

/** Every document of the demo tenant, container by container, as the store holds it. */
async function tenantDocs(): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const name of CONTAINERS) {
    const { resources } = await raw.database('leaderful').container(name).items.query({ query: 'SELECT * FROM c WHERE c.tenantId = @t', parameters: [{ name: '@t', value: DEMO_TENANT_ID }] }).fetchAll();
    out[name] = resources;
  }
  return out;
}

const mentioning = (docs: Record<string, Record<string, unknown>[]>, needle: string) =>
  Object.entries(docs).flatMap(([c, list]) => list.filter((d) => JSON.stringify(d).toLowerCase().includes(needle.toLowerCase())).map((d) => `${c}/${String(d.id)}`));

/** The teams' figures: each pilot's health and closed rounds, each round's figures and summary numbers. */
function figures(docs: Record<string, Record<string, unknown>[]>) {
  const pilots = docs.pilots.filter((d) => d.type === 'pilot').map((p) => ({ id: p.id, health: p.health, roundFigures: p.roundFigures }));
  const rounds = docs.checkins
    .filter((d) => d.type === 'round')
    .map((r) => {
      const s = r.summary as Record<string, unknown> | undefined;
      return { id: r.id, figures: r.figures, invited: (r.invited as string[]).length, summary: s && { invited: s.invited, answered: s.answered, confidence: s.confidence, previousConfidence: s.previousConfidence, blockers: s.blockers } };
    });
  const answers = docs.checkins.filter((d) => d.type === 'answer').length;
  return { pilots: pilots.sort((a, b) => String(a.id).localeCompare(String(b.id))), rounds: rounds.sort((a, b) => String(a.id).localeCompare(String(b.id))), answers };
}

beforeAll(async () => {
  t = await startTestApp();
  raw = new CosmosClient({ endpoint: t.app.embedded!.endpoint, key: 'embedded', connectionPolicy: { enableEndpointDiscovery: false } });
  for (const p of [riley, alex, sam, morgan]) await t.api('/api/me', { as: p });
  // Riley's footprint beyond the demo data: a 1:1 chat, private kudos to Sam, a development path
  // shared with Morgan, anonymous feedback, and a leadership circle Riley convenes with Sam in it.
  await t.activity(messageActivity(t.connector.url, riley, 'help'));
  await t.activity(invokeActivity(t.connector.url, riley, 'composeExtension/submitAction', { commandId: 'giveKudos', commandContext: 'compose', data: { toUserId: sam.userId, message: 'Thanks for covering my shift', visibility: 'private', requestId: 'k-erase' } }));
  expect((await t.api('/api/paths/me', { as: riley, method: 'PUT', body: { level: 'self' } })).status).toBeLessThan(300);
  expect((await t.api('/api/paths/me/shares', { as: riley, body: { userId: morgan.userId, relation: 'manager', coach: true } })).status).toBeLessThan(300);
  expect((await t.api('/api/feedback', { as: riley, body: { audience: 'manager', topic: 'workload', text: 'The queue is too long on Mondays.', anonymous: true } })).status).toBeLessThan(300);
  const teamsTeamId = `19:${randomUUID()}@thread.tacv2`;
  t.connector.members = rosterOf(DEMO_TENANT_ID, [riley, sam, morgan]);
  expect((await t.activity(installInTeamActivity(t.connector.url, morgan, { teamsTeamId, name: 'Desk leads', aadGroupId: t.teamInGraph(DEMO_TENANT_ID, [morgan], [riley, sam]) }))).status).toBe(200);
  const circle = await t.api('/api/circles', { as: riley, body: { teamId: `team:${teamsTeamId}`, name: 'Desk leads circle' } });
  expect(circle.status).toBeLessThan(300);
  circleId = circle.body.circle.id;
  expect((await t.api(`/api/circles/${enc(circleId)}/join`, { as: sam, method: 'POST' })).status).toBeLessThan(300);
});
afterAll(() => t.stop());
let circleId = '';

test('refused erasures change nothing: a member (403), someone unknown (404), another tenant’s person (404), a wrong name (400)', async () => {
  const before = await tenantDocs();
  const member = await erase(riley.userId, riley.name, sam);
  expect(member.status).toBe(403);
  expect(member.body.error.reason).toBe('admin.admins_only');
  const unknown = await erase(randomUUID(), 'Nobody');
  expect(unknown.status).toBe(404);
  expect(unknown.body.error).toMatchObject({ code: 'not_found', params: { thing: 'person' } });
  const elsewhere = randomUUID();
  await t.api('/api/me', { as: { tenantId: randomUUID(), userId: elsewhere, name: 'Eve Elsewhere' } });
  expect((await erase(elsewhere, 'Eve Elsewhere')).status).toBe(404);
  const wrong = await erase(riley.userId, 'Riley Chan');
  expect(wrong.status).toBe(400);
  expect(wrong.body.error).toMatchObject({ code: 'validation', reason: 'privacy.confirm_name' });
  expect((await erase(riley.userId, '')).status).toBe(400);
  expect((await erase(alex.userId, alex.name)).status).toBe(409);
  const after = await tenantDocs();
  for (const name of CONTAINERS) expect(`${name}: ${after[name].length}`).toBe(`${name}: ${before[name].length}`);
  expect(mentioning(after, riley.userId).length).toBe(mentioning(before, riley.userId).length);
});

test('after an erase no document of the tenant holds their id or name, and every team figure reads the same', async () => {
  // An admin's export of Riley first: its audit entry names Riley, and must not afterwards.
  expect((await t.api(`/api/admin/privacy/people/${enc(riley.userId)}/export`, { as: alex })).status).toBe(200);
  const before = await tenantDocs();
  const mentionsBefore = mentioning(before, riley.userId).length + mentioning(before, riley.name).length;
  expect(mentionsBefore).toBeGreaterThan(10);
  const started = Date.now();
  const res = await erase(riley.userId, ' riley chen ');
  const ms = Date.now() - started;
  expect(res.status).toBe(200);
  expect(res.body.erasure).toMatchObject({ alreadyErased: false, reference: expect.stringMatching(/^erased:[0-9a-f]{24}$/) });
  const after = await tenantDocs();
  expect(mentioning(after, riley.userId)).toEqual([]);
  expect(mentioning(after, riley.name)).toEqual([]);
  // The teams' figures are what they were: answers de-linked, not dropped.
  expect(figures(after)).toEqual(figures(before));
  const pilot = await t.api('/api/pilots/pilot%3Ademo-facilitator', { as: morgan });
  expect(pilot.status).toBe(200);
  // As stored before, less how few people its averages were over (kept for disclosure, never shown).
  const { meansFrom: _fewest, ...stored } = before.pilots.find((p) => p.id === 'pilot:demo-facilitator')!.health as PilotHealth;
  expect(pilot.body.pilot.health).toEqual(stored);

  // Named feedback stays, de-identified; Riley's kudos, path, contact links and messages are gone.
  const fb = after.feedback.find((d) => d.id === 'feedback:demo-3')!;
  expect(fb).toMatchObject({ authorId: res.body.erasure.reference, authorName: '—' });
  expect(after.pilots.filter((d) => d.type === 'celebration' && d.kind === 'kudos' && (d.params as Record<string, unknown>)?.message === 'Thanks for covering my shift')).toEqual([]);
  expect(after.directory.filter((d) => d.type === 'path' && String(d.id).includes(res.body.erasure.reference))).toEqual([]);
  expect(after.contacts.length).toBeLessThan(before.contacts.length);
  // The circle Riley convened passes to the first member left (Morgan), interim until its next election.
  const circle = after.directory.find((d) => d.id === circleId)!;
  expect(circle).toMatchObject({ memberIds: [morgan.userId, sam.userId], convenor: { userId: morgan.userId, name: morgan.name, interim: true }, status: 'active' });
  expect((circle.convenors as { userId: string; name: string }[]).at(-1)).toMatchObject({ userId: res.body.erasure.reference, name: '—' });
  // The audit log has the erase, naming Riley by reference only.
  const audit = await t.api('/api/admin/audit', { as: alex });
  const entry = audit.body.entries.find((e: { action: string }) => e.action === 'privacy.erased');
  expect(entry).toMatchObject({ actor: { userId: alex.userId }, target: { kind: 'person', id: res.body.erasure.reference } });
  expect(JSON.stringify(audit.body)).not.toContain(riley.name);

  printFigures('Erasing one person (demo tenant)', {
    'documents scanned': res.body.erasure.scanned,
    'documents in the tenant': Object.values(after).reduce((n, l) => n + l.length, 0),
    'mentions before': mentionsBefore,
    'mentions after': 0,
    deleted: JSON.stringify(res.body.erasure.deleted),
    'de-identified': JSON.stringify(res.body.erasure.deidentified),
    'erase took (ms)': ms,
  });
});

test('a retried erase is fine and changes nothing; the erased person cannot be exported', async () => {
  const before = await tenantDocs();
  const again = await erase(riley.userId, riley.name);
  expect(again.status).toBe(200);
  expect(again.body.erasure.alreadyErased).toBe(true);
  const after = await tenantDocs();
  expect(after.audit.length).toBe(before.audit.length);
  expect(mentioning(after, riley.userId)).toEqual([]);
  expect((await t.api(`/api/admin/privacy/people/${enc(riley.userId)}/export`, { as: alex })).status).toBe(404);
});

test('a later organisation sync (Graph still lists them, and reports a change) does not bring the erased person back', async () => {
  // Riley changes job in Entra ID, and Sam now reports to Riley: both reach the next delta.
  t.graph.tenant(DEMO_TENANT_ID).put([
    { id: riley.userId, displayName: riley.name, department: 'Operations', jobTitle: 'Senior Analyst', managerId: morgan.userId },
    { id: sam.userId, displayName: sam.name, department: 'Operations', jobTitle: 'Service Desk Analyst', managerId: riley.userId },
  ]);
  expect((await t.api('/api/admin/sync', { as: alex, body: {} })).status).toBe(202);
  for (let i = 0; i < 200; i++) {
    const s = await t.api('/api/admin/sync', { as: alex });
    if (!s.body.running && s.body.runs.length >= 2) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const docs = await tenantDocs();
  expect((await t.api('/api/admin/sync', { as: alex })).body.runs[0]).toMatchObject({ ok: true });
  expect(mentioning(docs, riley.userId)).toEqual([]);
  expect(mentioning(docs, riley.name)).toEqual([]);
  expect((await t.api('/api/admin/people?q=Ri', { as: alex })).body.people).toEqual([]);
});

test('someone erased who signs in again starts afresh, and can be erased again (audited again)', async () => {
  const me = await t.api('/api/me', { as: riley });
  expect(me.status).toBe(200);
  const docs = await tenantDocs();
  expect(docs.directory.filter((d) => d.type === 'member' && d.userId === riley.userId)).toHaveLength(1);
  // Nothing of before came back with them: no path, no kudos, no team.
  expect(mentioning(docs, riley.userId)).toEqual([`directory/member:${riley.userId}`]);
  const again = await erase(riley.userId, riley.name);
  expect(again.body.erasure).toMatchObject({ alreadyErased: false, deleted: { directory: 1 } });
  const audit = await t.api('/api/admin/audit', { as: alex });
  expect(audit.body.entries.filter((e: { action: string }) => e.action === 'privacy.erased')).toHaveLength(2);
  expect(mentioning(await tenantDocs(), riley.userId)).toEqual([]);
});
