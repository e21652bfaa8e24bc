import type { Params } from '../domain/shared/codes';
import type { FieldProblem } from '../domain/shared/errors';
import type { SentTo, ShownAs } from '../domain/feedback/views';
import type { Code } from './codes';
import type { Words } from './format';

/**
 * Sentences built from several codes, the same way in every face: a refusal with its field
 * problems, where feedback went and how it is shown. Dictionary-free like ./format.ts.
 */

/** A refusal: its own wording, or (a plain validation error) each field with its problem. */
export function refusalText(w: Words, err: { code: string; params?: Params; fields?: readonly Pick<FieldProblem, 'field' | 'code' | 'params'>[] }): string {
  if (err.code === 'invalid' && err.fields?.length) return err.fields.map((f) => `${f.field}: ${w.word(f.code, f.params)}`).join('; ');
  return w.word(err.code as Code, err.params);
}

/** "Your manager (Morgan Lee)" / "Senior leaders". */
export function sentToText(w: Words, sentTo: SentTo): string {
  if (sentTo.to === 'leaders') return w.word('sent.leaders');
  return sentTo.name ? w.word('sent.manager_named', { name: sentTo.name }) : w.word('sent.manager');
}

/** "You, by name" / "Someone in Operations". */
export function shownAsText(w: Words, shownAs: ShownAs): string {
  return shownAs.as === 'named' ? w.word('shown.named') : w.word('shown.group', { group: shownAs.group });
}
