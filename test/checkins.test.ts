import { randomUUID } from 'node:crypto';
import { ManualClock } from '../domain/shared/clock';
import type { Round } from '../domain/checkins';
import { startTestApp, type TestApp } from '../support/app';
import { adaptiveCardsIn, cardProblems } from './helpers/cards';
import type { ReceivedActivity } from '../support/connector';
import { adaptiveActionActivity, installInTeamActivity, messageActivity, rosterOf, type TeamsUser } from '../support/teams';

/**
 * The bot's rhythm end to end over HTTP, with a clock the test moves: install in a team, read
 * the roster, launch a pilot, prompt each member at their local time, answer and edit on the
 * card, remind the silent once, close with a summary, and celebrate.
 */
const tenantId = randomUUID();
const person = (name: string): TeamsUser => ({ tenantId, userId: randomUUID(), name });
const manager = person('Maria Manager');
const ana = person('Ana Madrid'); // Europe/Madrid
const ned = person('Ned York'); // America/New_York
const lee = person('Lee London'); // Europe/London, pauses

const MONDAY = '2027-01-04';
const clock = new ManualClock(new Date(`${MONDAY}T06:00:00Z`));
let t: TestApp;

const cardText = (a: ReceivedActivity) => JSON.stringify(adaptiveCardsIn(a.activity));
const roundsOf = async (pilotId: string) =>
  t.app.store.all<Round>('checkins', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round' AND c.pilotId = @p", { p: pilotId });

const deliver = () => t.app.background.delivery.flush();
/** Who a 1:1 conversation is with: chats the bot opened, or the person's own chat with the bot. */
const chatWith = (conversationId: string) => t.connector.personalChats.get(conversationId)?.replace('29:', '') ?? conversationId.replace('a:personal-', '');

beforeAll(async () => {
  t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false' } });
  t.connector.members = rosterOf(tenantId, [manager, ana, ned, lee]);
});
afterAll(() => t.stop());

test('install → roster → pilot → prompts at local time → answer, edit → reminder once → summary → celebration', async () => {
  // Install in a team channel: roster read; the team's owner in Teams is its manager (the installer is one of its members).
  const aadGroupId = t.teamInGraph(tenantId, [manager], [ana, ned, lee]);
  const install = installInTeamActivity(t.connector.url, manager, { teamsTeamId: '19:ops@thread.tacv2', name: 'Ops squad', aadGroupId });
  expect((await t.activity(install)).status).toBe(200);
  const welcome = await t.connector.waitFor((a) => a.activity.replyToId === install.id);
  expect(cardText(welcome[0])).toContain('Welcome to Leaderful');
  const me = await t.api('/api/me', { as: manager });
  expect(me.body.user.roles).toEqual(expect.arrayContaining(['manager']));
  const teams = await t.api('/api/teams', { as: manager });
  expect(teams.body.teams).toEqual([expect.objectContaining({ id: 'team:19:ops@thread.tacv2', name: 'Ops squad', memberCount: 4 })]);

  // Members' time zones (Teams sends localTimezone with messages; people can also set it).
  for (const [user, tz] of [[ana, 'Europe/Madrid'], [ned, 'America/New_York'], [lee, 'Europe/London']] as const) {
    const msg = messageActivity(t.connector.url, user, `time zone ${tz}`);
    await t.activity(msg);
    await t.connector.waitFor((a) => a.activity.replyToId === msg.id);
  }
  const pause = messageActivity(t.connector.url, lee, 'pause me for 3 days');
  await t.activity(pause);
  expect(String((await t.connector.waitFor((a) => a.activity.replyToId === pause.id))[0].activity.text)).toContain('no check-ins for you until after 2027-01-06');

  // Launch a weekly Monday 09:00 pilot.
  const created = await t.api('/api/pilots', {
    as: manager,
    body: {
      title: 'Rotating stand-up facilitator',
      practiceId: 'practice:rotating-facilitator',
      hypothesis: 'Sharing the chair grows ownership of our meetings.',
      successMeasures: ['Everyone facilitates once'],
      teamId: 'team:19:ops@thread.tacv2',
      cadence: { weekdays: [1], time: '09:00', everyWeeks: 1, reminderHours: 4, roundHours: 24 },
      startDate: MONDAY,
      endDate: '2027-02-26',
    },
  });
  expect(created.status).toBe(201);
  const pilotId = created.body.pilot.id;
  expect((await t.api(`/api/pilots/${encodeURIComponent(pilotId)}/launch`, { as: manager, method: 'POST' })).status).toBe(200);

  // 06:00Z: nobody's 09:00 yet.
  await t.app.background.tick();
  expect(await roundsOf(pilotId)).toHaveLength(0);

  // 08:01Z = 09:01 in Madrid: Ana is asked; Ned (New York) and the manager (UTC) are not yet; Lee is paused.
  clock.set(`${MONDAY}T08:01:00Z`);
  await t.app.background.tick();
  await deliver();
  const [round] = await roundsOf(pilotId);
  expect(round.invited.sort()).toEqual([manager.userId, ana.userId, ned.userId].sort());
  expect(round.prompted).toEqual([ana.userId]);
  const anaPrompt = t.connector.received.filter((a) => cardText(a).includes('Check-in: Rotating stand'));
  expect(anaPrompt).toHaveLength(1);
  expect(chatWith(anaPrompt[0].conversationId)).toBe(ana.userId);
  const [promptCard] = adaptiveCardsIn(anaPrompt[0].activity);
  expect(cardProblems(promptCard)).toEqual([]);
  // The round's facilitator is announced in the team channel.
  const announcement = t.connector.received.filter((a) => a.conversationId.startsWith('19:ops') && cardText(a).includes('facilitator for this round'));
  expect(announcement).toHaveLength(1);

  // The facilitator hears it in their own chat, with a button to hand the role on.
  const invited = [manager, ana, ned];
  const facilitator = invited.find((u) => u.userId === round.facilitatorId)!;
  const bystander = invited.find((u) => u.userId !== round.facilitatorId)!;
  const personalNotice = t.connector.received.filter((a) => cardText(a).includes('You are facilitating this round'));
  expect(personalNotice).toHaveLength(1);
  expect(chatWith(personalNotice[0].conversationId)).toBe(facilitator.userId);
  expect(cardText(personalNotice[0])).toContain('checkin.swap');
  const notYours = await t.activity(adaptiveActionActivity(t.connector.url, bystander, 'checkin.swap', { roundId: round.id }));
  expect(JSON.stringify(notYours.body.value)).toContain('Only this round’s facilitator can hand the role on.');
  const swapped = await t.activity(adaptiveActionActivity(t.connector.url, facilitator, 'checkin.swap', { roundId: round.id }));
  const [handedOn] = await roundsOf(pilotId);
  const other = invited.find((u) => u.userId === handedOn.facilitatorId)!;
  expect(other.userId).not.toBe(facilitator.userId);
  expect(JSON.stringify(swapped.body.value)).toContain(`${other.name} is now facilitating this round`);
  await deliver();
  expect(t.connector.received.filter((a) => a.conversationId.startsWith('19:ops') && cardText(a).includes(`${other.name} has taken over as facilitator`))).toHaveLength(1);
  round.facilitatorId = other.userId;

  // Ticking again sends nothing twice.
  await t.app.background.tick();
  await deliver();
  expect(t.connector.received.filter((a) => cardText(a).includes('Check-in: Rotating stand'))).toHaveLength(1);

  // Ana answers on the card: it turns into "thanks — here is what you said — edit".
  const submit = (values: Record<string, unknown>) => t.activity(adaptiveActionActivity(t.connector.url, ana, 'checkin.submit', { roundId: round.id, ...values }));
  const answered = await submit({ confidence: '4', progress: 'Good first week', blocker: '', usefulness: '4', voice: '3', shareAnonymously: 'false' });
  expect(answered.status).toBe(200);
  expect(answered.body.type).toBe('application/vnd.microsoft.card.adaptive');
  const thanks = JSON.stringify(answered.body.value);
  expect(thanks).toContain('Thanks — your check-in');
  expect(thanks).toContain('Good first week');
  expect(thanks).toContain('checkin.edit');
  expect(cardProblems(answered.body.value)).toEqual([]);

  // Bad input changes nothing: the form comes back with the problem.
  const bad = await submit({ confidence: '9', sneaky: 'x' });
  expect(JSON.stringify(bad.body.value)).toContain('Please check your answers');
  const edit = await t.activity(adaptiveActionActivity(t.connector.url, ana, 'checkin.edit', { roundId: round.id }));
  expect(JSON.stringify(edit.body.value)).toContain('Save changes');
  expect(JSON.stringify(edit.body.value)).toContain('Good first week');
  const edited = await submit({ confidence: '5', progress: 'Even better after the retro', usefulness: '4', voice: '3' });
  expect(JSON.stringify(edited.body.value)).toContain('Even better after the retro');

  // Someone else's card: refused without revealing anything.
  const foreign = await t.activity(adaptiveActionActivity(t.connector.url, lee, 'checkin.submit', { roundId: round.id, confidence: '1' }));
  expect(JSON.stringify(foreign.body.value)).toContain('That check-in was not found.');

  // 14:01Z = 09:01 in New York: Ned is asked, and the manager (due at 09:00 UTC) by now too.
  clock.set(`${MONDAY}T14:01:00Z`);
  await t.app.background.tick();
  await deliver();
  expect(t.connector.received.filter((a) => cardText(a).includes('Check-in: Rotating stand'))).toHaveLength(3);

  // Reminder 4 h before the close (14:00Z Tuesday) goes to the silent only, once.
  clock.set('2027-01-05T10:05:00Z');
  await t.app.background.tick();
  await t.app.background.tick();
  await deliver();
  const reminders = t.connector.received.filter((a) => cardText(a).includes('A gentle nudge'));
  expect(reminders.map((r) => chatWith(r.conversationId)).sort()).toEqual([manager.userId, ned.userId].sort());
  const nedReminder = reminders.find((r) => chatWith(r.conversationId) === ned.userId)!;
  expect(cardText(nedReminder)).toContain('Answer now');
  // Reminders are never posted in a channel.
  expect(reminders.every((r) => !r.conversationId.startsWith('19:'))).toBe(true);
  // Ned answers by replying in chat with a number and a note.
  const quick = messageActivity(t.connector.url, ned, '3 slow start but fine', { conversationId: nedReminder.conversationId });
  await t.activity(quick);
  const quickReply = await t.connector.waitFor((a) => a.activity.replyToId === quick.id);
  expect(cardText(quickReply[0])).toContain('slow start but fine');

  // Round closes: summary to the team channel, the facilitator gets it to share, first round celebrated.
  clock.set('2027-01-05T14:01:00Z');
  await t.app.background.tick();
  await deliver();
  const [closed] = await roundsOf(pilotId);
  expect(closed.status).toBe('closed');
  expect(closed.figures).toMatchObject({ invited: 3, answered: 2 });
  const summaries = t.connector.received.filter((a) => cardText(a).includes('check-in 1 summary'));
  expect(summaries.map((s) => s.conversationId.startsWith('19:ops'))).toEqual(expect.arrayContaining([true, false]));
  const teamSummary = summaries.find((s) => s.conversationId.startsWith('19:ops'))!;
  expect(cardText(teamSummary)).toContain('2 of 3');
  // Two answers is below the tenant's anonymity threshold (5): no averages shown.
  expect(cardText(teamSummary)).toContain('Shown when at least 5 people answer');
  expect(cardText(summaries.find((s) => !s.conversationId.startsWith('19:'))!)).toContain('You facilitated this round');
  const celebration = t.connector.received.filter((a) => cardText(a).includes('First check-in done'));
  expect(celebration).toHaveLength(1);
  expect(celebration[0].conversationId.startsWith('19:ops')).toBe(true);
  for (const a of [...summaries, ...celebration]) for (const c of adaptiveCardsIn(a.activity)) expect(cardProblems(c)).toEqual([]);

  // The pilot's health rollup moved with the round (leader views read this, not the answers).
  const pilot = (await t.api(`/api/pilots/${encodeURIComponent(pilotId)}`, { as: manager })).body.pilot;
  expect(pilot.health.rounds).toBe(1);
  expect(pilot.health.participation).toBeCloseTo(2 / 3);

  // Editing after the close is refused; the card shows it is closed.
  // Ana's round was read for her answers moments ago (the answer path keeps it briefly): the
  // close still holds at once, for her edit and for the manager who never answered.
  const late = await submit({ confidence: '1' });
  expect(JSON.stringify(late.body.value)).toContain('This check-in has closed');
  const lateNew = await t.activity(adaptiveActionActivity(t.connector.url, manager, 'checkin.submit', { roundId: round.id, confidence: '2', autonomy: '2', workload: '2' }));
  expect(JSON.stringify(lateNew.body.value)).toContain('This check-in has closed');
  const stored = await t.app.store.all<{ userId: string; values: Record<string, unknown> }>(
    'checkins',
    tenantId,
    "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'answer' AND c.roundId = @r",
    { r: round.id },
  );
  expect(stored.map((a) => a.userId).sort()).toEqual([ana.userId, ned.userId].sort());
  expect(stored.find((a) => a.userId === ana.userId)!.values.confidence).toBe(5);

  // Next Monday the rota moves on: nobody facilitates twice before everyone has had a turn.
  clock.set('2027-01-11T14:01:00Z');
  await t.app.background.tick();
  const rounds = (await roundsOf(pilotId)).sort((a, b) => a.date.localeCompare(b.date));
  expect(rounds).toHaveLength(2);
  expect(rounds[1].facilitatorId).toBeDefined();
  expect(rounds[1].invited.sort()).toEqual([manager.userId, ana.userId, ned.userId, lee.userId].sort());
});
