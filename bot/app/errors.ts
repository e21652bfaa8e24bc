import { DomainError } from '../../domain/shared/errors';
import type { Log } from '../../platform/log';
import { t, type Locale } from '../i18n';

/**
 * The one place a failure becomes words. A refusal the domain made on purpose is shown as it
 * is (in the reader's language, a validation problem field by field); the store being away
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
  if (err.kind === 'validation' && err.fields.length) return err.fields.map((f) => `${f.field}: ${t(locale, f.message)}`).join('; ');
  return t(locale, err.message);
}

export function failureText(err: unknown, locale: Locale, log: Log, what: string): string {
  if (err instanceof DomainError) return refusalText(err, locale);
  const e = err as Error | undefined;
  log.error({ err: { name: e?.name, message: e?.message, stack: e?.stack } }, what);
  return t(locale, SORRY);
}
