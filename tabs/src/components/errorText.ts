import type { ApiError } from '../api/client';
import type { FieldProblem } from '../api/types';
import type { I18n } from '../i18n';
import type { Code } from '../../../i18n/codes';

type Words = Pick<I18n, 't' | 'word'>;

/** A code in the reader's words; the server's own words for a code this tab does not know. */
function worded(i18n: Words, code: string | undefined, params: FieldProblem['params'], fallback: string): string {
  if (!code) return fallback;
  const text = i18n.word(code as Code, params);
  return text === code ? fallback : text;
}

/** One field's problem, from its code ("must be at least 3 characters"). */
export const fieldText = (i18n: Words, f: FieldProblem): string => worded(i18n, f.code, f.params, f.message);

/** Why the server refused: its reason worded (a plain validation error field by field). */
export function refusalText(i18n: Words, err: ApiError): string {
  if (err.reason === 'invalid' && err.fields.length) return err.fields.map((f) => `${f.field}: ${fieldText(i18n, f)}`).join('; ');
  return worded(i18n, err.reason, err.params, err.message);
}

/** What to tell a person about a failed call: our words for transport problems, the server's reason for rule problems. */
export function errorText(i18n: Words, err: ApiError): string {
  if (err.code === 'network') return i18n.t('error.network');
  if (err.code === 'auth_failed') return i18n.t('auth.failed');
  if (err.status === 401) return i18n.t('error.unauthenticated');
  if (err.status >= 500 || !err.message) return i18n.t('error.generic');
  return refusalText(i18n, err);
}

/**
 * The plainer wording the circles, stories, projects and paths views use: not found, conflicts,
 * refusals, rate limits and field problems said in our own words; the rest as `errorText`.
 */
export function plainErrorText(i18n: Words, err: ApiError): string {
  if (err.status === 404) return i18n.t('err.notFound');
  if (err.status === 409) return err.message && err.code !== 'http_409' ? `${i18n.t('err.conflict')} (${refusalText(i18n, err)})` : i18n.t('err.conflict');
  if (err.status === 403) return i18n.t('err.forbidden');
  if (err.status === 429) return i18n.t('err.rateLimited');
  if (err.status === 400 && err.fields.length) return i18n.t('err.fields');
  return errorText(i18n, err);
}
