import { randomUUID } from 'node:crypto';
import { ManualClock } from '../domain/shared/clock';
import { renderLesson } from '../domain/lessons';
import type { Practice } from '../domain/practices';
import type { ReceivedActivity } from '../support/connector';
import { startTestApp, type TestApp } from '../support/app';
import { adaptiveCardsIn, cardProblems } from './helpers/cards';
import { BOT_ID, installInTeamActivity, messageActivity, rosterOf, type TeamsUser } from '../support/teams';

/**
 * Micro-lessons over real HTTP: the built-in library (a lesson for every practice and every
 * leadership level, in English and Spanish) as sanitised HTML; readers mark them read; leaders
 * see reach as counts only; a lesson arrives with a pilot's launch, as the first check-in card
 * of the week's "Tip of the week", and with a newly elected circle convenor.
 */
const tenantId = randomUUID();
const person = (name: string): TeamsUser => ({ tenantId, userId: randomUUID(), name });
const maria = person('Maria Manager');
const [ana, ben, cy] = ['Ana Member', 'Ben Member', 'Cy Member'].map(person);
const lea: TeamsUser = { ...person('Lea Leader'), roles: ['leader'] }; // senior leader by Entra app role
const eve: TeamsUser = { tenantId: randomUUID(), userId: randomUUID(), name: 'Eve Elsewhere' };
const MONDAY = '2027-01-04';
const clock = new ManualClock(new Date(`${MONDAY}T06:00:00Z`));
const CHANNEL = `19:${randomUUID()}@thread.tacv2`;
const CHAT = `19:${randomUUID()}@thread.v2`;
const enc = encodeURIComponent;

let t: TestApp;
type LessonView = { id: string; title: string; html: string; minutes: number; practiceId?: string; level?: string; read: boolean };
const lessons = async (who: TeamsUser, qs = '') => (await t.api(`/api/lessons${qs}`, { as: who })).body.lessons as LessonView[];
const cardText = (a: ReceivedActivity) => JSON.stringify(adaptiveCardsIn(a.activity));
const readDocs = () => t.app.store.all<{ id: string }>('directory', tenantId, "SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.type = 'lesson_read'");

beforeAll(async () => {
  t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false' } });
  t.connector.members = rosterOf(tenantId, [maria, ana, ben, cy]);
  expect((await t.activity(installInTeamActivity(t.connector.url, maria, { teamsTeamId: CHANNEL, name: 'Lesson squad', aadGroupId: t.teamInGraph(tenantId, [maria], [ana, ben, cy]) }))).status).toBe(200);
  for (const u of [ana, ben, cy, lea]) await t.activity(messageActivity(t.connector.url, u, 'hello'));
  await t.api('/api/me', { as: lea }); // a verified sign-in records the role
  await t.api('/api/me', { as: eve });
});
afterAll(() => t.stop());

