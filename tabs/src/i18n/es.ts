import type { Messages } from './en';
import { admin } from './es/admin';
import { circles } from './es/circles';
import { common } from './es/common';
import { feedback } from './es/feedback';
import { leader } from './es/leader';
import { lessons } from './es/lessons';
import { paths } from './es/paths';
import { preferences } from './es/preferences';
import { meeting } from './es/meeting';
import { pilots } from './es/pilots';
import { projects } from './es/projects';
import { shell } from './es/shell';
import { stories } from './es/stories';

export { es as codes } from '../../../i18n/es';

/** Spanish (neutral, tú form, as Microsoft's Spanish UI uses), one file per area as in English; domain codes from i18n/. */
export const es: Messages = { ...common, ...shell, ...pilots, ...leader, ...feedback, ...circles, ...stories, ...projects, ...paths, ...preferences, ...meeting, ...admin, ...lessons };
