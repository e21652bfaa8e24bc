import fc from 'fast-check';
import { Roster, addWeeks, effectiveThreshold, isReleased, weekOf, type RosterMember, type RosterTeam, type Scope } from '../domain/anonymity';

/**
 * The anonymity rules on their own, for any organisation: random rosters, thresholds and viewers.
 * Every cell of the partition is at least k people without the viewer, every remainder a
 * subtraction could expose is too, and something from a small team is never shown as that team.
 */
const DEPTS = ['Ops', 'Lab', 'Sales', undefined] as const;

const organisation = fc
  .record({
    k: fc.integer({ min: 3, max: 8 }),
    teams: fc.array(fc.record({ size: fc.integer({ min: 0, max: 10 }), dept: fc.constantFrom(...DEPTS), overlap: fc.integer({ min: 0, max: 2 }) }), { minLength: 0, maxLength: 7 }),
    loose: fc.array(fc.record({ dept: fc.constantFrom(...DEPTS) }), { maxLength: 8 }),
    viewer: fc.nat(),
  })
  .map(({ k, teams, loose, viewer }) => {
    let n = 0;
    const id = () => `u${n++}`;
    const rosterTeams: RosterTeam[] = [];
    const members: RosterMember[] = [];
    teams.forEach((t, i) => {
      const memberIds = Array.from({ length: t.size }, id);
      // Some people are in two teams.
      const previous = rosterTeams[i - 1];
      if (previous && t.overlap) memberIds.push(...previous.memberIds.slice(0, t.overlap));
      const managerId = id();
      rosterTeams.push({ id: `team:${i}`, name: `Team ${i}`, department: t.dept, managerId, memberIds });
      for (const m of [...memberIds, managerId]) members.push({ userId: m, department: t.dept });
    });
    for (const l of loose) members.push({ userId: id(), department: l.dept });
    const everyone = [...new Set(members.map((m) => m.userId))];
    return { k, roster: new Roster(rosterTeams, members), teams: rosterTeams, everyone, viewer: everyone.length ? everyone[viewer % everyone.length] : undefined };
  });

function peopleOf(roster: Roster, teams: RosterTeam[], cell: { level: string; teamIds: string[]; department?: string }, shownTeamIds: Set<string>, viewer?: string): Set<string> {
  let people: Set<string>;
  if (cell.level === 'team') people = roster.people({ level: 'team', teamId: cell.teamIds[0] });
  else if (cell.level === 'department') {
    people = roster.people({ level: 'department', department: cell.department });
    for (const t of teams.filter((x) => x.department === cell.department && shownTeamIds.has(x.id))) for (const p of roster.teamPeople(t)) people.delete(p);
  } else people = roster.people({ level: 'tenant' });
  if (viewer) people.delete(viewer);
  return people;
}

describe('the partition', () => {
  test('every cell, and every remainder, holds at least k people other than the viewer', () => {
    fc.assert(
      fc.property(organisation, ({ k, roster, teams, viewer }) => {
        const partition = roster.partition(k, [viewer]);
        const shownTeams = new Set(partition.cells.filter((c) => c.level === 'team').flatMap((c) => c.teamIds));
        for (const cell of partition.cells) {
          expect(cell.people).toBeGreaterThanOrEqual(k);
          if (cell.level !== 'tenant') expect(peopleOf(roster, teams, cell, shownTeams, viewer).size).toBe(cell.people);
        }
        // Team cells are teams of at least k.
        for (const id of shownTeams) expect(roster.crowd({ level: 'team', teamId: id }, [viewer])).toBeGreaterThanOrEqual(k);
      }),
      { numRuns: 400 },
    );
  });

  test('something from a team below k is never shown as that team; everything lands somewhere unless the organisation itself is too small', () => {
    fc.assert(
      fc.property(organisation, ({ k, roster, teams, everyone, viewer }) => {
        const scopes: Scope[] = [...teams.map((t) => ({ level: 'team' as const, teamId: t.id })), ...DEPTS.filter(Boolean).map((d) => ({ level: 'department' as const, department: d })), { level: 'tenant' as const }];
        const partition = roster.partition(k, [viewer], scopes);
        const big = everyone.filter((p) => p !== viewer).length >= k;
        for (const scope of scopes) {
          const cell = partition.cellOf(scope);
          if (!big) {
            expect(cell).toBeUndefined();
            continue;
          }
          // The organisation is big enough: nothing disappears.
          if (scope.level === 'tenant' || roster.people(scope).size > 0) expect(cell).toBeDefined();
          if (!cell) continue;
          expect(cell.people).toBeGreaterThanOrEqual(k);
          if (scope.level === 'team' && roster.crowd(scope, [viewer]) < k) expect(cell.level).not.toBe('team');
          if (cell.level === 'team') expect(cell.teamIds).toEqual([scope.teamId]);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('roll-up climbs team → department → organisation to the first group of at least k', () => {
    fc.assert(
      fc.property(organisation, ({ k, roster, teams, viewer }) => {
        for (const t of teams) {
          const scope = roster.rollUp({ level: 'team', teamId: t.id }, k, [viewer]);
          if (!scope) {
            expect(roster.crowd({ level: 'tenant' }, [viewer])).toBeLessThan(k);
            continue;
          }
          expect(roster.crowd(scope, [viewer])).toBeGreaterThanOrEqual(k);
          if (scope.level !== 'team') expect(roster.crowd({ level: 'team', teamId: t.id }, [viewer])).toBeLessThan(k);
          if (scope.level === 'tenant' && t.department) expect(roster.crowd({ level: 'department', department: t.department }, [viewer])).toBeLessThan(k);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a filter only ever returns cells of the one partition', () => {
    fc.assert(
      fc.property(organisation, fc.constantFrom('team:0', 'team:1', 'team:2', 'team:9'), fc.constantFrom(...DEPTS), ({ k, roster, viewer }, teamId, department) => {
        const partition = roster.partition(k, [viewer]);
        const keys = new Set(partition.cells.map((c) => c.key));
        for (const filter of [{ teamId }, { department }, {}]) for (const c of partition.select(filter)) expect(keys.has(c.key)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('coarse time and the threshold setting', () => {
  test('weeks start on Monday (UTC); an item is released once its week has ended', () => {
    expect(weekOf(new Date('2026-03-02T00:00:00Z'))).toBe('2026-03-02');
    expect(weekOf(new Date('2026-03-08T23:59:59Z'))).toBe('2026-03-02');
    expect(weekOf(new Date('2026-03-09T00:00:00Z'))).toBe('2026-03-09');
    expect(addWeeks('2026-03-02', 2)).toBe('2026-03-16');
    expect(isReleased('2026-03-02', new Date('2026-03-08T23:59:59Z'))).toBe(false);
    expect(isReleased('2026-03-02', new Date('2026-03-09T00:00:00Z'))).toBe(true);
  });

  test('a stored threshold outside 3–25 is clamped, never trusted', () => {
    expect([effectiveThreshold(1), effectiveThreshold(99), effectiveThreshold('x'), effectiveThreshold(7)]).toEqual([3, 25, 5, 7]);
  });
});
