import { weekOf, type GroupLabel, type Roster } from '../../domain/anonymity';
import type { SummaryGroup } from '../../domain/feedback/views';
import { addDays, zonedTime } from '../../domain/shared/schedule';
import { QUESTIONS, type Observation, type World } from './anonymity-world';

/**
 * The auditor: from everything the observer collected, the smallest set of people any pair of
 * observations leaves an anonymous contributor in, and every statistic, count and timing that
 * would single someone out. It reasons from what the views say (labels, the cells a summary
 * lists, figures, when things appeared) and from what an insider knows (the roster at each
 * time, who answered a round), never from disclosure's own decisions.
 */

export interface Figures {
  scenarios: number;
  observations: number;
  views: number;
  itemPairs: number;
  statistics: number;
  timedSteps: number;
  smallestSet: number;
  /** The smallest margin over k any pair of observations of an item left (0: exactly k). */
  tightestMargin: number;
}

export const emptyFigures = (): Figures => ({ scenarios: 0, observations: 0, views: 0, itemPairs: 0, statistics: 0, timedSteps: 0, smallestSet: Infinity, tightestMargin: Infinity });

type Cells = SummaryGroup[];

const teamIdByName = (roster: Roster, name?: string) => roster.teams.find((t) => t.name === name)?.id;
const union = (sets: Iterable<string>[]) => new Set([...sets].flatMap((s) => [...s]));

/** The people a group label stands for, with the membership of `at` (the roster then), and the cells shown with it. */
export function peopleOf(label: GroupLabel, cells: Cells, at: Roster, now: Roster): Set<string> {
  const team = (name?: string) => {
    const t = at.team(teamIdByName(now, name));
    return t ? at.teamPeople(t) : new Set<string>();
  };
  const dept = (d?: string) => at.people({ level: 'department', department: d });
  if (label.level === 'team') return team(label.name);
  if (label.level === 'department') {
    const people = dept(label.name);
    if (label.otherTeams) for (const c of cells) if (c.level === 'team' && c.department === label.name) for (const p of team(c.teams[0])) people.delete(p);
    return people;
  }
  const everyone = at.people({ level: 'tenant' });
  if (!label.rest) return everyone;
  const others = cells.filter((c) => c.level !== 'tenant');
  const covered = union([...others.filter((c) => c.level === 'team' && !c.department).map((c) => team(c.teams[0])), ...[...new Set(others.filter((c) => c.department).map((c) => c.department!))].map(dept)]);
  return new Set([...everyone].filter((p) => !covered.has(p)));
}

const cellsOf = (o: Observation): Cells => o.summaries.find((s) => !Object.keys(s.filter).length)?.summary.groups ?? [];

