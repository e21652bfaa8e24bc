import { randomUUID } from 'node:crypto';
import { DEMO_TENANT_ID } from '../domain/demo';
import type { Doc } from '../domain/ports/store';
import { demoUser, startTestApp, type TestApp } from '../support/app';
import { installInTeamActivity, rosterOf, type TeamsUser } from '../support/teams';

/**
 * The audit log over HTTP, in the demo tenant: project decisions, practice changes and proposal
 * decisions are recorded with who, what and the values before and after; admins export the whole
 * log as CSV (formulas made inert) and JSON, however long it is; and no method on any audit path
 * changes it.
 */
let t: TestApp;
const alex = demoUser('Alex'); // admin
const avery = demoUser('Avery'); // senior leader
const morgan = demoUser('Morgan');
const sam = demoUser('Sam');
const priya = demoUser('Priya');
const intruder: TeamsUser = { tenantId: randomUUID(), userId: randomUUID(), name: 'Ivan Intruder', roles: ['admin', 'leader'] };
const enc = encodeURIComponent;

interface Entry {
  id: string;
  at: string;
  actor: { userId: string; name: string };
  action: string;
  target: { kind: string; id?: string; name?: string };
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}
const entries = async (): Promise<Entry[]> => (await t.api('/api/admin/audit', { as: alex })).body.entries;
const must = async (what: string, res: Promise<{ status: number; body: any }>) => {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return r.body;
};
const exportOf = async (format: 'csv' | 'json', as: TeamsUser = alex) => {
  const res = await fetch(`${t.url}/api/admin/audit/export.${format}`, { headers: { authorization: `Bearer ${await t.token(as)}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', text: await res.text() };
};

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

test('a senior leader’s project decision is recorded once: who, the outcome and the reason', async () => {
  const teamsTeamId = `19:${randomUUID()}@thread.tacv2`;
  t.connector.members = rosterOf(DEMO_TENANT_ID, [morgan, sam]);
  const aadGroupId = t.teamInGraph(DEMO_TENANT_ID, [morgan], [sam]);
  expect((await t.activity(installInTeamActivity(t.connector.url, morgan, { teamsTeamId, name: 'Ops leads', aadGroupId }))).status).toBe(200);
  const circleId = (await must('circle', t.api('/api/circles', { as: morgan, body: { teamId: `team:${teamsTeamId}`, name: 'Ops leads circle' } }))).circle.id;
  const project = (await must('project', t.api('/api/projects', { as: morgan, body: { circleId, title: 'One on-call rota', goal: 'One on-call rota for the desk and Engineering.', weeksAsked: 6, budget: { amount: 500, currency: 'EUR' }, sponsorId: avery.userId } }))).project;
  const decide = () => t.api(`/api/projects/${enc(project.id)}/decision`, { as: avery, body: { decision: 'decline', reason: 'Engineering owns this rota next quarter.' } });
  expect((await decide()).status).toBe(200);
  expect((await decide()).status).toBe(200); // a retry changes nothing, and is not recorded again
  const decided = (await entries()).filter((e) => e.action === 'project.decided');
  expect(decided).toEqual([
    expect.objectContaining({
      actor: { userId: avery.userId, name: 'Avery Okafor' },
      target: { kind: 'project', id: project.id, name: 'One on-call rota' },
      before: { status: 'proposed' },
      after: { status: 'declined', circle: 'Ops leads circle', budget: '500 EUR', reason: 'Engineering owns this rota next quarter.' },
    }),
  ]);
});

test('practice changes are recorded: added, edited and translated, retired and restored, a proposal approved', async () => {
  const added = (await must('add', t.api('/api/practices', { as: alex, body: { name: '@Huddle =1+1', summary: 'A five-minute morning huddle for the desk.', why: 'Small problems surface before they grow.', how: ['Stand up at 9:00', 'Each says one blocker'], measures: ['Blockers raised'], pitfalls: ['It grows into a meeting'], questions: [{ kind: 'text', text: 'What blocked you today?' }], tags: [] } }))).practice;
  const edited = await t.api(`/api/practices/${enc(added.id)}`, {
    as: alex,
    method: 'PATCH',
    headers: { 'if-match': added.etag },
    body: { summary: 'A five-minute huddle every morning.', translations: { es: { name: 'Reunión rápida', summary: 'Cinco minutos cada mañana, de pie.', why: 'Los problemas pequeños salen antes de crecer.', how: ['De pie a las 9:00'], measures: ['Bloqueos planteados'] } } },
  });
  expect(edited.status).toBe(200);
  for (const action of ['retire', 'retire', 'restore']) expect((await t.api(`/api/practices/${enc(added.id)}/${action}`, { as: alex, method: 'POST' })).status).toBe(200);
  const proposal = (await must('propose', t.api('/api/practice-proposals', { as: priya, body: { pilotId: 'pilot:demo-ysywd', summary: 'Monthly you said, we did.' } }))).proposal;
  const approved = await must('approve', t.api(`/api/practice-proposals/${enc(proposal.id)}/approve`, { as: alex, method: 'POST' }));

  const mine = (await entries()).filter((e) => e.action.startsWith('practice.'));
  expect(mine.map((e) => [e.action, e.target.kind, e.target.name])).toEqual([
    ['practice.proposal_decided', 'proposal', proposal.words?.name ?? expect.any(String)],
    ['practice.added', 'practice', approved.practice.name],
    ['practice.restored', 'practice', '@Huddle =1+1'],
    ['practice.retired', 'practice', '@Huddle =1+1'], // retiring twice is one change
    ['practice.edited', 'practice', '@Huddle =1+1'],
    ['practice.added', 'practice', '@Huddle =1+1'],
  ]);
  expect(mine[0]).toMatchObject({ actor: { userId: alex.userId }, before: { status: 'pending' }, after: { status: 'approved', pilotId: 'pilot:demo-ysywd', practiceId: approved.practice.id } });
  expect(mine[1].after).toEqual({ fromPilotId: 'pilot:demo-ysywd' });
  expect(mine[4].after).toEqual({ fields: ['summary'], translated: ['es'] });
  // Only admins change the library: a refused change is not recorded.
  expect((await t.api(`/api/practices/${enc(added.id)}/retire`, { as: morgan, method: 'POST' })).status).toBe(403);
  expect((await entries())[0].id).toBe(mine[0].id);
});

test('admins export the whole log, however long, as CSV and JSON: newest first, formulas inert', async () => {
  const recent = await entries(); // what the admins did in this file (fewer than a page)
  expect(recent.length).toBeLessThan(50);
  // A long log: 1,200 older entries, more than any page holds.
  const old = Array.from({ length: 1200 }, (_, i) => {
    const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
    return { id: `audit:${at}:${String(i).padStart(8, '0')}`, tenantId: DEMO_TENANT_ID, type: 'audit', at, actor: { userId: alex.userId, name: 'Alex Kim' }, action: 'settings.changed', target: { kind: 'settings' }, before: { anonymityThreshold: 5 }, after: { anonymityThreshold: 6 } } as Doc;
  });
  await t.app.store.bulkCreate('audit', old);

  const json = await exportOf('json');
  expect(json.status).toBe(200);
  expect(json.type).toMatch(/^application\/json/);
  expect(json.disposition).toBe('attachment; filename="leaderful-audit.json"');
  const all = JSON.parse(json.text).entries as Entry[];
  // The export is recorded before it is read, so it lists itself first.
  expect(all[0]).toMatchObject({ action: 'data.exported', actor: { userId: alex.userId }, target: { kind: 'export', name: 'audit' }, after: { format: 'json' } });
  expect(all.length).toBe(1 + recent.length + 1200);
  expect(all.slice(1, 1 + recent.length)).toEqual(recent);
  expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
  expect(new Set(all.map((e) => e.id)).size).toBe(all.length);

  const csv = await exportOf('csv');
  expect(csv.status).toBe(200);
  expect(csv.type).toMatch(/^text\/csv/);
  const lines = csv.text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('at,actor_id,actor_name,action,target_kind,target_id,target_name,before,after');
  expect(lines).toHaveLength(1 + all.length + 1); // the header, the CSV export's own entry, then the rest
  expect(lines[1]).toMatch(/^"[^"]+","[^"]+","Alex Kim","data\.exported","export","","audit","","\{""format"":""csv""\}"$/);
  // A practice named "@Huddle =1+1" is text in a spreadsheet, never a formula.
  const huddle = lines.filter((l) => l.includes('Huddle'));
  expect(huddle.length).toBeGreaterThan(0);
  for (const line of huddle) expect(line).toContain('"\'@Huddle =1+1"');
  expect(lines.at(-1)).toBe(`"${(old[0] as Doc & { at: string }).at}","${alex.userId}","Alex Kim","settings.changed","settings","","","{""anonymityThreshold"":5}","{""anonymityThreshold"":6}"`);

  for (const who of [avery, morgan, { ...intruder, roles: [] }]) {
    for (const format of ['csv', 'json'] as const) expect((await exportOf(format, who)).status).toBe(403);
  }
  // Another tenant's admin exports their own log (only their own exports in it), never this one.
  const theirs = JSON.parse((await exportOf('json', intruder)).text).entries as Entry[];
  expect(theirs.map((e) => [e.action, e.actor.userId])).toEqual([['data.exported', intruder.userId]]);
});

test('leaders’ exports of pilots and feedback are recorded: who, what and the filter', async () => {
  const pilots = await fetch(`${t.url}/api/leader/pilots.csv?status=active`, { headers: { authorization: `Bearer ${await t.token(avery)}` } });
  expect(pilots.status).toBe(200);
  const feedback = await fetch(`${t.url}/api/feedback/export.csv?weeks=8`, { headers: { authorization: `Bearer ${await t.token(avery)}` } });
  expect(feedback.status).toBe(200);
  expect((await fetch(`${t.url}/api/leader/pilots.csv`, { headers: { authorization: `Bearer ${await t.token(sam)}` } })).status).toBe(403);
  const [f, p] = await entries();
  expect(f).toMatchObject({ action: 'data.exported', actor: { userId: avery.userId, name: 'Avery Okafor' }, target: { kind: 'export', name: 'feedback' }, after: { format: 'csv', weeks: 8 } });
  expect(p).toMatchObject({ action: 'data.exported', actor: { userId: avery.userId }, target: { kind: 'export', name: 'pilots' }, after: { format: 'csv', status: 'active', rows: expect.any(Number) } });
});

test('no route changes the audit log: every method on every audit path, as an admin and as an intruder', async () => {
  const before = await entries();
  const [first] = before;
  const paths = ['/api/admin/audit', `/api/admin/audit/${enc(first.id)}`, '/api/admin/audit/export.csv', '/api/admin/audit/export.json', `/api/admin/audit/${enc(first.id)}/restore`, '/api/admin/audit?id=' + enc(first.id)];
  const tried: string[] = [];
  for (const as of [alex, intruder]) {
    for (const path of paths) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const res = await t.api(path, { as, method, body: method === 'DELETE' ? undefined : { action: 'nothing', at: '2000-01-01T00:00:00Z', id: first.id } });
        tried.push(`${as.name} ${method} ${path} ${res.status}`);
        expect([`${method} ${path}`, [403, 404, 405].includes(res.status)]).toEqual([`${method} ${path}`, true]);
      }
    }
  }
  expect(tried).toHaveLength(2 * paths.length * 4);
  expect((await t.api(`/api/admin/audit/${enc(first.id)}`, { as: alex })).status).toBe(404); // no per-entry route at all
  expect(await entries()).toEqual(before);
});
