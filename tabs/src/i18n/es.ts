import type { FirstMessages } from './en';
import { common } from './es/common';
import { leader } from './es/leader';
import { pilots } from './es/pilots';
import { shell } from './es/shell';

export { core as codes } from '../../../i18n/es/core';

/** Spanish (neutral, tú form, as Microsoft's Spanish UI uses), one file per area as in English; the domain codes every view may show from i18n/es/core.ts. */
export const es: FirstMessages = { ...common, ...shell, ...pilots, ...leader };
