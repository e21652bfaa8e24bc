import { ManualClock } from '../domain/shared/clock';
import type { Round } from '../domain/checkins';
import type { TenantSettings } from '../domain/directory';
import { outboxId, type OutboxItem } from '../domain/outbox';
import { startTestApp, type TestApp } from '../support/app';
import type { ReceivedActivity } from '../support/connector';
import { invokeActivity, type TeamsUser } from '../support/teams';
import { adaptiveCardsIn, cardProblems } from './helpers/cards';
import { installedTeam, type Scenario } from './helpers/scenario';

/**
 * Cards that stay current, over HTTP against the connector stand-in: check-in prompts carry a
 * Universal Actions `refresh` for the person they went to, so opening one shows the round as it
 * stands; when the round closes, every prompt and reminder sent for it is updated in place
 * (PUT …/activities/{id} on the id recorded when it was sent), once, even when Teams fails a try.
 */
const MONDAY = '2027-01-04';
const clock = new ManualClock(new Date(`${MONDAY}T06:00:00Z`));
let t: TestApp;
let s: Scenario;

const cards = (a: ReceivedActivity) => adaptiveCardsIn(a.activity);
const text = (v: unknown) => JSON.stringify(v);
const deliver = () => t.app.background.delivery.flush();
const prompts = () => t.connector.received.filter((a) => a.method === 'POST' && text(cards(a)).includes(`Check-in: Scenario pilot`));
const updates = () => t.connector.received.filter((a) => a.method === 'PUT');
const chatOf = (user: TeamsUser) => [...t.connector.personalChats].find(([, m]) => m === `29:${user.userId}`)?.[0];

