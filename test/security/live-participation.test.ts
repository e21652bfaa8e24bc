import { randomUUID } from 'node:crypto';
import type { Round } from '../../domain/checkins';
import { ManualClock } from '../../domain/shared/clock';
import { startTestApp, type TestApp } from '../../support/app';
import { invokeActivity, type TeamsUser } from '../../support/teams';
import { installedTeam, type Scenario } from '../helpers/scenario';

/**
 * The live-timing attack on an open round, over HTTP: while people answer one by one, someone
 * watches every view they can reach (the meeting panel, the pilot, the pilot list, a card refresh;
 * a senior leader's portfolio, signals and export). If any of them moved with each answer, the
 * watcher would learn who just answered — and whoever may close the round early could pick answer
 * sets one person apart and read that person's answer off two averages. Before k have answered
 * nothing may move; at k, only the meeting panel's one bit ("enough for a summary").
 */
const MONDAY = '2027-01-04';
const clock = new ManualClock(new Date(`${MONDAY}T06:00:00Z`));
let t: TestApp;
let s: Scenario;
let leader: TeamsUser;

beforeAll(async () => {
  t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false' } });
  s = await installedTeam(t, { members: 7, pilot: { cadence: { weekdays: [1], time: '09:00', everyWeeks: 1, reminderHours: 0, roundHours: 24 }, startDate: MONDAY } });
  leader = { tenantId: s.tenantId, userId: randomUUID(), name: 'Lee Leader', roles: ['leader'] };
});
afterAll(() => t.stop());

test('an open round shows nobody how many have answered: views stand still until k, then one bit flips', async () => {
  clock.set(`${MONDAY}T09:01:00Z`);
  await t.app.background.tick();
  await t.app.background.delivery.flush();
  const [round] = await t.app.store.all<Round>('checkins', s.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round'");
  expect(round.status).toBe('open');
  const watcher = s.members[6]; // a teammate who has not answered (the manager is invited too: 8)
  const answerers = s.members.slice(0, 6);
  const pilot = encodeURIComponent(s.pilotId);
  const get = async (path: string, as: TeamsUser) => {
    const res = await t.api(path, { as });
    expect(res.status).toBe(200);
    return typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  };
  const refresh = async (user: TeamsUser) => {
    const res = await t.activity(invokeActivity(t.connector.url, user, 'adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'checkin.refresh', data: { roundId: round.id } }, trigger: 'automatic' }));
    return JSON.stringify(res.body);
  };
  const views = async (): Promise<Record<string, string>> => ({
    'meeting panel (member)': await get(`/api/pilots/${pilot}/round`, watcher),
    'meeting panel (manager)': await get(`/api/pilots/${pilot}/round`, s.manager),
    'pilot (member)': await get(`/api/pilots/${pilot}`, watcher),
    'pilot (manager)': await get(`/api/pilots/${pilot}`, s.manager),
    'pilot list (manager)': await get('/api/pilots', s.manager),
    'card refresh (member)': await refresh(watcher),
    'portfolio (leader)': await get('/api/leader/portfolio', leader),
    'portfolio first rows (leader)': await get('/api/leader/portfolio/first', leader),
    'signals (leader)': await get('/api/signals', leader),
    'pilots.csv (leader)': await get('/api/leader/pilots.csv', leader),
  });
  const submit = (user: TeamsUser) =>
    t.activity(invokeActivity(t.connector.url, user, 'adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'checkin.submit', data: { roundId: round.id, confidence: '4', 'kept-practice': 'true', usefulness: '4', progress: 'Fine' } }, trigger: 'manual' }));

  const seen: Record<string, string>[] = [await views()];
  for (const user of answerers) {
    expect((await submit(user)).status).toBe(200);
    seen.push(await views());
  }
  const k = 5;
  const changesAt = (name: string) => seen.flatMap((v, i) => (i > 0 && v[name] !== seen[i - 1][name] ? [i] : []));
  for (const name of Object.keys(seen[0])) {
    // Whatever moves, moves only once k people have answered — and the meeting panel only there.
    if (name.startsWith('meeting panel')) expect({ name, changes: changesAt(name) }).toEqual({ name, changes: [k] });
    else expect({ name, changes: changesAt(name).filter((i) => i < k) }).toEqual({ name, changes: [] });
  }
  const before = JSON.parse(seen[k - 1]['meeting panel (member)']).round;
  const after = JSON.parse(seen[k]['meeting panel (member)']).round;
  expect(before).toMatchObject({ status: 'open', enough: false, threshold: k, invited: 8 });
  expect(after).toMatchObject({ status: 'open', enough: true, threshold: k, invited: 8 });
  expect(before.answered).toBeUndefined();
  expect(after.answered).toBeUndefined();

  // Once closed, the count is fixed and shown with the summary.
  clock.set('2027-01-05T09:02:00Z');
  await t.app.background.tick();
  const closed = JSON.parse(await get(`/api/pilots/${pilot}/round`, watcher)).round;
  expect(closed).toMatchObject({ status: 'closed', answered: 6, invited: 8 });
  expect(closed.summary.confidence).toBe(4);
});
