import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/app';
import { messageActivity, type TeamsUser } from '../support/teams';

/**
 * A chosen time zone sticks. Teams sends the device's zone (`localTimezone`) with every message:
 * it is a person's zone until they choose one, and after that only a hint, never an overwrite.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { SEED_DEMO_DATA: 'false' } });
});
afterAll(() => t.stop());

const newPerson = (name: string): TeamsUser => ({ tenantId: randomUUID(), userId: randomUUID(), name });

/** A reply as the person reads it: markdown escapes resolved (Teams shows `New\_York` as New_York), cards as JSON. */
const shown = (a: { text?: string; attachments?: unknown }) => `${String(a.text ?? '').replace(/\\(.)/g, '$1')} ${JSON.stringify(a.attachments ?? [])}`;

/** Sends a 1:1 message from a device in `device`'s zone; the bot's replies to it, as shown. */
async function say(user: TeamsUser, text: string, device?: string): Promise<string[]> {
  const msg = { ...messageActivity(t.connector.url, user, text), ...(device ? { localTimezone: device } : {}) };
  expect((await t.activity(msg)).status).toBe(200);
  return t.connector.received.filter((a) => a.activity.replyToId === msg.id).map((a) => shown(a.activity));
}

const zoneOf = async (user: TeamsUser) => (await t.api('/api/me/preferences', { as: user })).body.preferences.timeZone;

test('a zone chosen in chat beats what the device reports on every later message', async () => {
  const ana = newPerson('Ana Madrid');
  // Until she chooses, check-ins follow her device.
  await say(ana, 'help', 'UTC');
  expect(await zoneOf(ana)).toBe('UTC');

  const [confirmed] = await say(ana, 'time zone Europe/Madrid', 'UTC');
  expect(confirmed).toContain('Your check-ins now follow Europe/Madrid time.');
  expect(confirmed).toContain('Your device says UTC: type “time zone UTC” to follow it instead.');

  // The next messages still carry the device's UTC: the choice stays, and nobody nags her.
  for (const text of ['my pilots', 'help']) {
    const replies = await say(ana, text, 'UTC');
    expect(replies.join()).not.toContain('Your device says');
  }
  expect(await zoneOf(ana)).toBe('Europe/Madrid');

  // She travels: the new device zone is offered once, and does not replace her choice.
  const [hint, answer] = await say(ana, 'help', 'America/New_York');
  expect(hint).toContain('Your check-ins follow Europe/Madrid time, the zone you chose. Your device says America/New_York');
  expect(answer).toContain('Here is what I can do');
  expect((await say(ana, 'help', 'America/New_York')).join()).not.toContain('Your device says');
  expect(await zoneOf(ana)).toBe('Europe/Madrid');

  // Following the device again is a choice like any other.
  await say(ana, 'time zone America/New_York', 'America/New_York');
  expect(await zoneOf(ana)).toBe('America/New_York');
});

test('someone who never chose follows their device as it moves', async () => {
  const ned = newPerson('Ned York');
  await say(ned, 'help', 'America/New_York');
  expect(await zoneOf(ned)).toBe('America/New_York');
  const replies = await say(ned, 'help', 'Europe/London');
  expect(replies.join()).not.toContain('Your device says');
  expect(await zoneOf(ned)).toBe('Europe/London');
  // A device zone that is not a real zone changes nothing.
  await say(ned, 'help', 'Mars/Olympus');
  expect(await zoneOf(ned)).toBe('Europe/London');
});

test('a zone set in the tab preferences is a choice too', async () => {
  const lee = newPerson('Lee London');
  await say(lee, 'help', 'UTC');
  const put = await t.api('/api/me/preferences', { as: lee, method: 'PUT', body: { timeZone: 'Europe/London' } });
  expect(put.status).toBe(200);
  await say(lee, 'my pilots', 'UTC');
  expect(await zoneOf(lee)).toBe('Europe/London');
});
