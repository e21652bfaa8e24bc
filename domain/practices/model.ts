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

/** A practice's words in one language. */
export interface PracticeWords {
  name: string;
  summary: string;
  why: string;
  how: string[];
  measures: string[];
  pitfalls: string[];
}

/**
 * directory: `practice:<slug>` — the practice library. Built-in practices follow the library as it
 * improves until an admin edits one; from then on the tenant's version is kept.
 */
export interface Practice extends Doc, PracticeWords {
  type: 'practice';
  questions: Question[];
  tags: string[];
  builtIn: boolean;
  translations?: Partial<Record<TranslatedLocale, PracticeWords>>;
  /** Retired practices are no longer offered for new pilots; pilots and stories keep naming them. */
  retired?: boolean;
  editedAt?: string;
  editedBy?: string;
  /** A practice adopted from a team's pilot (see PracticeProposal). */
  fromPilotId?: string;
}

/** A practice in the reader's language: its translation when it has one. */
export function localizedPractice<P extends PracticeWords & Pick<Practice, 'questions' | 'translations'>>(practice: P, locale: string): P {
  const words = locale in (practice.translations ?? {}) ? practice.translations?.[locale as TranslatedLocale] : undefined;
  const questions = practice.questions.map((q) => localizedQuestion(q, locale));
  return words ? { ...practice, ...words, questions } : { ...practice, pitfalls: practice.pitfalls ?? [], questions };
}

export const PROPOSAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** directory: `proposal:<pilotId>` — a manager proposes a finished pilot as a library practice; an admin decides. */
export interface PracticeProposal extends Doc {
  type: 'practiceProposal';
  pilotId: string;
  pilotTitle: string;
  teamName: string;
  outcome: string;
  proposedBy: { userId: string; name: string };
  proposedAt: string;
  words: PracticeWords;
  questions: Question[];
  status: ProposalStatus;
  decidedBy?: { userId: string; name: string };
  decidedAt?: string;
  practiceId?: string;
}
