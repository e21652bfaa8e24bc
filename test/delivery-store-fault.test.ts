import { ManualClock } from '../domain/shared/clock';
import { StoreUnavailable } from '../domain/ports/store';
import { startTestApp, type TestApp } from '../support/app';
import type { TeamsUser } from '../support/teams';
import { adaptiveCardsIn } from './helpers/cards';
import { installedTeam, type Scenario } from './helpers/scenario';

/**
 * The store fails while a delivery records what happened (Cosmos DB unreachable for a moment):
 * the turn's other messages are still sent and recorded, the pass does not end early, and the
 * message whose record failed is sent again once its claim runs out, never lost.
 */
const MONDAY = '2027-01-04';
const clock = new ManualClock(new Date(`${MONDAY}T06:00:00Z`));
let t: TestApp;
let s: Scenario;

const chatOf = (user: TeamsUser) => [...t.connector.personalChats].find(([, m]) => m === `29:${user.userId}`)?.[0];
const promptsTo = (user: TeamsUser) => t.connector.received.filter((a) => a.method === 'POST' && a.conversationId === chatOf(user) && JSON.stringify(adaptiveCardsIn(a.activity)).includes('Check-in: Scenario pilot'));

beforeAll(async () => {
  t = await startTestApp({ clock, captureLog: true });
  s = await installedTeam(t, { members: 4, pilot: { cadence: { weekdays: [1], time: '09:00', everyWeeks: 1, reminderHours: 0, roundHours: 24 }, startDate: MONDAY } });
});
afterAll(() => t.stop());

test('one message whose record fails: the others are delivered in the same pass, and it is sent again after its claim runs out', async () => {
  const { outbox } = t.app.domain;
  const markSent = outbox.markSent.bind(outbox);
  const markRetry = outbox.markRetry.bind(outbox);
  let failed = 0;
  let down = false;
  // The store becomes unreachable right after one prompt was sent (its record fails, and so does
  // recording that as a failure), and is back for the next message.
  outbox.markSent = async (item, ...rest) => {
    if (!failed && item.kind === 'checkin_prompt') {
      failed++;
      down = true;
      throw new StoreUnavailable();
    }
    return markSent(item, ...rest);
  };
  outbox.markRetry = async (item, ...rest) => {
    if (down) {
      down = false;
      throw new StoreUnavailable();
    }
    return markRetry(item, ...rest);
  };
  clock.set(`${MONDAY}T09:01:00Z`);
  await t.app.background.tick();
  await t.app.background.delivery.flush();
  expect(failed).toBe(1);
  // Everyone got their prompt in that one pass, including the one whose record failed.
  const people = [s.manager, ...s.members];
  expect(people.map((p) => promptsTo(p).length)).toEqual(people.map(() => 1));
  expect(t.logs.filter((l) => /one delivery could not be recorded/.test(l.msg))).toHaveLength(1);
  const stuck = (await outbox.counts(s.tenantId)).sending ?? 0;
  expect(stuck).toBe(1);
  // Once the claim's lease has run out, the message is taken again and recorded (sent twice: at
  // least once, never lost).
  clock.set(`${MONDAY}T09:03:00Z`);
  await t.app.background.delivery.flush();
  expect((await outbox.counts(s.tenantId)).sending ?? 0).toBe(0);
  expect(people.map((p) => promptsTo(p).length).sort()).toEqual([...people.map(() => 1).slice(1), 2]);
});
