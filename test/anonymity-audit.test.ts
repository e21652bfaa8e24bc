import fc from 'fast-check';
import { pooledMean } from '../domain/anonymity';
import { roundFigures } from '../domain/checkins/closing';
import { deriveHealth } from '../domain/pilots';
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
});
