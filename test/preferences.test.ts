import { ManualClock } from '../domain/shared/clock';
import type { Round } from '../domain/checkins';
import { startTestApp, type TestApp } from '../support/app';
import { installedTeam } from './helpers/scenario';

const clock = new ManualClock(new Date('2027-01-04T06:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false' } });
});
afterAll(() => t.stop());

test('people set their own time zone, work days, quiet hours, pause and celebration choice', async () => {
  const s = await installedTeam(t, { members: 2, pilot: { cadence: { weekdays: [1], time: '09:00', everyWeeks: 1, reminderHours: 0, roundHours: 24 } } });
  const [quiet, normal] = s.members;
  const initial = await t.api('/api/me/preferences', { as: quiet });
  expect(initial.body.preferences).toEqual({
    timeZone: 'UTC',
    workDays: [1, 2, 3, 4, 5],
    quietHours: null,
    pausedUntil: null,
    optOutPublicCelebration: false,
    notifications: { checkin_due: 'chat', feedback_reply: 'chat', facilitator_turn: 'chat', leader_digest: 'chat' },
  });
  // Microsoft Graph is configured: the activity feed (and both) are offered (test/activity-feed.test.ts).
  expect(initial.body.notices).toEqual({ kinds: ['checkin_due', 'feedback_reply', 'facilitator_turn', 'leader_digest'], channels: ['chat', 'feed', 'both'] });

  const bad = await t.api('/api/me/preferences', { as: quiet, method: 'PUT', body: { timeZone: 'Mars/Olympus', workDays: [], quietHours: { from: '25:00', to: '07:00' }, roles: ['admin'] } });
  expect(bad.status).toBe(400);
  expect(bad.body.error.fields.map((f: any) => f.field)).toEqual(expect.arrayContaining(['workDays', 'quietHours.from', 'body']));
  const badZone = await t.api('/api/me/preferences', { as: quiet, method: 'PUT', body: { timeZone: 'Mars/Olympus' } });
  expect(badZone.body.error.fields).toEqual([{ field: 'timeZone', code: 'not_time_zone', params: {}, message: 'is not a time zone name like Europe/Madrid' }]);
  // Nothing was changed by the failed requests.
  expect((await t.api('/api/me/preferences', { as: quiet })).body.preferences).toEqual(initial.body.preferences);

  const set = await t.api('/api/me/preferences', { as: quiet, method: 'PUT', body: { quietHours: { from: '20:00', to: '10:30' }, optOutPublicCelebration: true } });
  expect(set.status).toBe(200);
  expect(set.body.preferences).toMatchObject({ quietHours: { from: '20:00', to: '10:30' }, optOutPublicCelebration: true });

  // 09:00 falls in the quiet hours of the first member: their check-in waits until 10:30 (the
  // manager, on their own team, is asked at 09:00 like the others).
  clock.set('2027-01-04T09:01:00Z');
  await t.app.background.tick();
  const [round] = await t.app.store.all<Round>('checkins', s.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round'");
  expect(round.prompted.sort()).toEqual([s.manager.userId, normal.userId].sort());
  expect(round.schedule[quiet.userId].promptAt).toBe('2027-01-04T10:30:00.000Z');
  clock.set('2027-01-04T10:31:00Z');
  await t.app.background.tick();
  const [later] = await t.app.store.all<Round>('checkins', s.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round'");
  expect(later.prompted.sort()).toEqual([s.manager.userId, normal.userId, quiet.userId].sort());

  // Pausing from the tab follows the chat command: 1–90 days, until the end of the last one.
  expect((await t.api('/api/me/pause', { as: quiet, method: 'POST', body: { days: 91 } })).status).toBe(400);
  const paused = await t.api('/api/me/pause', { as: quiet, method: 'POST', body: { days: 3 } });
  expect(paused.body.preferences.pausedUntil).toBe('2027-01-06');
  expect((await t.api('/api/me/pause', { as: quiet, method: 'DELETE' })).body.preferences.pausedUntil).toBeNull();

  // A member who does not work Mondays is not invited next week.
  await t.api('/api/me/preferences', { as: normal, method: 'PUT', body: { workDays: [2, 3, 4, 5] } });
  clock.set('2027-01-11T10:31:00Z');
  await t.app.background.tick();
  const next = await t.app.store.read<Round>('checkins', s.tenantId, `round:${s.pilotId}:2027-01-11`);
  expect(next?.invited.sort()).toEqual([s.manager.userId, quiet.userId].sort());
});
