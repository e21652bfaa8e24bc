import type { Doc } from '../ports/store';

export const QUESTION_KINDS = ['scale', 'text', 'yesno', 'choice'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The words of a question a person reads: its text, a scale's end labels, a choice's options. */
export interface QuestionWords {
  text: string;
  /** A scale's ends: what 1 and 5 mean. */
  low?: string;
  high?: string;
  /** A single choice's options (2–6), in order. */
  choices?: string[];
}

/** Languages other than the one a question is written in (the bank's and library's are English). */
export const TRANSLATED_LOCALES = ['es'] as const;
export type TranslatedLocale = (typeof TRANSLATED_LOCALES)[number];

/**
 * One check-in question. `id` is stable for the life of a pilot: answers, round figures and
 * trends are keyed by it, so editing the wording keeps the trend and a new question starts its own.
 */
export interface Question extends QuestionWords {
  id: string;
  kind: QuestionKind;
  /** The same question in other languages; kept only while the wording is the bank's or library's. */
  translations?: Partial<Record<TranslatedLocale, QuestionWords>>;
}

/** A question in the reader's language: its translation when it has one, its own words otherwise. */
export function localizedQuestion(question: Question, locale: string): Question {
  const words = locale in (question.translations ?? {}) ? question.translations?.[locale as TranslatedLocale] : undefined;
  if (!words) return question;
  return { ...question, text: words.text, low: words.low ?? question.low, high: words.high ?? question.high, choices: words.choices ?? question.choices };
}

/** The bank questions a pilot from scratch asks unless its manager writes others. */
export const STANDARD_QUESTION_IDS = ['confidence', 'progress', 'blocker', 'autonomy', 'workload'] as const;

/** directory: `practice:<slug>` — the practice library. */
export interface Practice extends Doc {
  type: 'practice';
  name: string;
  summary: string;
  why: string;
  how: string[];
  measures: string[];
  questions: Question[];
  tags: string[];
  builtIn: boolean;
}
