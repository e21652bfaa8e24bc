import type { Caller } from '../domain/shared/caller';
import { demoUser, startTestApp, type TestApp } from '../support/app';
import type { TeamsUser } from '../support/teams';

/**
 * Exports and threshold changes are recorded by the domain use case, so every face gets the
 * record and none can forget it: the tab API's downloads, and the same use cases reached the way
 * the bot reaches them (a caller resolved from the directory, no HTTP), each leave one entry in
 * the admin's audit log (read over its API) with who, what and when. A refused export or change
 * (wrong role, an unknown or too-small group, a bad filter) records nothing.
 */
let t: TestApp;
const alex = demoUser('Alex'); // admin
const avery = demoUser('Avery'); // senior leader
const morgan = demoUser('Morgan'); // manager
const sam = demoUser('Sam'); // member
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
const log = async (): Promise<Entry[]> => {
  const res = await t.api('/api/admin/audit', { as: alex });
  expect(res.status).toBe(200);
  return res.body.entries;
};
/** The entries written since `before` (the log is newest first). */
const since = async (before: Entry[]): Promise<Entry[]> => {
  const now = await log();
  return before.length ? now.slice(0, now.findIndex((e) => e.id === before[0].id)) : now;
};
const download = async (path: string, as: TeamsUser) => {
  const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${await t.token(as)}` } });
  return { status: res.status, text: await res.text() };
};
/** A caller as the bot and message extension resolve one: from the directory, roles as last signed in. */
const botCaller = (u: TeamsUser): Promise<Caller> => t.app.domain.directory.resolveCaller(u.tenantId, u.userId, u.name);
const rowsOf = (csv: string) => csv.trimEnd().split('\r\n').length - 1;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

test('a pilots export over the tab API is recorded: who, what, when, the filter and the rows', async () => {
  const before = await log();
  const from = new Date().toISOString();
  const csv = await download('/api/leader/pilots.csv?status=active&teamId=team%3Ademo-ops', avery);
  expect(csv.status).toBe(200);
  const entries = await since(before);
  expect(entries).toEqual([
    {
      id: expect.any(String),
      at: expect.any(String),
      actor: { userId: avery.userId, name: 'Avery Okafor' },
      action: 'data.exported',
      target: { kind: 'export', name: 'pilots' },
      after: { format: 'csv', status: 'active', teamId: 'team:demo-ops', rows: rowsOf(csv.text) },
    },
  ]);
  expect(entries[0].at >= from && entries[0].at <= new Date().toISOString()).toBe(true);
});

test('a feedback export over the tab API is recorded with its filter', async () => {
  const before = await log();
  const csv = await download('/api/feedback/export.csv?teamId=team%3Ademo-ops&weeks=8', alex);
  expect(csv.status).toBe(200);
  expect(await since(before)).toEqual([
    expect.objectContaining({ actor: { userId: alex.userId, name: 'Alex Kim' }, action: 'data.exported', target: { kind: 'export', name: 'feedback' }, after: { format: 'csv', teamId: 'team:demo-ops', weeks: 8 } }),
  ]);
});

test('a threshold change is recorded with the values before and after; setting the same value is not', async () => {
  const before = await log();
  const put = (k: number, as: TeamsUser = alex) => t.api('/api/settings/anonymity', { as, method: 'PUT', body: { anonymityThreshold: k } });
  expect((await put(7)).status).toBe(200);
  expect((await put(7)).status).toBe(200); // no change: nothing to record
  expect((await put(5)).status).toBe(200);
  const entries = await since(before);
  expect(entries.map((e) => [e.action, e.target.kind, e.actor.userId, e.before, e.after])).toEqual([
    ['settings.changed', 'settings', alex.userId, { anonymityThreshold: 7 }, { anonymityThreshold: 5 }],
    ['settings.changed', 'settings', alex.userId, { anonymityThreshold: 5 }, { anonymityThreshold: 7 }],
  ]);
});

test('refused exports and changes record nothing: wrong role, unknown or too-small group, bad filter', async () => {
  const before = await log();
  const refusals: [string, Promise<{ status: number }>, number][] = [
    ['pilots as a member', download('/api/leader/pilots.csv', sam), 403],
    ['pilots as a manager', download('/api/leader/pilots.csv', morgan), 403],
    ['pilots as a manager, to a group', download(`/api/leader/pilots.csv?group=${enc('pulse:unit:nobody')}`, morgan), 403],
    // A managers' group below k is no group at all: refused like one that does not exist.
    ['pilots of a one-manager group', download(`/api/leader/pilots.csv?group=${enc(`pulse:unit:${morgan.userId}`)}`, avery), 404],
    ['pilots of a malformed group', download('/api/leader/pilots.csv?group=nope', avery), 400],
    ['pilots in a bad status', download('/api/leader/pilots.csv?status=bogus', avery), 400],
    ['feedback as a member', download('/api/feedback/export.csv', sam), 403],
    ['feedback as a manager', download('/api/feedback/export.csv', morgan), 403],
    ['feedback of an unknown team', download('/api/feedback/export.csv?teamId=team%3Anope', avery), 404],
    ['feedback over too many weeks', download('/api/feedback/export.csv?weeks=99', avery), 400],
    ['threshold by a leader', t.api('/api/settings/anonymity', { as: avery, method: 'PUT', body: { anonymityThreshold: 9 } }), 403],
    ['threshold out of range', t.api('/api/settings/anonymity', { as: alex, method: 'PUT', body: { anonymityThreshold: 2 } }), 400],
  ];
  const got: [string, number][] = [];
  for (const [what, res] of refusals) got.push([what, (await res).status]);
  expect(got).toEqual(refusals.map(([what, , status]) => [what, status]));
  expect(await since(before)).toEqual([]);
});

test('the same use cases reached without the tab API (as the bot reaches them) leave the same entries', async () => {
  const before = await log();
  const { domain } = t.app;
  const leader = await botCaller(avery);
  const admin = await botCaller(alex);
  const csv = await domain.portfolio.exportCsv(leader, { status: 'active' }, (s) => s.code);
  await domain.feedback.exportCsv(leader, (label) => label.level, { weeks: 4 });
  await domain.feedback.setThreshold(admin, 6);
  await domain.feedback.setThreshold(admin, 5);
  // Refused through this face too, and not recorded.
  await expect(domain.portfolio.exportCsv(await botCaller(sam), {}, (s) => s.code)).rejects.toMatchObject({ kind: 'forbidden' });
  await expect(domain.feedback.exportCsv(await botCaller(morgan), (label) => label.level)).rejects.toMatchObject({ kind: 'forbidden' });
  await expect(domain.feedback.setThreshold(leader, 9)).rejects.toMatchObject({ kind: 'forbidden' });
  const entries = await since(before);
  expect(entries.map((e) => [e.action, e.target, e.actor, e.before, e.after])).toEqual([
    ['settings.changed', { kind: 'settings' }, { userId: alex.userId, name: 'Alex Kim' }, { anonymityThreshold: 6 }, { anonymityThreshold: 5 }],
    ['settings.changed', { kind: 'settings' }, { userId: alex.userId, name: 'Alex Kim' }, { anonymityThreshold: 5 }, { anonymityThreshold: 6 }],
    ['data.exported', { kind: 'export', name: 'feedback' }, { userId: avery.userId, name: 'Avery Okafor' }, undefined, { format: 'csv', weeks: 4 }],
    ['data.exported', { kind: 'export', name: 'pilots' }, { userId: avery.userId, name: 'Avery Okafor' }, undefined, { format: 'csv', status: 'active', rows: rowsOf(csv) }],
  ]);
});
