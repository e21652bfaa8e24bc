import { weekOf, type Disclosure, type ManagerPlace, type PulseCell } from '../../domain/anonymity';
import { groupFigures, pulseSignals, rollup, PULSE_SCALES, type GroupFigures, type PeriodGroup, type PulseEntry, type PulseScale, type PulseSignal } from '../../domain/pulse';
import type { TeamInfo } from '../../domain/anonymity';

/**
 * The managers' pulse in the anonymity world: managers sit in org chains (a department's lead,
 * and some managers under another manager), answer a pulse whose groups are frozen as it closes
 * (`rollup`, as the scheduler does), and the observer reads what senior leaders can: figures by
 * managers' group (`groupFigures`), signals and the digest's items (`pulseSignals`), and the
 * groups a leader-view filter can name.
 */
export interface PulsePlan {
  answer: number;
  q: [number, number, number, number];
  overrides: number;
}

export interface PulseTruth {
  period: string;
  k: number;
  /** Per frozen group: who it held, and who answered each scale. */
  groups: Map<string, { members: string[]; answerers: Record<PulseScale, string[]>; sums: Record<PulseScale, number> }>;
}

export interface PulseObservation {
  k: number;
  cells: PulseCell[];
  members: Map<string, string[]>;
  /** Managers with a place who are no readers (everyone the partition is over). */
  population: string[];
  figures: GroupFigures[];
  signals: PulseSignal[];
  digest: { kind: string; group: string }[];
}

/** Each team's manager's chain: its department's lead, and every third team's manager under the previous one's. */
export function managerPlaces(teams: TeamInfo[], present: Set<string>): ManagerPlace[] {
  return teams.flatMap((t, i) => {
    if (!t.managerId || !present.has(t.managerId)) return [];
    const lead = t.department ? [{ id: `unit:lead-${t.department}`, level: 'unit' as const, name: `Lead of ${t.department}` }] : [];
    const prev = teams[i - 1];
    const under = i % 3 === 2 && prev?.managerId && prev.department === t.department ? [{ id: `unit:${prev.managerId}`, level: 'unit' as const, name: prev.managerId }] : [];
    return [{ userId: t.managerId, path: [...under, ...lead] }];
  });
}

export class PulseWorld {
  readonly periods: { period: string; groups: PeriodGroup[] }[] = [];
  readonly truths: PulseTruth[] = [];
  private last?: { key: string; seen: PulseObservation };

  /** A pulse closes: every manager placed is asked; answers and overrides follow the plan. */
  close(plan: PulsePlan, disclosure: Disclosure, now: Date): void {
    const period = weekOf(now);
    if (this.periods.some((p) => p.period === period)) return;
    const managers = disclosure.roster.managerPlaces.map((m) => m.userId).filter((id) => !disclosure.readers.includes(id));
    const entries: PulseEntry[] = managers.map((userId, i) => {
      const answering = (i * 37 + plan.answer) % 100 < plan.answer;
      const values = Object.fromEntries(
        PULSE_SCALES.flatMap((q, qi) => (answering && (i * 53 + plan.q[qi] * 7) % 100 < plan.q[qi] ? [[q, 1 + ((i * 3 + qi + plan.answer) % 5)]] : [])),
      );
      return { userId, values, load: { pilots: i % 3, teams: 1, openLoops: (i + plan.overrides) % 4, rounds: i % 2 }, loops: { items: i % 2, ackWeeks: i % 2 ? 1 + (i % 3) : null, actWeeks: i % 2 ? 2 + (i % 4) : null }, overrides: { count: (i + plan.overrides) % 3 === 0 ? 1 : 0, byLeader: 0 } };
    });
    const groups = rollup(disclosure.pulse, entries);
    this.periods.push({ period, groups });
    const truth: PulseTruth = { period, k: disclosure.k, groups: new Map() };
    for (const g of groups) {
      const members = disclosure.pulse.membersOf(g.key);
      const mine = entries.filter((e) => members.includes(e.userId));
      const answerers = Object.fromEntries(PULSE_SCALES.map((q) => [q, mine.filter((e) => e.values[q] !== undefined).map((e) => e.userId)])) as Record<PulseScale, string[]>;
      const sums = Object.fromEntries(PULSE_SCALES.map((q) => [q, mine.reduce((a, e) => a + (e.values[q] ?? 0), 0)])) as Record<PulseScale, number>;
      truth.groups.set(g.key, { members, answerers, sums });
    }
    this.truths.push(truth);
  }

  /** Everything senior leaders can read of the pulse now. */
  observe(disclosure: Disclosure): PulseObservation {
    // Unchanged managers, readers, threshold and pulses: the very same view (the auditor checks it once).
    const key = JSON.stringify([disclosure.k, disclosure.roster.managerPlaces, disclosure.readers, this.periods.length]);
    if (this.last?.key === key) return this.last.seen;
    const seen = this.read(disclosure);
    this.last = { key, seen };
    return seen;
  }

