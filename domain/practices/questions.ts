import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { invalid, problem, type FieldProblem } from '../shared/errors';
import { says } from '../shared/validation';
import { QUESTION_KINDS, STANDARD_QUESTION_IDS, TRANSLATED_LOCALES, type Question, type QuestionWords } from './model';

/**
 * The question bank: check-in questions a pilot can ask, in English and Spanish. Practices pick
 * their defaults from it and the pilot form's editor offers it. Its ids are the ones the health
 * rules read (`confidence`, `autonomy`, `workload`) and the chat's quick answer fills (`progress`).
 */
const q = (id: string, kind: Question['kind'], en: QuestionWords, es: QuestionWords): Question => ({ id, kind, ...en, translations: { es } });

export const QUESTION_BANK: readonly Question[] = [
  q('confidence', 'scale', { text: 'How confident are you that this practice is helping us?', low: 'Not at all', high: 'Completely' }, { text: '¿Cuánta confianza tienes en que esta práctica nos ayuda?', low: 'Nada', high: 'Totalmente' }),
  q('progress', 'text', { text: 'What went well since the last check-in?' }, { text: '¿Qué fue bien desde el último seguimiento?' }),
  q('blocker', 'text', { text: 'Is anything in the way?' }, { text: '¿Hay algo que lo esté impidiendo?' }),
  q('autonomy', 'scale', { text: 'How free did you feel to decide how to do your work?', low: 'Not free at all', high: 'Completely free' }, { text: '¿Con cuánta libertad pudiste decidir cómo hacer tu trabajo?', low: 'Ninguna', high: 'Total' }),
  q('workload', 'scale', { text: 'How manageable was your workload?', low: 'Overloaded', high: 'Comfortable' }, { text: '¿Qué tan manejable fue tu carga de trabajo?', low: 'Desbordada', high: 'Cómoda' }),
  q('kept-practice', 'yesno', { text: 'Did we keep to the practice since the last check-in?' }, { text: '¿Mantuvimos la práctica desde el último seguimiento?' }),
  q('usefulness', 'scale', { text: 'How useful was it this time?', low: 'Not useful', high: 'Very useful' }, { text: '¿Qué utilidad tuvo esta vez?', low: 'Ninguna', high: 'Mucha' }),
  q('voice', 'scale', { text: 'How safe did you feel to speak up?', low: 'Not safe', high: 'Completely safe' }, { text: '¿Con cuánta seguridad sentiste que podías opinar?', low: 'Ninguna', high: 'Total' }),
  q('clarity', 'scale', { text: 'How clear is it who decides what?', low: 'Unclear', high: 'Very clear' }, { text: '¿Qué tan claro está quién decide qué?', low: 'Nada claro', high: 'Muy claro' }),
  q('recognised', 'yesno', { text: 'Did someone recognise your work since the last check-in?' }, { text: '¿Alguien reconoció tu trabajo desde el último seguimiento?' }),
  q('focus-kept', 'yesno', { text: 'Were your focus blocks protected?' }, { text: '¿Se respetaron tus bloques de concentración?' }),
  q('growth', 'scale', { text: 'How much did this stretch your skills?', low: 'Not at all', high: 'A lot' }, { text: '¿Cuánto te hizo crecer esto?', low: 'Nada', high: 'Mucho' }),
  q('learning', 'text', { text: 'What did you learn or do differently?' }, { text: '¿Qué aprendiste o hiciste de otra manera?' }),
  q(
    'next-step',
    'choice',
    { text: 'What should we do with this practice?', choices: ['Keep it as it is', 'Change something', 'Stop it'] },
    { text: '¿Qué deberíamos hacer con esta práctica?', choices: ['Mantenerla así', 'Cambiar algo', 'Dejarla'] },
  ),
];

export const bankQuestion = (id: string): Question => {
  const found = QUESTION_BANK.find((x) => x.id === id);
  if (!found) throw new Error(`No bank question ${id}`);
  return found;
};

/** The check-in questions a pilot from scratch asks unless its manager writes others. */
export const STANDARD_QUESTIONS: Question[] = STANDARD_QUESTION_IDS.map(bankQuestion);

export const MAX_QUESTIONS = 7;
export const MAX_CHOICES = 6;
export const QUESTION_ID = /^[a-z0-9_-]{1,40}$/i;

const words = (min: number, max: number) => z.string().trim().min(min).max(max);

/**
 * A question as people send it. Without an id it is new (the server gives it one); with one it is
 * that question, reworded or not. Translations are never taken from input: the server keeps them
 * only while the wording is the bank's or the library's.
 */
export const questionSchema = z
  .object({
    id: z.string().regex(QUESTION_ID, says('pilot.question_id')).optional(),
    kind: z.enum(QUESTION_KINDS),
    text: words(3, 200),
    low: words(1, 40).optional(),
    high: words(1, 40).optional(),
    choices: z.array(words(1, 60)).max(MAX_CHOICES).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'choice') {
      const distinct = new Set((v.choices ?? []).map((c) => c.toLowerCase()));
      if ((v.choices ?? []).length < 2 || distinct.size !== (v.choices ?? []).length) {
        ctx.addIssue({ code: 'custom', path: ['choices'], message: says('pilot.question_choices', { min: 2, max: MAX_CHOICES }) });
      }
    }
  })
  // What does not belong to the kind is dropped, so a switched kind leaves no stray labels behind.
  .transform((v) => ({
    ...(v.id ? { id: v.id } : {}),
    kind: v.kind,
    text: v.text,
    ...(v.kind === 'scale' && v.low ? { low: v.low } : {}),
    ...(v.kind === 'scale' && v.high ? { high: v.high } : {}),
    ...(v.kind === 'choice' ? { choices: v.choices } : {}),
  }));
export type QuestionInput = z.output<typeof questionSchema>;

/** A pilot's questions: one to seven, each id once. */
export const questionsSchema = z
  .array(questionSchema)
  .min(1, says('pilot.no_questions'))
  .max(MAX_QUESTIONS, says('pilot.too_many_questions', { max: MAX_QUESTIONS }))
  .superRefine((qs, ctx) => {
    const seen = new Set<string>();
    qs.forEach((x, i) => {
      if (!x.id) return;
      if (seen.has(x.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: says('pilot.duplicate_question') });
      seen.add(x.id);
    });
  });

/**
 * Questions as they are kept, from what people sent: the one place creating and editing a pilot
 * (or a practice) settle them.
 *
 * - Ids are stable. A question sent with its id is that question (reworded or not): its answers
 *   and trend continue. One sent without an id is new and gets an id nobody used in this pilot, so
 *   it starts its own trend and never inherits a removed question's history.
 * - Under way, a question keeps its kind: a scale turned into text would break its trend, so that
 *   is a new question instead.
 * - Translations are kept only while the words are the bank's, the library's or the pilot's own
 *   translated ones (in any of their languages); reworded questions are asked as written.
 */
export function settleQuestions(input: QuestionInput[], opts: { previous?: { questions: Question[]; pastQuestions?: Question[] }; underWay?: boolean; defaults?: Question[] }): Question[] {
  const prior = [...(opts.previous?.questions ?? []), ...(opts.previous?.pastQuestions ?? [])];
  const sources = [...prior, ...(opts.defaults ?? []), ...QUESTION_BANK];
  const used = new Set([...prior.map((x) => x.id), ...input.flatMap((x) => (x.id ? [x.id] : []))]);
  const underWay = !!opts.underWay;
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

/** Check-ins with these questions can be answered: at least one question, every single choice with options. */
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
