import { randomUUID } from 'node:crypto';
import { invalid, problem, type FieldProblem } from '../shared/errors';
import { QUESTION_BANK, TRANSLATED_LOCALES, type Question, type QuestionInput, type QuestionWords } from '../practices';
import type { Pilot } from './model';

/**
 * A pilot's questions as they are kept, from what people sent: the one place both creating and
 * editing a pilot settle them.
 *
 * - Ids are stable. A question sent with its id is that question (reworded or not): its answers
 *   and trend continue. One sent without an id is new and gets an id nobody used in this pilot, so
 *   it starts its own trend and never inherits a removed question's history.
 * - Under way, a question keeps its kind: a scale turned into text would break its trend, so that
 *   is a new question instead.
 * - Translations are kept only while the words are the bank's, the library's or the pilot's own
 *   translated ones (in any of their languages); reworded questions are asked as written.
 */
export function settleQuestions(input: QuestionInput[], opts: { previous?: Pilot; defaults?: Question[] }): Question[] {
  const prior = [...(opts.previous?.questions ?? []), ...(opts.previous?.pastQuestions ?? [])];
  const sources = [...prior, ...(opts.defaults ?? []), ...QUESTION_BANK];
  const used = new Set([...prior.map((x) => x.id), ...input.flatMap((x) => (x.id ? [x.id] : []))]);
  const underWay = !!opts.previous && opts.previous.status !== 'draft';
  const problems: FieldProblem[] = [];
  const settled = input.map((x, i) => {
    const id = x.id ?? freshId(used);
    used.add(id);
    const before = prior.find((p) => p.id === id);
    if (underWay && before && before.kind !== x.kind) problems.push(problem(`questions.${i}.kind`, 'pilot.question_kind_fixed'));
    const question: Question = { ...x, id };
    const source = sources.find((s) => s.id === id && s.kind === x.kind && s.translations && sayings(s).some((w) => sameWords(w, x)));
    return source ? { ...question, text: source.text, low: source.low, high: source.high, choices: source.choices, translations: source.translations } : question;
  });
  if (problems.length) throw invalid(problems);
  return settled.map(withoutEmpty);
}

/** Questions a pilot stops asking are kept (latest wording), so their rounds and trend stay labelled. */
export function pastQuestions(previous: Pilot, next: Question[]): Question[] | undefined {
  const asked = new Set(next.map((x) => x.id));
  const removed = previous.questions.filter((x) => !asked.has(x.id));
  const kept = (previous.pastQuestions ?? []).filter((x) => !asked.has(x.id) && !removed.some((r) => r.id === x.id));
  const past = [...kept, ...removed];
  return past.length ? past : undefined;
}

/** A pilot's check-ins can be answered: at least one question, every single choice with options. */
export function answerable(questions: Question[] | undefined): boolean {
  return !!questions?.length && questions.every((x) => x.kind !== 'choice' || (x.choices?.length ?? 0) >= 2);
}

function freshId(used: Set<string>): string {
  for (;;) {
    const id = `q-${randomUUID().slice(0, 8)}`;
    if (!used.has(id)) return id;
  }
}

/** A question's words in each of its languages. */
const sayings = (x: Question): QuestionWords[] => [x, ...TRANSLATED_LOCALES.flatMap((l) => (x.translations?.[l] ? [x.translations[l]!] : []))];

const sameWords = (a: QuestionWords, b: QuestionWords) =>
  a.text === b.text && (a.low ?? '') === (b.low ?? '') && (a.high ?? '') === (b.high ?? '') && (a.choices ?? []).join('\n') === (b.choices ?? []).join('\n');

function withoutEmpty(x: Question): Question {
  return Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined)) as unknown as Question;
}