export function audit(world: World, figures: Figures): string[] {
  const problems: string[] = [];
  const fail = (what: string) => problems.push(what);
  figures.scenarios++;
  figures.observations += world.observations.length;

  // 1. Anonymous items: every pair of observations, across routes and over time.
  const seen = new Map<string, Map<string, { label: GroupLabel; cells: Cells; now: Roster; viewers: Set<string>; readers: string[] }>>();
  const contexts = new Map<string, number>();
  for (const o of world.observations) {
    const cells = cellsOf(o);
    const context = JSON.stringify([cells.map((c) => [c.key, c.label, c.teams]), o.roster.teams]);
    const cellsKey = `#${contexts.get(context) ?? (contexts.set(context, contexts.size), contexts.size - 1)}`;
    for (const { viewer, view } of o.items) {
      figures.views++;
      if (!view.anonymous || !('group' in view.from)) continue;
      const label = view.from.group;
      const key = JSON.stringify(label) + cellsKey;
      const per = seen.get(view.id) ?? new Map();
      seen.set(view.id, per);
      const entry = per.get(key) ?? { label, cells, now: o.roster, viewers: new Set<string>(), readers: o.readers };
      entry.viewers.add(viewer);
      per.set(key, entry);
      // A pilot is named only with its own team's label.
      if (view.pilot && label.level !== 'team') fail(`item ${view.id} names pilot ${view.pilot.title} under ${JSON.stringify(label)}`);
      if (view.owner && view.audience === 'manager' && label.level !== 'team') fail(`item ${view.id} names its manager under ${JSON.stringify(label)}`);
    }
  }
  for (const [id, per] of seen) {
    const truth = world.truth.get(id)!;
    const groups = [...per.values()].map((g) => ({ ...g, people: peopleOf(g.label, g.cells, truth.roster, g.now) }));
    for (const g of groups) if (!g.people.has(truth.author)) fail(`item ${id}: label ${JSON.stringify(g.label)} does not hold its contributor`);
    const excluded = new Set([...groups.flatMap((g) => [...g.viewers, ...g.readers])]);
    for (let i = 0; i < groups.length; i++) {
      for (let j = i; j < groups.length; j++) {
        figures.itemPairs++;
        const both = [...groups[i].people].filter((p) => groups[j].people.has(p) && !excluded.has(p)).length;
        figures.smallestSet = Math.min(figures.smallestSet, both);
        figures.tightestMargin = Math.min(figures.tightestMargin, both - truth.k);
        if (both < truth.k) fail(`item ${id}: ${JSON.stringify(groups[i].label)} and ${JSON.stringify(groups[j].label)} leave ${both} < k=${truth.k}`);
      }
    }
  }

  // 2. Statistics: k per question, per round; pooled figures only of shown parts, over at least k.
  for (const r of world.rounds) {
    for (const q of QUESTIONS) {
      const value = r.figures[q];
      const n = r.answerers[q].length;
      if (value !== null) {
        figures.statistics++;
        figures.smallestSet = Math.min(figures.smallestSet, n);
        if (n < r.k || r.figures.counts?.[q] !== n) fail(`round ${r.id}: ${q} average over ${n} (k=${r.k})`);
      }
    }
  }
  const roundWeek = new Map(world.rounds.map((r) => [r.id, weekOf(new Date(`${r.date}T12:00:00Z`))]));
  for (const o of world.observations) {
    const window = weekOf(o.at);
    for (const point of o.portfolio.trend) {
      if (point.confidence === null) continue;
      figures.statistics++;
      const parts = world.rounds.filter((r) => roundWeek.get(r.id) === point.week && r.figures.confidence !== null);
      const n = parts.reduce((a, r) => a + r.answerers.confidence.length, 0);
      if (n < o.k) fail(`trend ${point.week}: confidence over ${n} < k=${o.k}`);
    }
    for (const s of o.signals) {
      const cell = cellsOf(o).find((c) => c.key === s.group.key);
      if (!cell) fail(`signal for a group that is no cell: ${JSON.stringify(s.group)}`);
      for (const q of ['workload', 'autonomy'] as const) {
        for (const point of (s.figures[q] as { week: string; answers: number }[] | undefined) ?? []) {
          figures.statistics++;
          const teams = new Set((cell?.teams ?? []).map((name) => teamIdByName(o.roster, name)));
          const parts = world.rounds.filter((r) => r.date < window && roundWeek.get(r.id) === point.week && r.figures[q] !== null && (cell?.level === 'team' ? teams.has(r.teamId) : true));
          if (point.answers < o.k) fail(`signal ${s.code}: ${q} over ${point.answers} < k=${o.k}`);
          if (cell?.level === 'team' && point.answers !== parts.reduce((a, r) => a + r.answerers[q].length, 0)) fail(`signal ${s.code}: ${q} pools something not shown`);
        }
      }
    }
  }

  // 3. Counts: every cell shown is at least k people now; filters only pick cells; small teams' pilots count no anonymous items.
  let previous: Observation | undefined;
  let previousShape = '';
  for (const o of world.observations) {
    const oShape = rosterShape(o);
    const cells = cellsOf(o);
    const readers = new Set(o.readers);
    for (const c of cells) {
      const people = [...peopleOf(c.label, cells, o.roster, o.roster)].filter((p) => !readers.has(p)).length;
      if (people < o.k) fail(`cell ${c.key} holds ${people} < k=${o.k}`);
    }
    for (const s of o.summaries) {
      const all = o.summaries.find((x) => x.weeks === s.weeks && !Object.keys(x.filter).length)!.summary.groups;
      for (const g of s.summary.groups) {
        const same = all.find((x) => x.key === g.key);
        if (!same || JSON.stringify(same) !== JSON.stringify(g)) fail(`filter ${JSON.stringify(s.filter)} made a group of its own: ${g.key}`);
      }
    }
    for (const p of o.portfolio.pilots) {
      if (o.roster.crowd({ level: 'team', teamId: p.teamId }, o.readers) < o.k && p.health.openFeedback !== o.namedOpen.get(p.id)) fail(`pilot ${p.id}: counts anonymous items of a team below k`);
    }
    const total = o.portfolio.pilots.reduce((a, p) => a + p.health.openFeedback, 0);
    if (o.portfolio.totals.openFeedback !== total) fail('portfolio total is not the sum of what it shows');
    // One partition per release window: the same roster and threshold in the same week give the same cells and labels.
    if (previous && weekOf(previous.at) === weekOf(o.at) && previousShape === oShape) {
      const shape = (cs: Cells) => JSON.stringify(cs.map((c) => [c.key, c.label, c.teams]));
      if (shape(cellsOf(previous)) !== shape(cells)) fail(`cells moved within the week at ${o.at.toISOString()}`);
      const before = new Map(previous.items.map((x) => [`${x.viewer}|${x.view.id}`, JSON.stringify(x.view.from)]));
      for (const x of o.items) {
        const was = before.get(`${x.viewer}|${x.view.id}`);
        if (was !== undefined && was !== JSON.stringify(x.view.from)) fail(`label of ${x.view.id} moved within the week`);
      }
    }
    previous = o;
    previousShape = oShape;
  }

  // 4. Timing: what an owner sees of anonymous contributors' steps changes only at a daily batch.
  const batches = (from: Date, to: Date) => {
    const out: number[] = [];
    for (let d = addDays(from.toISOString().slice(0, 10), -1); d <= to.toISOString().slice(0, 10); d = addDays(d, 1)) out.push(zonedTime(d, '17:00', world.plan.tz).getTime());
    return out.filter((b) => b > from.getTime() && b <= to.getTime());
  };
  const signature = new Map<string, { at: Date; sig: string }>();
  for (const o of world.observations) {
    for (const { view } of o.items) {
      if (!view.anonymous) continue;
      const sig = JSON.stringify([view.entries.filter((e) => e.from === 'contributor').length, view.contributorVerdict ?? null]);
      const last = signature.get(view.id);
      if (last && last.sig !== sig) {
        figures.timedSteps++;
        if (!batches(last.at, o.at).length) fail(`item ${view.id}: an owner saw a contributor's step between ${last.at.toISOString()} and ${o.at.toISOString()}, with no batch between`);
      }
      signature.set(view.id, { at: o.at, sig });
    }
  }
  return problems;
}

/** The roster and threshold an observation was made under, as a comparable string. */
function rosterShape(o: Observation): string {
  return JSON.stringify([o.k, o.roster.teams, [...o.roster.people({ level: 'tenant' })], o.roster.departments().map((d) => [...o.roster.people({ level: 'department', department: d })])]);
}
