import fc from 'fast-check';
import { audit, emptyFigures } from './helpers/anonymity-auditor';
import { World, planArb } from './helpers/anonymity-world';

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
