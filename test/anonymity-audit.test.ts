import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { pooledMean } from '../domain/anonymity';
import type { Answer, Round } from '../domain/checkins';
import type { Member, Team, TenantSettings } from '../domain/directory';
import { EMPTY_HEALTH, deriveHealth, type Pilot } from '../domain/pilots';
import { ManualClock } from '../domain/shared/clock';
import { startTestApp, type TestApp } from '../support/app';
import { invokeActivity } from '../support/teams';
import { replayOverHttp } from './helpers/anonymity-http';
import { roundFigures } from '../domain/checkins/closing';
import { audit, emptyFigures } from './helpers/anonymity-auditor';
import { World, planArb, type Plan, type WeekPlan } from './helpers/anonymity-world';

/**
 * The differencing audit: generated organisations, thresholds 3–25, roster changes, answer
 * patterns and item timings, played through the domain; an observer collects every view a
 * leader or an owner can request across routes and over time, and the auditor checks that no
 * combination isolates fewer than k contributors (see docs/anonymity.md).
 */
const SCENARIOS = Number(process.env.ANONYMITY_SCENARIOS ?? 1000);

describe('the anonymity audit', () => {
  test(`no pair of observations isolates fewer than k, over ${SCENARIOS} generated scenarios`, () => {
    const figures = emptyFigures();
    const started = Date.now();
    fc.assert(
      fc.property(planArb, (plan) => {
        const problems = audit(new World(plan).run(), figures);
        expect(problems.slice(0, 5)).toEqual([]);
      }),
      { numRuns: SCENARIOS },
    );
    // The suite's figures, for the record (no timed assertion).
    console.log(JSON.stringify({ ...figures, seconds: (Date.now() - started) / 1000 }));
    expect(figures.scenarios).toBeGreaterThanOrEqual(SCENARIOS);
    expect(figures.itemPairs).toBeGreaterThan(0);
    expect(figures.timedSteps).toBeGreaterThan(0);
    // The managers' pulse is audited with the rest: groups and averages were shown, and checked.
    expect(figures.pulseCells).toBeGreaterThan(0);
    expect(figures.pulseViews).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// The leak classes found by hand, as named regression cases (same world, observer and auditor).

const DAY = 24 * 60;
const week = (w: Partial<WeekPlan> = {}): WeekPlan => ({ changes: [], items: [], rounds: [], owner: [], steps: [], ...w });
const planOf = (p: Partial<Plan> & Pick<Plan, 'teams' | 'weeks'>): Plan => ({ k: 5, tz: 'UTC', loose: [], leaders: 2, ...p });
/** The writer index (as plans name authors) of member `nth` of team `team`, or of loose person `nth` (team -1). */
const writer = (p: Plan, team: number, nth = 0) => (team < 0 ? p.teams.reduce((a, t) => a + t.size, 0) : p.teams.slice(0, team).reduce((a, t) => a + t.size, 0)) + nth;
const play = (p: Plan) => {
  const w = new World(p).run();
  expect(audit(w, emptyFigures())).toEqual([]);
  return w;
};
const viewsOf = (w: World, itemId: string, from: string, to = '9999') =>
  w.observations.filter((o) => o.at.toISOString() >= from && o.at.toISOString() < to).flatMap((o) => o.items.filter((x) => x.view.id === itemId).map((x) => ({ at: o.at, ...x })));

describe('the leak classes, as regression cases', () => {
  test('1. every route shows one partition per release window: an item written mid-week moves no label and no cell', () => {
    // Ops: Alpha 8, Bravo 4, Charlie 2; Sales 7; four people in Lab.
    const p = planOf({ teams: [{ size: 7, dept: 0 }, { size: 3, dept: 0 }, { size: 1, dept: 0 }, { size: 6, dept: 2 }], loose: [1, 1, 1, 1], weeks: [] });
    p.weeks = [week({ items: [{ at: 600, author: writer(p, 1), toManager: false, anonymous: true, pilot: false }] }), week({ items: [{ at: 2 * DAY + 600, author: writer(p, -1), toManager: false, anonymous: true, pilot: false }] }), week()];
    const w = play(p);
    const during = viewsOf(w, [...w.truth.keys()][0], '2027-01-11', '2027-01-18');
    expect(during.length).toBeGreaterThan(4);
    expect(new Set(during.map((x) => JSON.stringify(x.view.from))).size).toBe(1);
    const cells = w.observations.filter((o) => o.at.toISOString().startsWith('2027-01-1') && o.at.toISOString() < '2027-01-18').map((o) => JSON.stringify(o.summaries[0].summary.groups.map((g) => [g.key, g.label])));
    expect(new Set(cells).size).toBe(1);
  });

  test('2. k per statistic: a question one person answered shows no average anywhere', () => {
    const figures = roundFigures({ date: '2027-01-06', invited: ['a', 'b', 'c', 'd', 'e', 'f'] }, [1, 2, 3, 4, 5, 6].map((n) => ({ values: { confidence: 4, ...(n === 1 ? { workload: 1 } : {}) } })), 5);
    expect(figures).toMatchObject({ answered: 6, confidence: 4, workload: null, counts: { confidence: 6, workload: 0 } });
    const health = deriveHealth([figures, figures, figures], 0);
    expect(health.signals.map((s) => s.code)).not.toContain('signal.workload_low');
    expect(pooledMean([{ value: figures.workload, n: figures.counts!.workload }, { value: 1, n: 1 }], 5)).toBeNull();
  });

  test('pulse: three managers with k = 5 are withheld everywhere; with k = 3 they roll up to their department lead’s unit, frozen as closed', () => {
    // Three Ops teams: the third manager reports to the second; all answer every scale.
    const all: [number, number, number, number] = [100, 100, 100, 100];
    const p = planOf({ teams: [{ size: 4, dept: 0 }, { size: 4, dept: 0 }, { size: 4, dept: 0 }], weeks: [] });
    p.weeks = [week({ pulse: { answer: 100, q: all, overrides: 0 } }), week({ changes: [{ at: 60, kind: 'threshold', a: 0, b: 0 }], pulse: { answer: 100, q: all, overrides: 1 } }), week()];
    const w = play(p);
    const first = w.observations.filter((o) => o.at.toISOString() < '2027-01-11');
    expect(first.every((o) => !o.pulse?.cells.length && !o.pulse?.figures.length)).toBe(true);
    const last = w.observations.at(-1)!.pulse!;
    expect(last.k).toBe(3);
    expect(last.cells.map((c) => [c.label, c.managers])).toEqual([[{ level: 'unit', name: 'Lead of Ops' }, 3]]);
    // The pulse closed under k = 5 formed no group, and stays so; the next one shows three answers.
    expect(last.figures[0].periods.map((x) => [x.period, x.answers.autonomy])).toEqual([['2027-01-11', 3]]);
  });

  test('4. an anonymous contributor\'s reopen reaches the owner with the daily batch, never live', () => {
    const p = planOf({ teams: [{ size: 6, dept: 0 }], weeks: [] });
    p.weeks = [week({ items: [{ at: 600, author: writer(p, 0), toManager: true, anonymous: true, pilot: false }] }), week({ owner: [{ at: 540, item: 0 }], steps: [{ at: DAY + 600, item: 0, kind: 'reopen' }] })];
    const w = play(p);
    const owner = w.teams[0].managerId;
    const seen = viewsOf(w, [...w.truth.keys()][0], '2027-01-11').filter((x) => x.viewer === owner);
    const at = (iso: string) => seen.find((x) => x.at.toISOString() === iso)!.view;
    expect(at('2027-01-12T10:01:00.000Z')).toMatchObject({ state: 'acted' });
    expect(at('2027-01-12T16:59:00.000Z')).toMatchObject({ state: 'acted' });
    expect(at('2027-01-12T17:01:00.000Z')).toMatchObject({ state: 'acknowledged', contributorVerdict: 'not_closed' });
    expect(at('2027-01-12T17:01:00.000Z').entries.at(-1)).toEqual({ from: 'contributor', kind: 'reopened', text: '', week: '2027-01-11' });
  });

  test('5. labels are decided at read time: raised past the team, the item loses its team, pilot and manager', () => {
    const p = planOf({ teams: [{ size: 6, dept: 0 }, { size: 8, dept: 2 }], weeks: [] });
    p.weeks = [week({ items: [{ at: 600, author: writer(p, 0), toManager: true, anonymous: true, pilot: true }] }), week({ changes: [{ at: 480, kind: 'threshold', a: 5, b: 0 }] })];
    const w = play(p);
    const id = [...w.truth.keys()][0];
    const before = viewsOf(w, id, '2027-01-11T00:00', '2027-01-11T08:00');
    expect(before.map((x) => x.viewer)).toEqual([w.teams[0].managerId]);
    expect(before[0].view).toMatchObject({ from: { group: { level: 'team', name: 'Team 0' } }, pilot: { id: 'pilot:0' } });
    const after = viewsOf(w, id, '2027-01-11T08:00');
    expect(after.length).toBeGreaterThan(0);
    for (const x of after) {
      expect(w.leaders).toContain(x.viewer);
      expect(x.view.from).not.toMatchObject({ group: { level: 'team' } });
      expect(x.view).not.toHaveProperty('pilot');
      expect(x.view).not.toHaveProperty('owner');
    }
  });

  test('6. the portfolio counts no anonymous open items of a team below k', () => {
    const p = planOf({ teams: [{ size: 6, dept: 0 }, { size: 9, dept: 2 }], weeks: [] });
    p.weeks = [week({ items: [{ at: 600, author: writer(p, 0), toManager: false, anonymous: true, pilot: true }] }), week({ changes: [{ at: 480, kind: 'threshold', a: 5, b: 0 }] })];
    const w = play(p);
    const openOf = (iso: string) => w.observations.find((o) => o.at.toISOString() === iso)!.portfolio.pilots.find((x) => x.id === 'pilot:0')!.health.openFeedback;
    expect(openOf('2027-01-11T00:01:00.000Z')).toBe(1);
    expect(openOf('2027-01-11T08:01:00.000Z')).toBe(0);
  });

  test('the portfolio\'s disclosure, loaded without released scopes, decides every pilot as the full one does and cannot show a group', () => {
    const p = planOf({ teams: [{ size: 6, dept: 0 }, { size: 3, dept: 2 }], weeks: [] });
    p.weeks = [week({ items: [{ at: 600, author: writer(p, 0), toManager: false, anonymous: true, pilot: true }, { at: 700, author: writer(p, 1), toManager: false, anonymous: true, pilot: true }] }), week()];
    const w = play(p);
    const full = w.load().disclosure;
    const bare = w.load({ partition: false }).disclosure;
    expect(() => bare.partition).toThrow(/without released scopes/);
    expect(() => bare.cellOf({ level: 'team', teamId: 'team:0' })).toThrow(/without released scopes/);
    expect(full.cellOf({ level: 'tenant' })).toBeDefined();
    const health = { ...EMPTY_HEALTH, openFeedback: 2, namedFeedback: { open: 0, oldestDays: 0 } };
    for (const team of ['team:0', 'team:1']) expect([team, bare.pilotHealth(health, team)]).toEqual([team, full.pilotHealth(health, team)]);
    expect(full.pilotHealth(health, 'team:1').openFeedback).toBe(0); // below k: its anonymous items are not counted
  });
});

// ---------------------------------------------------------------------------------------------
// Over real HTTP: generated scenarios replayed through the routes, and the classes that need the store.

describe('over real HTTP', () => {
  const clock = new ManualClock(new Date('2027-01-04T00:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock, env: { SEED_DEMO_DATA: 'false', RATE_LIMIT_FEEDBACK_PER_HOUR: '10000' } });
  });
  afterAll(() => t.stop());

  const HTTP_SCENARIOS = Number(process.env.ANONYMITY_HTTP_SCENARIOS ?? 2);
  test(`${HTTP_SCENARIOS} generated scenarios over the routes: the routes agree with the domain, and the auditor finds nothing`, async () => {
    const figures = emptyFigures();
    // Smaller shapes: every probe reads every inbox, item, summary filter, export, signals and the portfolio.
    const plans = fc.sample(planArb, { numRuns: 40, seed: 1313 }).map((p) => ({ ...p, teams: p.teams.slice(0, 4).map((x) => ({ ...x, size: Math.min(x.size, 12) })), loose: p.loose.slice(0, 4), weeks: p.weeks.slice(0, 3).map((w) => ({ ...w, rounds: [], items: w.items.map((x) => ({ ...x, pilot: false })) })) }));
    // One hand-made week of answer-backs and reopenings around the batch, then generated ones.
    const threads = planOf({ teams: [{ size: 6, dept: 0 }, { size: 3, dept: 0 }, { size: 5, dept: 2 }], loose: [1, 1], weeks: [] });
    threads.weeks = [
      week({ items: [0, 1, 2].map((n) => ({ at: 600 + n, author: writer(threads, n === 2 ? 1 : 0, n), toManager: n !== 1, anonymous: true, pilot: false })) }),
      week({ owner: [{ at: 540, item: 0 }, { at: 545, item: 1 }], steps: [{ at: DAY + 600, item: 0, kind: 'reopen' }, { at: DAY + 1030, item: 1, kind: 'reply' }, { at: 2 * DAY + 300, item: 2, kind: 'reply' }, { at: 2 * DAY + 1100, item: 1, kind: 'confirm' }] }),
    ];
    const chosen = [threads, ...plans.filter((p) => p.weeks.some((w) => w.steps.length && w.items.length))].slice(0, HTTP_SCENARIOS);
    for (const plan of chosen) {
      const world = new World(plan);
      const { observations, mismatches } = await replayOverHttp(t, clock, world);
      expect(mismatches).toEqual([]);
      const seenOverHttp = Object.assign(Object.create(World.prototype) as World, world, { observations });
      expect(audit(seenOverHttp, figures)).toEqual([]);
    }
    console.log(JSON.stringify({ http: figures }));
    expect(figures.views).toBeGreaterThan(0);
    expect(figures.timedSteps).toBeGreaterThanOrEqual(3);
  });

  /** A pilot, a round with answers (at the given instants) and the tenant, in the store. */
  async function roundWith(k: number, answers: { values: Record<string, string | number>; share?: boolean; at: string }[], closesAt = '2027-01-06T16:00:00Z') {
    const tenantId = randomUUID();
    await t.app.domain.directory.ensureTenant(tenantId);
    await t.app.store.update<TenantSettings>('directory', tenantId, 'settings', (s) => ({ ...s, anonymityThreshold: k }));
    const people = Array.from({ length: 8 }, () => randomUUID());
    const members = people.map((userId, i): Member => ({ id: `member:${userId}`, tenantId, type: 'member', userId, name: `P${i}`, timeZone: 'UTC', roles: i === 7 ? ['member', 'leader'] : ['member'], ...(i === 7 ? { entraRoles: { roles: ['leader'], verifiedAt: '2027-01-01T00:00:00Z' } } : {}), teamIds: i < 7 ? ['team:x'] : [], department: 'Ops', workDays: [1, 2, 3, 4, 5] }));
    const team: Team = { id: 'team:x', tenantId, type: 'team', name: 'Team X', kind: 'channel', department: 'Ops', managerId: people[0], memberIds: people.slice(1, 7) };
    await t.app.store.bulkCreate('directory', [...members, team]);
    const pilotId = `pilot:${randomUUID()}`;
    const pilot: Pilot = {
      id: pilotId, tenantId, type: 'pilot', title: 'Quiet mornings', practiceName: 'Focus', hypothesis: 'h', successMeasures: [], teamId: 'team:x', teamName: 'Team X', managerId: people[0], managerName: 'P0',
      cadence: { weekdays: [3], time: '09:00', everyWeeks: 1, reminderHours: 0, roundHours: 7 }, questions: [{ id: 'workload', kind: 'scale', text: 'Workload?' }, { id: 'blocker', kind: 'text', text: 'What got in the way of quiet mornings?' }],
      startDate: '2027-01-04', endDate: '2027-06-30', status: 'paused', createdAt: '', updatedAt: '', health: EMPTY_HEALTH,
    };
    const roundId = `round:${pilotId}:2027-01-06`;
    const round: Round = { id: roundId, tenantId, type: 'round', pilotId, teamId: 'team:x', date: '2027-01-06', number: 1, opensAt: '2027-01-06T09:00:00Z', closesAt, invited: people.slice(0, 7), schedule: {}, prompted: people.slice(0, 7), reminded: [], answered: [], status: 'open' };
    const docs: Answer[] = answers.map((a, i) => ({ id: `answer:${roundId}:${people[i]}`, tenantId, type: 'answer', pilotId, roundId, userId: people[i], values: a.values, shareAnonymously: !!a.share, answeredAt: a.at }));
    await t.app.store.bulkCreate('pilots', [pilot]);
    await t.app.store.bulkCreate('checkins', [round, ...docs]);
    return { tenantId, pilotId, roundId, leader: { tenantId, userId: people[7], name: 'P7', roles: ['leader'] } };
  }

  test('3. a check-in answer is shared only from a round of at least k answerers, and names its pilot only while its team may be named', async () => {
    clock.set('2027-01-06T16:00:00Z');
    const small = await roundWith(5, [{ values: { blocker: 'Only I answered.' }, share: true, at: '2027-01-06T10:00:00Z' }, { values: { workload: 3 }, at: '2027-01-06T11:00:00Z' }]);
    await t.app.domain.checkins.tick(small.tenantId);
    expect(await t.app.domain.feedback.shareCheckinAnswers(small.tenantId, small.roundId)).toBe(0);
    expect(JSON.stringify(await t.app.store.all('feedback', small.tenantId, 'SELECT * FROM c WHERE c.tenantId = @tenantId'))).not.toContain('Only I answered.');

    const big = await roundWith(5, Array.from({ length: 6 }, (_, i) => ({ values: { workload: 3, blocker: `Blocker ${i}` }, share: i === 2, at: '2027-01-06T10:00:00Z' })));
    await t.app.domain.checkins.tick(big.tenantId); // closing shares the answers marked so
    await t.app.domain.feedback.shareCheckinAnswers(big.tenantId, big.roundId); // and again is harmless
    expect(await t.app.store.all('feedback', big.tenantId, "SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.source = 'checkin'")).toHaveLength(1);
    clock.set('2027-01-12T09:00:00Z');
    const shown = async () => ((await t.api('/api/feedback/inbox', { as: big.leader })).body.items as any[]).find((i) => i.source === 'checkin');
    expect(await shown()).toMatchObject({ from: { group: { level: 'team', name: 'Team X' } }, pilot: { title: 'Quiet mornings' }, text: expect.stringContaining('What got in the way of quiet mornings?') });
    await t.app.store.update<TenantSettings>('directory', big.tenantId, 'settings', (s) => ({ ...s, anonymityThreshold: 8 }));
    const rolled = await shown();
    expect(rolled.from.group.level).not.toBe('team');
    expect(rolled).not.toHaveProperty('pilot');
    expect(rolled.text).toBe('From a check-in:\n\nBlocker 2');
  });

  test('7. round figures reach health at the scheduled close, the same whenever people answered', async () => {
    const answers = (at: (i: number) => string) => Array.from({ length: 5 }, (_, i) => ({ values: { workload: 1 + i, confidence: 4 }, at: at(i) }));
    clock.set('2027-01-06T15:59:00Z');
    const early = await roundWith(5, answers(() => '2027-01-06T09:01:00Z'));
    const late = await roundWith(5, answers((i) => `2027-01-06T15:5${i}:00Z`));
    const pilotOf = async (r: { tenantId: string; pilotId: string }) => (await t.app.store.read<Pilot>('pilots', r.tenantId, r.pilotId))!;
    for (const r of [early, late]) await t.app.domain.checkins.tick(r.tenantId);
    expect((await pilotOf(early)).roundFigures).toBeUndefined();
    clock.set('2027-01-06T16:00:00Z');
    for (const r of [early, late]) await t.app.domain.checkins.tick(r.tenantId);
    const [a, b] = [await pilotOf(early), await pilotOf(late)];
    expect(a.roundFigures).toEqual([{ date: '2027-01-06', invited: 7, answered: 5, confidence: 4, autonomy: null, workload: 3, counts: { confidence: 5, autonomy: 0, workload: 5 } }]);
    expect(b.roundFigures).toEqual(a.roundFigures);
    expect(b.health).toEqual(a.health);
  });

  test('6. on every surface: a pilot of a team below k counts no anonymous open items (page, portfolio, pilots.csv, bot card)', async () => {
    clock.set('2027-02-01T09:00:00Z');
    const { tenantId, pilotId, leader } = await roundWith(5, []);
    // Stored when the team was big enough: one anonymous item open for three weeks, nothing named.
    const neglected = { kind: 'neglected_feedback' as const, code: 'signal.open_feedback' as const, params: { count: 1, days: 21 } };
    await t.app.store.update<Pilot>('pilots', tenantId, pilotId, (p) => ({ ...p, health: { rounds: 3, participation: 0.8, confidence: 4, confidenceTrend: [4, 4, 4], openFeedback: 1, namedFeedback: { open: 0, oldestDays: 0 }, signals: [neglected], level: 'watch' } }));
    const surfaces = async () => {
      const page = (await t.api(`/api/pilots/${encodeURIComponent(pilotId)}`, { as: leader })).body.pilot.health;
      const portfolio = (await t.api('/api/leader/portfolio', { as: leader })).body;
      const csv = (await t.api('/api/leader/pilots.csv', { as: leader })).body as string;
      const unfurl = await t.activity(invokeActivity(t.connector.url, leader, 'composeExtension/queryLink', { url: `https://leaderful.test/pilots/${encodeURIComponent(pilotId)}` }));
      const card = JSON.stringify(unfurl.body.composeExtension.attachments[0].content);
      // The named part of the count is internal: its presence alone would say anonymous items exist.
      expect(page).not.toHaveProperty('namedFeedback');
      expect(portfolio.pilots[0].health).not.toHaveProperty('namedFeedback');
      return { page: [page.openFeedback, page.level], portfolio: [portfolio.pilots[0].health.openFeedback, portfolio.pilots[0].health.level, portfolio.totals.openFeedback], csv: csv.split('\n')[1], card };
    };
    // Team X has seven people: at k=5 its counts may show, on every surface alike.
    const big = await surfaces();
    expect(big.page).toEqual([1, 'watch']);
    expect(big.portfolio).toEqual([1, 'watch', 1]);
    expect(big.csv).toContain('"1","watch","neglected_feedback');
    expect(big.card).toContain('Watch');
    // At k=8 it is below k: no surface counts the item, nor lets it tip the health level.
    await t.app.store.update<TenantSettings>('directory', tenantId, 'settings', (s) => ({ ...s, anonymityThreshold: 8 }));
    const small = await surfaces();
    expect(small.page).toEqual([0, 'good']);
    expect(small.portfolio).toEqual([0, 'good', 0]);
    expect(small.csv).toContain('"0","good","');
    expect(small.card).not.toContain('Watch');
    expect(small.card).toContain('Good');
  });

  test('5. statistics are decided at read time too: raised past a round\'s answerers, its stored averages are withheld everywhere', async () => {
    clock.set('2027-01-06T16:00:00Z');
    const { tenantId, pilotId, leader } = await roundWith(5, Array.from({ length: 5 }, (_, i) => ({ values: { workload: 2, confidence: 4 }, at: `2027-01-06T10:0${i}:00Z` })));
    await t.app.domain.checkins.tick(tenantId);
    clock.set('2027-01-12T09:00:00Z');
    const shown = async () => {
      const page = (await t.api(`/api/pilots/${encodeURIComponent(pilotId)}`, { as: leader })).body.pilot;
      const portfolio = (await t.api('/api/leader/portfolio', { as: leader })).body;
      return { figures: page.roundFigures.map((f: any) => [f.confidence, f.workload]), health: [page.health.confidence, page.health.signals.map((x: any) => x.code)], portfolio: [portfolio.pilots[0].health.confidence, portfolio.trend.map((w: any) => w.confidence)] };
    };
    expect(await shown()).toEqual({ figures: [[4, 2]], health: [4, ['signal.workload_low']], portfolio: [4, [4]] });
    await t.app.store.update<TenantSettings>('directory', tenantId, 'settings', (s) => ({ ...s, anonymityThreshold: 6 }));
    expect(await shown()).toEqual({ figures: [[null, null]], health: [null, []], portfolio: [null, [null]] });
  });

  test('the summary filter takes bot-installed team ids', async () => {
    const { leader } = await roundWith(5, []);
    const res = await t.api(`/api/feedback/summary?teamId=${encodeURIComponent('team:19:abc-DEF_1@thread.tacv2')}`, { as: leader });
    expect(res.status).toBe(404); // a well-formed id of no team in this tenant: not found, not 400
    expect((await t.api('/api/feedback/summary?teamId=team:x', { as: leader })).status).toBe(200);
    expect((await t.api(`/api/feedback/summary?teamId=${encodeURIComponent('team x<')}`, { as: leader })).status).toBe(400);
  });
});
