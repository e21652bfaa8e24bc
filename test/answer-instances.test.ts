import { randomUUID } from 'node:crypto';
import { DEFAULT_CADENCE, EMPTY_HEALTH, type Pilot } from '../domain/pilots';
import type { Doc } from '../domain/ports/store';
import { startSharedStore, type SharedStore } from '../support/shared-store';
import { adaptiveActionActivity } from '../support/teams';

/**
 * The answer path keeps a round's fixed parts for a few seconds in each process. A round closed
 * early from the meeting view in ANOTHER process (here: this test's own domain over the same
 * store, as a second App Service instance would) must be refused at once by the process that
 * holds the copy, for a new answer and for an edit, and nothing may be stored. Needs `npm run build`.
 */
jest.setTimeout(90_000);

let shared: SharedStore;

beforeAll(async () => {
  shared = await startSharedStore();
});

afterAll(async () => {
  await shared?.stop();
});

test('an early close in one process is honoured at once by an answering process that keeps the round', async () => {
  const { store, domain } = shared;
  const tenantId = randomUUID();
  await domain.directory.ensureTenant(tenantId);
  const [ana, ned, manager] = [randomUUID(), randomUUID(), randomUUID()];
  const people = [ana, ned];
  await store.bulkCreate('directory', [
    ...people.map((userId, i) => ({ id: `member:${userId}`, tenantId, type: 'member', userId, name: `Member ${i}`, timeZone: 'UTC', roles: ['member'], teamIds: ['team:a'], workDays: [0, 1, 2, 3, 4, 5, 6] }) as Doc),
    { id: 'team:a', tenantId, type: 'team', name: 'A', kind: 'channel', memberIds: people } as Doc,
  ]);
  const opened = new Date(Date.now() - 60_000);
  const pilot = {
    id: 'pilot:a', tenantId, type: 'pilot', title: 'Pilot A', practiceName: 'Custom', hypothesis: 'h', successMeasures: ['m'], teamId: 'team:a', teamName: 'A', managerId: manager, managerName: 'M',
    cadence: { ...DEFAULT_CADENCE, weekdays: [opened.getUTCDay()], time: opened.toISOString().slice(11, 16), roundHours: 72 }, questions: [{ id: 'confidence', kind: 'scale', text: 'Confidence?' }],
    startDate: opened.toISOString().slice(0, 10), endDate: '2099-01-01', status: 'active', createdAt: '', updatedAt: '', health: EMPTY_HEALTH,
  } as Doc;
  await store.bulkCreate('pilots', [pilot]);
  await domain.checkins.tick(tenantId, []);
  const [round] = await store.all<{ id: string; closesAt: string }>('checkins', tenantId, "SELECT c.id, c.closesAt FROM c WHERE c.tenantId = @tenantId AND c.type = 'round'");
  expect(Date.parse(round.closesAt)).toBeGreaterThan(Date.now() + 3_600_000);

  const app = shared.app();
  const url = await app.ready;
  const answer = async (userId: string, confidence: string) => {
    const activity = adaptiveActionActivity('http://127.0.0.1:9/', { tenantId, userId, name: 'Member' }, 'checkin.submit', { roundId: round.id, confidence }, `a:${userId}`);
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(res.status).toBe(200);
    return JSON.stringify(await res.json());
  };
  const stored = () => store.all<{ userId: string; values: { confidence: number } }>('checkins', tenantId, "SELECT c.userId, c.values FROM c WHERE c.tenantId = @tenantId AND c.type = 'answer' AND c.roundId = @r", { r: round.id });

  // Ana answers through the app process: it now keeps the round (open, closing in 72 hours).
  expect(await answer(ana, '4')).toContain('Thanks');
  // The manager closes the round early from the meeting, in another process.
  const closed = await domain.checkins.closeFromMeeting({ tenantId, userId: manager, name: 'M', roles: ['member'] }, pilot as unknown as Pilot, true);
  expect(closed?.status).toBe('closed');
  expect(closed?.closesAt).toBe(round.closesAt); // an early close leaves closesAt as it was

  // Within the copy's lifetime, the app process refuses both a new answer and an edit.
  expect(await answer(ned, '2')).toContain('This check-in has closed');
  expect(await answer(ana, '1')).toContain('This check-in has closed');
  expect(await stored()).toEqual([{ userId: ana, values: { confidence: 4 } }]);
  expect(app.stderr()).not.toMatch(/error/i);
});
