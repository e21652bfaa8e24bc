import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { escapeFor, feedPreview } from '../../platform/escape';
import { startTestApp, type TestApp } from '../../support/app';
import type { ReceivedActivity } from '../../support/connector';
import { installInGroupChatActivity, invokeActivity, messageActivity, rosterOf, type TeamsUser } from '../../support/teams';
import { printFigures } from './support';

/**
 * Issue 22, class 4: one escaping rule for every surface that renders user text (see
 * platform/escape.ts). The sweep covers what output.test.ts does not: the bot's text replies
 * (Teams renders their markdown), thumbnail previews of message-extension results (Teams renders
 * their HTML) and plain invoke answers, from a running bot whose people, chat, circle, pilot and
 * story carry hostile names; then a source sweep that no reply or preview is built elsewhere.
 */
const HOSTILE = '[Open the ballot](https://evil.example/ballot) <at>Everyone</at> <img src=x> *now* ![x](https://evil.example/p.png)';
const tenantId = randomUUID();
const ivo: TeamsUser = { tenantId, userId: randomUUID(), name: 'Ivo Ito' };
const hana: TeamsUser = { tenantId, userId: randomUUID(), name: `Hana ${HOSTILE}` };
const CHAT = `19:${randomUUID()}@thread.v2`;
const chatId = `team:${CHAT}`;

