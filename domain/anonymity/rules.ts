import { z } from 'zod';
import { says } from '../shared/validation';
import type { GroupLabel } from '../shared/codes';

/**
 * The anonymity rules, in one place and pure (no store, no clock), so they can be read, tested
 * and reasoned about on their own.
 *
 *  - A *crowd* is the set of people who could have written something, as far as the person
 *    looking can tell. Nothing anonymous, and no breakdown of any group, is shown to someone
 *    unless that crowd, without the viewer themself, holds at least the tenant's threshold (k).
 *  - Groups are team → department → organisation. Something from a group below k is shown as
 *    coming from the next level up, never dropped and never shown at the finer level.
 *  - Every aggregate is a slice of ONE partition of the organisation into cells (big teams, "other
 *    teams in a department", "rest of the organisation"), built so that every cell, and every
 *    remainder one could get by subtracting cells from a total, is itself at least k people
 *    (complementary suppression). Query filters only pick cells; they never form new groups, so
 *    asking "with and without one person" is impossible.
 *  - Time is coarse: anonymous items carry the ISO week they were created in, and are released
 *    (to owners, lists and aggregates) only once that week has ended.
 */
export const THRESHOLD_MIN = 3;
export const THRESHOLD_MAX = 25;
export const DEFAULT_THRESHOLD = 5;

export const thresholdSchema = z
  .object({
    anonymityThreshold: z
      .number({ invalid_type_error: says('not_whole') })
      .int()
      .min(THRESHOLD_MIN)
      .max(THRESHOLD_MAX),
  })
  .strict();

/** A stored threshold outside the allowed range (older data, a bad import) is clamped, never trusted. */
export function effectiveThreshold(value: unknown): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : DEFAULT_THRESHOLD;
  return Math.max(THRESHOLD_MIN, Math.min(THRESHOLD_MAX, n));
}

// ---------------------------------------------------------------------------------------------
// Coarse time: ISO weeks (Monday, UTC) as YYYY-MM-DD.

const DAY = 86_400_000;

/** The Monday (UTC) of the week `at` falls in. */
export function weekOf(at: Date): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * DAY).toISOString().slice(0, 10);
}