/** The invoke Teams sends when someone opens a chat holding a card with `refresh` (automatic trigger). */
const refresh = async (user: TeamsUser, roundId: string) => {
  const activity = invokeActivity(t.connector.url, user, 'adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'checkin.refresh', data: { roundId } }, trigger: 'automatic' }, { conversationId: chatOf(user) });
  const res = await t.activity(activity);
  expect(res.status).toBe(200);
  expect(cardProblems(res.body.value)).toEqual([]);
  return res.body.value as Record<string, unknown>;
};
const submit = (user: TeamsUser, roundId: string, values: Record<string, unknown>) =>
  t.activity(invokeActivity(t.connector.url, user, 'adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'checkin.submit', data: { roundId, ...values } }, trigger: 'manual' }, { conversationId: chatOf(user) }));

beforeAll(async () => {
  t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false' } });
  s = await installedTeam(t, { members: 3, pilot: { cadence: { weekdays: [1], time: '09:00', everyWeeks: 1, reminderHours: 4, roundHours: 24 }, startDate: MONDAY } });
});
afterAll(() => t.stop());

test('a prompt refreshes to its current state, and is redrawn in place once when the round closes', async () => {
  const [ana, ben, cal] = s.members;
  clock.set(`${MONDAY}T09:01:00Z`);
  await t.app.background.tick();
  await deliver();
  const [round] = await t.app.store.all<Round>('checkins', s.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round'");
  expect(round.prompted).toHaveLength(4);
  expect(prompts()).toHaveLength(4);

  // Each prompt refreshes for the one person it went to (their Teams id), with the round's verb.
  const anaPrompt = prompts().find((a) => a.conversationId === chatOf(ana))!;
  const [anaCard] = cards(anaPrompt);
  expect(anaCard.refresh).toEqual({ action: { type: 'Action.Execute', verb: 'checkin.refresh', data: { roundId: round.id } }, userIds: [`29:${ana.userId}`] });
  expect(cardProblems(anaCard)).toEqual([]);

  // Opened while open and unanswered: the form.
  expect(text(await refresh(ana, round.id))).toContain('checkin.submit');
  // Answered: the thanks card carries the refresh on, and opening it again shows the answer.
  const answered = await submit(ana, round.id, { confidence: '4', 'kept-practice': 'true', usefulness: '4', progress: 'Tried it twice' });
  expect(text(answered.body.value)).toContain('Thanks — your check-in');
  expect((answered.body.value as { refresh?: { userIds: string[] } }).refresh?.userIds).toEqual([`29:${ana.userId}`]);
  const current = text(await refresh(ana, round.id));
  expect(current).toContain('Tried it twice');
  expect(current).toContain('Edit my answers');
  expect(current).not.toContain('checkin.submit');
  // Refreshing is reading: asked again (Teams does, on every open), same card, nothing written.
  expect(text(await refresh(ana, round.id))).toBe(current);
  // Someone else's round: nothing shown.
  expect(text(await refresh({ ...ana, userId: 'someone-else' }, round.id))).not.toContain('Scenario pilot');

  // Ben is reminded, then the round closes. Teams fails the first update with a 503.
  clock.set('2027-01-05T05:01:00Z');
  await t.app.background.tick();
  await deliver();
  expect(t.connector.received.filter((a) => a.conversationId === chatOf(ben) && text(cards(a)).includes('A gentle nudge'))).toHaveLength(1);
  t.connector.failNext(503, 1, {}, (path) => path.includes('/activities/activity-') && !path.endsWith('/activities'));
  clock.set('2027-01-05T09:02:00Z');
  await t.app.background.tick();
  await deliver();
  clock.advance(60_000);
  await deliver();
  await t.app.background.tick();
  await deliver();

  // Every prompt and reminder sent is updated in place, once: its own activity, its own chat.
  const sent = [...prompts(), ...t.connector.received.filter((a) => a.method === 'POST' && text(cards(a)).includes('A gentle nudge'))];
  const put = updates();
  expect(put.map((u) => `${u.conversationId}|${u.activityId}`).sort()).toEqual(sent.map((p) => `${p.conversationId}|${p.activityId}`).sort());
  for (const u of put) {
    const [card] = cards(u);
    expect(text(card)).toContain('Check-in closed: Scenario pilot');
    expect(text(card)).toContain('1 of 4'); // the summary as it closed
    expect(text(card)).not.toContain('checkin.submit');
    expect(cardProblems(card)).toEqual([]);
    expect(u.activity.id).toBe(u.activityId);
  }
  const outbox = await t.app.store.read<OutboxItem>('outbox', s.tenantId, outboxId(s.tenantId, `closed:prompt:${round.id}:${ana.userId}`));
  expect(outbox).toMatchObject({ status: 'sent', activityId: anaPrompt.activityId });
  // The one Teams failed went again, and was not counted twice.
  const redraws = await t.app.store.all<OutboxItem>('outbox', s.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND c.kind = 'checkin_closed'");
  expect(redraws.filter((r) => r.status === 'sent')).toHaveLength(put.length);
  expect(redraws.filter((r) => r.attempts === 2)).toHaveLength(1);
  // Ana answered, so she was never reminded: that redraw had nothing to update.
  expect(redraws.filter((r) => r.status !== 'sent').map((r) => [r.key, r.status])).toEqual([[`closed:remind:${round.id}:${ana.userId}`, 'cancelled']]);

  // Opened after the close: what you said and how the round went; or that you missed it.
  const anaClosed = text(await refresh(ana, round.id));
  expect(anaClosed).toContain('Tried it twice');
  expect(anaClosed).toContain('1 of 4');
  expect(anaClosed).not.toContain('refresh');
  const calClosed = text(await refresh(cal, round.id));
  expect(calClosed).toContain('You did not answer this one');
  expect(calClosed).toContain('Shown when at least 5 people answer');
  // A late submit gets the closed card too, and changes nothing.
  expect(text((await submit(cal, round.id, { confidence: '1' })).body.value)).toContain('This check-in has closed.');

  // More passes, more deliveries: nothing is redrawn twice.
  await t.app.background.tick();
  await deliver();
  expect(updates()).toHaveLength(put.length);
});

test('a prompt not yet sent when its round closes is withdrawn, and its redraw has nothing to update', async () => {
  const other = await installedTeam(t, { members: 1, pilot: { title: 'Late pilot', cadence: { weekdays: [1], time: '09:00', everyWeeks: 1, reminderHours: 0, roundHours: 2 }, startDate: '2027-01-11' } });
  clock.set('2027-01-11T09:01:00Z');
  await t.app.background.tick(); // queued, not delivered
  clock.set('2027-01-11T11:05:00Z');
  await t.app.background.tick(); // the round closes before the prompt went out
  await deliver();
  const [round] = await t.app.store.all<Round>('checkins', other.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round'");
  expect(round.status).toBe('closed');
  const [member] = other.members;
  const prompt = await t.app.store.read<OutboxItem>('outbox', other.tenantId, outboxId(other.tenantId, `prompt:${round.id}:${member.userId}`));
  const redraw = await t.app.store.read<OutboxItem>('outbox', other.tenantId, outboxId(other.tenantId, `closed:prompt:${round.id}:${member.userId}`));
  expect(prompt?.status).toBe('cancelled');
  expect(redraw?.status).toBe('cancelled');
  expect(t.connector.received.filter((a) => text(cards(a)).includes('Late pilot') && text(cards(a)).includes('Check-in'))).toHaveLength(0);
});

test('a closed card and the meeting view decide the summary under today’s k: raising it withholds the figures', async () => {
  const big = await installedTeam(t, { members: 6, pilot: { cadence: { weekdays: [1], time: '09:00', everyWeeks: 1, reminderHours: 0, roundHours: 24 }, startDate: '2027-01-11' } });
  clock.set('2027-01-11T09:01:00Z');
  await t.app.background.tick();
  await deliver();
  const [round] = await t.app.store.all<Round>('checkins', big.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round'");
  for (const m of big.members) expect((await submit(m, round.id, { confidence: '4', 'kept-practice': 'true', usefulness: '4', progress: 'Fine' })).status).toBe(200);
  clock.set('2027-01-12T09:02:00Z');
  await t.app.background.tick();
  await deliver();
  const [first] = big.members;
  const roundView = async () => (await t.api(`/api/pilots/${encodeURIComponent(big.pilotId)}/round`, { as: big.manager })).body.round;
  // Six answered, k = 5: the average shows on the card and in the meeting view.
  expect(text(await refresh(first, round.id))).toContain('4.0 / 5');
  expect((await roundView()).summary.confidence).toBe(4);

  // An admin raises k to 7: the same stored summary is now over too few people.
  await t.app.store.update<TenantSettings>('directory', big.tenantId, 'settings', (s) => ({ ...s, anonymityThreshold: 7 }));
  const later = text(await refresh(first, round.id));
  expect(later).not.toContain('4.0 / 5');
  expect(later).toContain('Shown when at least 7 people answer');
  expect((await roundView()).summary).toMatchObject({ confidence: null, previousConfidence: null, blockers: [] });
});
