import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { feedbackFetchTask, feedbackNotificationCard, feedbackSubmitAction, handleFeedbackAction, submitFeedbackForm } from '../bot/feedback';
import { weekOf } from '../domain/anonymity';
import { ManualClock } from '../domain/shared/clock';
import { DEMO_TENANT_ID } from '../domain/demo';
import type { Caller } from '../domain/shared/caller';
import type { FeedbackItem } from '../domain/feedback';
import type { Pilot } from '../domain/pilots';
import type { OutboxItem } from '../domain/outbox';
import { demoUser, startTestApp, type TestApp } from '../support/app';
import { groupName, word } from '../i18n';
import { adaptiveCardsIn, cardProblems } from './helpers/cards';
import { adaptiveActionActivity, invokeActivity, messageActivity, type TeamsUser } from '../support/teams';

/**
 * Feedback loops over real HTTP: giving feedback, the owner's side (acknowledge, reply, "you said,
 * we did", close), the contributor's de-identified thread, and everything that must be refused.
 */
const DAY = 86_400_000;
const sam = demoUser('Sam'); // member of team:demo-ops, manager Morgan
const riley = demoUser('Riley'); // member of team:demo-ops
const morgan = demoUser('Morgan'); // manager of team:demo-ops
const jordan = demoUser('Jordan'); // manager of team:demo-care
const avery = demoUser('Avery'); // senior leader
const alex = demoUser('Alex'); // admin + leader
const priya = demoUser('Priya'); // manager of team:demo-eng
const outsider: TeamsUser = { tenantId: randomUUID(), userId: randomUUID(), name: 'Eve Outsider' };

const source = (file: string) => {
  try {
    return readFileSync(path.join(__dirname, '..', file), 'utf8');
  } catch {
    return '';
  }
};
const botSources = ['bot/index.ts', 'bot/feedback/routes.ts', 'bot/delivery/cards.ts', 'server/app.ts', 'server/background.ts'].map(source).join('\n');
/** Tests of the lead's wiring run once it exists; until then they are listed as todo. */
function whenWired(wired: boolean, name: string, fn: () => Promise<void>) {
  if (wired) test(name, fn);
  else test.todo(`${name} — waiting for the wiring in bot/`);
}
const WIRED = {
  actions: /['"]feedback\.['"]/.test(botSources) && botSources.includes('handleFeedbackAction'),
  chat: botSources.includes('feedbackCommand'),
  extension: botSources.includes('feedbackFetchTask') && botSources.includes('feedbackSubmitAction'),
  cards: botSources.includes('feedbackNotificationCard'),
};

const clock = new ManualClock(new Date('2026-03-04T10:00:00Z')); // a Wednesday
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock, env: { RATE_LIMIT_FEEDBACK_PER_HOUR: '10000' } });
});
afterAll(() => t.stop());

const give = (as: TeamsUser, body: Record<string, unknown>, headers: Record<string, string> = {}) => t.api('/api/feedback', { as, body, headers });
const act = (as: TeamsUser, id: string, action: string, body?: unknown, headers: Record<string, string> = {}) =>
  t.api(`/api/feedback/${encodeURIComponent(id)}/${action}`, { as, method: 'POST', body, headers });
