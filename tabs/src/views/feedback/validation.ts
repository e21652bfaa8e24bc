import type { I18n } from '../../i18n';

/**
 * The server's plain-text rule (domain/feedback `plainText`), checked here first so the
 * problem shows in the reader's language before anything is sent. The server still decides.
 */
export const TEXT_MAX = 2000;
const MARKUP = /<\/?[a-z!?][^>]*>|javascript\s*:|data\s*:\s*text\/html/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function textProblem(t: I18n['t'], text: string, required: boolean): string | undefined {
  if (!text) return required ? t('v.textRequired') : undefined;
  if (text.length > TEXT_MAX) return t('v.textLength', { max: TEXT_MAX });
  if (MARKUP.test(text)) return t('v.plainText');
  if (CONTROL.test(text)) return t('v.controlChars');
  return undefined;
}
