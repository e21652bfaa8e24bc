import { randomUUID } from 'node:crypto';
import { DEMO_TENANT_ID } from '../../domain/demo';
import { demoUser, startTestApp, type TestApp } from '../../support/app';
import { adaptiveActionActivity, invokeActivity, type TeamsUser } from '../../support/teams';
import { changeCount, diffDigests, printFigures, storeDigest } from './support';

/**
 * Issue 7.6: per-user rate limits on the tab API and on feedback submission (tab and Teams
 * alike), each answered with a clear 429: a code, a sentence saying how long to wait, and
 * Retry-After. A limited request does no work.
 */
const morgan = demoUser('Morgan');
const jordan = demoUser('Jordan');
const sam = demoUser('Sam');

describe('tab API: per-user limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_API_PER_MINUTE: '6' } });
  });
  afterAll(() => t.stop());

  test('the budget is per user across routes and methods; the 429 is clear and does nothing', async () => {
    const statuses: number[] = [];
    for (const path of ['/api/me', '/api/pilots', '/api/teams', '/api/practices', '/api/feedback/mine', '/api/settings/anonymity']) statuses.push((await t.api(path, { as: morgan })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);

    const before = await storeDigest(t);
    const limited = await t.api('/api/pilots', {
      as: morgan,
      body: { title: 'Over the limit', hypothesis: 'This must not be created at all.', successMeasures: ['none'], teamId: 'team:demo-ops', startDate: '2027-01-04', endDate: '2027-02-26' },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/json/);
    expect(limited.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/^Too many requests\. Please wait \d+ seconds? and try again\.$/) });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(changeCount(diffDigests(before, await storeDigest(t)))).toBe(0);

    // Others keep their own budget: another user, and the same object id in another tenant.
    expect((await t.api('/api/me', { as: jordan })).status).toBe(200);
    expect((await t.api('/api/me', { as: { ...morgan, tenantId: randomUUID() } })).status).toBe(200);
    // Failed sign-ins do not spend anyone's budget.
    for (let i = 0; i < 10; i++) expect((await fetch(`${t.url}/api/me`, { headers: { authorization: 'Bearer a.b.c' } })).status).toBe(401);
    expect((await t.api('/api/me', { as: sam })).status).toBe(200);
  });
});

