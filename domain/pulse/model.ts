import type { Doc } from '../ports/store';
import type { Question, QuestionWords } from '../practices/model';
import type { GroupLabel, Params, SignalCode } from '../shared/codes';

/**
 * The managers' pulse: every manager (who manages a team or owns a pilot) is asked, every other
 * week at their own local time, how they are being led. Answers roll up, at close, into figures
 * senior leaders see only by managers' groups of at least k (domain/anonymity/pulse-groups.ts).
 */

/** Fortnightly by default; periods start on Mondays counted from this one. */
export const PULSE_EVERY_WEEKS = 2;
export const PULSE_EPOCH = '2024-01-01';
/** Asked on the period's first working day from Tuesday, at this local time (out of quiet hours). */
export const PULSE_TIME = '10:00';
/** Open this long after the last manager is asked; the silent are reminded once a day before. */
export const PULSE_OPEN_HOURS = 96;
export const PULSE_REMIND_BEFORE_HOURS = 24;

const q = (id: string, kind: Question['kind'], en: QuestionWords, es: QuestionWords): Question => ({ id, kind, ...en, translations: { es } });

/** What the pulse asks: four scales (1–5) and one open question. */
export const PULSE_QUESTIONS: readonly Question[] = [
  q('autonomy', 'scale', { text: 'How free were you to run your pilots as you see fit?', low: 'Not free at all', high: 'Completely free' }, { text: '¿Con cuánta libertad pudiste llevar tus pilotos como consideras?', low: 'Ninguna', high: 'Total' }),
  q('workload', 'scale', { text: 'How manageable was your workload?', low: 'Overloaded', high: 'Comfortable' }, { text: '¿Qué tan manejable fue tu carga de trabajo?', low: 'Desbordada', high: 'Cómoda' }),
  q('support', 'scale', { text: 'How well did your senior leader support you?', low: 'Not at all', high: 'Very well' }, { text: '¿Qué tan bien te apoyó tu responsable?', low: 'Nada', high: 'Muy bien' }),
  q('loops', 'scale', { text: 'How much of your time went on feedback loops (check-ins, answering feedback)?', low: 'Almost none', high: 'Most of it' }, { text: '¿Cuánto de tu tiempo se fue en los ciclos de feedback (seguimientos, responder comentarios)?', low: 'Casi nada', high: 'La mayor parte' }),
  q('open', 'text', { text: 'What would help you lead better? (optional)' }, { text: '¿Qué te ayudaría a liderar mejor? (opcional)' }),
];
export const PULSE_SCALES = ['autonomy', 'workload', 'support', 'loops'] as const;
export type PulseScale = (typeof PULSE_SCALES)[number];

/** checkins: `pulse:<periodStart>` — one pulse of the tenant's managers. */
export interface PulsePeriod extends Doc {
  type: 'pulse';
  /** The period's Monday (YYYY-MM-DD) and the Monday after it. */
  period: string;
  ends: string;
  opensAt: string;
  closesAt: string;
  invited: string[];
  schedule: Record<string, { promptAt: string; remindAt?: string }>;
  prompted: string[];
  reminded: string[];
  status: 'open' | 'closed';
  /**
   * Written at close: the period's figures by managers' group (the partition then, at the k
   * then), frozen — so no later regrouping can be differenced against them. No one's answer.
   */
  groups?: PeriodGroup[];
}

/** One managers' group's part of a closed pulse: sums and counts, never a person. */
export interface PeriodGroup {
  key: string;
  label: GroupLabel;
  /** Managers in the group when the pulse closed (readers left out), and how many of them were asked. */
  managers: number;
  asked: number;
  /** Per scale: how many answered it and the sum of their answers. */
  answers: Record<PulseScale, { n: number; sum: number }>;
  /** Summed over the managers asked. */
  load: Load;
  /** Owners (asked) with feedback items, and the median over them of their median weeks to acknowledge / act. */
  loops: { owners: number; ackWeeks: number | null; actWeeks: number | null };
  overrides: { count: number; byLeader: number };
}

/** What a manager's load is, as the product knows it. */
export interface Load {
  pilots: number;
  teams: number;
  /** Feedback items they own still waiting to be acted on. */
  openLoops: number;
  /** Check-in rounds they facilitate in the period. */
  rounds: number;
}
export const LOAD_KEYS = ['pilots', 'teams', 'openLoops', 'rounds'] as const satisfies readonly (keyof Load)[];

/**
 * One manager's part of a pulse as it closes (in memory only, never stored): who, what they
 * answered on each scale, their load, how fast they closed their loops, and how often others
 * overrode their pilots in the period. `rollup` turns these into the period's groups.
 */
export interface PulseEntry {
  userId: string;
  values: Partial<Record<PulseScale, number>>;
  load: Load;
  /** Median weeks to acknowledge and to act on the items they owned (null: none). */
  loops: { items: number; ackWeeks: number | null; actWeeks: number | null };
  overrides: { count: number; byLeader: number };
}

/** checkins: `pulse-answer:<period>:<userId>` — a manager's own answer, theirs to see. */
export interface PulseAnswer extends Doc {
  type: 'pulse_answer';
  period: string;
  userId: string;
  values: Record<string, string | number | boolean>;
  answeredAt: string;
}

export const PULSE_SIGNAL_KINDS = ['micromanagement', 'overload', 'neglected_loops'] as const;
export type PulseSignalKind = (typeof PULSE_SIGNAL_KINDS)[number];

/**
 * A pitfall in how managers are led, for one managers' group of at least k: why it fired (code
 * and params, worded per locale), from which inputs, over which period, against which threshold.
 */
export interface PulseSignal {
  kind: PulseSignalKind;
  group: { key: string; label: GroupLabel; managers: number };
  code: SignalCode;
  params: Params;
  /** What it reads: `pulse.autonomy`, `pilot.overrides`, `load.pilots`, `feedback.ack`… */
  inputs: string[];
  period: { from: string; to: string };
  threshold: Record<string, number>;
  figures: Record<string, unknown>;
}
