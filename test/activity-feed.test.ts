import { feedNotification } from '../bot/delivery/feed';
import { ManualClock } from '../domain/shared/clock';
import type { OutboxItem } from '../domain/outbox';
import { demoUser, startTestApp, WARN, type TestApp } from '../support/app';
import type { TeamsUser } from '../support/teams';
import { adaptiveCardsIn } from './helpers/cards';
import { installedTeam, type Scenario } from './helpers/scenario';

/**
 * Notices in the Teams activity feed (issue 18), over HTTP against the running app, the Graph
 * stand-in and the Bot Connector stand-in: each person's choice (chat, feed or both) decides
 * where a check-in that is due reaches them; the feed copy goes through the same outbox (a 429
 * from Graph is retried after its Retry-After, never twice), and someone who does not have the
 * app installed gets the notice in chat instead, once.
 */
const MONDAY = '2027-01-04';
const clock = new ManualClock(new Date(`${MONDAY}T06:00:00Z`));
let t: TestApp;
let s: Scenario;

const text = (v: unknown) => JSON.stringify(v);
const chatOf = (user: TeamsUser) => [...t.connector.personalChats].find(([, m]) => m === `29:${user.userId}`)?.[0];
const promptsTo = (user: TeamsUser) => t.connector.received.filter((a) => a.method === 'POST' && a.conversationId === chatOf(user) && text(adaptiveCardsIn(a.activity)).includes('Check-in: Scenario pilot'));
const feedOf = (user: TeamsUser) => t.graph.feedOf(user.userId);
/** A few delivery passes: a notice's feed copy is queued by one pass and sent by the next. */
const settle = async () => {
  for (let i = 0; i < 4; i++) await t.app.background.delivery.flush();
};
const choose = (user: TeamsUser, notifications: Record<string, string>) => t.api('/api/me/preferences', { as: user, method: 'PUT', body: { notifications } });

beforeAll(async () => {
  t = await startTestApp({ clock, captureLog: true });
  s = await installedTeam(t, { members: 3, pilot: { cadence: { weekdays: [1], time: '09:00', everyWeeks: 1, reminderHours: 0, roundHours: 24 }, startDate: MONDAY } });
});
afterAll(() => t.stop());

