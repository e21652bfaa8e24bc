import type { Answer, Round } from '../domain/checkins';
import { ManualClock } from '../domain/shared/clock';
import { WARN, startTestApp, type TestApp } from '../support/app';
import { adaptiveActionActivity, messageActivity, type TeamsUser } from '../support/teams';
import { adaptiveCardsIn, cardProblems } from './helpers/cards';
import { installedTeam, type Scenario } from './helpers/scenario';

/**
 * "3 busy week" in a 1:1 answers an open check-in. With several open, the person picks which on
 * a card; a round that cannot take a quick answer is never picked for them, and when none can
 * they are told so (and the log gets a warning) instead of "Sorry, I didn't understand".
 */
// The scenario's pilots check in on Fridays at 10:00; every member is in UTC.
const clock = new ManualClock(new Date('2027-01-08T10:01:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false' }, captureLog: true });
});
afterAll(() => t.stop());

const NO_CONFIDENCE = { title: 'Team mood', questions: [{ id: 'mood', kind: 'text', text: 'How was your week?' }] };
const SECOND = { title: 'Second pilot', practiceId: 'practice:rotating-facilitator' };

/** A team with these pilots launched (the first one is the scenario's), and their rounds open. */
async function openRounds(...pilots: Record<string, unknown>[]): Promise<Scenario> {
  const s = await installedTeam(t, { pilot: pilots[0] });
  for (const pilot of pilots.slice(1)) {
    const created = await t.api('/api/pilots', {
      as: s.manager,
      body: { hypothesis: 'Trying it for six weeks will tell us.', successMeasures: ['Everyone answers'], teamId: s.teamId, startDate: '2027-01-04', endDate: '2027-02-26', practiceId: 'practice:weekly-retro', ...pilot },
    });
    expect(created.status).toBe(201);
    await t.api(`/api/pilots/${encodeURIComponent(created.body.pilot.id)}/launch`, { as: s.manager, method: 'POST' });
  }
  await t.app.background.tick();
  await t.app.background.delivery.flush();
  return s;
}

async function say(user: TeamsUser, text: string) {
  const msg = messageActivity(t.connector.url, user, text);
  expect((await t.activity(msg)).status).toBe(200);
  return { id: msg.id, replies: t.connector.received.filter((a) => a.activity.replyToId === msg.id).map((a) => a.activity) };
}

const rounds = (s: Scenario) => t.app.store.all<Round>('checkins', s.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'round'");
const answers = (s: Scenario) => t.app.store.all<Answer>('checkins', s.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'answer'");
const warningsFor = (activityId: string) => t.logs.filter((l) => l.level === WARN && l.activityId === activityId);

test('with two rounds open, a quick answer asks which one and goes where the person points', async () => {
  const s = await openRounds({}, SECOND);
  const [ana] = s.members;
  expect((await rounds(s)).filter((r) => r.invited.includes(ana.userId))).toHaveLength(2);

  const { replies } = await say(ana, '3 busy week');
  expect(replies).toHaveLength(1);
  const [choice] = adaptiveCardsIn(replies[0]);
  expect(cardProblems(choice)).toEqual([]);
  const text = JSON.stringify(choice);
  expect(text).toContain('Which check-in is this for?');
  expect(text).toContain('Scenario pilot');
  expect(text).toContain('Second pilot');
  expect(text).not.toContain("didn't understand");
  // Nothing is filed until the person picks.
  expect(await answers(s)).toEqual([]);

  const actions = choice.actions as { title: string; verb: string; data: Record<string, unknown> }[];
  const second = actions.find((a) => a.title === 'Second pilot')!;
  expect(second.verb).toBe('checkin.quick');
  const picked = await t.activity(adaptiveActionActivity(t.connector.url, ana, second.verb, second.data));
  expect(picked.status).toBe(200);
  expect(JSON.stringify(picked.body.value)).toContain('Thanks — your check-in for Second pilot is in');
  expect(JSON.stringify(picked.body.value)).toContain('busy week');

  const [filed] = await answers(s);
  const secondRound = (await rounds(s)).find((r) => r.pilotTitle === 'Second pilot')!;
  expect(filed).toMatchObject({ roundId: secondRound.id, userId: ana.userId, values: { confidence: 3, progress: 'busy week' } });
  expect(await answers(s)).toHaveLength(1);
});

test('a round that cannot take a quick answer is passed over for one that can', async () => {
  const s = await openRounds(NO_CONFIDENCE, SECOND);
  const [ana] = s.members;
  const { replies } = await say(ana, '4 going well');
  expect(JSON.stringify(replies)).toContain('Thanks — your check-in for Second pilot is in');
  const [filed] = await answers(s);
  expect(filed.values).toEqual({ confidence: 4, progress: 'going well' });
});

test('when no open round can take it the person is told, not misunderstood, and the log says so', async () => {
  const s = await openRounds(NO_CONFIDENCE);
  const [ana] = s.members;
  const { id, replies } = await say(ana, '2 rough week');
  const text = JSON.stringify(replies);
  expect(text).toContain('Your open check-in has no 1–5 question');
  expect(text).not.toContain("didn't understand");
  expect(await answers(s)).toEqual([]);
  expect(warningsFor(id)).toHaveLength(1);
  // Nothing people wrote reaches the logs.
  expect(JSON.stringify(warningsFor(id))).not.toContain('rough week');
});

test('with no round open at all the person hears when the next one comes', async () => {
  const s = await installedTeam(t);
  const { id, replies } = await say(s.members[0], '5');
  expect(JSON.stringify(replies)).toContain('You have no check-in open right now.');
  expect(warningsFor(id)).toHaveLength(1);
});