/** What would render as a live link, image, mention, tag or emphasis in Teams markdown. */
function liveMarkdown(text: string): string[] {
  const found: string[] = [];
  if (/(?<!\\)\]\(/.test(text)) found.push('link');
  if (/<\s*at\b/i.test(text)) found.push('mention');
  if (/<\s*[a-z/!]/i.test(text)) found.push('tag');
  if (/(?<!\\)\*\S/.test(text)) found.push('emphasis');
  return found;
}
/** What HTML (or markdown) would act on in a thumbnail: none of it may be there raw. */
const liveHtml = (text: string) => [...new Set(text.match(/[<>[\]()*`]/g) ?? [])];

let t: TestApp;
const texts: { where: string; text: string; format?: unknown }[] = [];
const previews: { where: string; title: string; text: string }[] = [];

/** A chat message to the bot over HTTP; returns the text replies it got. */
async function say(user: TeamsUser, text: string, where: 'chat' | 'personal' = 'chat'): Promise<ReceivedActivity[]> {
  const m = messageActivity(t.connector.url, user, text, where === 'chat' ? { conversationId: CHAT, conversationType: 'groupChat' } : {});
  expect((await t.activity(m)).status).toBe(200);
  const replies = await t.connector.waitFor((a) => a.activity.replyToId === m.id);
  for (const r of replies) if (typeof r.activity.text === 'string') texts.push({ where: text, text: r.activity.text, format: r.activity.textFormat });
  return replies;
}

/** Every thumbnail preview in an invoke's answer. */
function collectPreviews(where: string, body: unknown): number {
  let n = 0;
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.contentType === 'application/vnd.microsoft.card.thumbnail') {
      const content = o.content as { title?: string; text?: string };
      previews.push({ where, title: String(content.title ?? ''), text: String(content.text ?? '') });
      n++;
    }
    Object.values(o).forEach(walk);
  };
  walk(body);
  return n;
}
const search = (commandId: string, value: string) => t.activity(invokeActivity(t.connector.url, ivo, 'composeExtension/query', { commandId, parameters: [{ name: 'searchQuery', value }], queryOptions: { skip: 0, count: 25 } }));

beforeAll(async () => {
  t = await startTestApp({ env: { SEED_DEMO_DATA: 'false' } });
  t.connector.members = rosterOf(tenantId, [ivo, hana]);
  expect((await t.activity({ ...installInGroupChatActivity(t.connector.url, ivo, { id: CHAT, name: `Chat ${HOSTILE}` }) })).status).toBe(200);
  // A chat has no owners in Teams: an admin names Ivo its manager.
  const admin: TeamsUser = { tenantId, userId: randomUUID(), name: 'Adi Admin', roles: ['admin'] };
  expect((await t.api(`/api/admin/teams/${encodeURIComponent(chatId)}/managers/${ivo.userId}`, { as: admin, method: 'PUT' })).status).toBe(200);
});
afterAll(() => t.stop());

describe('the rule, surface by surface', () => {
  const corpus = [HOSTILE, '<script>alert(1)</script>', '**bold** _it_ `code` ~~s~~', '# heading\n- item\n1. first\n> quote', 'a\u202Eevil\u2066b\u0007c', '=HYPERLINK("https://evil.example")', '&lt;at&gt;x&lt;/at&gt;'];
  test.each(corpus)('%j', (raw) => {
    expect(liveMarkdown(escapeFor('markdown', raw))).toEqual([]);
    expect(liveHtml(escapeFor('html', raw))).toEqual([]);
    expect(escapeFor('html', raw)).not.toMatch(/&(?!#\d+;)/); // every & starts an entity we made
    expect(escapeFor('plain', raw)).not.toMatch(/[\u0000-\u0008\u202A-\u202E\u2066-\u2069]/);
    expect(escapeFor('csv', raw)).toMatch(/^"(?![=+\-@])/);
    expect(feedPreview(raw.repeat(20))).not.toMatch(/[\n\u202E]/);
    expect(feedPreview(raw.repeat(20)).length).toBeLessThanOrEqual(150);
  });
});

describe('a running bot: text replies, thumbnails and plain answers', () => {
  test('chat replies carry hostile names as text', async () => {
    const started = await t.api('/api/circles', { as: ivo, body: { teamId: chatId, name: `Circle ${HOSTILE}`.slice(0, 80) } });
    expect(started.status).toBe(201);
    await say(hana, 'join circle');
    await say(ivo, 'nominate Hana');
    await say(ivo, `nominate ${HOSTILE}`);
    await say(hana, 'close election'); // a refusal: worded by the pipeline, sent as text
    await say(hana, 'leave circle');
    await say(ivo, 'start circle', 'personal');
    expect(texts.length).toBeGreaterThanOrEqual(6);
    expect(texts.filter((x) => x.text.includes('\\[Open the ballot\\]')).length).toBeGreaterThanOrEqual(4); // the names did arrive
    expect(texts.filter((x) => x.format !== 'markdown')).toEqual([]);
    expect(texts.map((x) => ({ where: x.where, live: liveMarkdown(x.text) })).filter((x) => x.live.length)).toEqual([]);
  });

  test('search, unfurl and kudos previews are HTML-escaped; a private kudos answer is plain text', async () => {
    const pilot = await t.api('/api/pilots', { as: ivo, body: { title: `Pilot ${HOSTILE}`.slice(0, 120), hypothesis: 'A hostile title stays text everywhere.', successMeasures: ['Nothing renders'], teamId: chatId, startDate: '2027-01-04', endDate: '2027-02-26' } });
    expect(pilot.status).toBe(201);
    const id = pilot.body.pilot.id as string;
    await t.api(`/api/pilots/${encodeURIComponent(id)}/launch`, { as: ivo, method: 'POST' });
    await t.api(`/api/pilots/${encodeURIComponent(id)}/close`, { as: ivo, body: { outcome: 'adapted', learning: 'It needed changes.' } });
    const story = await t.api('/api/stories', { as: ivo, body: { pilotId: id, tried: `We tried ${HOSTILE}`, happened: 'People noticed the odd title.', change: 'Nothing.' } });
    expect(story.status).toBe(201);
    let n = 0;
    n += collectPreviews('findPilots', (await search('findPilots', 'Pilot')).body);
    n += collectPreviews('findStories', (await search('findStories', '')).body);
    n += collectPreviews('unfurl', (await t.activity(invokeActivity(t.connector.url, ivo, 'composeExtension/queryLink', { url: `https://leaderful.test/pilots/${encodeURIComponent(id)}` }))).body);
    const inChat = { conversationId: CHAT, conversationType: 'groupChat' };
    n += collectPreviews('kudos', (await t.activity(invokeActivity(t.connector.url, ivo, 'composeExtension/submitAction', { commandId: 'giveKudos', data: { toUserId: hana.userId, message: 'Thanks!', visibility: 'team', requestId: randomUUID() } }, inChat))).body);
    expect(n).toBeGreaterThanOrEqual(4);
    expect(previews.filter((p) => `${p.title} ${p.text}`.includes('&#91;Open the ballot&#93;')).length).toBeGreaterThanOrEqual(4);
    expect(previews.map((p) => ({ where: p.where, live: liveHtml(`${p.title} ${p.text}`) })).filter((p) => p.live.length)).toEqual([]);

    await t.app.domain.directory.updateMember(tenantId, hana.userId, (m) => ({ ...m, name: 'Hana\u202Eevil\u2066' }));
    const plain = await t.activity(invokeActivity(t.connector.url, ivo, 'composeExtension/submitAction', { commandId: 'giveKudos', data: { toUserId: hana.userId, message: 'Thanks again!', visibility: 'private', requestId: randomUUID() } }));
    expect(plain.body.task).toMatchObject({ type: 'message', value: expect.stringContaining('Hanaevil') });
    printFigures('Escaping sweep (issue 22)', { 'text replies checked': texts.length, 'thumbnail previews checked': previews.length, 'with live markup': 0 });
  });
});

describe('no surface bypasses the rule (source sweep)', () => {
  const root = path.resolve(__dirname, '../..');
  const sources = (readdirSync(path.join(root, 'bot'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => ({ file: `bot/${f}`, text: readFileSync(path.join(root, 'bot', f), 'utf8') }));

  test('text messages are sent only as textMessage(…); cards only as cards', () => {
    const calls = sources.flatMap(({ file, text }) => [...text.matchAll(/sendActivity\(([^)]{0,40})/g)].map((m) => `${file}: ${m[1]}`));
    expect(calls.length).toBeGreaterThan(3);
    expect(calls.filter((c) => !/: (textMessage\(|MessageFactory\.attachment\(|activity$)/.test(c))).toEqual([]);
  });

  test('thumbnail previews and plain invoke answers are built in one place each', () => {
    expect(sources.filter((s) => s.text.includes('card.thumbnail')).map((s) => s.file)).toEqual(['bot/app/message-extension.ts']);
    expect(sources.filter((s) => /composeExtension: \{ type: 'message'|task: \{ type: 'message'|activity\.message'/.test(s.text)).map((s) => s.file)).toEqual(['bot/app/responses.ts']);
  });
});