export function addWeeks(week: string, n: number): string {
  return new Date(Date.parse(`${week}T00:00:00Z`) + n * 7 * DAY).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** An item created in `week` is released once that whole week has ended. */
export function isReleased(week: string, now: Date): boolean {
  return week < weekOf(now);
}

// ---------------------------------------------------------------------------------------------
// Groups and crowds.

export type Level = 'team' | 'department' | 'tenant';

/** Where an item is attributed: the finest group it may ever be shown as coming from. */
export interface Scope {
  level: Level;
  teamId?: string;
  department?: string;
  /**
   * Department and organisation scopes: what the group was made of when the item was written
   * (`team:<id>` and `department:<name>` keys). It may only be shown in a cell that still holds
   * all of it, so a label never claims a narrower group than the one the contributor was hidden in.
   */
  within?: string[];
}

export interface RosterTeam {
  id: string;
  name: string;
  department?: string;
  managerId?: string;
  memberIds: string[];
}

export interface RosterMember {
  userId: string;
  department?: string;
  managerId?: string;
}

/**
 * What a group is called, as data: a team's or department's name (names are data, shown as they
 * are), the rest of a department's teams, or the organisation (or what is left of it). Faces word
 * it ("Ops (other teams)", "Rest of the organisation") in their reader's language.
 */
export type { GroupLabel };

export interface Cell {
  key: string;
  level: Level;
  /** What people see: a team, "Operations (other teams)", "Rest of the organisation". */
  label: GroupLabel;
  department?: string;
  teamIds: string[];
  /** The crowd, without the viewer. At least k by construction. */
  people: number;
}

const TENANT_KEY = 'tenant';
const deptKey = (d: string) => `department:${d}`;
const teamKey = (id: string) => `team:${id}`;

export class Roster {
  private readonly teamsById = new Map<string, RosterTeam>();
  private readonly deptPeople = new Map<string, Set<string>>();
  private readonly everyone = new Set<string>();
  private readonly unitOfPerson = new Map<string, string>();

  constructor(
    readonly teams: RosterTeam[],
    members: RosterMember[],
  ) {
    for (const t of teams) {
      this.teamsById.set(t.id, t);
      for (const id of this.teamPeople(t)) {
        this.everyone.add(id);
        if (t.department) this.addToDept(t.department, id);
      }
    }
    for (const m of members) {
      this.everyone.add(m.userId);
      if (m.department) {
        this.addToDept(m.department, m.userId);
        this.unitOfPerson.set(m.userId, m.department);
      }
    }
  }

  private addToDept(d: string, id: string) {
    let set = this.deptPeople.get(d);
    if (!set) this.deptPeople.set(d, (set = new Set()));
    set.add(id);
  }

  team(id: string | undefined): RosterTeam | undefined {
    return id ? this.teamsById.get(id) : undefined;
  }

  /** Members and manager of a team. */
  teamPeople(t: RosterTeam): Set<string> {
    return new Set([...t.memberIds, ...(t.managerId ? [t.managerId] : [])]);
  }

  departments(): string[] {
    return [...this.deptPeople.keys()].sort();
  }

  /** Everyone who could be behind something attributed to `scope`. */
  people(scope: Scope): Set<string> {
    if (scope.level === 'team') {
      const t = this.team(scope.teamId);
      return t ? this.teamPeople(t) : new Set();
    }
    if (scope.level === 'department') return new Set(this.deptPeople.get(scope.department ?? '') ?? []);
    return new Set(this.everyone);
  }

  /** The crowd of a scope as seen by someone who knows they are not any of `exclude`. */
  crowd(scope: Scope, exclude: (string | undefined)[] = []): number {
    const set = this.people(scope);
    for (const id of exclude) if (id) set.delete(id);
    return set.size;
  }

  /** Where someone writing from `teamId` (or from no team) belongs: that team, else their unit, else the organisation. */
  home(userId: string, teamId?: string): Scope {
    if (teamId && this.team(teamId)) return { level: 'team', teamId };
    const d = this.unitOfPerson.get(userId);
    return d ? { level: 'department', department: d } : { level: 'tenant' };
  }

  /** The next level up: team → its department (or the organisation) → organisation. */
  parent(scope: Scope): Scope | undefined {
    if (scope.level === 'team') {
      const d = this.team(scope.teamId)?.department;
      return d ? { level: 'department', department: d } : { level: 'tenant' };
    }
    if (scope.level === 'department') return { level: 'tenant' };
    return undefined;
  }

  /** The finest scope at or above `scope` whose crowd (without `exclude`) reaches k; undefined if even the organisation is too small. */
  rollUp(scope: Scope, k: number, exclude: (string | undefined)[] = []): Scope | undefined {
    for (let s: Scope | undefined = scope; s; s = this.parent(s)) {
      if (this.crowd(s, exclude) >= k) return normalise(s);
    }
    return undefined;
  }

  label(scope: Scope): GroupLabel {
    if (scope.level === 'team') return { level: 'team', name: this.team(scope.teamId)?.name };
    if (scope.level === 'department') return { level: 'department', name: scope.department };
    return { level: 'organisation' };
  }

  /**
   * One partition of the organisation into cells of at least k people (without `exclude`), with
   * complementary suppression. `itemScopes` are the scopes of the items about to be shown or
   * counted: a cell that would receive items but has too few people makes its level collapse.
   */
  partition(k: number, exclude: (string | undefined)[] = [], itemScopes: Scope[] = []): Partition {
    const ex = new Set(exclude.filter((x): x is string => !!x));
    const without = (s: Set<string>) => new Set([...s].filter((id) => !ex.has(id)));
    const union = (sets: Set<string>[]) => new Set(sets.flatMap((s) => [...s]));
    const minus = (a: Set<string>, b: Set<string>) => new Set([...a].filter((x) => !b.has(x)));
    const byPeople = <T extends { people: Set<string>; key: string }>(a: T, b: T) => a.people.size - b.people.size || a.key.localeCompare(b.key);

    const all = without(this.everyone);
    if (all.size < k) return new Partition(this, [], new Map(), new Map(), undefined);

    interface Unit {
      key: string;
      department?: string;
      people: Set<string>;
      teams: { key: string; team: RosterTeam; people: Set<string> }[];
      rest: Set<string>;
    }
    const teamUnit = (t: RosterTeam) => ({ key: teamKey(t.id), team: t, people: without(this.teamPeople(t)) });

    // Departments of at least k, each split into big teams plus a remainder of at least k (or none).
    const units: Unit[] = [];
    for (const d of this.departments()) {
      const people = without(this.deptPeople.get(d)!);
      if (people.size < k) continue;
      let teams = this.teams.filter((t) => t.department === d).map(teamUnit).filter((t) => t.people.size >= k);
      let rest = minus(people, union(teams.map((t) => t.people)));
      while (rest.size > 0 && rest.size < k && teams.length) {
        teams = [...teams].sort(byPeople).slice(1);
        rest = minus(people, union(teams.map((t) => t.people)));
      }
      units.push({ key: deptKey(d), department: d, people, teams, rest });
    }
    // Teams without a department stand directly under the organisation when big enough.
    for (const t of this.teams.filter((x) => !x.department).map(teamUnit)) {
      if (t.people.size >= k) units.push({ key: t.key, people: t.people, teams: [t], rest: new Set() });
    }

    // Whatever of the organisation is not in a unit is the remainder; it too must reach k or be empty.
    let shown = units;
    let rest = minus(all, union(shown.map((u) => u.people)));
    while (rest.size > 0 && rest.size < k && shown.length) {
      shown = [...shown].sort(byPeople).slice(1);
      rest = minus(all, union(shown.map((u) => u.people)));
    }

    const build = (unitList: Unit[], collapsedDepts: Set<string>) => {
      const cells: Cell[] = [];
      const teamCell = new Map<string, string>();
      const deptCell = new Map<string, string>();
      for (const u of unitList) {
        if (u.department === undefined) {
          const t = u.teams[0];
          cells.push({ key: t.key, level: 'team', label: { level: 'team', name: t.team.name }, teamIds: [t.team.id], people: t.people.size });
          teamCell.set(t.team.id, t.key);
          continue;
        }
        const d = u.department;
        const split = !collapsedDepts.has(d) && u.teams.length > 0;
        if (split) {
          for (const t of u.teams) {
            cells.push({ key: t.key, level: 'team', label: { level: 'team', name: t.team.name }, department: d, teamIds: [t.team.id], people: t.people.size });
            teamCell.set(t.team.id, t.key);
          }
        }
        const restPeople = split ? u.rest : u.people;
        const shownTeams = new Set(split ? u.teams.map((t) => t.team.id) : []);
        const otherTeams = this.teams.filter((t) => t.department === d && !shownTeams.has(t.id)).map((t) => t.id);
        if (restPeople.size > 0) {
          cells.push({ key: u.key, level: 'department', label: split ? { level: 'department', name: d, otherTeams: true } : { level: 'department', name: d }, department: d, teamIds: otherTeams, people: restPeople.size });
        }
        deptCell.set(d, restPeople.size > 0 ? u.key : '');
      }
      return { cells, teamCell, deptCell };
    };

    // Place the items; any that would land in a cell too small for them collapses its level.
    const collapsed = new Set<string>();
    for (let pass = 0; pass < 4; pass++) {
      const { cells, teamCell, deptCell } = build(shown, collapsed);
      const restCell: Cell | undefined = rest.size > 0 || !cells.length ? { key: TENANT_KEY, level: 'tenant', label: cells.length ? { level: 'organisation', rest: true } : { level: 'organisation' }, teamIds: [], people: cells.length ? rest.size : all.size } : undefined;
      const partition = new Partition(this, restCell ? [...cells, restCell] : cells, teamCell, deptCell, restCell?.key);
      let again = false;
      for (const scope of itemScopes) {
        const cell = partition.cellOf(scope);
        if (cell) continue;
        // No cell with people for it: collapse its department, or the whole breakdown.
        const d = scope.level === 'team' ? this.team(scope.teamId)?.department : scope.department;
        if (d && deptCell.has(d) && !collapsed.has(d)) collapsed.add(d);
        else shown = [];
        again = true;
      }
      if (!again) return partition;
      if (!shown.length) rest = all;
    }
    const whole: Cell = { key: TENANT_KEY, level: 'tenant', label: { level: 'organisation' }, teamIds: [], people: all.size };
    return new Partition(this, [whole], new Map(), new Map(), TENANT_KEY);
  }
}

function normalise(s: Scope): Scope {
  if (s.level === 'team') return { level: 'team', teamId: s.teamId };
  if (s.level === 'department') return { level: 'department', department: s.department };
  return { level: 'tenant' };
}

export class Partition {
  private readonly byKey: Map<string, Cell>;

  constructor(
    private readonly roster: Roster,
    readonly cells: Cell[],
    private readonly teamCell: Map<string, string>,
    private readonly deptCell: Map<string, string>,
    private readonly restKey: string | undefined,
  ) {
    this.byKey = new Map(cells.map((c) => [c.key, c]));
  }

  get(key: string): Cell | undefined {
    return this.byKey.get(key);
  }

  /** The one cell something attributed to `scope` is shown in (undefined: shown nowhere). */
  cellOf(scope: Scope): Cell | undefined {
    if (!this.cells.length) return undefined;
    let key: string | undefined;
    if (scope.level === 'team') {
      key = this.teamCell.get(scope.teamId ?? '');
      if (!key) {
        const d = this.roster.team(scope.teamId)?.department;
        key = d !== undefined && this.deptCell.has(d) ? this.deptCell.get(d) || undefined : this.restKey;
        if (d !== undefined && this.deptCell.has(d) && !this.deptCell.get(d)) return undefined;
      }
    } else if (scope.level === 'department') {
      const d = scope.department ?? '';
      if (this.deptCell.has(d)) {
        key = this.deptCell.get(d) || undefined;
        if (!key) return undefined;
      } else key = this.restKey;
    } else key = this.restKey;
    const cell = key ? this.byKey.get(key) : undefined;
    if (!cell || cell.people <= 0) return undefined;
    // A team that no longer exists holds nobody now: it cannot narrow anything.
    const parts = scope.within?.filter((part) => !part.startsWith('team:') || this.roster.team(part.slice('team:'.length)));
    if (parts && !parts.every((part) => this.cellKeyOfPart(part) === cell.key)) return undefined;
    return cell;
  }

  /** The cell a team's people, or a department's people outside teams, are counted in. */
  private cellKeyOfPart(part: string): string | undefined {
    if (part.startsWith('team:')) {
      const id = part.slice('team:'.length);
      const direct = this.teamCell.get(id);
      if (direct) return direct;
      const d = this.roster.team(id)?.department;
      return d !== undefined && this.deptCell.has(d) ? this.deptCell.get(d) || undefined : this.restKey;
    }
    const d = part.slice('department:'.length);
    return this.deptCell.has(d) ? this.deptCell.get(d) || undefined : this.restKey;
  }

  /** What a cell is made of, as `within` keys (for attributing something to it when written). */
  partsOf(cell: Cell): string[] {
    const teams = this.roster.teams.filter((t) => this.cellKeyOfPart(teamKey(t.id)) === cell.key).map((t) => teamKey(t.id));
    const depts = this.roster.departments().filter((d) => this.cellKeyOfPart(deptKey(d)) === cell.key).map(deptKey);
    return [...teams, ...depts].sort();
  }

  /** Cells a filter selects: a team picks the cell it is counted in; a department its cells. */
  select(filter: { teamId?: string; department?: string }): Cell[] {
    if (filter.teamId) {
      const cell = this.cellOf({ level: 'team', teamId: filter.teamId });
      return cell ? [cell] : [];
    }
    if (filter.department) {
      const inDept = this.cells.filter((c) => c.department === filter.department);
      if (inDept.length) return inDept;
      const cell = this.cellOf({ level: 'department', department: filter.department });
      return cell ? [cell] : [];
    }
    return this.cells;
  }
}

/** What a closed round's summary carries that anonymity governs (the rest is schedule and names). */
export interface SummaryFigures {
  answered: number;
  confidence: number | null;
  previousConfidence: number | null;
  blockers: string[];
  /** The threshold the summary was decided under, when the round closed. */
  threshold: number;
}

/**
 * A stored round summary as shown today. It was decided at close under the threshold then; if k has
 * been raised since, each figure stays only while the people behind it still reach today's k (class
 * 5 of the anonymity rules: figures are decided at read time). `confidenceAnswers` is how many
 * answered the confidence question (the round's figures), else everyone who answered.
 */
export function summaryAsShown<S extends SummaryFigures>(summary: S, confidenceAnswers: number | undefined, k: number): S {
  if (k <= summary.threshold) return summary;
  const enough = summary.answered >= k;
  return {
    ...summary,
    confidence: (confidenceAnswers ?? summary.answered) >= k ? summary.confidence : null,
    // The previous round's people are not known here: never shown once k has moved past its decision.
    previousConfidence: null,
    blockers: enough ? summary.blockers : [],
    threshold: k,
  };
}
