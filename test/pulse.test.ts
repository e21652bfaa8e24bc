import { randomUUID } from 'node:crypto';
import { ManualClock } from '../domain/shared/clock';
import { groupFigures, periodOf, pulseSignals, rollup, type PulseEntry, type PulsePeriod } from '../domain/pulse';
import { PulseGroups } from '../domain/anonymity';
import { word } from '../i18n';
import { feedNotification } from '../bot/delivery/feed';
import { noticeOf } from '../domain/outbox';
import { startTestApp, type TestApp } from '../support/app';
import type { ReceivedActivity } from '../support/connector';
import type { GraphUser } from '../support/graph/directory';
import { adaptiveActionActivity, installInTeamActivity, messageActivity, rosterOf, type TeamsUser } from '../support/teams';
import { adaptiveCardsIn, cardProblems } from './helpers/cards';

/**
 * How managers are led (issue 16), over HTTP with a clock the test moves, weeks in seconds: three
 * managers under two VPs and a CEO are asked their pulse fortnightly at their local time, answer on
 * the card (Teams retries it) or in the tab, are reminded once; with k = 5 their three answers are
 * withheld everywhere; with k = 3 they roll up to the CEO's organisation; a senior leader's
 * override of a pilot feeds the micromanagement signal; leaders get the weekly at-risk digest in
 * their chat (unless they opted out), linking to the leader view filtered to the group; and a
 * manager sees their own history and load against the organisation's median.
 */
const tenantId = randomUUID();
const user = (name: string, managerId?: string): GraphUser => ({ id: randomUUID(), displayName: name, ...(managerId ? { managerId } : {}) });
const ceoG = user('Carmen CEO');
const vp1G = user('Victor VP', ceoG.id);
const vp2G = user('Vera VP', ceoG.id);
const mG = [user('Maria Manager', vp1G.id), user('Mario Manager', vp1G.id), user('Mona Manager', vp2G.id)];
const membersG = mG.map((m, i) => [user(`Member ${i}a`, m.id), user(`Member ${i}b`, m.id)]);
const lina = { tenantId, userId: randomUUID(), name: 'Lina Leader', roles: ['leader'] } satisfies TeamsUser;

const as = (u: GraphUser, roles: string[] = []): TeamsUser => ({ tenantId, userId: u.id, name: u.displayName, roles: roles as TeamsUser['roles'] });
const ceo = as(ceoG, ['leader', 'admin']);
const managers = mG.map((m) => as(m));
const [maria, mario, mona] = managers;

const MONDAY = periodOf(new Date('2027-01-13T12:00:00Z')); // a pulse period's first day
const clock = new ManualClock(new Date(`${MONDAY}T06:00:00Z`));
let t: TestApp;
const teamIds: string[] = [];
let pilotId = '';