test('feed, both, chat and not installed: each check-in due reaches the person where they chose, once', async () => {
  const [feedOnly, both, notInstalled] = s.members;
  // With Graph configured, the feed is offered and chosen per kind.
  const offered = await t.api('/api/me/preferences', { as: feedOnly });
  expect(offered.body.notices.channels).toEqual(['chat', 'feed', 'both']);
  expect((await choose(feedOnly, { checkin_due: 'feed' })).body.preferences.notifications).toMatchObject({ checkin_due: 'feed', feedback_reply: 'chat' });
  expect((await choose(both, { checkin_due: 'both' })).status).toBe(200);
  expect((await choose(notInstalled, { checkin_due: 'feed' })).status).toBe(200);
  t.graph.notInstalled(s.tenantId, notInstalled.userId);
  // Graph throttles the feed-only person's notification for 30 seconds (aimed at their path: the
  // three feed requests go concurrently, and the not-installed person's must meet its 403).
  t.graph.failNext(429, 1, { 'Retry-After': '30' }, (path) => path.includes(feedOnly.userId) && path.endsWith('/teamwork/sendActivityNotification'));

  clock.set(`${MONDAY}T09:01:00Z`);
  await t.app.background.tick();
  await settle();
  const feedCalls = () => t.graph.requests.filter((r) => r.kind === 'feed');
  expect(feedCalls().filter((r) => r.status === 429)).toHaveLength(1);
  // One of the two feed notices waits out the Retry-After; repeated passes and ticks send nothing more.
  expect(feedOf(feedOnly).length + feedOf(both).length).toBe(1);
  await t.app.background.tick();
  await settle();
  expect(feedOf(feedOnly).length + feedOf(both).length).toBe(1);
  clock.set(`${MONDAY}T09:01:31Z`);
  await settle();
  await t.app.background.tick();
  await settle();

  // Feed only: one feed notification, no chat message.
  expect(feedOf(feedOnly)).toHaveLength(1);
  const [n] = feedOf(feedOnly);
  expect(n).toMatchObject({ tenantId: s.tenantId, activityType: 'checkinDue', templateParameters: [{ name: 'pilot', value: 'Scenario pilot' }], previewText: { content: 'Your check-in for Scenario pilot is open.' } });
  expect(n.topic).toMatchObject({ source: 'text', value: 'Scenario pilot' });
  expect(n.topic.webUrl).toContain(encodeURIComponent(s.pilotId));
  expect(promptsTo(feedOnly)).toHaveLength(0);
  // Both: the feed and the chat prompt, one each.
  expect(feedOf(both)).toHaveLength(1);
  expect(promptsTo(both)).toHaveLength(1);
  // Not installed: the feed refused (403), so the prompt went to chat, once, and that was logged.
  expect(feedOf(notInstalled)).toHaveLength(0);
  expect(feedCalls().filter((r) => r.status === 403)).toHaveLength(1);
  expect(promptsTo(notInstalled)).toHaveLength(1);
  expect(t.logs.filter((l) => l.level === WARN && /activity feed refused/.test(l.msg))).toHaveLength(1);
  // Chat (the default): the manager's prompt, no feed.
  expect(feedOf(s.manager)).toHaveLength(0);
  expect(promptsTo(s.manager)).toHaveLength(1);
  // Exactly the feed calls needed: two sent, one 429 retried, one refused.
  expect(feedCalls().map((r) => r.status).sort()).toEqual([204, 204, 403, 429]);

  // The outbox says what happened to each copy.
  const items = await t.app.store.all<OutboxItem>('outbox', s.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND c.kind = 'checkin_prompt'");
  const of = (user: TeamsUser) => items.filter((i) => i.target.kind === 'user' && i.target.userId === user.userId).map((i) => `${i.channel ?? 'choice'}:${i.status}`).sort();
  expect(of(feedOnly)).toEqual(['choice:cancelled', 'feed:sent']);
  expect(of(both)).toEqual(['choice:sent', 'feed:sent']);
  expect(of(notInstalled)).toEqual(['chat:sent', 'choice:cancelled', 'feed:unreachable']);
  expect(of(s.manager)).toEqual(['choice:sent']);
});

test('feed previews are plain, one line and at most 150 characters, in the reader’s language', () => {
  const links = { publicUrl: 'https://leaderful.test' };
  const reply = feedNotification(links, 'feedback_reply', { kind: 'feedback_reply', data: { message: `Thanks \u202Efor\u202C this.\n\n**Bold** [link](https://x.test) ${'word '.repeat(60)}` } }, 'es');
  expect(reply.previewText.length).toBeLessThanOrEqual(150);
  expect(reply.previewText).not.toMatch(/[\u202A-\u202E\n]/);
  expect(reply.previewText.startsWith('Thanks for this. **Bold**')).toBe(true);
  expect(reply.topic).toMatchObject({ source: 'text', value: 'Tu opinión' });
  const digest = feedNotification(links, 'leader_digest', { kind: 'feedback_digest', data: { waiting: 3 } }, 'es');
  expect(digest).toMatchObject({ activityType: 'leaderDigest', previewText: '3 comentarios te esperan esta semana.', templateParameters: [{ name: 'count', value: '3' }] });
});

describe('without the activity feed', () => {
  let bare: TestApp;
  beforeAll(async () => {
    // Graph reads the organisation, but the feed is not on (TeamsActivity.Send not granted).
    bare = await startTestApp({ env: { SEED_DEMO_DATA: 'false', ACTIVITY_FEED: 'false' } });
  });
  afterAll(() => bare?.stop());

  test('the preference route offers chat alone and refuses the feed, changing nothing', async () => {
    const sc = await installedTeam(bare, { members: 1 });
    const [member] = sc.members;
    const before = await bare.api('/api/me/preferences', { as: member });
    expect(before.body.notices.channels).toEqual(['chat']);
    for (const channel of ['feed', 'both']) {
      const refused = await bare.api('/api/me/preferences', { as: member, method: 'PUT', body: { notifications: { checkin_due: channel } } });
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields[0]).toMatchObject({ field: 'notifications.checkin_due', code: 'directory.channel_unavailable' });
    }
    expect((await bare.api('/api/me/preferences', { as: member })).body.preferences).toEqual(before.body.preferences);
    expect((await bare.api('/api/me/preferences', { as: member, method: 'PUT', body: { notifications: { checkin_due: 'chat' } } })).status).toBe(200);
  });
});

test('a reply to anonymous feedback reaches its author’s feed, and the outbox never learns who they are', async () => {
  const noor = demoUser('Noor'); // wrote feedback:demo-1 anonymously; Jordan owns it
  const jordan = demoUser('Jordan');
  expect((await choose(noor, { feedback_reply: 'feed' })).status).toBe(200);
  const replied = await t.api(`/api/feedback/${encodeURIComponent('feedback:demo-1')}/reply`, { as: jordan, body: { text: 'Thank you: could you say which retro actions?' } });
  expect(replied.status).toBeLessThan(300);
  await settle();
  expect(feedOf(noor)).toHaveLength(1);
  expect(feedOf(noor)[0]).toMatchObject({ activityType: 'feedbackReply', previewText: { content: 'Thank you: could you say which retro actions?' } });
  const items = await t.app.store.all<OutboxItem>('outbox', noor.tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND c.kind = 'feedback_reply'");
  expect(items.map((i) => `${i.channel ?? 'choice'}:${i.status}`).sort()).toEqual(['choice:cancelled', 'feed:sent']);
  expect(JSON.stringify(items)).not.toContain(noor.userId);
});