describe('feedback submission: per-user limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_FEEDBACK_PER_HOUR: '3', RATE_LIMIT_API_PER_MINUTE: '1000' } });
  });
  afterAll(() => t.stop());

  const give = (user: TeamsUser, n: number) =>
    t.api('/api/feedback', { as: user, body: { audience: 'leaders', topic: 'other', text: `Feedback number ${n} about the rota.`, anonymous: false }, headers: { 'idempotency-key': randomUUID() } });

  /** Gives feedback until refused: the burst allowed, then the 429. */
  async function exhaust(user: TeamsUser) {
    for (let n = 1; n <= 25; n++) {
      const res = await give(user, n);
      if (res.status !== 201) return { allowed: n - 1, res };
    }
    throw new Error('no limit within 25 submissions');
  }

  test('over the limit in the tab: 429 with Retry-After, nothing stored; other people unaffected', async () => {
    const before0 = await storeDigest(t);
    const { allowed, res: first429 } = await exhaust(morgan);
    expect(first429.status).toBe(429);
    expect(allowed).toBeGreaterThanOrEqual(1);
    expect(allowed).toBeLessThanOrEqual(10); // 3 an hour: a small burst, not an open tap
    expect(changeCount(diffDigests(before0, await storeDigest(t)))).toBeGreaterThan(0);
    const before = await storeDigest(t);
    const limited = await give(morgan, 99);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/Please wait \d+ seconds?/) });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(60); // 3 per hour: minutes, not seconds
    expect(changeCount(diffDigests(before, await storeDigest(t)))).toBe(0);
    expect((await give(jordan, 1)).status).toBe(201);
    // Reading is not submitting.
    expect((await t.api('/api/feedback/mine', { as: morgan })).status).toBe(200);
  });

  test('the same budget holds in Teams (card and message-extension submissions)', async () => {
    expect((await exhaust(sam)).res.status).toBe(429);
    const before = await storeDigest(t);
    const form = { audience: 'leaders', topic: 'other', text: 'Feedback from Teams over the limit.', anonymous: 'false', pilotId: 'none' };
    const card = await t.activity(adaptiveActionActivity(t.connector.url, sam, 'feedback.submit', { ...form, requestId: randomUUID() }));
    const me = await t.activity(invokeActivity(t.connector.url, sam, 'composeExtension/submitAction', { commandId: 'sendFeedback', data: { ...form, requestId: randomUUID() } }));
    for (const res of [card, me]) {
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).toMatch(/Too many requests|wait \d+ (seconds?|minutes?)/);
    }
    expect(changeCount(diffDigests(before, await storeDigest(t)))).toBe(0);
    const mine = await t.api('/api/feedback/mine', { as: sam });
    expect(mine.body.items.filter((i: { text: string }) => /over the limit/.test(i.text))).toEqual([]);
    printFigures('Rate limits (issue 7.6)', { 'API limit tested': '6/min per user', 'feedback limit tested': 'RATE_LIMIT_FEEDBACK_PER_HOUR=3 per user (tab, card, message extension)' });
  });

  test('the demo tenant id is a tenant like any other', () => {
    expect(DEMO_TENANT_ID).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('actions that message others: one per-user budget on every surface (issue 22, class 3)', () => {
  let t: TestApp;
  const riley = demoUser('Riley');
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_NOTIFY_PER_HOUR: '6', RATE_LIMIT_API_PER_MINUTE: '100000', RATE_LIMIT_FEEDBACK_PER_HOUR: '10000' } });
  });
  afterAll(() => t.stop());

  const kudos = (from: TeamsUser, to: TeamsUser) =>
    t.activity(invokeActivity(t.connector.url, from, 'composeExtension/submitAction', { commandId: 'giveKudos', data: { toUserId: to.userId, message: 'Thanks for covering the desk!', visibility: 'private', requestId: randomUUID() } }));
  const kudosFrom = async (user: TeamsUser) =>
    (await t.app.store.all<{ id: string }>('pilots', DEMO_TENANT_ID, "SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.type = 'celebration' AND c.fromId = @from", { from: user.userId })).length;

  test('a kudos flood in Teams stops at the budget, and the same budget holds in cards and the tab', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 40; i++) answers.push(JSON.stringify((await kudos(sam, riley)).body));
    expect(answers.filter((a) => /went privately/.test(a))).toHaveLength(6);
    expect(answers.slice(6).every((a) => /Too many requests/.test(a))).toBe(true);
    expect(await kudosFrom(sam)).toBe(6);

    // The budget is the person's, whichever surface: a story question from a card…
    const story = await t.api('/api/stories', { as: morgan, body: { pilotId: 'pilot:demo-recognition', tried: 'A recognition round every Friday.', happened: 'It felt forced in a small team.', change: 'Moved it into the retro.' } });
    expect(story.status).toBe(201);
    const before = await storeDigest(t);
    const asked = await t.activity(adaptiveActionActivity(t.connector.url, sam, 'story.ask', { storyId: story.body.story.id, question: 'How did you start it?', requestId: randomUUID() }));
    expect(JSON.stringify(asked.body)).toMatch(/Too many requests/);
    // …and sharing a development path in the tab: a 429 with Retry-After.
    await t.api('/api/paths/me', { as: sam, method: 'PUT', body: { level: 'self' } });
    const afterPath = await storeDigest(t);
    const shared = await t.api('/api/paths/me/shares', { as: sam, body: { userId: riley.userId, relation: 'peer', coach: true } });
    expect(shared.status).toBe(429);
    expect(Number(shared.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(changeCount(diffDigests(afterPath, await storeDigest(t)))).toBe(0);
    expect(diffDigests(before, afterPath).added.filter((k) => !k.includes('/path:'))).toEqual([]);
    // Others keep their own budget.
    expect(JSON.stringify((await kudos(riley, sam)).body)).toMatch(/went privately/);
  });

  test('owners replying to feedback spend from it too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await t.api(`/api/feedback/${encodeURIComponent('feedback:demo-1')}/reply`, { as: jordan, body: { text: `Could you say more (${i})?` } })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(6);
    expect(statuses.slice(6)).toEqual([429, 429]);
    printFigures('Notify budget (issue 22)', { 'limit tested': 'RATE_LIMIT_NOTIFY_PER_HOUR=6 per user', 'kudos flood of 40': '6 accepted, 34 refused', surfaces: 'message extension, card, tab API' });
  });
});