const tick = () => t.app.background.tick();
const deliver = () => t.app.background.delivery.flush();
const at = (iso: string) => clock.set(iso);
const chatWith = (conversationId: string) => t.connector.personalChats.get(conversationId)?.replace('29:', '') ?? conversationId.replace('a:personal-', '');
const cardsTo = (u: TeamsUser, text: string) => t.connector.received.filter((a: ReceivedActivity) => chatWith(a.conversationId) === u.userId && JSON.stringify(adaptiveCardsIn(a.activity)).includes(text));
const period = async (p: string) => (await t.app.store.read<PulsePeriod>('checkins', tenantId, `pulse:${p}`))!;
const answerInTab = (u: TeamsUser, p: string, values: Record<string, unknown>) => t.api(`/api/pulse/${p}/answer`, { as: u, method: 'PUT', body: { values } });
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false' } });
  t.graph.tenant(tenantId).put([ceoG, vp1G, vp2G, ...mG, ...membersG.flat()]);
  // Each manager owns a team in Teams (that is what makes them its manager) and installs the bot there.
  for (const [i, m] of managers.entries()) {
    const members = membersG[i].map((u) => as(u));
    const teamsTeamId = `19:${randomUUID()}@thread.tacv2`;
    t.connector.members = rosterOf(tenantId, [m, ...members]);
    const aadGroupId = t.teamInGraph(tenantId, [m], members);
    expect((await t.activity(installInTeamActivity(t.connector.url, m, { teamsTeamId, name: `Team ${i}`, aadGroupId }))).status).toBe(200);
    teamIds.push(`team:${teamsTeamId}`);
  }
  await t.app.domain.org.idle();
  // Mona works in New York; leaders talk to the bot once (their 1:1 chat is where digests go).
  for (const [u, text] of [[mona, 'time zone America/New_York'], [ceo, 'help'], [lina, 'help']] as const) {
    const msg = messageActivity(t.connector.url, u, text);
    await t.activity(msg);
    await t.connector.waitFor((a) => a.activity.replyToId === msg.id);
  }
  const created = await t.api('/api/pilots', {
    as: maria,
    body: { title: 'Weekly retro', practiceId: 'practice:weekly-retro', hypothesis: 'A weekly retro helps us improve a little every week.', successMeasures: ['One improvement a week'], teamId: teamIds[0], startDate: MONDAY, endDate: addDays(MONDAY, 60) },
  });
  expect(created.status).toBe(201);
  pilotId = created.body.pilot.id;
  expect((await t.api(`/api/pilots/${encodeURIComponent(pilotId)}/launch`, { as: maria, method: 'POST' })).status).toBe(200);
});
afterAll(() => t.stop());

