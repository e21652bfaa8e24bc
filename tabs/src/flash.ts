import type { MessageKey } from './i18n';

/**
 * One message carried across a navigation (e.g. "Pilot created" shown on the detail page the
 * form navigates to). Read once, then gone.
 */
let pending: MessageKey | undefined;

export const flash = {
  set(key: MessageKey): void {
    pending = key;
  },
  take(): MessageKey | undefined {
    const key = pending;
    pending = undefined;
    return key;
  },
};