  private read(disclosure: Disclosure): PulseObservation {
    const figures = groupFigures(this.periods, disclosure.k);
    const signals = pulseSignals(figures);
    const cells = disclosure.pulse.cells;
    const readers = new Set(disclosure.readers);
    return {
      k: disclosure.k,
      cells,
      members: new Map(cells.map((c) => [c.key, disclosure.pulse.membersOf(c.key)])),
      population: disclosure.roster.managerPlaces.map((m) => m.userId).filter((id) => !readers.has(id)),
      figures,
      signals,
      digest: signals.map((s) => ({ kind: s.kind, group: s.group.key })),
    };
  }
}

export interface PulseFigures {
  pulseViews: number;
  pulseSmallest: number;
  pulseCells: number;
}

/**
 * The pulse's checks: every managers' group shown holds at least k managers and the groups are
 * disjoint and cover every manager (or there are none); every average has at least k answerers
 * to that scale and claims exactly how many; a period's figures never regroup or change once
 * closed (so no two observations can be differenced); signals and digest items are about groups
 * shown, of at least k.
 */
export function auditPulse(truths: PulseTruth[], observations: { at: Date; pulse?: PulseObservation }[], figures: PulseFigures, fail: (what: string) => void): void {
  const seen = new Map<string, string>();
  let previous: PulseObservation | undefined;
  for (const { at, pulse } of observations) {
    if (!pulse || pulse === previous) continue;
    previous = pulse;
    const placed = new Map<string, string>();
    for (const c of pulse.cells) {
      figures.pulseCells++;
      const members = pulse.members.get(c.key) ?? [];
      if (members.length < pulse.k || c.managers !== members.length) fail(`pulse cell ${c.key} holds ${members.length} < k=${pulse.k} (claims ${c.managers}) at ${at.toISOString()}`);
      for (const m of members) {
        if (placed.has(m)) fail(`manager in two pulse cells: ${placed.get(m)} and ${c.key}`);
        placed.set(m, c.key);
      }
    }
    if (pulse.cells.length && pulse.population.some((m) => !placed.has(m))) fail(`pulse cells leave managers out (a remainder below k could be differenced) at ${at.toISOString()}`);
    for (const g of pulse.figures) {
      if (g.managers < pulse.k) fail(`pulse group ${g.key} shown with ${g.managers} < k=${pulse.k}`);
      for (const p of g.periods) {
        const truth = truths.find((t) => t.period === p.period)?.groups.get(g.key);
        if (!truth) {
          fail(`pulse group ${g.key} shows period ${p.period} it did not hold`);
          continue;
        }
        if (truth.members.length < pulse.k) fail(`pulse group ${g.key} (${p.period}) held ${truth.members.length} < k=${pulse.k}`);
        for (const q of PULSE_SCALES) {
          const mean = p.means[q];
          if (mean === null) continue;
          figures.pulseViews++;
          const n = truth.answerers[q].length;
          figures.pulseSmallest = Math.min(figures.pulseSmallest, n);
          if (n < pulse.k || p.answers[q] !== n) fail(`pulse ${g.key} ${p.period} ${q}: average over ${n} (claims ${p.answers[q]}, k=${pulse.k})`);
          if (Math.abs(mean - truth.sums[q] / n) > 0.006) fail(`pulse ${g.key} ${p.period} ${q}: ${mean} is not the average of its answers`);
        }
        if (p.load.pilots !== null && p.asked < pulse.k) fail(`pulse ${g.key} ${p.period}: load over ${p.asked} < k`);
        // Frozen: whatever is shown of a period's group is the same every time it is shown.
        const shown = JSON.stringify(PULSE_SCALES.map((q) => (p.means[q] === null ? null : [p.means[q], p.answers[q]])));
        const id = `${g.key}|${p.period}`;
        const before = seen.get(id);
        if (before !== undefined) {
          const a = JSON.parse(before) as ([number, number] | null)[];
          const b = JSON.parse(shown) as ([number, number] | null)[];
          if (a.some((x, i) => x !== null && b[i] !== null && JSON.stringify(x) !== JSON.stringify(b[i]))) fail(`pulse ${id} changed after it closed`);
        }
        seen.set(id, shown);
      }
    }
    for (const s of pulse.signals) {
      if (!pulse.figures.some((g) => g.key === s.group.key) || s.group.managers < pulse.k) fail(`pulse signal ${s.kind} about ${s.group.key}, no group of k shown`);
    }
    for (const d of pulse.digest) if (!pulse.signals.some((s) => s.group.key === d.group)) fail(`digest item about ${d.group}, no signal`);
  }
}
