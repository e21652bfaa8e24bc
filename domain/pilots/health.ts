import type { PilotHealth, RoundFigures, Signal } from './model';

/**
 * A pilot's health, derived from its closed rounds. Pure and explainable: every signal carries
 * the figures that made it fire (a code and params each face words), so a leader can see why,
 * not just that.
 */
export type { RoundFigures };

/** Figures as the signals state them: one decimal. */
const round1 = (x: number) => Math.round(x * 10) / 10;
const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);
export { avg as average };

/** Health reads the last this many rounds. */
const RECENT_ROUNDS = 6;
const STANDING = ['confidence', 'autonomy', 'workload'] as const;

/** How many people a round's average of a standing question is over (older figures lack counts: everyone who answered). */
export const meanCount = (f: RoundFigures, q: (typeof STANDING)[number]): number => f.counts?.[q] ?? f.answered;

/** The fewest people behind any average of these rounds (null: none shown). */
function meansFromOf(rounds: RoundFigures[]): number | null {
  const counts = rounds.flatMap((f) => STANDING.filter((q) => f[q] !== null).map((q) => meanCount(f, q)));
  return counts.length ? Math.min(...counts) : null;
}

export function deriveHealth(rounds: RoundFigures[], openFeedback: number, oldestOpenFeedbackDays = 0): PilotHealth {
  const recent = rounds.slice(-RECENT_ROUNDS);
  const last = recent[recent.length - 1];
  const participation = last && last.invited ? Math.round((last.answered / last.invited) * 100) / 100 : null;
  const signals: Signal[] = [];

  const autonomy = recent.map((r) => r.autonomy).filter((x): x is number => x !== null);
  if (autonomy.length >= 3 && autonomy[autonomy.length - 1] < autonomy[0] - 0.5) {
    signals.push({ kind: 'micromanagement', code: 'signal.autonomy_fell', params: { from: round1(autonomy[0]), to: round1(autonomy[autonomy.length - 1]), rounds: autonomy.length } });
  }
  const workload = recent.map((r) => r.workload).filter((x): x is number => x !== null);
  const partRates = recent.filter((r) => r.invited > 0).map((r) => r.answered / r.invited);
  if (workload.length && workload[workload.length - 1] <= 2.5) {
    signals.push({ kind: 'overload', code: 'signal.workload_low', params: { value: round1(workload[workload.length - 1]) } });
  } else if (partRates.length >= 3 && partRates[partRates.length - 1] < partRates[0] - 0.25) {
    signals.push({ kind: 'overload', code: 'signal.participation_fell', params: { from: Math.round(partRates[0] * 100), to: Math.round(partRates[partRates.length - 1] * 100) } });
  }
  if (participation !== null && participation < 0.5) {
    signals.push({ kind: 'low_participation', code: 'signal.low_participation', params: { value: Math.round(participation * 100) } });
  }
  const neglected = neglectedFeedbackSignal(openFeedback, oldestOpenFeedbackDays);
  if (neglected) signals.push(neglected);
  const confidenceTrend = recent.map((r) => r.confidence).filter((x): x is number => x !== null);
  const confidence = last?.confidence ?? null;
  return { rounds: rounds.length, participation, confidence, confidenceTrend, openFeedback, signals, level: levelOf(rounds.length, signals, confidence), meansFrom: meansFromOf(recent) };
}

/** Open feedback older than this is "neglected". */
export const NEGLECT_DAYS = 14;

export function neglectedFeedbackSignal(openFeedback: number, oldestOpenDays: number): Signal | undefined {
  if (openFeedback > 0 && oldestOpenDays > NEGLECT_DAYS) {
    return { kind: 'neglected_feedback', code: 'signal.open_feedback', params: { count: openFeedback, days: oldestOpenDays } };
  }
  return undefined;
}

/** The one rule for a pilot's health level: explainable from its signals and confidence. */
export function levelOf(rounds: number, signals: Signal[], confidence: number | null): PilotHealth['level'] {
  if (!rounds) return 'unknown';
  if (signals.length >= 2 || (confidence !== null && confidence < 2.5)) return 'at_risk';
  return signals.length ? 'watch' : 'good';
}

/** The feedback part of a pilot's health: open items, the neglected-feedback signal and the level. */
export function withFeedbackRollup(health: PilotHealth, openFeedback: number, oldestDays: number): PilotHealth {
  const signals: Signal[] = health.signals.filter((s) => s.kind !== 'neglected_feedback');
  const neglected = neglectedFeedbackSignal(openFeedback, oldestDays);
  if (neglected) signals.push(neglected);
  return { ...health, openFeedback, signals, level: levelOf(health.rounds, signals, health.confidence) };
}
