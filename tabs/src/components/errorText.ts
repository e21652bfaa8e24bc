import type { ApiError } from '../api/client';
import type { I18n } from '../i18n';

/** What to tell a person about a failed call: our words for transport problems, the server's for rule problems. */
export function errorText(i18n: Pick<I18n, 't'>, err: ApiError): string {
  if (err.code === 'network') return i18n.t('error.network');
  if (err.code === 'auth_failed') return i18n.t('auth.failed');
  if (err.status === 401) return i18n.t('error.unauthenticated');
  if (err.status >= 500 || !err.message) return i18n.t('error.generic');
  return err.message;
}

/**
 * The plainer wording the circles, stories, projects and paths views use: not found, conflicts,
 * refusals, rate limits and field problems said in our own words; the rest as `errorText`.
 */
export function plainErrorText(i18n: Pick<I18n, 't' | 'language'>, err: ApiError): string {
  if (err.status === 404) return i18n.t('err.notFound');
  if (err.status === 409) return err.message && err.code !== 'http_409' ? `${i18n.t('err.conflict')} (${localizeServer(i18n, err.message)})` : i18n.t('err.conflict');
  if (err.status === 403) return i18n.t('err.forbidden');
  if (err.status === 429) return i18n.t('err.rateLimited');
  if (err.status === 400 && err.fields.length) return i18n.t('err.fields');
  return errorText(i18n, err);
}

/** The server writes field problems in English; the common ones are said in the reader's language. */
export function localizeServer(i18n: Pick<I18n, 't' | 'language'>, message: string): string {
  if (i18n.language === 'en') return message;
  let m: RegExpMatchArray | null;
  if ((m = message.match(/^must be at least (\d+) characters$/))) return i18n.t('v.min', { min: m[1] });
  if ((m = message.match(/^must be at most (\d+) characters$/))) return i18n.t('v.max', { max: m[1] });
  if (message === 'is required' || message === 'Required') return i18n.t('v.required');
  return message;
}