describe('the library', () => {
  test('a lesson for every built-in practice and every leadership level, in English and Spanish', async () => {
    const all = await lessons(ana);
    const practices = (await t.api('/api/practices', { as: ana })).body.practices as Practice[];
    for (const p of practices.filter((x) => x.builtIn)) expect(`${p.id} ${all.filter((l) => l.practiceId === p.id).length > 0}`).toBe(`${p.id} true`);
    for (const level of ['self', 'direct', 'group', 'executive']) expect((await lessons(ana, `?level=${level}`)).length).toBeGreaterThan(0);
    const es = await lessons(ana, '?locale=es');
    expect(es.map((l) => l.id)).toEqual(all.map((l) => l.id));
    for (const [i, l] of es.entries()) expect(l.title).not.toBe(all[i].title);
    expect(es.find((l) => l.id === 'lesson:retro-that-changes-things')?.title).toBe('Una retrospectiva que cambia algo');
    // Short, rendered, safe: no raw HTML, and every link is https and leaves the tab.
    for (const l of [...all, ...es]) {
      expect(l.minutes).toBeLessThanOrEqual(5);
      expect(l.html).toMatch(/^<p>|^<ul>/);
      expect(l.html).not.toMatch(/<script|href="(?!https:)/);
    }
    expect(all.find((l) => l.id === 'lesson:leading-yourself')?.html).toContain('<a href="https://www.ccl.org/articles/" target="_blank" rel="noopener noreferrer">');
    expect(all.find((l) => l.id === 'lesson:coaching-questions')?.html).toContain('<li>What have you tried so far?</li>');
  });

  test('Markdown is rendered with raw HTML off and only https links', () => {
    const html = renderLesson('<script>alert(1)</script> <b>bold</b> [a](javascript:alert(1)) [b](http://example.com) [c](data:text/html,x) [d](https://example.com/ok)');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/href="(javascript|http:|data)/);
    expect(html).toContain('href="https://example.com/ok"');
  });

  test('bad input gets a 4xx and changes nothing', async () => {
    for (const qs of ['?level=king', '?locale=fr', '?unknown=1', `?practiceId=${'x'.repeat(300)}`]) expect(`${qs.slice(0, 20)} ${(await t.api(`/api/lessons${qs}`, { as: ana })).status}`).toBe(`${qs.slice(0, 20)} 400`);
    expect((await t.api('/api/lessons/lesson:nope', { as: ana })).status).toBe(404);
    expect((await t.api('/api/lessons/lesson:nope/read', { as: ana, method: 'POST' })).status).toBe(404);
    expect((await t.api(`/api/lessons/${enc('a b')}/read`, { as: ana, method: 'POST' })).status).toBe(400);
    expect((await t.api(`/api/lessons/${enc('practice:weekly-retro')}/read`, { as: ana, method: 'POST' })).status).toBe(404);
    expect((await t.api('/api/lessons/lesson:their-meeting/read?locale=xx', { as: ana, method: 'POST' })).status).toBe(400);
    expect(await readDocs()).toEqual([]);
    expect((await t.api('/api/lessons', {})).status).toBe(401);
  });
});

describe('reading and reach', () => {
  test('readers mark lessons read; leaders see how many, never who', async () => {
    const id = 'lesson:their-meeting';
    const marked = await t.api(`/api/lessons/${enc(id)}/read`, { as: ana, method: 'POST' });
    expect(marked.status).toBe(200);
    expect(marked.body.lesson).toMatchObject({ id, read: true, title: 'It is their one-on-one' });
    // Marked again (a double click, a retry): still one reader.
    await t.api(`/api/lessons/${enc(id)}/read?locale=es`, { as: ana, method: 'POST' });
    await t.api(`/api/lessons/${enc(id)}/read`, { as: ben, method: 'POST' });
    expect((await t.api(`/api/lessons/${enc(id)}`, { as: ana })).body.lesson.read).toBe(true);
    expect((await t.api(`/api/lessons/${enc(id)}`, { as: cy })).body.lesson.read).toBe(false);
    expect((await lessons(ana)).filter((l) => l.read).map((l) => l.id)).toEqual([id]);

    const member = await t.api('/api/lessons/reach', { as: ana });
    expect(member.status).toBe(403);
    expect(member.body.error.reason).toBe('lesson.reach_leaders_only');
    const reach = await t.api('/api/lessons/reach', { as: lea });
    expect(reach.status).toBe(200);
    expect(reach.body.reach.find((r: { lessonId: string }) => r.lessonId === id)).toEqual({ lessonId: id, title: 'It is their one-on-one', practiceId: 'practice:one-on-one-agenda', readers: 2 });
    expect(reach.body.reach.filter((r: { readers: number }) => r.readers > 0)).toHaveLength(1);
    const text = JSON.stringify(reach.body);
    for (const who of [ana, ben]) {
      expect(text).not.toContain(who.userId);
      expect(text).not.toContain(who.name);
    }
    // Another organisation's leaders see none of it.
    expect((await t.api('/api/lessons/reach', { as: eve })).status).toBe(403);
  });
});

describe('lessons arrive where leaders already are', () => {
  test('with a pilot’s launch, once, and as the tip of the week in the first check-in of the week', async () => {
    const created = await t.api('/api/pilots', {
      as: maria,
      body: { practiceId: 'practice:weekly-retro', title: 'Friday retro', hypothesis: 'A short weekly retro helps us fix small things early.', successMeasures: ['One change a week'], teamId: `team:${CHANNEL}`, startDate: MONDAY, endDate: '2027-02-26', cadence: { weekdays: [1, 3], time: '09:00', everyWeeks: 1, reminderHours: 0, roundHours: 24 } },
    });
    expect(created.status).toBe(201);
    const launch = () => t.api(`/api/pilots/${enc(created.body.pilot.id)}/launch`, { as: maria, method: 'POST' });
    expect((await launch()).status).toBe(200);
    expect((await launch()).status).toBe(200);
    await t.app.background.delivery.flush();
    const launched = t.connector.received.filter((a) => cardText(a).includes('A short lesson for the launch of “Friday retro”'));
    expect(launched).toHaveLength(1);
    expect(cardText(launched[0])).toContain('A retrospective that changes something');
    expect(cardText(launched[0])).toContain('#/lessons/lesson%3Aretro-that-changes-things');
    expect(cardProblems(adaptiveCardsIn(launched[0].activity)[0])).toEqual([]);

    // Monday's check-in carries the tip; Wednesday's (the same week) does not.
    const prompts = async (at: string) => {
      const before = t.connector.received.length;
      clock.set(at);
      await t.app.background.tick();
      await t.app.background.delivery.flush();
      return t.connector.received.slice(before).filter((a) => cardText(a).includes('Check-in: Friday retro'));
    };
    const monday = await prompts(`${MONDAY}T09:01:00Z`);
    expect(monday.length).toBeGreaterThan(0);
    for (const p of monday) {
      expect(cardText(p)).toContain('Tip of the week: A retrospective that changes something');
      expect(cardText(p)).toContain('"url":"https://leaderful.test/tabs/index.html#/lessons/lesson%3Aretro-that-changes-things"');
      expect(cardProblems(adaptiveCardsIn(p.activity)[0])).toEqual([]);
    }
    clock.set('2027-01-05T10:00:00Z');
    await t.app.background.tick();
    const wednesday = await prompts('2027-01-06T09:01:00Z');
    expect(wednesday.length).toBeGreaterThan(0);
    for (const p of wednesday) expect(cardText(p)).not.toContain('Tip of the week');
  });

  test('a newly elected circle convenor gets the starter lesson in their chat', async () => {
    t.connector.members = rosterOf(tenantId, [ana, ben, cy]);
    const install = {
      type: 'conversationUpdate',
      id: randomUUID(),
      serviceUrl: t.connector.url,
      channelId: 'msteams',
      from: { id: `29:${ana.userId}`, name: ana.name, aadObjectId: ana.userId },
      conversation: { id: CHAT, conversationType: 'groupChat', tenantId, isGroup: true },
      recipient: { id: BOT_ID, name: 'Leaderful' },
      membersAdded: [{ id: BOT_ID }],
      channelData: { tenant: { id: tenantId } },
    };
    expect((await t.activity(install)).status).toBe(200);
    const circle = (await t.api('/api/circles', { as: ana, body: { teamId: `team:${CHAT}`, name: 'New managers circle' } })).body.circle;
    const cid = enc(circle.id);
    // A new circle opens with the election of its first convenor.
    expect(circle.election?.status).toBe('open');
    expect((await t.api(`/api/circles/${cid}/nominations`, { as: ana, body: { userId: ben.userId } })).status).toBe(200);
    expect((await t.api(`/api/circles/${cid}/vote`, { as: ana, method: 'PUT', body: { userId: ben.userId } })).status).toBe(200);
    expect((await t.api(`/api/circles/${cid}/election/close`, { as: ana, method: 'POST' })).status).toBe(200);
    await t.api(`/api/circles/${cid}/election/close`, { as: ana, method: 'POST' });
    await t.app.background.delivery.flush();
    const starter = t.connector.received.filter((a) => cardText(a).includes('For your first weeks as convenor of “New managers circle”'));
    expect(starter).toHaveLength(1);
    expect(starter[0].conversationId).toBe(`a:personal-${ben.userId}`);
    expect(cardText(starter[0])).toContain('Your first weeks as convenor');
    expect(cardProblems(adaptiveCardsIn(starter[0].activity)[0])).toEqual([]);
  });
});
