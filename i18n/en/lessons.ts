import type { CodeWords } from '../codes';

/** The words of the codes only the tab's lessons area shows (they load with its strings: tabs/src/i18n). */
export const lessons = {
  errors: {
    'lesson.reach_leaders_only': 'Only senior leaders and admins can see how far lessons reach.',
  },
} satisfies CodeWords;
