import { localizedQuestion, type Question, type QuestionKind } from '../../../../domain/practices/model';
import type { MessageKey } from '../../i18n';
import { uuid } from '../../uuid';

/**
 * The pilot form's question editor: rows on screen, their checks (mirroring
 * domain/practices/questions.ts so problems show before saving) and what is sent. Rows hold the
 * words in the reader's language; the server recognises the bank's and the library's words in any
 * language and keeps their translations, so an untouched bank question reaches every member in
 * theirs.
 */
export const MAX_QUESTIONS = 7;
export const MAX_CHOICES = 6;
export const QUESTION_KINDS: QuestionKind[] = ['scale', 'choice', 'yesno', 'text'];

export interface QuestionRow {
  /** React's key: stable while the row moves (new rows have no id yet). */
  key: string;
  id?: string;
  kind: QuestionKind;
  text: string;
  low: string;
  high: string;
  choices: string[];
}

/** What the API takes for a question. */
export interface QuestionBody {
  id?: string;
  kind: QuestionKind;
  text: string;
  low?: string;
  high?: string;
  choices?: string[];
}

const nextKey = () => `row-${uuid()}`;

export function rowOf(question: Question | QuestionBody, language: string): QuestionRow {
  const q = 'translations' in question ? localizedQuestion(question as Question, language) : question;
  return { key: nextKey(), id: q.id, kind: q.kind, text: q.text, low: q.low ?? '', high: q.high ?? '', choices: q.choices ? [...q.choices] : [] };
}

export const rowsOf = (questions: (Question | QuestionBody)[], language: string): QuestionRow[] => questions.map((q) => rowOf(q, language));

/** A question the manager writes: the kind's parts start filled where the bank has a convention. */
export function blankRow(kind: QuestionKind, words: { low: string; high: string; choice: (n: number) => string }): QuestionRow {
  return {
    key: nextKey(),
    kind,
    text: '',
    low: kind === 'scale' ? words.low : '',
    high: kind === 'scale' ? words.high : '',
    choices: kind === 'choice' ? [words.choice(1), words.choice(2)] : [],
  };
}

/** Switching kind keeps the wording; the new kind's parts start from `blank`'s. */
export function withKind(row: QuestionRow, kind: QuestionKind, blank: QuestionRow): QuestionRow {
  return { ...row, kind, low: row.low || blank.low, high: row.high || blank.high, choices: row.choices.length ? row.choices : blank.choices };
}

export function moveRow(rows: QuestionRow[], from: number, to: number): QuestionRow[] {
  if (to < 0 || to >= rows.length) return rows;
  const next = [...rows];
  const [row] = next.splice(from, 1);
  next.splice(to, 0, row);
  return next;
}

export function toBodies(rows: QuestionRow[]): QuestionBody[] {
  return rows.map((r) => ({
    ...(r.id ? { id: r.id } : {}),
    kind: r.kind,
    text: r.text.trim(),
    ...(r.kind === 'scale' ? { low: r.low.trim(), high: r.high.trim() } : {}),
    ...(r.kind === 'choice' ? { choices: r.choices.map((c) => c.trim()) } : {}),
  }));
}

const within = (s: string, min: number, max: number) => s.trim().length >= min && s.trim().length <= max;

/** Problems by field key (`questions.1.text`, …), the same keys the server's problems use. */
export function validateQuestions(rows: QuestionRow[]): Partial<Record<string, MessageKey>> {
  const e: Partial<Record<string, MessageKey>> = {};
  if (!rows.length) e.questions = 'v.questionRequired';
  if (rows.length > MAX_QUESTIONS) e.questions = 'v.tooManyQuestions';
  rows.forEach((r, i) => {
    if (!within(r.text, 3, 200)) e[`questions.${i}.text`] = 'v.questionLength';
    if (r.kind === 'scale') {
      if (!within(r.low, 1, 40)) e[`questions.${i}.low`] = 'v.labelLength';
      if (!within(r.high, 1, 40)) e[`questions.${i}.high`] = 'v.labelLength';
    }
    if (r.kind === 'choice') {
      r.choices.forEach((c, j) => {
        if (!within(c, 1, 60)) e[`questions.${i}.choices.${j}`] = 'v.choiceLength';
      });
      const distinct = new Set(r.choices.map((c) => c.trim().toLowerCase()));
      if (r.choices.length < 2 || distinct.size !== r.choices.length) e[`questions.${i}.choices`] = 'v.choices';
    }
  });
  return e;
}
