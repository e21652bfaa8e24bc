import type { FirstMessages } from './en';
import { common } from './es/common';
import { leader } from './es/leader';
import { pilots } from './es/pilots';
import { shell } from './es/shell';

export { es as codes } from '../../../i18n/es';

/** Spanish (neutral, tú form, as Microsoft's Spanish UI uses), one file per area as in English; domain codes from i18n/. */
export const es: FirstMessages = { ...common, ...shell, ...pilots, ...leader };
