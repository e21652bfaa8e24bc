import { randomUUID } from 'node:crypto';
import { DEMO_TENANT_ID } from '../domain/demo';
import { demoUser, startTestApp, type TestApp } from '../support/app';
import { printFigures } from './security/support';

/**
 * Issue 17, part 1: everyone downloads their own data (JSON or CSV, everything stored about them
 * in every container, their anonymous feedback included); admins export anyone of their tenant
 * without what the app keeps private from admins (answers, paths, anonymous feedback: counted
 * only), audited; a member cannot export someone else, and another tenant's person is a 404.
 */
let t: TestApp;
const noor = demoUser('Noor'); // wrote feedback:demo-1, anonymously
const riley = demoUser('Riley'); // wrote feedback:demo-3, named
const sam = demoUser('Sam');
const alex = demoUser('Alex');
const enc = encodeURIComponent;
const adminExport = (userId: string, as = alex, format = 'json') => t.api(`/api/admin/privacy/people/${enc(userId)}/export?format=${format}`, { as });

beforeAll(async () => {
  t = await startTestApp();
  for (const p of [noor, riley, sam, alex]) await t.api('/api/me', { as: p });
  // A formula-looking kudos message from Sam to Riley: the CSV must keep it inert.
  expect((await t.api('/api/paths/me', { as: riley, method: 'PUT', body: { level: 'self' } })).status).toBeLessThan(300);
  expect((await t.api('/api/paths/me/goals', { as: riley, body: { text: '=HYPERLINK("http://evil.test","x")' } })).status).toBeLessThan(300);
});
afterAll(() => t.stop());

test('“download my data”: everything about the caller, their anonymous feedback and answers included, as JSON and CSV', async () => {
  const mine = await t.api('/api/privacy/me/export', { as: noor });
  expect(mine.status).toBe(200);
  expect(mine.headers.get('content-disposition')).toContain('attachment');
  const data = mine.body.export;
  expect(data).toMatchObject({ subject: { userId: noor.userId, name: 'Noor Haddad' }, audience: 'self' });
  expect(data.containers.directory).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'member', userId: noor.userId })]));
  // Her anonymous item, found through her contact link (the item itself names nobody).
  expect(data.containers.feedback.map((f: { id: string }) => f.id)).toContain('feedback:demo-1');
  expect(data.containers.contacts.length).toBeGreaterThan(0);
  // Rounds show her own part only: who else answered is not hers to download.
  const round = data.containers.checkins.find((d: { type: string }) => d.type === 'round');
  if (round) expect(typeof round.invited).toBe('boolean');
  expect(JSON.stringify(data)).not.toContain('"votes"');
  expect(JSON.stringify(data)).not.toMatch(/"_etag"|"_rid"/);

  const csv = await t.api('/api/privacy/me/export?format=csv', { as: noor });
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
  const text = csv.body as string;
  const rows = text.trim().split('\r\n');
  expect(rows[0]).toBe('"container","type","id","field","value"');
  expect(rows.length).toBeGreaterThan(data.documents);
  expect(rows).toContain(`"directory","member","member:${noor.userId}","name","Noor Haddad"`);
  printFigures('Download my data (Noor, demo tenant)', { documents: data.documents, 'JSON bytes': JSON.stringify(mine.body).length, 'CSV rows': rows.length, 'CSV bytes': String(csv.body).length });
});

test('an admin exports someone without what is private from admins, audited; the CSV keeps formulas inert', async () => {
  const res = await adminExport(riley.userId);
  expect(res.status).toBe(200);
  const data = res.body.export;
  expect(data.audience).toBe('admin');
  expect(data.containers.feedback.map((f: { id: string }) => f.id)).toContain('feedback:demo-3');
  expect(data.containers.directory.some((d: { type: string }) => d.type === 'path')).toBe(false);
  expect(data.containers.checkins.some((d: { type: string }) => d.type === 'answer')).toBe(false);
  expect(data.containers.contacts).toEqual([]);
  expect(data.withheld).toMatchObject({ paths: 1 });
  expect(data.withheld.answers).toBeGreaterThan(0);
  const noorByAdmin = (await adminExport(noor.userId)).body.export;
  expect(noorByAdmin.containers.feedback.map((f: { id: string }) => f.id)).not.toContain('feedback:demo-1');
  expect(noorByAdmin.withheld.anonymousFeedbackWritten).toBeGreaterThan(0);
  const audit = await t.api('/api/admin/audit', { as: alex });
  expect(audit.body.entries[0]).toMatchObject({ action: 'privacy.exported', actor: { userId: alex.userId }, target: { kind: 'person', id: noor.userId, name: 'Noor Haddad' } });

  // Riley's own download has the path, and its formula-looking goal is text in the CSV.
  const own = await t.api('/api/privacy/me/export?format=csv', { as: riley });
  const goal = (own.body as string).split('\r\n').find((line) => line.includes('"goals[0].text"'));
  expect(goal).toMatch(/,"'=HYPERLINK\(""http:\/\/evil\.test"",""x""\)"$/);
  printFigures('Admin export (Riley, demo tenant)', { documents: data.documents, 'JSON bytes': JSON.stringify(res.body).length, withheld: JSON.stringify(data.withheld) });
});

test('refused exports change nothing: a member asking for someone else (403), another tenant’s person (404), bad input (400)', async () => {
  const audit = async () => (await t.app.store.all<{ id: string }>('audit', DEMO_TENANT_ID, "SELECT c.id FROM c WHERE c.tenantId = @tenantId")).length;
  const before = await audit();
  const member = await adminExport(riley.userId, sam);
  expect(member.status).toBe(403);
  expect(JSON.stringify(member.body)).not.toContain('feedback:demo-3');
  const elsewhere = { tenantId: randomUUID(), userId: randomUUID(), name: 'Eve Elsewhere' };
  expect((await t.api('/api/privacy/me/export', { as: elsewhere })).status).toBe(200);
  const other = await adminExport(elsewhere.userId);
  expect(other.status).toBe(404);
  expect(other.body.error).toMatchObject({ code: 'not_found', params: { thing: 'person' } });
  expect((await adminExport(randomUUID())).status).toBe(404);
  expect((await adminExport(riley.userId, alex, 'xml')).status).toBe(400);
  expect((await adminExport('bad id!')).status).toBe(400);
  expect((await t.api('/api/privacy/me/export?format=pdf', { as: sam })).status).toBe(400);
  expect(await audit()).toBe(before);
});
