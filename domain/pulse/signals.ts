import type { PulseCell, PulseGroups } from '../anonymity';
import { LOAD_KEYS, PULSE_SCALES, type Load, type PeriodGroup, type PulseEntry, type PulseScale, type PulseSignal } from './model';

/**
 * What senior leaders see of the pulse: per managers' group and closed period, the average of
 * each scale over at least k answers, the group's average load, its owners' loop times and the
 * overrides of its pilots; and the three pitfall signals read from them. Groups are frozen when a
 * pulse closes (`rollup`), so a period's figures never regroup; k is applied again when read.
 * Pure: the routes, the digest and the anonymity audit compute it the same way.
 */
export interface GroupPeriod {
  period: string;
  /** Managers asked in the group. */
  asked: number;
  means: Record<PulseScale, number | null>;
  answers: Record<PulseScale, number>;
  /** Average load per manager asked (null: fewer than k asked). */
  load: Record<keyof Load, number | null>;
  /** Median over owners of their median weeks to acknowledge / act (null: fewer than k asked, or no items). */
  loops: { owners: number; ackWeeks: number | null; actWeeks: number | null };
  overrides: { count: number; byLeader: number };
}

export interface GroupFigures {
  key: string;
  label: PulseCell['label'];
  managers: number;
  periods: GroupPeriod[];
}

/** The rules' thresholds, as the signals state them. */
export const THRESHOLDS = {
  /** Autonomy falling by this much between the first and last shown period… */
  autonomyDrop: 0.5,
  /** …together with at least this many overrides of the group's pilots in those periods. */
  overrides: 1,
  /** Workload at or below this (1 = overloaded) is overload on its own… */
  workload: 2.5,
  /** …or at or below this with a load above one of these per-manager averages. */
  workloadWithLoad: 3,
  pilots: 3,
  openLoops: 5,
  rounds: 3,
  /** Owners' median weeks to acknowledge, or to act, at or above these. */
  ackWeeks: 2,
  actWeeks: 4,
} as const;

/** Signals read at most this many closed pulses back. */
export const SIGNAL_PERIODS = 3;

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * A closing pulse's entries by managers' group (the one partition of managers now): sums and
 * counts per group, nobody's answer. Managers in no group (too few in the whole organisation)
 * count nowhere.
 */
export function rollup(groups: PulseGroups, entries: PulseEntry[]): PeriodGroup[] {
  const byKey = new Map<string, PulseEntry[]>();
  for (const e of entries) {
    const cell = groups.cellOf(e.userId);
    if (cell) byKey.set(cell.key, [...(byKey.get(cell.key) ?? []), e]);
  }
  return groups.cells.filter((c) => byKey.has(c.key)).map((cell) => {
    const mine = byKey.get(cell.key)!;
    const answers = Object.fromEntries(PULSE_SCALES.map((q) => {
      const values = mine.map((e) => e.values[q]).filter((v): v is number => typeof v === 'number');
      return [q, { n: values.length, sum: values.reduce((a, b) => a + b, 0) }];
    })) as PeriodGroup['answers'];
    const load = Object.fromEntries(LOAD_KEYS.map((k) => [k, mine.reduce((a, e) => a + e.load[k], 0)])) as unknown as Load;
    const owners = mine.filter((e) => e.loops.items > 0);
    const loops = {
      owners: owners.length,
      ackWeeks: median(owners.flatMap((e) => (e.loops.ackWeeks === null ? [] : [e.loops.ackWeeks]))),
      actWeeks: median(owners.flatMap((e) => (e.loops.actWeeks === null ? [] : [e.loops.actWeeks]))),
    };
    const overrides = mine.reduce((a, e) => ({ count: a.count + e.overrides.count, byLeader: a.byLeader + e.overrides.byLeader }), { count: 0, byLeader: 0 });
    return { key: cell.key, label: cell.label, managers: cell.managers, asked: mine.length, answers, load, loops, overrides };
  });
}