test('the pulse asks each manager at their local time, takes answers once (card retries, tab), reminds the silent once, and closes into a rollup', async () => {
  await tick();
  const p = await period(MONDAY);
  expect(p.invited.sort()).toEqual(managers.map((m) => m.userId).sort());
  // Senior leaders are not asked: they read the groups.
  expect(p.invited).not.toContain(ceo.userId);
  expect(p.schedule[maria.userId].promptAt).toBe(`${addDays(MONDAY, 1)}T10:00:00.000Z`);
  expect(p.schedule[mona.userId].promptAt).toBe(`${addDays(MONDAY, 1)}T15:00:00.000Z`); // 10:00 in New York

  at(`${addDays(MONDAY, 1)}T10:00:00Z`);
  await tick();
  await deliver();
  expect(cardsTo(maria, 'Your manager pulse')).toHaveLength(1);
  expect(cardsTo(mona, 'Your manager pulse')).toHaveLength(0);
  expect(cardProblems(adaptiveCardsIn(cardsTo(maria, 'Your manager pulse')[0].activity)[0])).toEqual([]);
  at(`${addDays(MONDAY, 1)}T15:00:00Z`);
  await tick();
  await deliver();
  expect(cardsTo(mona, 'Your manager pulse')).toHaveLength(1);

  // Maria answers on the card; Teams delivers the same action twice.
  const action = adaptiveActionActivity(t.connector.url, maria, 'pulse.submit', { period: MONDAY, autonomy: '4', workload: '4', support: '4', loops: '2', open: 'More time to think' });
  for (let i = 0; i < 2; i++) {
    const res = await t.activity(action);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('your pulse is in');
  }
  const answers = await t.app.store.all('checkins', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'pulse_answer'");
  expect(answers).toHaveLength(1);
  // A bad answer changes nothing and says why; someone not asked learns nothing.
  expect((await answerInTab(mario, MONDAY, { autonomy: 9 })).status).toBe(400);
  expect((await answerInTab(ceo, MONDAY, { autonomy: 3 })).status).toBe(404);
  expect((await answerInTab(mario, MONDAY, { autonomy: 5, workload: 4, support: 4, loops: 3 })).status).toBe(200);

  // The reminder reaches only Mona, who has not answered, and only once.
  at(new Date(Date.parse(p.closesAt) - 23 * 3_600_000).toISOString());
  await tick();
  await tick();
  await deliver();
  expect(cardsTo(mona, 'A gentle nudge: your manager pulse')).toHaveLength(1);
  expect(cardsTo(maria, 'A gentle nudge: your manager pulse')).toHaveLength(0);
  expect((await answerInTab(mona, MONDAY, { autonomy: 4, workload: 3, support: 3, loops: 2 })).status).toBe(200);

  at(new Date(Date.parse(p.closesAt) + 60_000).toISOString());
  await tick();
  const closed = await period(MONDAY);
  expect(closed.status).toBe('closed');
  // With k = 5, three managers form no group at all: the rollup is empty, frozen as it closed.
  expect(closed.groups).toEqual([]);
  expect(JSON.stringify(closed)).not.toContain('More time to think');
  expect((await answerInTab(maria, MONDAY, { autonomy: 1 })).status).toBe(409);
});

test('with k = 5, three managers are too few: nothing of their answers reaches leaders, nor any digest', async () => {
  const view = await t.api('/api/pulse/leader', { as: ceo });
  expect(view.status).toBe(200);
  expect(view.body).toMatchObject({ threshold: 5, groups: [], signals: [] });
  clock.advance(3_600_000);
  await tick();
  await deliver();
  expect(cardsTo(ceo, 'Managers at risk this week')).toHaveLength(0);
  expect((await t.api('/api/pulse/leader', { as: maria })).status).toBe(403);
  const mine = await t.api('/api/pulse/me', { as: maria });
  expect(mine.body).toMatchObject({ asked: true, load: { mine: { pilots: 1, teams: 1 }, median: null, managers: 3 } });
});

test('with k = 3 they roll up to the CEO’s organisation; a senior leader’s override feeds the micromanagement signal; the digest links to the filtered leader view', async () => {
  expect((await t.api('/api/admin/settings', { as: ceo, method: 'PATCH', body: { anonymityThreshold: 3 } })).status).toBe(200);
  // Lina, a senior leader too, turns the at-risk digest off in her preferences.
  expect((await t.api('/api/me/preferences', { as: lina, method: 'PUT', body: { optOutAtRiskDigest: true } })).body.preferences.optOutAtRiskDigest).toBe(true);
  // The first pulse closed under k = 5 stays withheld: groups are frozen when a pulse closes.
  expect((await t.api('/api/pulse/leader', { as: ceo })).body.groups).toEqual([]);
  const second = addDays(MONDAY, 14);
  at(`${second}T06:00:00Z`);
  await tick();
  at(`${addDays(second, 1)}T16:00:00Z`);
  await tick();
  for (const [m, autonomy] of [[maria, 5], [mario, 4], [mona, 4]] as const) expect((await answerInTab(m, second, { autonomy, workload: 4, support: 4, loops: 2 })).status).toBe(200);
  at(new Date(Date.parse((await period(second)).closesAt) + 60_000).toISOString());
  await tick();
  // The rollup stores sums by group, never a person.
  const stored = await period(second);
  expect(JSON.stringify(stored.groups)).not.toMatch(new RegExp(managers.map((m) => m.userId).join('|')));
  const first = await t.api('/api/pulse/leader', { as: ceo });
  expect(first.body.groups).toHaveLength(1);
  const [group] = first.body.groups;
  // Not their units (one or two managers each): the first level up holding three.
  expect(group).toMatchObject({ label: { level: 'unit', name: 'Carmen CEO' }, managers: 3 });
  expect(group.periods).toHaveLength(1);
  expect(group.periods[0]).toMatchObject({ period: second, asked: 3, answers: { autonomy: 3, workload: 3 }, means: { autonomy: 4.33 } });
  expect(first.body.signals).toEqual([]);

  // The next pulse: the CEO (a senior leader, not its owner) pauses Maria's pilot; autonomy falls.
  const next = addDays(MONDAY, 28);
  at(`${next}T06:00:00Z`);
  await tick();
  expect((await t.api(`/api/pilots/${encodeURIComponent(pilotId)}/pause`, { as: ceo, method: 'POST' })).status).toBe(200);
  // A retried pause changes nothing and records no second override.
  expect((await t.api(`/api/pilots/${encodeURIComponent(pilotId)}/pause`, { as: ceo, method: 'POST' })).status).toBe(200);
  at(`${addDays(next, 1)}T16:00:00Z`);
  await tick();
  for (const [m, autonomy] of [[maria, 2], [mario, 3], [mona, 3]] as const) expect((await answerInTab(m, next, { autonomy, workload: 2, support: 2, loops: 4 })).status).toBe(200);
  const p = await period(next);
  at(new Date(Date.parse(p.closesAt) + 60_000).toISOString());
  await tick();

  const view = await t.api('/api/pulse/leader', { as: ceo });
  const kinds = view.body.signals.map((s: any) => s.kind).sort();
  expect(kinds).toEqual(['micromanagement', 'overload']);
  const micro = view.body.signals.find((s: any) => s.kind === 'micromanagement');
  expect(micro).toMatchObject({
    group: { key: group.key, managers: 3 },
    inputs: ['pulse.autonomy', 'pilot.overrides'],
    period: { from: second, to: next },
    threshold: { autonomyDrop: 0.5, overrides: 1 },
    params: { from: 4.33, to: 2.67, overrides: 1, answers: 3 },
  });
  expect(word('en', micro.code, micro.params)).toMatch(/^Managers in Carmen CEO’s organisation rated their freedom to run their pilots 4\.3 of 5 .* and 2\.7 .*\(3 answers\), while someone other than their owner edited, paused or closed their pilots \(1 in these pulses\)\.$/);
  expect(word('es', micro.code, micro.params)).toContain('Organización de Carmen CEO');

  // The weekly digest: the CEO gets it in their chat; Lina opted out.
  clock.advance(3_600_000);
  await tick();
  await tick();
  await deliver();
  const digests = cardsTo(ceo, 'Managers at risk this week');
  expect(digests).toHaveLength(1);
  expect(cardsTo(lina, 'Managers at risk this week')).toHaveLength(0);
  const card = JSON.stringify(adaptiveCardsIn(digests[0].activity));
  expect(card).toContain(`#/leader?signal=micromanagement&group=${encodeURIComponent(group.key)}`);
  // Nothing in it names a manager.
  for (const m of managers) expect(card).not.toContain(m.name);
  // The link's filter works in the leader view: the group's managers' pilots.
  const portfolio = await t.api(`/api/leader/portfolio?group=${encodeURIComponent(group.key)}`, { as: ceo });
  expect(portfolio.status).toBe(200);
  expect(portfolio.body.pilots.map((x: any) => x.id)).toEqual([pilotId]);
  expect((await t.api(`/api/leader/portfolio?group=${encodeURIComponent('pulse:unit:nobody')}`, { as: ceo })).status).toBe(404);
  expect((await t.api(`/api/pulse/groups/${encodeURIComponent(group.key)}`, { as: ceo })).body.group).toMatchObject({ label: { level: 'unit', name: 'Carmen CEO' }, managers: 3 });
});

test('a manager sees their own pulse history and their load against the organisation’s median', async () => {
  const mine = await t.api('/api/pulse/me', { as: maria });
  expect(mine.status).toBe(200);
  expect(mine.body.history.map((h: any) => h.values.autonomy)).toEqual([2, 5, 4]);
  expect(mine.body.history[2].values.open).toBe('More time to think');
  expect(mine.body.load).toMatchObject({ mine: { pilots: 1, teams: 1 }, median: { pilots: 0, teams: 1 }, managers: 3 });
  // Someone the pulse does not ask sees that, and nobody else's answers.
  const leader = await t.api('/api/pulse/me', { as: ceo });
  expect(leader.body).toMatchObject({ asked: false, current: null, history: [] });
});

test('the at-risk digest follows the leader digest’s channel, and its feed line counts signals, in the reader’s language', () => {
  const item = { kind: 'atrisk_digest' as const, target: { kind: 'user' as const, userId: 'u' }, data: { count: 2 } };
  expect(noticeOf(item)).toBe('leader_digest');
  expect(feedNotification({ publicUrl: 'https://leaderful.test' }, 'leader_digest', item, 'es')).toMatchObject({ activityType: 'leaderDigest', previewText: '2 señales en grupos de mandos esta semana.', templateParameters: [{ name: 'count', value: '2' }] });
});

test('overload reads workload with load; neglected loops read owners’ times to acknowledge and act; each says why, over which period, against which threshold', () => {
  const ops = { id: 'department:Ops', level: 'department' as const, name: 'Ops' };
  const groups = new PulseGroups(['a', 'b', 'c'].map((userId) => ({ userId, path: [ops] })), 3);
  const entry = (userId: string, workload: number, ack: number, act: number): PulseEntry => ({ userId, values: { workload, autonomy: 4 }, load: { pilots: 4, teams: 1, openLoops: 6, rounds: 2 }, loops: { items: 2, ackWeeks: ack, actWeeks: act }, overrides: { count: 0, byLeader: 0 } });
  const stored = rollup(groups, [entry('a', 3, 3, 5), entry('b', 3, 2, 4), entry('c', 2, 1, 2)]);
  // Sums by group only: nobody's answer is kept.
  expect(JSON.stringify(stored)).not.toMatch(/"[abc]"/);
  const signals = pulseSignals(groupFigures([{ period: '2027-01-11', groups: stored }], 3));
  expect(signals.map((x) => x.kind)).toEqual(['neglected_loops', 'overload']);
  const [loops, overload] = signals;
  expect(overload).toMatchObject({ group: { key: 'pulse:department:Ops', managers: 3 }, period: { from: '2027-01-11', to: '2027-01-11' }, threshold: { workload: 2.5, workloadWithLoad: 3, pilots: 3 }, params: { value: 2.67, pilots: 4, openLoops: 6, rounds: 2, answers: 3 } });
  expect(word('en', overload.code, overload.params)).toBe('In the pulse of Jan 11, 2027, managers in Ops rated their workload 2.7 of 5 (1 = overloaded, 3 answers); each runs on average 4.0 pilots and 1.0 teams, with 6.0 feedback items waiting and 2.0 check-ins to facilitate.');
  expect(loops).toMatchObject({ inputs: ['feedback.acknowledged', 'feedback.acted'], threshold: { ackWeeks: 2, actWeeks: 4 }, params: { ackWeeks: 2, actWeeks: 4, owners: 3 } });
  expect(word('es', loops.code, loops.params)).toContain('una mediana de 2 semanas en acusar recibo y 4 semanas en actuar');
  // Under a higher threshold the same group is not shown, and says nothing.
  expect(pulseSignals(groupFigures([{ period: '2027-01-11', groups: stored }], 4))).toEqual([]);
});

test('erasing a manager (issue 17) takes their own pulse answers and their place in an open pulse; closed pulses keep only group sums', async () => {
  const before = await t.app.store.all<{ id: string; type: string; groups?: unknown }>('checkins', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'pulse' AND c.status = 'closed'");
  expect(before.length).toBeGreaterThan(0);
  const mine = await t.api(`/api/privacy/me/export?format=json`, { as: mona });
  expect(mine.status).toBe(200);
  expect(JSON.stringify(mine.body)).toContain('pulse_answer'); // her own download holds her answers
  const admin = await t.api(`/api/admin/privacy/people/${encodeURIComponent(mona.userId)}/export`, { as: ceo });
  expect(admin.status).toBe(200);
  expect(JSON.stringify(admin.body)).not.toContain('pulse_answer'); // an admin's export leaves them out
  expect(JSON.stringify(admin.body)).not.toContain(maria.userId); // nor other managers of her pulses

  const erased = await t.api(`/api/admin/privacy/people/${encodeURIComponent(mona.userId)}/erase`, { as: ceo, body: { confirmName: mona.name } });
  expect(erased.status).toBe(200);
  const docs = await t.app.store.all<Record<string, unknown>>('checkins', tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND (c.type = 'pulse' OR c.type = 'pulse_answer')");
  expect(docs.filter((d) => JSON.stringify(d).includes(mona.userId) || JSON.stringify(d).includes(mona.name))).toEqual([]);
  expect(docs.filter((d) => d.type === 'pulse_answer' && String(d.id).includes('erased:'))).toEqual([]);
  const after = docs.filter((d) => d.type === 'pulse' && d.status === 'closed');
  expect(after.map((d) => d.groups)).toEqual(before.map((d) => d.groups));
});
