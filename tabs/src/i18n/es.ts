import type { FirstMessages } from './en';
import { circles } from './es/circles';
import { common } from './es/common';
import { feedback } from './es/feedback';
import { leader } from './es/leader';
import { lessons } from './es/lessons';
import { pulse } from './es/pulse';
import { paths } from './es/paths';
import { privacy } from './es/privacy';
import { pilots } from './es/pilots';
import { projects } from './es/projects';
import { shell } from './es/shell';
import { stories } from './es/stories';

export { es as codes } from '../../../i18n/es';

/** Spanish (neutral, tú form, as Microsoft's Spanish UI uses), one file per area as in English; domain codes from i18n/. */
export const es: FirstMessages = { ...common, ...shell, ...pilots, ...leader, ...feedback, ...circles, ...stories, ...projects, ...paths, ...lessons, ...privacy, ...pulse };
