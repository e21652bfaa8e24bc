import type { Doc } from '../ports/store';

export const QUESTION_KINDS = ['scale', 'text', 'yesno', 'choice'] as const;
export interface Question {
  id: string;
  kind: (typeof QUESTION_KINDS)[number];
  text: string;
  choices?: string[];
}

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
