import { startTestApp, type TestApp } from '../support/app';
import { adaptiveCardsIn, cardProblems } from './helpers/cards';
import type { ReceivedActivity } from '../support/connector';
import { installedTeam, type Scenario } from './helpers/scenario';
import { invokeActivity, messageActivity } from '../support/teams';

const cardText = (a: ReceivedActivity) => JSON.stringify(adaptiveCardsIn(a.activity));
let t: TestApp;
let s: Scenario;

beforeAll(async () => {
  t = await startTestApp({ env: { SEED_DEMO_DATA: 'false' } });
  s = await installedTeam(t);
});
afterAll(() => t.stop());

const kudos = (data: Record<string, unknown>, from = s.members[0]) =>
  t.activity(invokeActivity(t.connector.url, from, 'composeExtension/submitAction', { commandId: 'giveKudos', commandContext: 'compose', data }, { conversationId: `${s.channelPrefix};messageid=1`, conversationType: 'channel' }));

test('kudos from a message: the form lists teammates and prefills the message text', async () => {
  const res = await t.activity(
    invokeActivity(t.connector.url, s.members[0], 'composeExtension/fetchTask', { commandId: 'giveKudos', commandContext: 'message', messagePayload: { body: { content: '<p>Shipped the fix overnight!</p>' } } }),
  );
  const [form] = adaptiveCardsIn(res.body);
  expect(cardProblems(form)).toEqual([]);
  const people = (form.body as any[]).find((e) => e.id === 'toUserId').choices.map((c: any) => c.title);
  expect(people.sort()).toEqual(['Maria Manager', 'Member 2', 'Member 3']);
  expect((form.body as any[]).find((e) => e.id === 'message').value).toBe('Shipped the fix overnight!');
});

test('public kudos are inserted for the giver to post; private ones reach the person in their chat', async () => {
  const pub = await t.activity({
    ...invokeActivity(t.connector.url, s.members[0], 'composeExtension/submitAction', { commandId: 'giveKudos', data: { toUserId: s.members[1].userId, message: 'Great facilitation today', visibility: 'team', requestId: 'k1' } }, { conversationId: `${s.channelPrefix};messageid=1`, conversationType: 'channel' }),
    channelData: { tenant: { id: s.tenantId }, team: { id: s.channelPrefix } },
  });
  expect(pub.body.composeExtension.type).toBe('result');
  const [card] = adaptiveCardsIn(pub.body);
  expect(JSON.stringify(card)).toContain('Member 1 to Member 2: Great facilitation today');
  expect(cardProblems(card)).toEqual([]);

  const priv = await kudos({ toUserId: s.members[2].userId, message: 'Thanks for covering my shift', visibility: 'private', requestId: 'k2' });
  expect(priv.body.task.value).toBe('Your kudos went privately to Member 3.');
  await t.app.background.delivery.flush();
  const delivered = t.connector.received.filter((a) => cardText(a).includes('Thanks for covering my shift'));
  expect(delivered).toHaveLength(1);
  expect(t.connector.personalChats.get(delivered[0].conversationId)).toBe(`29:${s.members[2].userId}`);

  // The same submit retried by Teams does not send twice.
  await kudos({ toUserId: s.members[2].userId, message: 'Thanks for covering my shift', visibility: 'private', requestId: 'k2' });
  await t.app.background.delivery.flush();
  expect(t.connector.received.filter((a) => cardText(a).includes('Thanks for covering my shift'))).toHaveLength(1);
});

test('someone who opted out of public celebration gets kudos privately, and the giver is told', async () => {
  const optOut = messageActivity(t.connector.url, s.members[1], 'celebrations off');
  await t.activity(optOut);
  await t.connector.waitFor((a) => a.activity.replyToId === optOut.id);
  const res = await t.activity({
    ...invokeActivity(t.connector.url, s.members[0], 'composeExtension/submitAction', { commandId: 'giveKudos', data: { toUserId: s.members[1].userId, message: 'You rock', visibility: 'team', requestId: 'k3' } }, { conversationId: `${s.channelPrefix};messageid=1`, conversationType: 'channel' }),
    channelData: { tenant: { id: s.tenantId }, team: { id: s.channelPrefix } },
  });
  expect(res.body.task.value).toMatch(/went privately to Member 2 \(Member 2 prefers private celebrations/);
});

test('bad kudos come back as the form with the reason', async () => {
  const self = await kudos({ toUserId: s.members[0].userId, message: 'Me me me', requestId: 'k4' });
  expect(JSON.stringify(self.body)).toContain('pick someone other than yourself');
  const empty = await kudos({ toUserId: s.members[1].userId, message: '', requestId: 'k5' });
  expect(JSON.stringify(empty.body)).toContain('Message: must be at least 3 characters');
  const stranger = await kudos({ toUserId: 'not-a-member', message: 'Hello there', requestId: 'k6' });
  expect(JSON.stringify(stranger.body)).toContain('That person was not found.');
});

test('a success measure met and an adopted pilot are celebrated in the team, once', async () => {
  const id = encodeURIComponent(s.pilotId);
  expect((await t.api(`/api/pilots/${id}/measures/1/met`, { as: s.manager, method: 'POST' })).status).toBe(200);
  expect((await t.api(`/api/pilots/${id}/measures/1/met`, { as: s.manager, method: 'POST' })).status).toBe(200);
  expect((await t.api(`/api/pilots/${id}/measures/1/met`, { as: s.members[0], method: 'POST' })).status).toBe(403);
  expect((await t.api(`/api/pilots/${id}/close`, { as: s.manager, body: { outcome: 'adopted', learning: 'The retro stays.' } })).status).toBe(200);
  await t.app.background.delivery.flush();
  const inTeam = t.connector.received.filter((a) => a.conversationId.startsWith(s.channelPrefix));
  expect(inTeam.filter((a) => cardText(a).includes('Success measure met') && cardText(a).includes('Participation above 80%'))).toHaveLength(1);
  expect(inTeam.filter((a) => cardText(a).includes('Practice adopted'))).toHaveLength(1);
});
