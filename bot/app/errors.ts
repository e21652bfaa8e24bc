import { DomainError, type FieldProblem } from '../../domain/shared/errors';
import { refusalText as worded } from '../../i18n';
import type { Log } from '../../platform/log';
import { t, words, type Locale } from '../i18n';

/**
 * The one place a failure becomes words. A refusal the domain made on purpose is worded from
 * its code in the reader's language (a validation problem field by field); the store being away
 * gets the "cannot reach its data" sentence; anything else is logged and only apologised for,
 * since its message was never meant for people.
 */
export const CANNOT_REACH = 'Leaderful cannot reach its data right now. Please try again shortly.';
export const SORRY = 'Sorry, something went wrong. Please try again.';
export const OUTSIDE_TEAMS = 'Leaderful works inside a Microsoft Teams organisation. Please use it from Teams.';
/** A button or command id no route answers (an old card, a changed manifest). */
export const NO_BUTTON = 'This button is no longer available. Type “help” to see what I can do.';
export const NOT_AVAILABLE = 'That action is not available yet.';

export function refusalText(err: DomainError, locale: Locale): string {
  if (err.kind === 'unavailable') return t(locale, CANNOT_REACH);
  return worded(words(locale), err);
}

/** One field's problem as it follows the field's name ("must be at least 3 characters"). */
export const problemText = (f: FieldProblem, locale: Locale): string => words(locale).word(f.code, f.params);

/** One field's problem as a sentence of its own, under a form field ("Must be at least 3 characters."). */
export function problemSentence(f: FieldProblem, locale: Locale): string {
  const text = problemText(f, locale);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export function failureText(err: unknown, locale: Locale, log: Log, what: string): string {
  if (err instanceof DomainError) return refusalText(err, locale);
  const e = err as Error | undefined;
  log.error({ err: { name: e?.name, message: e?.message, stack: e?.stack } }, what);
  return t(locale, SORRY);
}
