import { randomUUID } from 'node:crypto';
import { WARN, startTestApp, type TestApp } from '../support/app';
import { BOT_ID, adaptiveActionActivity, invokeActivity, messageActivity, type TeamsUser } from '../support/teams';
import { adaptiveCardsIn } from './helpers/cards';

/**
 * Messages are normalised once before any command matching: the bot's mention removed, HTML
 * reduced to its text, a message carrying only a card (one inserted from the message extension)
 * recognised as nothing to answer. What people typed is never echoed back as markup, and every
 * branch the bot did not expect leaves one warning with the activity id in the log.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { SEED_DEMO_DATA: 'false' }, captureLog: true });
});
afterAll(() => t.stop());

const tenantId = randomUUID();
const sam: TeamsUser = { tenantId, userId: randomUUID(), name: 'Sam Sender' };
const CHANNEL = { conversationId: '19:general@thread.tacv2;messageid=1', conversationType: 'channel' as const };
/** What Teams puts in the text of a message carrying a card inserted from the message extension. */
const INLINE_CARD = '\n<span class="inline-compose-card" itemid="0" itemtype="http://schema.skype.com/InputExtension">\n  <span content="0" itemprop="cardId"></span>\n</span>\n';
const PILOT_CARD = {
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Weekly team retrospective' }] },
};
const mentionOfBot = { type: 'mention', mentioned: { id: BOT_ID, name: 'Leaderful' }, text: '<at>Leaderful</at>' };

async function send(activity: ReturnType<typeof messageActivity> & Record<string, unknown>) {
  expect((await t.activity(activity)).status).toBe(200);
  return t.connector.received.filter((a) => a.activity.replyToId === activity.id).map((a) => JSON.stringify(a.activity));
}
const warningsFor = (activityId: string) => t.logs.filter((l) => l.level === WARN && l.activityId === activityId);

describe('a card sent from the message extension is not a command', () => {
  test('in a 1:1 chat: no reply, no help card, no warning', async () => {
    const msg = { ...messageActivity(t.connector.url, sam, INLINE_CARD), attachments: [PILOT_CARD] };
    expect(await send(msg)).toEqual([]);
    expect(warningsFor(msg.id)).toEqual([]);
    expect(t.logs.some((l) => l.activityId === msg.id && /only attachments/.test(l.msg))).toBe(true);
  });

  test('in a channel, @mentioning the bot with the card', async () => {
    const msg = { ...messageActivity(t.connector.url, sam, `<at>Leaderful</at> ${INLINE_CARD}`, CHANNEL), attachments: [PILOT_CARD], entities: [mentionOfBot] };
    expect(await send(msg)).toEqual([]);
  });
});

describe('formatted messages are read for their words', () => {
  test('an HTML-formatted command works (Teams adds a text/html copy of it)', async () => {
    const msg = { ...messageActivity(t.connector.url, sam, '<p>my&nbsp;<b>pilots</b></p>'), attachments: [{ contentType: 'text/html', content: '<p>my&nbsp;<b>pilots</b></p>' }] };
    const [reply] = await send(msg);
    expect(reply).toContain('Your pilots');
  });

  test('a channel @mention with markup around the command', async () => {
    const msg = { ...messageActivity(t.connector.url, sam, '<at>Leaderful</at>&nbsp;<div>help</div>', CHANNEL), entities: [mentionOfBot] };
    const [reply] = await send(msg);
    expect(reply).toContain('Here is what I can do');
    expect(reply).not.toContain("didn't understand");
  });

  test('what the bot does not understand is echoed as plain words, never as markup, and logged without the words', async () => {
    const msg = messageActivity(t.connector.url, sam, '<b>frobnicate</b> the <i>widgets</i>');
    const [reply] = await send(msg);
    const [card] = adaptiveCardsIn(JSON.parse(reply));
    const intro = (card.body as { text?: string }[])[0].text;
    expect(intro).toBe('Sorry, I didn\'t understand “frobnicate the widgets”.');
    expect(reply).not.toMatch(/<\/?[bi]>|&lt;\/?[bi]>/);
    const warnings = warningsFor(msg.id);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].msg).toBe('message not understood');
    expect(JSON.stringify(warnings)).not.toContain('frobnicate');
  });
});

describe('unexpected branches leave one warning with the activity id', () => {
  test('a card verb the bot does not know', async () => {
    const act = adaptiveActionActivity(t.connector.url, sam, 'nothing.here', {});
    const res = await t.activity(act);
    expect(JSON.stringify(res.body)).toContain('This button is no longer available');
    expect(warningsFor(act.id)).toEqual([expect.objectContaining({ msg: 'card verb not known', verb: 'nothing.here' })]);
  });

  test('a message-extension command the bot does not know', async () => {
    const act = invokeActivity(t.connector.url, sam, 'composeExtension/fetchTask', { commandId: 'noSuchCommand', commandContext: 'compose' });
    const res = await t.activity(act);
    expect(JSON.stringify(res.body)).toContain('That action is not available yet.');
    expect(warningsFor(act.id)).toEqual([expect.objectContaining({ msg: 'action command not known', commandId: 'noSuchCommand' })]);
  });

  test('an invoke no route answers', async () => {
    const act = invokeActivity(t.connector.url, sam, 'something/unheardOf', {});
    expect((await t.activity(act)).status).toBe(501);
    expect(warningsFor(act.id)).toEqual([expect.objectContaining({ msg: 'invoke not handled', name: 'something/unheardOf' })]);
  });

  test('a check-in card that lost its round', async () => {
    const act = adaptiveActionActivity(t.connector.url, sam, 'checkin.submit', { confidence: '3' });
    const res = await t.activity(act);
    expect(JSON.stringify(res.body)).toContain('This card is missing its check-in.');
    expect(warningsFor(act.id)).toHaveLength(1);
  });
});