const inbox = async (as: TeamsUser) => (await t.api('/api/feedback/inbox', { as })).body.items as any[];
const mine = async (as: TeamsUser) => (await t.api('/api/feedback/mine', { as })).body.items as any[];
const stored = (id: string) => t.app.store.read<FeedbackItem>('feedback', DEMO_TENANT_ID, id);
const outboxFor = (id: string) =>
  t.app.store.all<OutboxItem>('outbox', DEMO_TENANT_ID, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND c.data.feedbackId = @id", { id });
const pilot = (id: string) => t.app.store.read<Pilot>('pilots', DEMO_TENANT_ID, id);
const callerOf = (u: TeamsUser): Promise<Caller> => t.app.domain.directory.resolveCaller(u.tenantId, u.userId, u.name);
const nextWeek = () => clock.advance(7 * DAY);
/** Moves the clock to the daily batch that carries an anonymous item's waiting contributor steps, and runs it. */
async function runBatch(id: string): Promise<void> {
  const batch = (await stored(id))!.pending!.at(-1)!.batch;
  clock.set(batch);
  await t.app.domain.feedback.deliverBatches(DEMO_TENANT_ID);
}

function expectValidCards(value: unknown) {
  const cards = adaptiveCardsIn(value);
  expect(cards.length).toBeGreaterThan(0);
  for (const c of cards) expect(cardProblems(c)).toEqual([]);
  return cards;
}

describe('the loop over HTTP', () => {
  test('named feedback: from a member to their manager and back, state by state', async () => {
    const before = (await pilot('pilot:demo-facilitator'))!.health.openFeedback;
    const created = await give(sam, { audience: 'manager', topic: 'workload', text: 'The rota clashes with the Monday queue peak.', anonymous: false, pilotId: 'pilot:demo-facilitator' });
    expect(created.status).toBe(201);
    const item = created.body.item;
    expect(item).toMatchObject({ audience: 'manager', anonymous: false, state: 'open', sentTo: { to: 'manager', name: 'Morgan Lee' }, shownAs: { as: 'named' }, pilot: { id: 'pilot:demo-facilitator', title: 'Rotate who runs our Monday stand-up' } });
    expect(item.createdWeek).toBe('2026-03-02');
    expect(item.dueDate).toBe('2026-03-16');
    // Named items about a pilot count in its health at once.
    expect((await pilot('pilot:demo-facilitator'))!.health.openFeedback).toBe(before + 1);

    // Morgan sees it with Sam's name straight away; nobody else has it in their inbox.
    const seen = (await inbox(morgan)).find((i) => i.id === item.id);
    expect(seen).toMatchObject({ from: { name: 'Sam Taylor', team: 'Operations — Service Desk' }, state: 'open', canAct: true });
    for (const other of [jordan, avery, riley, sam]) expect((await inbox(other)).map((i) => i.id)).not.toContain(item.id);

    const ack = await act(morgan, item.id, 'acknowledge', { note: 'Thanks, I see it too.' });
    expect(ack.status).toBe(200);
    expect(ack.body.item.state).toBe('acknowledged');
    expect((await pilot('pilot:demo-facilitator'))!.health.openFeedback).toBe(before);
    expect((await act(morgan, item.id, 'acknowledge')).status).toBe(200); // a retry is harmless

    const reply = await act(morgan, item.id, 'reply', { text: 'Shall we move the stand-up to 10:30?' });
    expect(reply.status).toBe(200);

    // Notifications to a named contributor go to them as a user.
    const queued = await outboxFor(item.id);
    expect(queued.map((o) => o.kind).sort()).toEqual(['feedback_reply', 'feedback_update']);
    expect(queued.every((o) => o.target.kind === 'user' && (o.target as { userId: string }).userId === sam.userId)).toBe(true);
    expect(queued.find((o) => o.kind === 'feedback_reply')!.data).toMatchObject({ message: 'Shall we move the stand-up to 10:30?', fromName: 'Morgan Lee' });

    // Sam sees the thread and answers back.
    const mineNow = (await mine(sam)).find((i) => i.id === item.id);
    expect(mineNow.entries.map((e: any) => [e.from, e.kind, e.text])).toEqual([
      ['owner', 'acknowledged', 'Thanks, I see it too.'],
      ['owner', 'reply', 'Shall we move the stand-up to 10:30?'],
    ]);
    expect((await act(sam, item.id, 'respond', { text: 'Yes, 10:30 works.' })).status).toBe(200);

    const noNote = await act(morgan, item.id, 'act', {});
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.fields.map((f: any) => f.field)).toEqual(['note']);
    const acted = await act(morgan, item.id, 'act', { note: 'You said the rota clashed with the peak; we moved stand-up to 10:30.' });
    expect(acted.status).toBe(200);
    expect(acted.body.item.state).toBe('acted');
    expect(acted.body.item.entries.at(-2)).toMatchObject({ from: 'contributor', text: 'Yes, 10:30 works.' });

    const confirmed = await act(sam, item.id, 'confirm', { closed: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.item.state).toBe('closed');
    expect((await t.api(`/api/feedback/${encodeURIComponent(item.id)}`, { as: morgan })).body.item).toMatchObject({ state: 'closed', contributorVerdict: 'closed' });
  });

  test('anonymous feedback to senior leaders: held until the week ends, shown without its author, answered through a contact', async () => {
    const created = await give(sam, { audience: 'leaders', topic: 'autonomy', text: 'Decisions about our rota are made without us.', anonymous: true, pilotId: 'pilot:demo-facilitator' });
    expect(created.status).toBe(201);
    const item = created.body.item;
    expect(item).toMatchObject({ anonymous: true, sentTo: { to: 'leaders' }, shownAs: { as: 'group', group: { level: 'team', name: 'Operations — Service Desk' } }, visibleFrom: '2026-03-09', rerouted: false });

    // The stored item names nobody; the only link is the contact.
    const doc = (await stored(item.id))!;
    expect(JSON.stringify(doc)).not.toContain(sam.userId);
    expect(JSON.stringify(doc)).not.toContain('Sam');
    expect(doc).not.toHaveProperty('authorId');
    expect((await t.app.store.read<any>('contacts', DEMO_TENANT_ID, `contact:${item.id}`))!.userId).toBe(sam.userId);

    // Not yet: the week it was written in has not ended.
    expect((await inbox(avery)).map((i) => i.id)).not.toContain(item.id);
    expect((await t.api(`/api/feedback/${encodeURIComponent(item.id)}`, { as: avery })).status).toBe(404);
    expect((await act(avery, item.id, 'reply', { text: 'Too early' })).status).toBe(404);

    nextWeek();
    const seen = (await inbox(avery)).find((i) => i.id === item.id);
    expect(seen).toMatchObject({ anonymous: true, from: { group: { level: 'team', name: 'Operations — Service Desk' } }, topic: 'autonomy', state: 'open', createdWeek: '2026-03-02' });
    expect(JSON.stringify(seen)).not.toContain(sam.userId);
    expect(JSON.stringify(seen)).not.toContain('Sam');
    // Every senior leader sees leader items; managers and members do not.
    expect((await inbox(alex)).map((i) => i.id)).toContain(item.id);
    for (const other of [morgan, jordan, riley]) expect((await inbox(other)).map((i) => i.id)).not.toContain(item.id);

    const reply = await act(avery, item.id, 'reply', { text: 'Thank you. What decision would you like the team to own?' });
    expect(reply.status).toBe(200);
    expect(reply.body.item.owner).toMatchObject({ id: avery.userId, name: 'Avery Okafor' });

    // The reply is queued to the contact, and the outbox names nobody.
    const [queued] = await outboxFor(item.id);
    expect(queued).toMatchObject({ kind: 'feedback_reply', target: { kind: 'contact', feedbackId: item.id } });
    expect(JSON.stringify(queued)).not.toContain(sam.userId);
    expect(JSON.stringify(queued)).not.toContain('Sam Taylor');

    // Sam answers back in the de-identified thread; Avery sees "contributor", nothing more.
    expect((await mine(sam)).find((i) => i.id === item.id).entries.at(-1)).toMatchObject({ from: 'owner', name: 'Avery Okafor' });
    expect((await act(sam, item.id, 'respond', { text: 'The rota order, please.' })).status).toBe(200);
    // Not live: it reaches Avery with the day's batch, so Avery never learns when Sam wrote.
    expect((await inbox(avery)).find((i) => i.id === item.id).entries.at(-1)).toMatchObject({ from: 'owner' });
    expect((await mine(sam)).find((i) => i.id === item.id).entries.at(-1)).toMatchObject({ from: 'contributor', text: 'The rota order, please.', pending: true });
    await runBatch(item.id);
    const thread = (await inbox(avery)).find((i) => i.id === item.id);
    expect(thread.entries.at(-1)).toEqual({ from: 'contributor', kind: 'reply', text: 'The rota order, please.', week: '2026-03-09' });

    // "You said, we did", then the contributor says it is not really closed, then that it is.
    expect((await act(alex, item.id, 'act', { note: 'You said the rota was imposed; the team now sets the order.' })).status).toBe(200);
    const notYet = await act(sam, item.id, 'confirm', { closed: false, text: 'Only for this month so far.' });
    expect(notYet.body.item).toMatchObject({ state: 'acknowledged', canConfirm: false });
    expect((await inbox(avery)).find((i) => i.id === item.id)).toMatchObject({ state: 'acted' });
    await runBatch(item.id);
    expect((await inbox(avery)).find((i) => i.id === item.id)).toMatchObject({ state: 'acknowledged', contributorVerdict: 'not_closed' });
    expect((await act(avery, item.id, 'act', { note: 'The team sets the rota order for good.' })).status).toBe(200);
    expect((await act(sam, item.id, 'confirm', { closed: true })).body.item.state).toBe('closed');

    // Every update reached the contact and only the contact.
    const all = await outboxFor(item.id);
    expect(all.length).toBe(3);
    expect(all.every((o) => o.target.kind === 'contact')).toBe(true);
  });

  test('anonymous feedback to a manager of a big enough team reaches that manager, as coming from the team', async () => {
    const created = await give(riley, { audience: 'manager', topic: 'support', text: 'I need more time for training.', anonymous: true });
    expect(created.body.item).toMatchObject({ sentTo: { to: 'manager', name: 'Morgan Lee' }, shownAs: { as: 'group', group: { level: 'team', name: 'Operations — Service Desk' } }, rerouted: false });
    expect((await inbox(morgan)).map((i) => i.id)).not.toContain(created.body.item.id);
    nextWeek();
    expect((await inbox(morgan)).find((i) => i.id === created.body.item.id)).toMatchObject({ from: { group: { level: 'team', name: 'Operations — Service Desk' } }, canAct: true });
    expect((await inbox(avery)).map((i) => i.id)).not.toContain(created.body.item.id);
  });

  test('the owner digest: one per owner per week, counts only', async () => {
    const queued = await t.app.domain.feedback.queueDigests(DEMO_TENANT_ID);
    expect(queued).toBeGreaterThan(0);
    const again = await t.app.domain.feedback.queueDigests(DEMO_TENANT_ID);
    expect(again).toBe(0);
    const digests = await t.app.store.all<OutboxItem>('outbox', DEMO_TENANT_ID, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND c.kind = 'feedback_digest'");
    const forMorgan = digests.filter((d) => (d.target as { userId?: string }).userId === morgan.userId);
    expect(forMorgan).toHaveLength(1);
    expect(forMorgan[0].data).toMatchObject({ waiting: expect.any(Number), open: expect.any(Number) });
    // Counts and topics only: no feedback text in a notification.
    expect(JSON.stringify(digests)).not.toContain('training');
    expect(JSON.stringify(digests)).not.toContain('retro actions');
    expectValidCards(feedbackNotificationCard('feedback_digest', forMorgan[0].data, { publicUrl: 'https://leaderful.test' }));
  });

  test('a retried POST with the same Idempotency-Key creates one item', async () => {
    const key = randomUUID();
    const body = { audience: 'leaders', topic: 'recognition', text: 'Please thank the night shift.', anonymous: true };
    const first = await give(riley, body, { 'idempotency-key': key });
    const second = await give(riley, body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.item.id).toBe(first.body.item.id);
    expect((await mine(riley)).filter((i) => i.text === 'Please thank the night shift.')).toHaveLength(1);
  });
});

describe('refused: the wrong person, bad input, closed items', () => {
  let named: string;
  let anonymous: string;
  beforeAll(async () => {
    named = (await give(sam, { audience: 'manager', topic: 'practice', text: 'Keep the rota!', anonymous: false })).body.item.id;
    anonymous = (await give(sam, { audience: 'manager', topic: 'practice', text: 'The rota is unfair.', anonymous: true })).body.item.id;
    nextWeek();
  });

  test('state changes by anyone but the owner are refused, and change nothing', async () => {
    for (const id of [named, anonymous]) {
      const before = await stored(id);
      for (const who of [riley, jordan, priya, avery, alex]) {
        for (const [action, body] of [['acknowledge', {}], ['act', { note: 'Hijack' }], ['close', {}], ['reply', { text: 'Hijack' }]] as const) {
          const res = await act(who, id, action, body);
          expect([who.name, action, res.status]).toEqual([who.name, action, 404]);
          expect(res.body.error.message).toBe('That feedback item was not found.');
        }
      }
      // The contributor is told plainly that it is not theirs to change.
      expect((await act(sam, id, 'acknowledge', {})).status).toBe(403);
      expect((await act(outsider, id, 'acknowledge', {})).status).toBe(404);
      expect(await stored(id)).toEqual(before);
    }
  });

  test('the contributor side is the contributor\'s alone', async () => {
    for (const id of [named, anonymous]) {
      const before = await stored(id);
      for (const who of [morgan, riley, avery, outsider]) {
        expect((await act(who, id, 'respond', { text: 'Pretending to be the author' })).status).toBe(404);
        expect((await act(who, id, 'confirm', { closed: true })).status).toBe(404);
      }
      expect(await stored(id)).toEqual(before);
    }
  });

  test.each([
    ['empty text', { text: '' }, 'text', /must not be empty/],
    ['blank text', { text: '   \n  ' }, 'text', /must not be empty/],
    ['oversized text', { text: 'x'.repeat(2001) }, 'text', /at most 2000/],
    ['a script tag', { text: 'Hello <script>alert(1)</script>' }, 'text', /plain text/],
    ['an HTML tag with a handler', { text: '<img src=x onerror=alert(1)>' }, 'text', /plain text/],
    ['a javascript: link', { text: 'Look at javascript:alert(1)' }, 'text', /plain text/],
    ['control characters', { text: 'bell\u0007' }, 'text', /control characters/],
    ['an unknown topic', { topic: 'gossip' }, 'topic', /must be one of/],
    ['an unknown audience', { audience: 'everyone' }, 'audience', /manager or leaders/],
    ['anonymous missing', { anonymous: undefined }, 'anonymous', /required/],
    ['anonymous as text', { anonymous: 'yes' }, 'anonymous', /true or false/],
    ['a malformed pilot id', { pilotId: 'pilot:<x>' }, 'pilotId', /valid id/],
    ['an unknown field', { sneaky: 1 }, 'body', /Unrecognized key/],
  ])('%s gets a 400 naming the field', async (_name, change, field, message) => {
    const body: Record<string, unknown> = { audience: 'manager', topic: 'workload', text: 'Fine text', anonymous: false, ...change };
    for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
    const before = (await mine(sam)).length;
    const res = await give(sam, body);
    expect(res.status).toBe(400);
    const problem = res.body.error.fields.find((f: any) => f.field === field);
    expect(problem.message).toMatch(message);
    expect((await mine(sam)).length).toBe(before);
  });

  test('text is plain text: markdown and angle brackets are kept as written, never rendered', async () => {
    const text = 'If a < b and c > d, **we** should [talk](https://evil.example) <at>Everyone</at>';
    const res = await give(sam, { audience: 'manager', topic: 'other', text: 'If a < b and c > d, **we** should [talk](https://evil.example)', anonymous: false });
    expect(res.status).toBe(201);
    expect(res.body.item.text).toBe('If a < b and c > d, **we** should [talk](https://evil.example)');
    expect((await give(sam, { audience: 'manager', topic: 'other', text, anonymous: false })).status).toBe(400); // <at>…</at> is a tag
    const card = JSON.stringify(feedbackNotificationCard('feedback_reply', { feedbackId: res.body.item.id, excerpt: res.body.item.text, message: '<b>hi</b> [x](https://evil.example)', fromName: 'Morgan Lee', state: 'acknowledged', topic: 'other' }));
    expect(card).not.toContain('[talk](https://evil.example)');
    expect(card).not.toContain('<b>');
  });

  test('a pilot the contributor cannot see is not found; a member with no manager cannot address one', async () => {
    const res = await give(sam, { audience: 'manager', topic: 'practice', text: 'About the retro', anonymous: false, pilotId: 'pilot:demo-retro' });
    expect(res.status).toBe(404);
    // The chief executive is at the top of the organisation (from the directory sync).
    const ceo = { tenantId: avery.tenantId, userId: '00000000-0000-4000-8000-000000000006', name: 'Dana Whitfield' };
    const noManager = await give(ceo, { audience: 'manager', topic: 'practice', text: 'To my manager', anonymous: false });
    expect(noManager.status).toBe(400);
    expect(noManager.body.error.fields).toEqual([{ field: 'audience', code: 'feedback.no_manager', params: {}, message: expect.stringMatching(/no manager/) }]);
  });

  test('replies to closed items, and notes on them, get a clear 409 and change nothing', async () => {
    expect((await act(morgan, named, 'acknowledge', {})).status).toBe(200);
    expect((await act(morgan, named, 'close', { note: 'We keep the rota.' })).status).toBe(200);
    const before = await stored(named);
    const owner = await act(morgan, named, 'reply', { text: 'One more thing' });
    expect(owner.status).toBe(409);
    expect(owner.body.error.message).toBe('This feedback item is closed. Replies are no longer possible.');
    expect((await act(sam, named, 'respond', { text: 'One more thing' })).status).toBe(409);
    expect((await act(morgan, named, 'act', { note: 'Late' })).status).toBe(409);
    expect(await stored(named)).toEqual(before);
  });

  test('oversized and script-bearing replies and notes are refused and change nothing', async () => {
    const before = await stored(anonymous);
    for (const [who, action, body] of [
      [morgan, 'reply', { text: 'x'.repeat(2001) }],
      [morgan, 'reply', { text: '<script>x</script>' }],
      [morgan, 'act', { note: '' }],
      [morgan, 'acknowledge', { dueDate: '2020-01-01' }],
      [morgan, 'acknowledge', { dueDate: '2026-02-30' }],
      [sam, 'respond', { text: '' }],
      [sam, 'confirm', { closed: 'yes' }],
    ] as const) {
      const res = await act(who, anonymous, action, body);
      expect([action, res.status]).toEqual([action, 400]);
      expect(res.body.error.fields.length).toBeGreaterThan(0);
    }
    expect(await stored(anonymous)).toEqual(before);
  });

  test.each([
    ['too low', { anonymityThreshold: 2 }, /at least 3/],
    ['too high', { anonymityThreshold: 26 }, /at most 25/],
    ['not whole', { anonymityThreshold: 5.5 }, /whole number/],
    ['text', { anonymityThreshold: '5' }, /whole number/],
    ['missing', {}, /required/],
  ])('a threshold %s is refused with 400', async (_name, body, message) => {
    const before = await t.app.store.read<any>('directory', DEMO_TENANT_ID, 'settings');
    const res = await t.api('/api/settings/anonymity', { as: alex, method: 'PUT', body });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toMatchObject({ field: 'anonymityThreshold', message: expect.stringMatching(message) });
    expect(await t.app.store.read<any>('directory', DEMO_TENANT_ID, 'settings')).toEqual(before);
  });

  test('only admins change the threshold', async () => {
    for (const who of [avery, morgan, sam]) expect((await t.api('/api/settings/anonymity', { as: who, method: 'PUT', body: { anonymityThreshold: 3 } })).status).toBe(403);
    const ok = await t.api('/api/settings/anonymity', { as: alex, method: 'PUT', body: { anonymityThreshold: 6 } });
    expect(ok.body).toEqual({ anonymityThreshold: 6, min: 3, max: 25 });
    expect((await t.api('/api/me', { as: sam })).body.tenant.anonymityThreshold).toBe(6);
    expect((await t.api('/api/settings/anonymity', { as: alex, method: 'PUT', body: { anonymityThreshold: 5 } })).status).toBe(200);
  });

  test('summaries, exports and signals are for senior leaders and admins', async () => {
    for (const url of ['/api/feedback/summary', '/api/feedback/export.csv', '/api/signals']) {
      expect((await t.api(url, { as: sam })).status).toBe(403);
      expect((await t.api(url, { as: morgan })).status).toBe(403);
      expect((await t.api(url, { as: avery })).status).toBe(200);
    }
    expect((await t.api('/api/feedback/summary?teamId=team:nope', { as: avery })).status).toBe(404);
    expect((await t.api('/api/feedback/summary?weeks=99', { as: avery })).body.error.fields[0].field).toBe('weeks');
    expect((await t.api('/api/feedback/summary?bogus=1', { as: avery })).status).toBe(400);
    const malformed = await t.api('/api/feedback/%25ZZ', { as: avery });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('validation');
  });
});

describe('leader views', () => {
  test('signals explain themselves: neglected feedback and check-in trends from the demo', async () => {
    const res = await t.api('/api/signals', { as: avery });
    expect(res.status).toBe(200);
    const kinds = res.body.signals.map((s: any) => `${s.kind}:${groupName('en', s.group.label)}`);
    expect(kinds).toEqual(expect.arrayContaining(['neglected_feedback:Customer Care — Americas']));
    for (const s of res.body.signals) {
      expect(word('en', s.code, { ...s.params, group: s.group.label }).length).toBeGreaterThan(20);
      expect(s.figures).toBeDefined();
    }
  });

  test('the summary counts closed weeks only, per group', async () => {
    const res = await t.api('/api/feedback/summary', { as: avery });
    expect(res.status).toBe(200);
    expect(res.body.threshold).toBe(5);
    expect(res.body.period.to).toBe(weekOf(clock.now())); // the current week is not counted until it ends
    const labels = res.body.groups.map((g: any) => groupName('en', g.label));
    expect(labels).toEqual(expect.arrayContaining(['Operations — Service Desk', 'Customer Care — Americas']));
    const sum = res.body.groups.reduce((n: number, g: any) => n + g.counts.total, 0);
    expect(sum).toBe(res.body.total.total);
    const csv = await t.api('/api/feedback/export.csv', { as: avery });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe('"period_from","period_to","group_level","group","measure","value","count"');
  });
});

describe('feedback from Teams', () => {
  test('the inline form and the message-extension dialog send feedback, privately', async () => {
    const samCaller = await callerOf(sam);
    const fetched = await feedbackFetchTask(t.app.domain, samCaller, { commandId: 'sendFeedback', messagePayload: { body: { contentType: 'html', content: '<p>Stand-up ran <b>40 minutes</b> again.</p>' } } } as any);
    const [form] = expectValidCards(fetched);
    expect((form.body as any[]).find((e) => e.id === 'text').value).toBe('Stand-up ran 40 minutes again.');
    const requestId = (form.actions as any[])[0].data.requestId;

    const bad = await feedbackSubmitAction(t.app.domain, samCaller, { commandId: 'sendFeedback', data: { requestId, audience: 'manager', topic: 'workload', text: '', anonymous: 'true' } } as any);
    expect((bad as any).task.type).toBe('continue');
    expect(JSON.stringify(expectValidCards(bad))).toContain('Must not be empty.');

    const data = { requestId, audience: 'manager', topic: 'workload', text: 'Stand-up ran 40 minutes again.', pilotId: 'none', anonymous: 'true' };
    const ok = await feedbackSubmitAction(t.app.domain, samCaller, { commandId: 'sendFeedback', data } as any);
    expect(ok).toEqual({ task: { type: 'message', value: expect.stringMatching(/^Sent anonymously to your manager\. They will see it from the week of \d{4}-\d{2}-\d{2}\./) } });
    expect(JSON.stringify(ok)).not.toContain('composeExtension');
    await feedbackSubmitAction(t.app.domain, samCaller, { commandId: 'sendFeedback', data } as any); // Teams retries
    expect((await mine(sam)).filter((i) => i.text === 'Stand-up ran 40 minutes again.')).toHaveLength(1);

    const inline = await submitFeedbackForm(t.app.domain, samCaller, { requestId: randomUUID(), audience: 'leaders', topic: 'support', text: 'More coaching, please.', pilotId: 'pilot:demo-facilitator', anonymous: 'false' });
    expect(inline.ok).toBe(true);
    const [sent] = expectValidCards(inline.card);
    expect(JSON.stringify(sent)).toContain('Senior leaders');
  });

  test('the contributor answers from the card; someone else clicking the same card gets nothing', async () => {
    const samCaller = await callerOf(sam);
    const created = await give(sam, { audience: 'leaders', topic: 'workload', text: 'Too many meetings on Mondays.', anonymous: true });
    const id = created.body.item.id;
    nextWeek();
    await act(avery, id, 'reply', { text: 'Which ones could go?' });
    const [note] = (await outboxFor(id)).filter((o) => o.kind === 'feedback_reply');
    const [card] = expectValidCards(feedbackNotificationCard(note.kind, note.data));
    expect(JSON.stringify(card)).toContain('Which ones could go?');
    expect(JSON.stringify(card)).toContain('Your name is not shown to anyone');
    const replyAction = (card.actions as any[]).find((a) => a.verb === 'feedback.reply');
    expect(card.version).toBe('1.5');

    const answered = await handleFeedbackAction(t.app.domain, samCaller, 'feedback.reply', { ...replyAction.data, replyText: 'The status one.' });
    expect(JSON.stringify(expectValidCards(answered))).toContain('Sent, without your name.');
    await handleFeedbackAction(t.app.domain, samCaller, 'feedback.reply', { ...replyAction.data, replyText: 'The status one.' }); // retried invoke
    expect((await stored(id))!.pending!.filter((r) => r.text === 'The status one.')).toHaveLength(1);
    await runBatch(id);
    expect((await stored(id))!.replies.filter((r) => r.text === 'The status one.')).toHaveLength(1);

    const morganCaller = await callerOf(morgan);
    const hijack = await handleFeedbackAction(t.app.domain, morganCaller, 'feedback.reply', { ...replyAction.data, replyText: 'I am the author' });
    expect(JSON.stringify(hijack)).toContain('This feedback item is no longer available.');
    expect(JSON.stringify(await stored(id))).not.toContain('I am the author');

    const empty = await handleFeedbackAction(t.app.domain, samCaller, 'feedback.reply', { ...replyAction.data, replyText: '' });
    expect(JSON.stringify(empty)).toContain('Write your reply first.');
    const script = await handleFeedbackAction(t.app.domain, samCaller, 'feedback.reply', { ...replyAction.data, replyText: '<script>x</script>' });
    expect(JSON.stringify(script)).toContain('must be plain text');

    await act(avery, id, 'act', { note: 'We cancelled the Monday status meeting.' });
    const closed = await handleFeedbackAction(t.app.domain, samCaller, 'feedback.confirmClosed', { feedbackId: id });
    expect(JSON.stringify(expectValidCards(closed))).toContain('This item is now closed.');
    const late = await handleFeedbackAction(t.app.domain, samCaller, 'feedback.reply', { feedbackId: id, replyText: 'Late reply' });
    expect(JSON.stringify(late)).toContain('closed');
  });

  whenWired(WIRED.chat, 'chat: "feedback" posts the form in a 1:1, and never in a channel', async () => {
    const ask = messageActivity(t.connector.url, riley, 'feedback');
    await t.activity(ask);
    const [reply] = await t.connector.waitFor((a) => a.activity.replyToId === ask.id);
    const [form] = expectValidCards(reply.activity);
    expect((form.actions as any[])[0]).toMatchObject({ type: 'Action.Execute', verb: 'feedback.submit' });

    const inChannel = messageActivity(t.connector.url, riley, 'feedback', { conversationType: 'channel', conversationId: '19:ops@thread.tacv2' });
    await t.activity(inChannel);
    const [text] = await t.connector.waitFor((a) => a.activity.replyToId === inChannel.id);
    expect(adaptiveCardsIn(text.activity)).toEqual([]);
    expect(String(text.activity.text)).toMatch(/1:1 chat/);
  });

  whenWired(WIRED.actions, 'Universal Actions: feedback.submit over /api/messages answers with the confirmation card', async () => {
    const res = await t.activity(adaptiveActionActivity(t.connector.url, riley, 'feedback.submit', { requestId: randomUUID(), audience: 'leaders', topic: 'recognition', text: 'Shout-out to the desk.', pilotId: 'none', anonymous: 'true' }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(expectValidCards(res.body))).toContain('Sent anonymously');
    expect((await mine(riley)).map((i) => i.text)).toContain('Shout-out to the desk.');
  });

  whenWired(WIRED.extension, 'message extension "Send feedback" over /api/messages: prefilled dialog, private confirmation', async () => {
    const fetched = await t.activity(invokeActivity(t.connector.url, riley, 'composeExtension/fetchTask', { commandId: 'sendFeedback', commandContext: 'message', messagePayload: { body: { contentType: 'html', content: '<p>Queue is long today</p>' } } }));
    const [form] = expectValidCards(fetched.body);
    const requestId = (form.actions as any[])[0].data.requestId;
    const submitted = await t.activity(invokeActivity(t.connector.url, riley, 'composeExtension/submitAction', { commandId: 'sendFeedback', commandContext: 'message', data: { requestId, audience: 'manager', topic: 'workload', text: 'Queue is long today', pilotId: 'none', anonymous: 'true' } }));
    expect(submitted.body.task.type).toBe('message');
    expect(submitted.body.composeExtension).toBeUndefined();
  });

  test('end to end: the owner\'s reply reaches the anonymous contributor\'s 1:1 chat, and nobody else', async () => {
    // Quinn talks to the bot once, so Leaderful knows the 1:1 chat.
    const quinn = demoUser('Quinn');
    const hello = messageActivity(t.connector.url, quinn, 'help');
    await t.activity(hello);
    await t.connector.waitFor((a) => a.activity.replyToId === hello.id);
    const created = await give(quinn, { audience: 'leaders', topic: 'support', text: 'We need a second trainer.', anonymous: true });
    const id = created.body.item.id;
    nextWeek();
    await t.app.background.delivery.flush();
    const before = t.connector.received.length;
    await act(avery, id, 'reply', { text: 'A second trainer starts next month.' });
    await t.app.background.delivery.flush();
    const sent = t.connector.received.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].conversationId).toBe(hello.conversation.id);
    // The delivery record keeps no conversation of an anonymous contributor.
    const [record] = await outboxFor(id);
    expect(record.status).toBe('sent');
    expect(JSON.stringify(record)).not.toContain(quinn.userId);
    expect(JSON.stringify(record)).not.toContain(hello.conversation.id);
    if (WIRED.cards) {
      const [card] = expectValidCards(sent[0].activity);
      expect(JSON.stringify(card)).toContain('A second trainer starts next month.');
    }
  });

  whenWired(WIRED.cards && WIRED.actions, 'end to end: the contributor answers from the delivered card over /api/messages', async () => {
    const quinn = demoUser('Quinn');
    const created = await give(quinn, { audience: 'leaders', topic: 'workload', text: 'Nights are understaffed.', anonymous: true });
    const id = created.body.item.id;
    nextWeek();
    const before = t.connector.received.length;
    await act(avery, id, 'act', { note: 'You said nights were understaffed; we added a third person.' });
    await t.app.background.delivery.flush();
    const [delivered] = t.connector.received.slice(before);
    const [card] = expectValidCards(delivered.activity);
    const confirm = (card.actions as any[]).find((a) => a.verb === 'feedback.confirmClosed');
    const res = await t.activity(adaptiveActionActivity(t.connector.url, quinn, confirm.verb, confirm.data, delivered.conversationId));
    expect(JSON.stringify(res.body)).toContain('This item is now closed.');
    // Closed for the contributor at once; for the owner with the day's batch.
    expect((await stored(id))!.state).toBe('acted');
    await runBatch(id);
    expect((await stored(id))!.state).toBe('closed');
  });
});
