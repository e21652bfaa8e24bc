import type { Question } from '../practices/model';
import { settleQuestions, type QuestionInput } from '../practices/questions';
import type { Pilot } from './model';

/** Questions a pilot stops asking are kept (latest wording), so their rounds and trend stay labelled. */
export function pastQuestions(previous: Pilot, next: Question[]): Question[] | undefined {
  const asked = new Set(next.map((x) => x.id));
  const removed = previous.questions.filter((x) => !asked.has(x.id));
  const kept = (previous.pastQuestions ?? []).filter((x) => !asked.has(x.id) && !removed.some((r) => r.id === x.id));
  const past = [...kept, ...removed];
  return past.length ? past : undefined;
}

/** A pilot's questions as they are kept, from what was sent: see `settleQuestions`. */
export const settlePilotQuestions = (input: QuestionInput[], opts: { previous?: Pilot; defaults?: Question[] }): Question[] =>
  settleQuestions(input, { previous: opts.previous, underWay: !!opts.previous && opts.previous.status !== 'draft', defaults: opts.defaults });
