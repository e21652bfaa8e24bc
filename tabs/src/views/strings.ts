import type { LazyArea } from '../i18n';
import type { Route } from '../router';

/**
 * The lazy areas' strings each view reads (../i18n/en.ts: the first download has only the shell's,
 * the pilots' and the leader view's). Routes.tsx shows a view once they are here; the navigation
 * starts fetching them with the view's chunk. Parts of other views that read a lazy area load it
 * themselves (the leader view's feedback section, its pulse banner, the pilot dialogs).
 */
export const STRINGS: Partial<Record<Route['name'], readonly LazyArea[]>> = {
  feedback: ['feedback'],
  feedbackItem: ['feedback'],
  circles: ['circles'],
  circle: ['circles'],
  stories: ['stories'],
  story: ['stories'],
  projects: ['projects', 'stories'],
  project: ['projects'],
  challenges: ['projects'],
  lessons: ['lessons'],
  path: ['paths', 'lessons'],
  pulse: ['pulse'],
  // Preferences: one's data (privacy) and, for leaders, the pulse digest.
  preferences: ['preferences', 'privacy', 'pulse'],
  // The practice library's form (its strings are the pilot form's).
  practices: ['pilotForms'],
  meeting: ['meeting'],
  admin: ['admin', 'privacy'],
};

const NONE: readonly LazyArea[] = [];
export const stringsOf = (route: Route): readonly LazyArea[] => STRINGS[route.name] ?? NONE;