/** Closed pulses' groups as shown now: each average over at least today's k, oldest period first. */
export function groupFigures(periods: { period: string; groups?: PeriodGroup[] }[], k: number): GroupFigures[] {
  const byKey = new Map<string, GroupFigures>();
  for (const p of [...periods].sort((a, b) => a.period.localeCompare(b.period))) {
    for (const g of p.groups ?? []) {
      // A group is shown only while it holds k managers by today's threshold too.
      if (g.managers < k) continue;
      const entry = byKey.get(g.key) ?? { key: g.key, label: g.label, managers: g.managers, periods: [] };
      byKey.set(g.key, { ...entry, label: g.label, managers: g.managers, periods: [...entry.periods, periodFigures(p.period, g, k)] });
    }
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

function periodFigures(period: string, g: PeriodGroup, k: number): GroupPeriod {
  const means = {} as GroupPeriod['means'];
  const answers = {} as GroupPeriod['answers'];
  for (const q of PULSE_SCALES) {
    const { n, sum } = g.answers[q];
    const shown = n >= k && n > 0;
    means[q] = shown ? round2(sum / n) : null;
    answers[q] = shown ? n : 0;
  }
  const enough = g.asked >= k;
  const load = Object.fromEntries(LOAD_KEYS.map((key) => [key, enough ? round1(g.load[key] / g.asked) : null])) as GroupPeriod['load'];
  const loops = enough ? g.loops : { owners: 0, ackWeeks: null, actWeeks: null };
  return { period, asked: g.asked, means, answers, load, loops, overrides: g.overrides };
}

/** The three pitfalls of how managers are led, per managers' group, in a stable order. */
export function pulseSignals(figures: GroupFigures[]): PulseSignal[] {
  const signals: PulseSignal[] = [];
  for (const g of figures) {
    const recent = g.periods.slice(-SIGNAL_PERIODS);
    if (!recent.length) continue;
    const group = { key: g.key, label: g.label, managers: g.managers };
    const period = { from: recent[0].period, to: recent[recent.length - 1].period };
    const autonomy = recent.filter((p) => p.means.autonomy !== null);
    const overrides = recent.reduce((a, p) => a + p.overrides.count, 0);
    if (autonomy.length >= 2) {
      const a = autonomy[0];
      const b = autonomy[autonomy.length - 1];
      if (b.means.autonomy! <= a.means.autonomy! - THRESHOLDS.autonomyDrop && overrides >= THRESHOLDS.overrides) {
        signals.push({
          kind: 'micromanagement',
          group,
          code: 'signal.pulse_micromanagement',
          params: { group: g.label, from: a.means.autonomy!, fromWeek: a.period, to: b.means.autonomy!, toWeek: b.period, overrides, answers: b.answers.autonomy },
          inputs: ['pulse.autonomy', 'pilot.overrides'],
          period,
          threshold: { autonomyDrop: THRESHOLDS.autonomyDrop, overrides: THRESHOLDS.overrides },
          figures: { autonomy: autonomy.map((p) => ({ period: p.period, value: p.means.autonomy, answers: p.answers.autonomy })), overrides: recent.map((p) => ({ period: p.period, ...p.overrides })) },
        });
      }
    }
    const last = [...recent].reverse().find((p) => p.means.workload !== null && p.load.pilots !== null);
    if (last) {
      const wl = last.means.workload!;
      const load = last.load as Record<keyof Load, number>;
      const heavy = load.pilots >= THRESHOLDS.pilots || load.openLoops >= THRESHOLDS.openLoops || load.rounds >= THRESHOLDS.rounds;
      if (wl <= THRESHOLDS.workload || (wl <= THRESHOLDS.workloadWithLoad && heavy)) {
        signals.push({
          kind: 'overload',
          group,
          code: 'signal.pulse_overload',
          params: { group: g.label, week: last.period, value: wl, answers: last.answers.workload, pilots: load.pilots, teams: load.teams, openLoops: load.openLoops, rounds: load.rounds },
          inputs: ['pulse.workload', 'load.pilots', 'load.teams', 'load.openLoops', 'load.rounds'],
          period: { from: last.period, to: last.period },
          threshold: { workload: THRESHOLDS.workload, workloadWithLoad: THRESHOLDS.workloadWithLoad, pilots: THRESHOLDS.pilots, openLoops: THRESHOLDS.openLoops, rounds: THRESHOLDS.rounds },
          figures: { workload: { value: wl, answers: last.answers.workload }, load },
        });
      }
    }
    const loops = [...recent].reverse().find((p) => p.loops.owners > 0 && p.loops.ackWeeks !== null && p.loops.actWeeks !== null);
    if (loops && (loops.loops.ackWeeks! >= THRESHOLDS.ackWeeks || loops.loops.actWeeks! >= THRESHOLDS.actWeeks)) {
      signals.push({
        kind: 'neglected_loops',
        group,
        code: 'signal.pulse_slow_loops',
        params: { group: g.label, week: loops.period, ackWeeks: loops.loops.ackWeeks!, actWeeks: loops.loops.actWeeks!, owners: loops.loops.owners },
        inputs: ['feedback.acknowledged', 'feedback.acted'],
        period: { from: loops.period, to: loops.period },
        threshold: { ackWeeks: THRESHOLDS.ackWeeks, actWeeks: THRESHOLDS.actWeeks },
        figures: { loops: loops.loops },
      });
    }
  }
  return signals.sort((a, b) => a.group.key.localeCompare(b.group.key) || a.kind.localeCompare(b.kind));
}
