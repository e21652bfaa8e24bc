import type { FieldProblem } from '../../api/types';
import type { MessageKey } from '../../i18n';
import type { Cadence, PilotInput, PilotView, PracticeView } from './api';
import { rowsOf, toBodies, validateQuestions, type QuestionRow } from './questions-model';

/**
 * The pilot form's values, validation and mapping to the API. Validation mirrors
 * domain/pilots/schemas.ts (pilotInputSchema) so people see problems before they submit; the server's
 * own field errors land on the same field keys (its paths: `title`, `successMeasures.1`, …).
 */
export const MAX_MEASURES = 5;

export interface FormValues {
  practiceId?: string;
  title: string;
  hypothesis: string;
  successMeasures: string[];
  teamId: string;
  weekdays: number[];
  time: string;
  reminderHours: string;
  startDate: string;
  endDate: string;
  /** The check-in questions, in the reader's language (see questions-model.ts). */
  questions: QuestionRow[];
}

/** Field key → message: translated text for our checks, the server's text for its own. */
export type FormErrors = Partial<Record<string, string>>;

const DEFAULT_CADENCE: Cadence = { weekdays: [5], time: '10:00', everyWeeks: 1, reminderHours: 4, roundHours: 24 };

export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function emptyForm(teamId = '', today = new Date()): FormValues {
  const end = new Date(today);
  end.setDate(end.getDate() + 42); // six weekly check-ins: enough to see a trend
  return {
    title: '',
    hypothesis: '',
    successMeasures: [''],
    teamId,
    weekdays: [...DEFAULT_CADENCE.weekdays],
    time: DEFAULT_CADENCE.time,
    reminderHours: String(DEFAULT_CADENCE.reminderHours),
    startDate: isoDay(today),
    endDate: isoDay(end),
    questions: [], // the standard questions, once the bank has loaded
  };
}

export function formFromPilot(p: PilotView, language: string): FormValues {
  return {
    practiceId: p.practiceId,
    title: p.title,
    hypothesis: p.hypothesis,
    successMeasures: p.successMeasures.length ? [...p.successMeasures] : [''],
    teamId: p.teamId,
    weekdays: [...p.cadence.weekdays],
    time: p.cadence.time,
    reminderHours: String(p.cadence.reminderHours),
    startDate: p.startDate,
    endDate: p.endDate,
    questions: rowsOf(p.questions, language),
  };
}

/** Picking a practice fills in its measures and questions (a blank pilot gets `standard`). */
export function applyPractice(values: FormValues, practice: PracticeView | undefined, language: string, standard: QuestionRow[]): FormValues {
  if (!practice) return { ...values, practiceId: undefined, questions: standard };
  return {
    ...values,
    practiceId: practice.id,
    questions: practice.questions.length ? rowsOf(practice.questions, language) : values.questions,
    title: values.title.trim() ? values.title : practice.name,
    successMeasures: practice.measures.length ? practice.measures.slice(0, MAX_MEASURES) : values.successMeasures,
  };
}

const within = (s: string, min: number, max: number) => s.trim().length >= min && s.trim().length <= max;
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

export function validate(v: FormValues): Partial<Record<string, MessageKey>> {
  const e: Partial<Record<string, MessageKey>> = {};
  if (!within(v.title, 3, 120)) e.title = 'v.titleLength';
  if (!within(v.hypothesis, 10, 1000)) e.hypothesis = 'v.hypothesisLength';
  const filled = v.successMeasures.filter((m) => m.trim());
  if (!filled.length) e['successMeasures.0'] = 'v.measureRequired';
  v.successMeasures.forEach((m, i) => {
    if (m.trim() && !within(m, 3, 200)) e[`successMeasures.${i}`] = 'v.measureLength';
  });
  if (!v.teamId) e.teamId = 'v.teamRequired';
  if (!v.weekdays.length) e['cadence.weekdays'] = 'v.days';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v.time)) e['cadence.time'] = 'v.time';
  const reminder = Number(v.reminderHours);
  if (v.reminderHours.trim() === '' || !Number.isInteger(reminder) || reminder < 0 || reminder > 72) e['cadence.reminderHours'] = 'v.reminder';
  if (!isDay(v.startDate)) e.startDate = 'v.date';
  if (!isDay(v.endDate)) e.endDate = 'v.date';
  else if (isDay(v.startDate) && v.endDate <= v.startDate) e.endDate = 'v.endAfterStart';
  return { ...e, ...validateQuestions(v.questions) };
}

/** Form values → request body. Empty measure rows are dropped, not sent. */
export function toInput(v: FormValues, base: Cadence = DEFAULT_CADENCE): PilotInput {
  return {
    title: v.title.trim(),
    ...(v.practiceId ? { practiceId: v.practiceId } : {}),
    hypothesis: v.hypothesis.trim(),
    successMeasures: v.successMeasures.map((m) => m.trim()).filter(Boolean),
    teamId: v.teamId,
    cadence: { ...base, weekdays: [...v.weekdays].sort((a, b) => a - b), time: v.time, reminderHours: Number(v.reminderHours) },
    startDate: v.startDate,
    endDate: v.endDate,
    questions: toBodies(v.questions),
  };
}

/**
 * Splits server field problems into those a form field shows (worded by `say`) and the rest.
 * Measure indexes are positions among the filled rows we sent, so map them back to the rows on
 * screen.
 */
export function serverErrors(problems: FieldProblem[], values: FormValues, known: (field: string) => boolean, say: (p: FieldProblem) => string): { fields: FormErrors; other: FieldProblem[] } {
  const filledRows = values.successMeasures.map((m, i) => (m.trim() ? i : -1)).filter((i) => i >= 0);
  const fields: FormErrors = {};
  const other: FieldProblem[] = [];
  for (const p of problems) {
    let field = p.field;
    const m = /^successMeasures\.(\d+)/.exec(field);
    if (m) field = `successMeasures.${filledRows[Number(m[1])] ?? 0}`;
    else if (field === 'successMeasures') field = 'successMeasures.0';
    else if (field === 'cadence') field = 'cadence.weekdays';
    if (known(field) && !fields[field]) fields[field] = say(p);
    else other.push(p);
  }
  return { fields, other };
}
